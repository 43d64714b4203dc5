import { createECDH, randomBytes } from 'node:crypto';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DeviceService } from '../../src/devices/service.js';
import { DeviceStore } from '../../src/devices/store.js';
import { bearer, signUpAll } from '../helpers/app.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const p256dh = () => {
  const e = createECDH('prime256v1');
  e.generateKeys();
  return e.getPublicKey().toString('base64url');
};
const auth = () => randomBytes(16).toString('base64url');
const sub = (endpoint: string, keys: object = { p256dh: p256dh(), auth: auth() }) => ({
  platform: 'webpush',
  subscription: { endpoint, keys },
});

describe('devices: POST/GET/DELETE /v1/devices', () => {
  const vapid = vapidEnv();
  let srv: TestServer;
  let endpoint: string;
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  beforeAll(async () => {
    await stub.start();
    // APNs and FCM stay unconfigured here: their devices are refused.
    srv = await startTestServer({ env: vapid });
    endpoint = `${stub.url}/push/`;
  });
  afterAll(async () => {
    await srv?.close();
    await stub.stop();
  });

  it('registers a subscription (201), and the same endpoint again answers 200 with the same id', async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const body = sub(`${endpoint}same`);
    const first = await request(srv.url).post('/v1/devices').set(bearer(ann)).send(body).expect(201);
    expect(Object.keys(first.body).sort()).toEqual(['createdAt', 'id', 'platform']);
    expect(first.body.platform).toBe('webpush');
    // The browser re-subscribed with new keys: still the same device.
    const again = await request(srv.url)
      .post('/v1/devices')
      .set(bearer(ann))
      .send(sub(`${endpoint}same`))
      .expect(200);
    expect(again.body).toEqual(first.body);
    const list = await request(srv.url).get('/v1/devices').set(bearer(ann)).expect(200);
    expect(list.body).toEqual({ devices: [first.body] });
  });

  it('lists only my devices and refuses to delete another user’s (404)', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const annsId = (
      await request(srv.url)
        .post('/v1/devices')
        .set(bearer(ann))
        .send(sub(`${endpoint}a`))
        .expect(201)
    ).body.id;
    expect((await request(srv.url).get('/v1/devices').set(bearer(bob)).expect(200)).body).toEqual({
      devices: [],
    });
    const res = await request(srv.url).delete(`/v1/devices/${annsId}`).set(bearer(bob)).expect(404);
    expect(res.body.error.code).toBe('not_found');
    await request(srv.url).delete('/v1/devices/not-an-id').set(bearer(bob)).expect(404);
    await request(srv.url).delete(`/v1/devices/${annsId}`).set(bearer(ann)).expect(204);
    expect((await request(srv.url).get('/v1/devices').set(bearer(ann)).expect(200)).body.devices).toEqual([]);
    await request(srv.url).delete(`/v1/devices/${annsId}`).set(bearer(ann)).expect(404);
  });

  it('keeps at most 10 devices per user, and makes room when one is removed', async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const ids: string[] = [];
    for (let i = 0; i < 10; i++)
      ids.push(
        (
          await request(srv.url)
            .post('/v1/devices')
            .set(bearer(ann))
            .send(sub(`${endpoint}n${i}`))
            .expect(201)
        ).body.id,
      );
    const over = await request(srv.url)
      .post('/v1/devices')
      .set(bearer(ann))
      .send(sub(`${endpoint}n10`))
      .expect(422);
    expect(over.body.error.code).toBe('unprocessable');
    // Re-registering one of the ten is not an eleventh.
    await request(srv.url)
      .post('/v1/devices')
      .set(bearer(ann))
      .send(sub(`${endpoint}n3`))
      .expect(200);
    await request(srv.url).delete(`/v1/devices/${ids[0]}`).set(bearer(ann)).expect(204);
    await request(srv.url)
      .post('/v1/devices')
      .set(bearer(ann))
      .send(sub(`${endpoint}n10`))
      .expect(201);
    expect(
      (await request(srv.url).get('/v1/devices').set(bearer(ann)).expect(200)).body.devices,
    ).toHaveLength(10);
  });

  it.each([
    ['a non-http endpoint', () => sub('ftp://push.example.com/x')],
    ['a javascript: endpoint', () => sub('javascript:alert(1)')],
    [
      'a missing endpoint',
      () => ({ platform: 'webpush', subscription: { keys: { p256dh: p256dh(), auth: auth() } } }),
    ],
    ['missing keys', () => ({ platform: 'webpush', subscription: { endpoint: `${endpoint}k` } })],
    ['a missing auth', () => sub(`${endpoint}k`, { p256dh: p256dh() })],
    [
      'a p256dh of 33 bytes',
      () => sub(`${endpoint}k`, { p256dh: randomBytes(33).toString('base64url'), auth: auth() }),
    ],
    [
      'a p256dh that is not a curve point',
      () =>
        sub(`${endpoint}k`, {
          p256dh: Buffer.concat([Buffer.from([4]), randomBytes(64)]).toString('base64url'),
          auth: auth(),
        }),
    ],
    [
      'an auth of 12 bytes',
      () => sub(`${endpoint}k`, { p256dh: p256dh(), auth: randomBytes(12).toString('base64url') }),
    ],
    ['keys that are not base64url', () => sub(`${endpoint}k`, { p256dh: '!!!', auth: '???' })],
    ['an unknown platform', () => ({ platform: 'pager', token: 'abc' })],
    ['no platform', () => ({ token: 'abc' })],
    ['an APNs token that is not hex', () => ({ platform: 'apns', token: 'zz'.repeat(32) })],
    ['an FCM token with spaces', () => ({ platform: 'fcm', token: 'not a token at all, really' })],
    ['plain http to a public host', () => sub('http://push.example.com/x')],
    ['an extra field', () => ({ ...sub(`${endpoint}k`), label: 'mine' })],
  ])('refuses %s with 400 and stores nothing', async (_what, body) => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const res = await request(srv.url).post('/v1/devices').set(bearer(ann)).send(body()).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect((await request(srv.url).get('/v1/devices').set(bearer(ann)).expect(200)).body.devices).toEqual([]);
  });

  it('refuses a platform this server has no credentials for with 422', async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const res = await request(srv.url)
      .post('/v1/devices')
      .set(bearer(ann))
      .send({ platform: 'apns', token: 'ab'.repeat(32) });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/not configured/);
  });

  it('forgets the devices of a deleted account', async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    await request(srv.url)
      .post('/v1/devices')
      .set(bearer(ann))
      .send(sub(`${endpoint}gone`))
      .expect(201);
    await request(srv.url)
      .delete('/v1/users/me')
      .set(bearer(ann))
      .send({ password: ann.password })
      .expect(204);
    expect(await new DeviceStore(srv.running.db).list(ann.id)).toEqual([]);
  });

  it('serves the VAPID public key to anyone', async () => {
    const res = await request(srv.url).get('/v1/push/vapid-key').expect(200);
    expect(res.body).toEqual({ publicKey: vapid.VAPID_PUBLIC_KEY });
    expect(Buffer.from(res.body.publicKey, 'base64url')).toHaveLength(65);
  });
});

describe('push endpoints in staging and production', () => {
  const service = new DeviceService({} as DeviceStore, {
    allowLoopbackHttp: false,
    webPush: { publicKey: 'k', privateKey: 'p', subject: 'mailto:a@b.c', generated: false },
  });
  const keys = { p256dh: p256dh(), auth: auth() };
  it.each([
    'http://127.0.0.1:9999/push/x',
    'http://localhost/push/x',
    'https://127.0.0.1/push/x',
    'https://10.0.0.5/push/x',
    'https://[::1]/push/x',
    'https://user:pw@push.example.com/x',
  ])('refuses %s', async (endpoint) => {
    await expect(
      service.register('U', { platform: 'webpush', subscription: { endpoint, keys } }),
    ).rejects.toMatchObject({ code: 'validation_failed' });
  });
});
