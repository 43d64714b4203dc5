import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/lib/redis.js';
import { RedisPresence } from '../../src/realtime/presence.js';
import { silentLogger } from '../helpers/config.js';

describe('RedisPresence', () => {
  let redis: RedisServer;
  const connections: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await redis.stop();
  });

  const presence = (instanceId: string, onReaped: (u: string) => void = () => {}) => {
    const conn = new Redis(redis.url, {
      maxRetriesPerRequest: 1,
      enableOfflineQueue: false,
      lazyConnect: false,
    });
    connections.push(conn);
    const p = new RedisPresence({
      redis: conn,
      namespace: 'test:',
      instanceId,
      logger: silentLogger(),
      onReaped,
      heartbeatMs: 100,
      ttlMs: 400,
    });
    return { p, conn };
  };
  const settle = () => new Promise((r) => setTimeout(r, 150));

  it('counts a user online while any instance has a connection', async () => {
    const a = presence('a');
    const b = presence('b');
    await settle();
    expect(await a.p.connected('u1')).toBe(true);
    expect(await b.p.connected('u1')).toBe(false); // already online via a
    expect(await b.p.online(['u1', 'u2'])).toEqual(new Set(['u1']));
    expect(await a.p.disconnected('u1')).toBe(false); // still on b
    expect(await b.p.disconnected('u1')).toBe(true);
    expect(await a.p.online(['u1'])).toEqual(new Set());
    await a.p.close();
    await b.p.close();
  });

  it('reaps the users of an instance that stopped heart-beating, within its ttl', async () => {
    const reaped: string[] = [];
    const crashed = presence('crashed');
    const survivor = presence('survivor', (u) => reaped.push(u));
    await settle();
    await crashed.p.connected('u7');
    await crashed.p.connected('u8');
    await survivor.p.connected('u8'); // u8 is also connected to the survivor: stays online
    expect(await survivor.p.online(['u7', 'u8'])).toEqual(new Set(['u7', 'u8']));

    const t0 = Date.now();
    crashed.conn.disconnect(); // from Redis's view, the instance is gone
    while (!reaped.includes('u7') && Date.now() - t0 < 5_000) await new Promise((r) => setTimeout(r, 50));
    expect(reaped).toEqual(['u7']);
    expect(Date.now() - t0).toBeLessThan(2_000);
    expect(await survivor.p.online(['u7', 'u8'])).toEqual(new Set(['u8']));
    await survivor.p.close();
  });
});
