import { createServer, type Server } from 'node:http';
import type { Worker } from 'node:worker_threads';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import type { Device } from '../../src/devices/store.js';
import { ThreadedProviders } from '../../src/push/thread.js';
import { silentLogger } from '../helpers/config.js';
import { vapidEnv, WebPushStub } from '../helpers/push-stubs.js';

describe('the push sender thread', () => {
  const vapid = vapidEnv();
  const stub = new WebPushStub(vapid.VAPID_PUBLIC_KEY);
  // A push service that never answers: its request stays in flight.
  const silent: Server = createServer(() => {});
  let silentUrl = '';
  beforeAll(async () => {
    await stub.start();
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    silentUrl = `http://127.0.0.1:${(silent.address() as { port: number }).port}/push/1`;
  });
  afterAll(async () => {
    silent.closeAllConnections();
    silent.close();
    await stub.stop();
  });

  const device = (endpoint: string, keys: { p256dh: string; auth: string }): Device => ({
    id: 'd1',
    userId: 'u1',
    platform: 'webpush',
    createdAt: new Date().toISOString(),
    targetKey: 'k1',
    endpoint,
    ...keys,
  });
  const payload = {
    type: 'message' as const,
    chatId: 'c1',
    messageId: 'm1',
    senderId: 'u2',
    senderName: 'Ann',
    badge: 1,
  };

  it('fails a send in flight when the thread dies (never retried: it may have gone out), then starts anew', async () => {
    const sub = stub.subscribe();
    const threaded = new ThreadedProviders(loadConfig({ STAGE: 'test', ...vapid }).push, silentLogger());
    const webpush = threaded.providers().webpush;
    if (!webpush) throw new Error('web push is configured');
    try {
      const hanging = webpush.send(device(silentUrl, sub.json.keys), payload);
      // Reaching in: the thread dying mid-send is what this is about.
      const worker = (threaded as unknown as { worker: Worker }).worker;
      await new Promise<void>((r) => silent.once('request', () => r()));
      await worker.terminate();
      expect(await hanging).toEqual({ kind: 'failed', reason: 'sender thread exited' });

      const next = await webpush.send(device(sub.json.endpoint, sub.json.keys), payload);
      expect(next).toEqual({ kind: 'delivered' });
      expect(stub.to((r) => r.target === sub.id).map((r) => r.payload)).toEqual([payload]);
      expect(stub.errors).toEqual([]);
    } finally {
      await threaded.close();
    }
  });
});
