import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/dynamodb-local.js';
import { loadBalancer, type Nginx } from '../../scripts/lib/nginx.js';
import { type RedisServer, startRedis } from '../../scripts/lib/redis.js';
import type { Message } from '../../src/client/index.js';
import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { dynamoEndpoint, uniquePrefix } from '../helpers/db.js';
import { type ServerProcess, spawnServer } from '../helpers/process.js';
import { history, tracked, waitFor } from '../helpers/tracked.js';

describe('two instances behind nginx, fan-out through Redis', () => {
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;
  let lb: Nginx;
  let users: readonly TestUser[];
  const prefix = uniquePrefix();
  const env = () => ({
    DYNAMODB_ENDPOINT: dynamoEndpoint(),
    TABLE_PREFIX: prefix,
    REDIS_URL: redis.url,
    LOG_LEVEL: 'warn',
  });
  const ws = (port: number) => `ws://127.0.0.1:${port}/v1/ws`;

  beforeAll(async () => {
    const db = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: prefix });
    await createTables(db.raw, db.tables);
    db.destroy();
    redis = await startRedis();
    [a, b] = await Promise.all([
      spawnServer(env(), { port: await freePort() }),
      spawnServer(env(), { port: await freePort() }),
    ]);
    lb = await loadBalancer([a.port, b.port]);
    users = await signUpAll(lb.url, 'u0', 'u1', 'u2', 'u3', 'u4', 'u5');
  }, 90_000);

  afterAll(async () => {
    for (const p of [a, b]) if (p?.child.exitCode === null) p.child.kill('SIGKILL');
    await lb?.stop();
    await redis?.stop();
  });

  it('delivers every message to every member exactly once, across instances', {
    timeout: 60_000,
  }, async () => {
    const group = await createGroup(lb.url, users[0] as TestUser, users.slice(1));
    const direct = (
      await request(lb.url)
        .post('/v1/chats')
        .set(bearer(users[1] as TestUser))
        .send({ type: 'direct', userId: users[2]?.id })
    ).body.id;
    // Even users on instance A, odd on B.
    const clients = users.map((u, i) => tracked(u, ws(i % 2 === 0 ? a.port : b.port)));
    await Promise.all(
      clients.map(async (t) => {
        const synced = t.synced();
        await t.c.open();
        await synced;
      }),
    );

    await Promise.all(
      clients.map((t, i) => Promise.all(Array.from({ length: 20 }, (_, n) => t.c.send(group, `${i}:${n}`)))),
    );
    await Promise.all(
      [1, 2].map((i) =>
        Promise.all(Array.from({ length: 10 }, (_, n) => clients[i]?.c.send(direct, `dm ${i}:${n}`))),
      ),
    );

    const groupHistory = (await history(lb.url, users[0] as TestUser, group)).map((m) => m.id);
    const directHistory = (await history(lb.url, users[1] as TestUser, direct)).map((m) => m.id);
    expect(groupHistory).toHaveLength(120);
    expect(directHistory).toHaveLength(20);
    for (const t of clients) await waitFor('group fan-out', () => groupHistory.every((id) => t.seen.has(id)));
    for (const i of [1, 2])
      await waitFor('direct fan-out', () => directHistory.every((id) => clients[i]?.seen.has(id)));
    for (const [i, t] of clients.entries()) {
      // Live delivery: no message frame twice on any connection.
      expect({ client: i, dupes: t.frames.length - new Set(t.frames).size }).toEqual({ client: i, dupes: 0 });
      // Non-members of the direct chat never saw it.
      if (i !== 1 && i !== 2) expect(directHistory.some((id) => t.seen.has(id))).toBe(false);
    }
    for (const t of clients) t.c.close();
  });

  it('survives kill -9 of one instance mid-stream: zero acked messages lost, none duplicated', {
    timeout: 90_000,
  }, async () => {
    const group = await createGroup(lb.url, users[0] as TestUser, users.slice(1, 4));
    const clients = users.slice(0, 4).map((u) => tracked(u, ws(lb.port)));
    for (const t of clients) await t.c.open(); // round-robin: two on each instance
    const acked: Message[] = [];
    let failed = 0;
    const sending = clients.map(async (t, i) => {
      const pending: Promise<void>[] = [];
      // 40 each at 10 per second: a fast typist, within the per-connection send limit.
      for (let n = 0; n < 40; n++) {
        pending.push(
          t.c.send(group, `${i}:${n}`, `k${i}-${n}`).then(
            (m) => void acked.push(m),
            () => {
              failed += 1;
            },
          ),
        );
        await new Promise((r) => setTimeout(r, 100));
      }
      await Promise.all(pending);
    });
    await new Promise((r) => setTimeout(r, 1_500));
    a.child.kill('SIGKILL');
    await Promise.all(sending);

    expect(failed).toBe(0);
    expect(acked).toHaveLength(160);
    // Round-robin put half the clients on the killed instance; they reconnected to the survivor.
    expect(clients.filter((t) => t.drops.count > 0).length).toBeGreaterThanOrEqual(1);
    for (const t of clients) await t.c.sync();
    const stored = await history(lb.url, users[0] as TestUser, group);
    expect(new Set(stored.map((m) => m.clientMsgId)).size).toBe(stored.length); // no duplicates
    const storedIds = new Set(stored.map((m) => m.id));
    for (const m of acked) expect(storedIds.has(m.id)).toBe(true); // every ack is durable
    for (const t of clients) {
      const missing = acked.filter((m) => !t.seen.has(m.id));
      expect({ user: t.user.userName, missing: missing.length }).toEqual({
        user: t.user.userName,
        missing: 0,
      });
    }
    for (const t of clients) t.c.close();
  });

  it('keeps acking while Redis is down and recovers the missed frames after it returns', {
    timeout: 90_000,
  }, async () => {
    a = await spawnServer(env(), { port: a.port });
    const group = await createGroup(lb.url, users[0] as TestUser, [users[1] as TestUser]);
    const onA = tracked(users[0] as TestUser, ws(a.port));
    const onB = tracked(users[1] as TestUser, ws(b.port));
    await onA.c.open();
    await onB.c.open();

    await redis.stop();
    let readiness: { status?: string } = {};
    for (let i = 0; i < 50 && readiness.status !== 'degraded'; i++) {
      const res = await fetch(`${a.url}/readyz`);
      expect(res.status).toBe(200); // degraded, still serving
      readiness = (await res.json()) as { status?: string };
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(readiness.status).toBe('degraded');

    const during = await Promise.all(
      Array.from({ length: 10 }, (_, n) => onA.c.send(group, `while redis is down ${n}`)),
    );
    expect(during).toHaveLength(10); // acked: durable in DynamoDB without Redis

    await redis.restart();
    // B's hub asks its clients to resync once fan-out is back; the client syncs by itself.
    await waitFor('missed frames recovered', () => during.every((m) => onB.seen.has(m.id)), 30_000);
    const after = await onA.c.send(group, 'after recovery');
    await waitFor('live again', () => onB.seen.has(after.id));
    onA.c.close();
    onB.c.close();
  });
});
