import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/lib/redis.js';
import { LocalPresence, RedisPresence } from '../../src/realtime/presence.js';
import { silentLogger } from '../helpers/config.js';

// Push skips a member who was online when a message was created (it was delivered live), even if
// their last socket closed before the push was planned: presence remembers when each went offline.
describe('when a user was last online', () => {
  let redis: RedisServer;
  const connections: Redis[] = [];
  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    for (const c of connections) c.disconnect();
    await redis.stop();
  });

  const redisPresence = async (instanceId: string) => {
    const conn = new Redis(redis.url, { maxRetriesPerRequest: 1, enableOfflineQueue: false });
    connections.push(conn);
    // Without an offline queue, commands before this would fail (and presence fall back to local).
    await new Promise((resolve) => conn.once('ready', resolve));
    return new RedisPresence({
      redis: conn,
      namespace: 'last-online:',
      instanceId,
      logger: silentLogger(),
      onReaped: () => {},
    });
  };

  it('is now while connected, the moment the last connection closed after, and unknown before', async () => {
    const p = new LocalPresence();
    await p.connected('u1');
    await p.connected('u1');
    expect(await p.lastOnline(['u1', 'u2'])).toEqual(new Map([['u1', Number.POSITIVE_INFINITY]]));
    await p.disconnected('u1');
    expect((await p.lastOnline(['u1'])).get('u1')).toBe(Number.POSITIVE_INFINITY);
    const before = Date.now();
    await p.disconnected('u1');
    const at = (await p.lastOnline(['u1'])).get('u1') ?? 0;
    expect(at).toBeGreaterThanOrEqual(before);
    expect(at).toBeLessThanOrEqual(Date.now());
    await p.connected('u1');
    expect((await p.lastOnline(['u1'])).get('u1')).toBe(Number.POSITIVE_INFINITY);
  });

  it('is shared by every instance through Redis, online on any of them winning', async () => {
    const [a, b] = await Promise.all([redisPresence('a'), redisPresence('b')]);
    await a.connected('u3');
    await b.connected('u3');
    await a.disconnected('u3');
    // Still connected to b: online, though a wrote when its connection closed.
    expect((await a.lastOnline(['u3'])).get('u3')).toBe(Number.POSITIVE_INFINITY);
    const before = Date.now();
    await b.disconnected('u3');
    const seenByA = (await a.lastOnline(['u3', 'u4'])).get('u3') ?? 0;
    expect(seenByA).toBeGreaterThanOrEqual(before);
    expect(seenByA).toBeLessThanOrEqual(Date.now());
    expect((await a.lastOnline(['u4'])).has('u4')).toBe(false);
    await a.close();
    await b.close();
  });

  it('marks the users of an instance shut down cleanly as offline from then', async () => {
    const [a, b] = await Promise.all([redisPresence('c'), redisPresence('d')]);
    await a.connected('u5');
    const before = Date.now();
    await a.close();
    expect((await b.lastOnline(['u5'])).get('u5')).toBeGreaterThanOrEqual(before);
    await b.close();
  });
});
