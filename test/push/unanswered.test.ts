import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { PushTarget } from '../../src/push/provider.js';
import { ThreadedProviders } from '../../src/push/thread.js';
import { WebPushProvider } from '../../src/push/web-push.js';
import { silentLogger } from '../helpers/config.js';
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
  // A push service that decrypts and checks what it gets.
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  const payload = {
    type: 'message',
    chatId: 'c1',
    messageId: 'm1',
    senderId: 'u2',
    senderName: 'ann',
    badge: 1,
  } as const;
  const device = (endpoint: string): PushTarget => ({ platform: 'webpush', endpoint, ...keys });
  let silent: Server;
  let silentUrl = '';
  beforeAll(async () => {
    // Reads the request, never answers.
    silent = createServer((req) => req.resume());
    await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
    silentUrl = `http://127.0.0.1:${(silent.address() as AddressInfo).port}`;
    await stub.start();
  });
  afterAll(async () => {
    silent.closeAllConnections();
    await new Promise((resolve) => silent.close(resolve));
    await stub.stop();
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

  it('fails a push in flight when the sender thread dies (never retried), then starts a new thread', async () => {
    const threaded = new ThreadedProviders(loadConfig({ STAGE: 'test', ...vapid }).push, silentLogger());
    const webpush = threaded.providers().webpush;
    if (!webpush) throw new Error('web push is configured');
    const sub = stub.subscribe();
    try {
      const asked = new Promise<void>((resolve) => silent.once('request', () => resolve()));
      const hanging = webpush.send(device(`${silentUrl}/push/x`), payload);
      await asked;
      // Reaching in: the thread dying mid-send is what this is about.
      await (threaded as unknown as { worker: Worker }).worker.terminate();
      expect(await hanging).toEqual({ kind: 'failed', reason: 'sender thread exited' });

      const next = { platform: 'webpush' as const, endpoint: sub.json.endpoint, ...sub.json.keys };
      expect(await webpush.send(next, payload)).toEqual({ kind: 'delivered' });
      expect(stub.to((r) => r.target === sub.id).map((r) => r.payload)).toEqual([payload]);
      expect(stub.errors).toEqual([]);
    } finally {
      await threaded.close();
    }
  });
});
