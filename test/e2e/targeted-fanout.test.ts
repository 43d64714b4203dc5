import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../scripts/lib/dynamodb-local.js';
import { loadBalancer, type Nginx } from '../../scripts/lib/nginx.js';
import { type RedisServer, startRedis } from '../../scripts/lib/redis.js';
import type { Message } from '../../src/client/index.js';
import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import { createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { dynamoEndpoint, uniquePrefix } from '../helpers/db.js';
import { type ServerProcess, spawnServer } from '../helpers/process.js';
import { counterTotal, history, tracked, waitFor } from '../helpers/tracked.js';

type Instance = ServerProcess & { metricsPort: number };

// Three real processes, one redis-server, DynamoDB Local: the bus sends a chat's events only to
// the instances holding one of its members.
describe('targeted fan-out across three instances', () => {
  let redis: RedisServer;
  let one: Instance;
  let two: Instance;
  let three: Instance;
  let lb: Nginx;
  let users: readonly TestUser[];
  const prefix = uniquePrefix();
  const ws = (port: number) => `ws://127.0.0.1:${port}/v1/ws`;
  const metrics = async (i: Instance) => (await fetch(`http://127.0.0.1:${i.metricsPort}/metrics`)).text();
  const launch = async (): Promise<Instance> => {
    const metricsPort = await freePort();
    const env = {
      DYNAMODB_ENDPOINT: dynamoEndpoint(),
      TABLE_PREFIX: prefix,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
      METRICS_PORT: String(metricsPort),
    };
    return { ...(await spawnServer(env)), metricsPort };
  };

  beforeAll(async () => {
    const db = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: prefix });
    await createTables(db.raw, db.tables);
    db.destroy();
    redis = await startRedis();
    // One after another: three TypeScript processes starting at once on two cores are slow.
    one = await launch();
    two = await launch();
    three = await launch();
    lb = await loadBalancer([one.port, two.port]);
    users = await signUpAll(lb.url, 'ann', 'ben', 'cat', 'dan', 'loner');
  }, 120_000);

  afterAll(async () => {
    for (const p of [one, two, three]) if (p?.child.exitCode === null) p.child.kill('SIGKILL');
    await lb?.stop();
    await redis?.stop();
  });

  it('delivers a chat between instances 1 and 2 exactly once and sends none of it to instance 3', {
    timeout: 90_000,
  }, async () => {
    const [ann, ben, , , loner] = users as [TestUser, TestUser, TestUser, TestUser, TestUser];
    const group = await createGroup(lb.url, ann, [ben]);
    const own = await createGroup(lb.url, loner, []);
    const onOne = tracked(ann, ws(one.port));
    const onTwo = tracked(ben, ws(two.port));
    const onThree = tracked(loner, ws(three.port));
    for (const t of [onOne, onTwo, onThree]) {
      const synced = t.synced();
      await t.c.open();
      await synced;
    }
    const sent = await Promise.all([
      ...Array.from({ length: 25 }, (_, n) => onOne.c.send(group, `ann ${n}`)),
      ...Array.from({ length: 25 }, (_, n) => onTwo.c.send(group, `ben ${n}`)),
    ]);
    const mine = await onThree.c.send(own, 'talking to myself');
    const ids = sent.map((m) => m.id);
    for (const t of [onOne, onTwo]) await waitFor('both see all 50', () => ids.every((id) => t.seen.has(id)));

    for (const t of [onOne, onTwo]) expect(t.frames.length - new Set(t.frames).size).toBe(0); // exactly once
    // Each side received as live frames exactly the 25 the other side sent.
    expect(onOne.frames).toHaveLength(25);
    expect(onTwo.frames).toHaveLength(25);
    expect(ids.some((id) => onThree.seen.has(id))).toBe(false);

    const [m1, m2, m3] = await Promise.all([metrics(one), metrics(two), metrics(three)]);
    // Instance 3 parsed none of the chat's traffic: not the messages, not presence, not membership.
    expect(counterTotal(m3, 'chatx_bus_events_received_total')).toBe(0);
    expect(counterTotal(m3, 'chatx_bus_events_published_total', 'type="message"')).toBe(1);
    // Instances 1 and 2 received exactly the other's 25 messages (not the loner's), each needed.
    expect(counterTotal(m1, 'chatx_bus_events_received_total', 'type="message"')).toBe(25);
    expect(counterTotal(m2, 'chatx_bus_events_received_total', 'type="message"')).toBe(25);
    expect(counterTotal(m1, 'chatx_bus_events_unneeded_total', 'type="message"')).toBe(0);
    expect(mine.chatId).toBe(own);
    for (const t of [onOne, onTwo, onThree]) t.c.close();
  });

  it('loses no acked message when an instance is killed with -9 mid-stream', {
    timeout: 120_000,
  }, async () => {
    const [ann, ben, cat, dan] = users as [TestUser, TestUser, TestUser, TestUser];
    const group = await createGroup(lb.url, ann, [ben, cat, dan]);
    const before = counterTotal(await metrics(three), 'chatx_bus_events_received_total');
    const clients = [ann, ben, cat, dan].map((u) => tracked(u, ws(lb.port)));
    for (const t of clients) await t.c.open(); // round-robin: two on instance 1, two on 2
    const acked: Message[] = [];
    let failed = 0;
    const sending = clients.map(async (t, i) => {
      const pending: Promise<void>[] = [];
      for (let n = 0; n < 40; n++) {
        pending.push(
          t.c.send(group, `${i}:${n}`, `kill-${i}-${n}`).then(
            (m) => void acked.push(m),
            () => {
              failed += 1;
            },
          ),
        );
        await new Promise((r) => setTimeout(r, 100)); // 10 a second: a fast typist
      }
      await Promise.all(pending);
    });
    await waitFor('the stream is under way', () => acked.length >= 20);
    one.child.kill('SIGKILL');
    await Promise.all(sending);

    expect(failed).toBe(0);
    expect(acked).toHaveLength(160);
    expect(clients.filter((t) => t.drops.count > 0).length).toBeGreaterThanOrEqual(1);
    for (const t of clients) await t.c.sync();
    const stored = await history(lb.url, ann, group);
    expect(new Set(stored.map((m) => m.clientMsgId)).size).toBe(stored.length);
    const storedIds = new Set(stored.map((m) => m.id));
    for (const m of acked) expect(storedIds.has(m.id)).toBe(true);
    for (const t of clients) {
      const missing = acked.filter((m) => !t.seen.has(m.id)).length;
      expect({ user: t.user.userName, missing }).toEqual({ user: t.user.userName, missing: 0 });
    }
    // Instance 3 holds none of these users: it still received nothing.
    expect(counterTotal(await metrics(three), 'chatx_bus_events_received_total')).toBe(before);
    for (const t of clients) t.c.close();
  });
});
