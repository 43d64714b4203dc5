import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { registerDevice, webPushDevice } from '../helpers/push.js';
import { ApnsStub, FcmStub, vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('push retries and gone devices', () => {
  const vapid = vapidEnv();
  const web = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  const apns = new ApnsStub();
  const fcm = new FcmStub();
  let srv: TestServer;
  beforeAll(async () => {
    await Promise.all([web.start(), apns.start(), fcm.start()]);
    srv = await startTestServer({
      env: { ...vapid, ...apns.env(), ...fcm.env() },
      push: { retryBaseMs: 50 },
    });
  });
  afterAll(async () => {
    await srv?.close();
    await Promise.all([web.stop(), apns.stop(), fcm.stop()]);
  });
  const settled = () => srv.running.services.push?.settled();
  const deviceIds = async (u: Parameters<typeof bearer>[0]) =>
    (await request(srv.url).get('/v1/devices').set(bearer(u)).expect(200)).body.devices.map(
      (d: { id: string }) => d.id,
    );

  it('retries after a 503 with Retry-After, no sooner, and delivers once', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = web.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    web.respond(
      sub.id,
      { status: 503, headers: { 'retry-after': '1' } },
      { status: 429, headers: { 'retry-after': '1' } },
    );
    const startedAt = Date.now();
    const sent = await postMessage(srv.url, ann, chatId, 'eventually');
    await web.waitFor((r) => r.target === sub.id);
    expect(Date.now() - startedAt).toBeGreaterThanOrEqual(2_000);
    await settled();
    expect(web.to((r) => r.target === sub.id).map((r) => r.payload.messageId)).toEqual([sent.id]);
    expect(web.errors).toEqual([]);
  });

  it('gives up after a bounded number of attempts', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = web.subscribe();
    const id = await registerDevice(srv.url, bob, webPushDevice(sub));
    const failures = Array.from({ length: 10 }, () => ({ status: 500 }));
    web.respond(sub.id, ...failures);
    const before = srv.running.services.push?.stats.failed ?? 0;
    await postMessage(srv.url, ann, chatId, 'never arrives');
    await settled();
    expect(web.to((r) => r.target === sub.id)).toHaveLength(0);
    expect(srv.running.services.push?.stats.failed).toBe(before + 1);
    // A server error is no reason to forget the device.
    expect(await deviceIds(bob)).toEqual([id]);
  });

  it('deletes a Web Push device the push service answers 410 Gone for', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const [gone, kept] = [web.subscribe(), web.subscribe()];
    await registerDevice(srv.url, bob, webPushDevice(gone));
    const keptId = await registerDevice(srv.url, bob, webPushDevice(kept));
    web.respond(gone.id, { status: 410 });
    await postMessage(srv.url, ann, chatId, 'hello?');
    await settled();
    expect(await deviceIds(bob)).toEqual([keptId]);
    // And it is not tried again.
    await postMessage(srv.url, ann, chatId, 'again');
    await settled();
    expect(web.to((r) => r.target === gone.id)).toHaveLength(0);
    expect(web.to((r) => r.target === kept.id)).toHaveLength(2);
  });

  it('deletes a Web Push device answered 404', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sub = web.subscribe();
    await registerDevice(srv.url, bob, webPushDevice(sub));
    web.respond(sub.id, { status: 404 });
    await postMessage(srv.url, ann, chatId, 'hello?');
    await settled();
    expect(await deviceIds(bob)).toEqual([]);
  });

  it('deletes an APNs device answered 410 Unregistered or 400 BadDeviceToken', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const [old, bad, good] = ['a1', 'b2', 'c3'].map((p) => p.repeat(32));
    for (const token of [old, bad, good]) await registerDevice(srv.url, bob, { platform: 'apns', token });
    apns.respond(old as string, { status: 410, body: { reason: 'Unregistered' } });
    apns.respond(bad as string, { status: 400, body: { reason: 'BadDeviceToken' } });
    await postMessage(srv.url, ann, chatId, 'hello?');
    await settled();
    const left = (await request(srv.url).get('/v1/devices').set(bearer(bob)).expect(200)).body.devices;
    expect(left).toHaveLength(1);
    expect(apns.to((r) => r.target === good)).toHaveLength(1);
    expect(apns.errors).toEqual([]);
  });

  it('deletes an FCM device answered UNREGISTERED', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const token = `fcm-token:${'x'.repeat(40)}`;
    await registerDevice(srv.url, bob, { platform: 'fcm', token });
    fcm.respond(token, {
      status: 404,
      body: {
        error: {
          code: 404,
          status: 'NOT_FOUND',
          details: [
            { '@type': 'type.googleapis.com/google.firebase.fcm.v1.FcmError', errorCode: 'UNREGISTERED' },
          ],
        },
      },
    });
    await postMessage(srv.url, ann, chatId, 'hello?');
    await settled();
    expect(await deviceIds(bob)).toEqual([]);
    expect(fcm.errors).toEqual([]);
  });
});
