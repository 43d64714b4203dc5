import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('muted chats', () => {
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

  it('push nothing while muted, and push again once unmuted', async () => {
    const [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    const chatId = await createGroup(srv.url, ann, [bob, cat]);
    const [bobs, cats] = [stub.subscribe(), stub.subscribe()];
    await registerDevice(srv.url, bob, webPushDevice(bobs));
    await registerDevice(srv.url, cat, webPushDevice(cats));
    const until = new Date(Date.now() + 3600_000).toISOString();
    const muted = await request(srv.url)
      .patch(`/v1/chats/${chatId}/settings`)
      .set(bearer(bob))
      .send({ mutedUntil: until })
      .expect(200);
    expect(muted.body).toEqual({ mutedUntil: until, archived: false, pinned: false });

    const quiet = await postMessage(srv.url, ann, chatId, 'while muted');
    await settled();
    expect(stub.to((r) => r.target === bobs.id)).toHaveLength(0);
    // Muting is Bob's alone: Cat still hears of it.
    expect(stub.to((r) => r.target === cats.id && r.payload.messageId === quiet.id)).toHaveLength(1);

    await request(srv.url)
      .patch(`/v1/chats/${chatId}/settings`)
      .set(bearer(bob))
      .send({ mutedUntil: null })
      .expect(200);
    const loud = await postMessage(srv.url, ann, chatId, 'after unmute');
    await settled();
    const got = stub.to((r) => r.target === bobs.id);
    expect(got.map((r) => r.payload.messageId)).toEqual([loud.id]);
    // Both messages are unread, muted or not.
    expect(got[0]?.payload.badge).toBe(2);
  });

  it('pushes again by itself once mutedUntil has passed', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    const past = new Date(Date.now() - 1_000).toISOString();
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/settings`)
      .set(bearer(bob))
      .send({ mutedUntil: past })
      .expect(200);
    const sent = await postMessage(srv.url, ann, chatId, 'mute is over');
    await settled();
    expect(stub.to((r) => r.target === sub.id).map((r) => r.payload.messageId)).toEqual([sent.id]);
  });
});
