import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('web push to members without an open socket', () => {
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
  const settled = () => srv.running.services.push?.settled();
  // The stub refuses (and notes) a push whose VAPID, headers or encryption are wrong.
  afterEach(() => expect(stub.errors).toEqual([]));

  it('sends an offline member exactly one push per device, encrypted, with VAPID and the payload', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const [laptop, phone, annsOwn] = [stub.subscribe(), stub.subscribe(), stub.subscribe()];
    await registerDevice(srv.url, bob, webPushDevice(laptop));
    await registerDevice(srv.url, bob, webPushDevice(phone));
    await registerDevice(srv.url, ann, webPushDevice(annsOwn));

    const sent = await postMessage(srv.url, ann, chatId, 'lunch at noon?');
    await settled();
    for (const device of [laptop, phone]) {
      const got = stub.to((r) => r.target === device.id);
      expect(got).toHaveLength(1);
      expect(got[0]?.payload).toEqual({
        type: 'message',
        chatId,
        messageId: sent.id,
        senderId: ann.id,
        senderName: ann.userName,
        text: 'lunch at noon?',
        badge: 1,
      });
      expect(got[0]?.headers).toMatchObject({ topic: chatId, urgency: 'high' });
      expect(Number(got[0]?.headers.ttl)).toBeGreaterThan(0);
    }
    // Not to the sender.
    expect(stub.to((r) => r.target === annsOwn.id)).toHaveLength(0);
  });

  it('counts every unread message of every chat in the badge', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const [one, two] = [await createGroup(srv.url, ann, [bob]), await createGroup(srv.url, ann, [bob])];
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    await postMessage(srv.url, ann, one, 'first');
    await postMessage(srv.url, ann, two, 'second');
    const third = await postMessage(srv.url, ann, two, 'third');
    await settled();
    expect(stub.to((r) => r.target === sub.id && r.payload.messageId === third.id)[0]?.payload.badge).toBe(3);
  });

  it('sends nothing to a member with an open socket', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    const socket = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    const sent = await postMessage(srv.url, ann, chatId, 'you are here');
    await socket.next('message', (f) => f.message.id === sent.id);
    await settled();
    expect(stub.to((r) => r.target === sub.id)).toHaveLength(0);
    socket.close();
    await socket.closed;
  });

  it('leaves the text out when the member turned previews off, and puts it back when on', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    const me = await request(srv.url)
      .patch('/v1/users/me')
      .set(bearer(bob))
      .send({ pushPreviews: false })
      .expect(200);
    expect(me.body.pushPreviews).toBe(false);
    const hidden = await postMessage(srv.url, ann, chatId, 'a secret');
    await settled();
    const [got] = stub.to((r) => r.payload.messageId === hidden.id);
    expect(got?.payload).not.toHaveProperty('text');
    expect(got?.payload).toMatchObject({ type: 'message', chatId, senderId: ann.id, badge: 1 });

    await request(srv.url).patch('/v1/users/me').set(bearer(bob)).send({ pushPreviews: true }).expect(200);
    const shown = await postMessage(srv.url, ann, chatId, 'not a secret');
    await settled();
    expect(stub.to((r) => r.payload.messageId === shown.id)[0]?.payload.text).toBe('not a secret');
  });

  it('truncates a long text to a preview', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = stub.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    const sent = await postMessage(srv.url, ann, chatId, 'x'.repeat(3000));
    await settled();
    const text = stub.to((r) => r.payload.messageId === sent.id)[0]?.payload.text as string;
    expect([...text].length).toBe(120);
    expect(text.endsWith('…')).toBe(true);
  });
});
