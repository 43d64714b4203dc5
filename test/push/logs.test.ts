import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { ApnsStub, FcmStub, vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('logs of pushes', () => {
  const vapid = vapidEnv();
  const web = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  const apns = new ApnsStub();
  const fcm = new FcmStub();
  let srv: TestServer;
  let lines = '';
  beforeAll(async () => {
    await Promise.all([web.start(), apns.start(), fcm.start()]);
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines += chunk;
        done();
      },
    });
    srv = await startTestServer({
      env: { ...vapid, ...apns.env(), ...fcm.env() },
      push: { retryBaseMs: 20, maxAttempts: 2 },
      logger: createLogger({ level: 'trace', pretty: false, destination: sink }),
    });
  });
  afterAll(async () => {
    await srv?.close();
    await Promise.all([web.stop(), apns.stop(), fcm.stop()]);
  });

  it('name devices and messages by id only: no endpoint, key, token or text', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const [ok, gone, failing] = [web.subscribe(), web.subscribe(), web.subscribe()];
    const apnsToken = 'cd'.repeat(32);
    const fcmToken = `fcm-secret:${'z'.repeat(40)}`;
    for (const s of [ok, gone, failing]) await registerDevice(srv.url, bob, webPushDevice(s));
    await registerDevice(srv.url, bob, { platform: 'apns', token: apnsToken });
    await registerDevice(srv.url, bob, { platform: 'fcm', token: fcmToken });
    web.respond(gone.id, { status: 410 });
    web.respond(failing.id, { status: 500 }, { status: 500 });
    apns.respond(apnsToken, { status: 400, body: { reason: 'BadDeviceToken' } });
    await postMessage(srv.url, ann, chatId, 'the secret plans');
    await srv.running.services.push?.settled();

    expect(web.to((r) => r.target === ok.id)).toHaveLength(1);
    expect(lines).toContain('push: not delivered');
    expect(lines).toContain('removed it');
    for (const secret of [
      'the secret plans',
      ok.id,
      gone.id,
      failing.id,
      ok.json.keys.p256dh,
      ok.json.keys.auth,
      apnsToken,
      fcmToken,
      vapid.VAPID_PRIVATE_KEY,
    ])
      expect(lines).not.toContain(secret);
  });
});
