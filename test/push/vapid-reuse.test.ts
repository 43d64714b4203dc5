import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../src/devices/store.js';
import type { PushPayload } from '../../src/push/payload.js';
import { WebPushProvider } from '../../src/push/web-push.js';
import { type TestSubscription, vapidEnv, WebPushStub } from '../helpers/push-stubs.js';

// A VAPID JWT may be reused for up to 24 h per push service (RFC 8292): the provider signs one per
// push service and renews it before it expires, instead of an ES256 signature per push.
describe('the VAPID header of web pushes', () => {
  const vapid = vapidEnv();
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  const other = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  const config = {
    publicKey: vapid.VAPID_PUBLIC_KEY,
    privateKey: vapid.VAPID_PRIVATE_KEY,
    subject: vapid.VAPID_SUBJECT,
    generated: false,
  };
  beforeAll(async () => {
    await Promise.all([stub.start(), other.start()]);
  });
  afterAll(async () => {
    await Promise.all([stub.stop(), other.stop()]);
  });
  // Both stubs verify each push's VAPID JWT (signature, audience = their origin, expiry) and decrypt it.
  afterEach(() => {
    expect(stub.errors).toEqual([]);
    expect(other.errors).toEqual([]);
  });

  const device = (s: TestSubscription): Device => ({
    id: s.id,
    userId: 'u1',
    platform: 'webpush',
    createdAt: new Date().toISOString(),
    targetKey: s.id,
    endpoint: s.json.endpoint,
    p256dh: s.json.keys.p256dh,
    auth: s.json.keys.auth,
  });
  const payload = (messageId: string): PushPayload => ({
    type: 'message',
    chatId: 'c1',
    messageId,
    senderId: 'u2',
    senderName: 'ann',
    badge: 1,
  });
  const authorizationOf = (s: WebPushStub, messageId: string) =>
    s.to((r) => r.payload.messageId === messageId)[0]?.headers.authorization;
  const expiryOf = (header: unknown) => {
    const jwt = /^vapid t=([^,]+),/.exec(String(header))?.[1] ?? '';
    return JSON.parse(Buffer.from(jwt.split('.')[1] ?? '', 'base64url').toString()).exp as number;
  };

  it('reuses one signed header for every push to the same push service', async () => {
    const provider = new WebPushProvider(config);
    const [one, two] = [stub.subscribe(), stub.subscribe()];
    expect(await provider.send(device(one), payload('m1'))).toEqual({ kind: 'delivered' });
    expect(await provider.send(device(two), payload('m2'))).toEqual({ kind: 'delivered' });
    expect(await provider.send(device(one), payload('m3'))).toEqual({ kind: 'delivered' });
    const header = authorizationOf(stub, 'm1');
    expect(authorizationOf(stub, 'm2')).toBe(header);
    expect(authorizationOf(stub, 'm3')).toBe(header);
    // Signed for 12 hours: well within the 24 the RFC allows.
    expect(expiryOf(header) - Date.now() / 1000).toBeGreaterThan(11.9 * 3600);
  });

  it('signs a header per push service, each for its own origin', async () => {
    const provider = new WebPushProvider(config);
    expect(await provider.send(device(stub.subscribe()), payload('m4'))).toEqual({ kind: 'delivered' });
    expect(await provider.send(device(other.subscribe()), payload('m5'))).toEqual({ kind: 'delivered' });
    expect(authorizationOf(other, 'm5')).not.toBe(authorizationOf(stub, 'm4'));
  });

  it('signs a new header once the old one is 11 hours old', async () => {
    let now = Date.now();
    const provider = new WebPushProvider(config, 10_000, () => now);
    const sub = stub.subscribe();
    expect(await provider.send(device(sub), payload('m6'))).toEqual({ kind: 'delivered' });
    now += 10.9 * 3600_000;
    expect(await provider.send(device(sub), payload('m7'))).toEqual({ kind: 'delivered' });
    now += 0.2 * 3600_000;
    expect(await provider.send(device(sub), payload('m8'))).toEqual({ kind: 'delivered' });
    expect(authorizationOf(stub, 'm7')).toBe(authorizationOf(stub, 'm6'));
    const renewed = authorizationOf(stub, 'm8');
    expect(renewed).not.toBe(authorizationOf(stub, 'm6'));
    expect(expiryOf(renewed) - expiryOf(authorizationOf(stub, 'm6'))).toBeGreaterThan(11 * 3600);
  });
});
