import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Device } from '../../src/devices/store.js';
import { WebPushProvider } from '../../src/push/web-push.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';

// A push that may have arrived is never sent again (at most once per device); one that surely
// never left the server is retried.
describe('a push service that does not answer', () => {
  const vapid = vapidEnv();
  const config = {
    publicKey: vapid.VAPID_PUBLIC_KEY,
    privateKey: vapid.VAPID_PRIVATE_KEY,
    subject: vapid.VAPID_SUBJECT,
    generated: false,
  };
  // Keys from a real subscription; the servers below never decrypt.
  const keys = new WebPushStub(vapid.VAPID_PUBLIC_KEY).subscribe().json.keys;
  const payload = {
    type: 'message',
    chatId: 'c1',
    messageId: 'm1',
    senderId: 'u2',
    senderName: 'ann',
    badge: 1,
  } as const;
  const device = (endpoint: string): Device => ({
    id: 'd1',
    userId: 'u1',
    platform: 'webpush',
    createdAt: new Date().toISOString(),
    targetKey: 'k1',
    endpoint,
    ...keys,
  });
  let silent: Server;
  let silentUrl = '';
  beforeAll(async () => {
    // Reads the request, never answers.
    silent = createServer((req) => req.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
  });

  it('gives a push up after the timeout, without a retry: it may have arrived', async () => {
    const provider = new WebPushProvider(config, 200);
    const started = Date.now();
    expect(await provider.send(device(`${silentUrl}/push/x`), payload)).toEqual({
      kind: 'failed',
      reason: 'TimeoutError',
    });
    expect(Date.now() - started).toBeGreaterThanOrEqual(190);
    await provider.close();
  });

  it('retries a push whose connection was refused: it never left', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const provider = new WebPushProvider(config);
    expect(await provider.send(device(`http://127.0.0.1:${port}/push/x`), payload)).toEqual({
      kind: 'retry',
    });
    await provider.close();
  });
});
