import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// The planner caches members, devices, settings, profiles and badges (src/push/lookups.ts): a
// change made a moment ago on this instance must still be honoured by the very next message.
describe('push planning with cached reads', () => {
  const vapid = vapidEnv();
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  let srv: TestServer;
  beforeAll(async () => {
    await stub.start();
    srv = await startTestServer({ env: vapid });
  });
  afterAll(async () => {
    await srv?.close();
    await stub.stop();
  });
  afterEach(() => expect(stub.errors).toEqual([]));
  const settled = () => srv.running.services.push?.settled();
  const idsTo = (id: string) => stub.to((r) => r.target === id).map((r) => r.payload.messageId);

  it('pushes to a device registered a moment ago, though "no device" was just cached', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    await postMessage(srv.url, ann, chatId, 'before the device');
    await settled();
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    const sent = await postMessage(srv.url, ann, chatId, 'after the device');
    await settled();
    expect(idsTo(sub.id)).toEqual([sent.id]);
  });

  it('pushes nothing to a device removed a moment ago', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    const deviceId = await registerDevice(srv.url, bob, webPushDevice(sub));
    const first = await postMessage(srv.url, ann, chatId, 'while registered');
    await settled();
    await request(srv.url).delete(`/v1/devices/${deviceId}`).set(bearer(bob)).expect(204);
    await postMessage(srv.url, ann, chatId, 'after removal');
    await settled();
    expect(idsTo(sub.id)).toEqual([first.id]);
  });

  it('honours a mute set a moment ago, though the settings were just cached', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    const first = await postMessage(srv.url, ann, chatId, 'before the mute');
    await settled();
    const until = new Date(Date.now() + 3600_000).toISOString();
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/settings`)
      .set(bearer(bob))
      .send({ mutedUntil: until })
      .expect(200);
    await postMessage(srv.url, ann, chatId, 'while muted');
    await settled();
    expect(idsTo(sub.id)).toEqual([first.id]);
  });

  it('pushes to a member added a moment ago, though the members were just cached', async () => {
    const [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, cat, webPushDevice(sub));
    await postMessage(srv.url, ann, chatId, 'before cat');
    await settled();
    await request(srv.url)
      .post(`/v1/chats/${chatId}/members`)
      .set(bearer(ann))
      .send({ userId: cat.id })
      .expect(201);
    const sent = await postMessage(srv.url, ann, chatId, 'welcome cat');
    await settled();
    expect(idsTo(sub.id)).toEqual([sent.id]);
  });

  it('counts the badge on from a cached total, and starts over after a read', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    await postMessage(srv.url, ann, chatId, 'one');
    await settled();
    const two = await postMessage(srv.url, ann, chatId, 'two');
    await settled();
    await request(srv.url)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(bob))
      .send({ messageId: two.id })
      .expect(200);
    await postMessage(srv.url, ann, chatId, 'three');
    await settled();
    expect(stub.to((r) => r.target === sub.id).map((r) => r.payload.badge)).toEqual([1, 2, 1]);
  });

  it('plans further messages from cached reads, each badge counted on by one', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    await postMessage(srv.url, ann, chatId, 'warm');
    await settled();
    const lookups = srv.running.services.push?.lookups;
    const before = lookups?.stats.storeReads ?? 0;
    const sent = await Promise.all(['a', 'b', 'c', 'd'].map((t) => postMessage(srv.url, ann, chatId, t)));
    await settled();
    expect(new Set(idsTo(sub.id))).toEqual(new Set([...idsTo(sub.id).slice(0, 1), ...sent.map((m) => m.id)]));
    const badges = stub.to((r) => r.target === sub.id).map((r) => r.payload.badge);
    expect(badges.sort()).toEqual([1, 2, 3, 4, 5]);
    // Members, devices, settings and profiles are cached; the badge is read afresh at most once.
    expect((lookups?.stats.storeReads ?? 0) - before).toBeLessThanOrEqual(2);
  });
});
