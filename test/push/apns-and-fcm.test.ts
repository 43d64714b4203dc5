import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { registerDevice } from '../helpers/push.js';
import { ApnsStub, FcmStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('push to iOS (APNs) and Android (FCM) devices', () => {
  const apns = new ApnsStub();
  const fcm = new FcmStub();
  let srv: TestServer;
  beforeAll(async () => {
    await Promise.all([apns.start(), fcm.start()]);
    srv = await startTestServer({ env: { ...apns.env(), ...fcm.env() } });
  });
  afterAll(async () => {
    await srv?.close();
    await Promise.all([apns.stop(), fcm.stop()]);
  });
  const settled = () => srv.running.services.push?.settled();

  it('sends one APNs push over HTTP/2 with a valid ES256 provider token, badge and thread', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const token = 'ab'.repeat(32);
    await registerDevice(srv.url, bob, { platform: 'apns', token });
    const sent = await postMessage(srv.url, ann, chatId, 'from the phone');
    await settled();
    const got = apns.to((r) => r.target === token);
    expect(apns.errors).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]?.payload).toEqual({
      aps: {
        alert: { title: ann.userName, body: 'from the phone' },
        badge: 1,
        sound: 'default',
        'thread-id': chatId,
      },
      type: 'message',
      chatId,
      messageId: sent.id,
      senderId: ann.id,
      senderName: ann.userName,
      text: 'from the phone',
      badge: 1,
    });
    expect(got[0]?.headers).toMatchObject({ 'apns-priority': '10', 'apns-collapse-id': chatId });
  });

  it('sends one FCM push with an OAuth token from the service account, reusing the token', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const token = `fcm:${'t'.repeat(60)}`;
    await registerDevice(srv.url, bob, { platform: 'fcm', token });
    const first = await postMessage(srv.url, ann, chatId, 'to android');
    await settled();
    const second = await postMessage(srv.url, ann, chatId, 'again');
    await settled();
    expect(fcm.errors).toEqual([]);
    const got = fcm.to((r) => r.target === token);
    expect(got.map((r) => r.payload.messageId)).toEqual([first.id, second.id]);
    expect(got[0]?.payload).toEqual({
      type: 'message',
      chatId,
      messageId: first.id,
      senderId: ann.id,
      senderName: ann.userName,
      text: 'to android',
      badge: '1',
    });
    expect(fcm.tokenRequests).toBe(1);
  });
});
