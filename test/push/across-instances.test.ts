import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/lib/redis.js';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { createTestDb, dynamoEndpoint, uniquePrefix } from '../helpers/db.js';
import { type ServerProcess, spawnServer } from '../helpers/process.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { TestSocket } from '../helpers/ws.js';

// Every instance hears of every message (Redis fan-out), but only the one whose writer stored it
// pushes it; presence in Redis tells it who has a socket on another instance.
describe('push with two instances and Redis', () => {
  const vapid = vapidEnv();
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  let redis: RedisServer;
  let a: ServerProcess;
  let b: ServerProcess;
  beforeAll(async () => {
    await stub.start();
    redis = await startRedis();
    const prefix = uniquePrefix();
    (await createTestDb(prefix)).destroy();
    const env = {
      DYNAMODB_ENDPOINT: dynamoEndpoint(),
      TABLE_PREFIX: prefix,
      REDIS_URL: redis.url,
      LOG_LEVEL: 'warn',
      ...vapid,
    };
    [a, b] = await Promise.all([spawnServer(env), spawnServer(env)]);
  }, 60_000);
  afterAll(async () => {
    for (const s of [a, b]) s?.child.kill('SIGKILL');
    await redis?.stop();
    await stub.stop();
  });

  it('pushes each message once per device, not once per instance', { timeout: 60_000 }, async () => {
    const [ann, bob] = await signUpAll(a.url, 'ann', 'bob');
    const chatId = await createGroup(a.url, ann, [bob]);
    const [laptop, phone] = [stub.subscribe(), stub.subscribe()];
    await registerDevice(a.url, bob, webPushDevice(laptop));
    await registerDevice(b.url, bob, webPushDevice(phone));

    const viaA = await postMessage(a.url, ann, chatId, 'sent through A');
    const viaB = await postMessage(b.url, ann, chatId, 'sent through B');
    await stub.waitFor((r) => r.payload.messageId === viaA.id, 2);
    await stub.waitFor((r) => r.payload.messageId === viaB.id, 2);
    // A late duplicate would have been planned alongside the first: a later message marks the end.
    const marker = await postMessage(a.url, ann, chatId, 'marker');
    await stub.waitFor((r) => r.payload.messageId === marker.id, 2);

    // Each instance pushes what it stored, so A's and B's pushes may arrive in either order.
    for (const device of [laptop, phone])
      expect(
        stub
          .to((r) => r.target === device.id)
          .map((r) => r.payload.messageId)
          .sort(),
      ).toEqual([viaA.id, viaB.id, marker.id]);
    expect(stub.errors).toEqual([]);
  });

  it('sends nothing to a member whose socket is open on the other instance', {
    timeout: 60_000,
  }, async () => {
    const [ann, bob, carol] = await signUpAll(a.url, 'ann', 'bob', 'carol');
    const chatId = await createGroup(a.url, ann, [bob, carol]);
    const sub = stub.subscribe();
    await registerDevice(a.url, bob, webPushDevice(sub));
    // Carol stays offline: her push of a message shows that its plan has run.
    const carols = stub.subscribe();
    await registerDevice(a.url, carol, webPushDevice(carols));
    const annOnA = await TestSocket.ready(`ws://127.0.0.1:${a.port}/v1/ws`, ann.accessToken);
    const onB = await TestSocket.ready(`ws://127.0.0.1:${b.port}/v1/ws`, bob.accessToken);
    // Announced once Redis lists him (just after his `ready`): from then on he counts as online.
    await annOnA.next('presence', (f) => f.userId === bob.id && f.online, 10_000);
    const live = await postMessage(a.url, ann, chatId, 'bob is on B');
    await onB.next('message', (f) => f.message.id === live.id);
    // Bob stays until the message was planned. (Leaving before it would not get him a push
    // either: presence remembers when he went offline, see offline-race.test.ts.)
    await stub.waitFor((r) => r.target === carols.id && r.payload.messageId === live.id);
    onB.close();
    // Announced once Redis no longer lists him anywhere.
    await annOnA.next('presence', (f) => f.userId === bob.id && !f.online, 10_000);
    annOnA.close();
    // Offline again: the next message is pushed; the one before never was.
    const after = await postMessage(a.url, ann, chatId, 'bob left');
    await stub.waitFor((r) => r.payload.messageId === after.id);
    expect(stub.to((r) => r.target === sub.id).map((r) => r.payload.messageId)).toEqual([after.id]);
  });
});
