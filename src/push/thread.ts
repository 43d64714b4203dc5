import { Worker } from 'node:worker_threads';
import type { PushConfig } from '../config.js';
import type { Logger } from '../lib/logger.js';
import type { PushPayload } from './payload.js';
import type { Outcome, PushTarget } from './provider.js';
import type { Providers } from './providers.js';

export interface SendRequest {
  id: number;
  device: PushTarget;
  payload: PushPayload;
}
export interface SendReply {
  id: number;
  outcome: Outcome;
}
export type ToSender = SendRequest[] | 'close';

/** How long the thread may take to close its connections before it is stopped. */
const CLOSE_GRACE_MS = 3_000;

/**
 * The providers, sending from one worker thread (sender-thread.ts) rather than the event loop.
 * Each Web Push needs its own aes128gcm encryption (an ECDH key pair and agreement, HKDF,
 * AES-GCM) and an HTTP request: ~0.5 ms of CPU, more under load, that the message path would
 * otherwise share. On a multi-core instance the thread takes another core; on a shared one it
 * runs at the lowest priority. What stays on the loop is a postMessage per turn each way.
 */
export class ThreadedProviders {
  private worker: Worker | undefined;
  private readonly pending = new Map<number, (o: Outcome) => void>();
  private outbox: SendRequest[] = [];
  private nextId = 0;
  private closing: Promise<void> | undefined;

  constructor(
    private readonly config: PushConfig,
    private readonly logger: Logger,
  ) {}

  /**
   * A provider per configured platform, all sending through the one thread, which starts now:
   * loading its modules takes ~0.1 s of CPU, better spent at start-up than at the first push.
   */
  providers(): Providers {
    this.worker ??= this.start();
    const out: Providers = {};
    const platforms = [
      this.config.webPush && 'webpush',
      this.config.apns && 'apns',
      this.config.fcm && 'fcm',
    ] as const;
    for (const p of platforms)
      if (p) out[p] = { send: (device, payload) => this.send(device, payload), close: () => this.close() };
    return out;
  }

  send(device: PushTarget, payload: PushPayload): Promise<Outcome> {
    if (this.closing) return Promise.resolve({ kind: 'failed', reason: 'closed' });
    this.worker ??= this.start();
    const id = ++this.nextId;
    // All sends started in one turn go in one message.
    // Only where to send crosses over: each field is copied (structured clone) on both sides.
    if (this.outbox.push({ id, device: targetOf(device), payload }) === 1) queueMicrotask(() => this.flush());
    return new Promise((resolve) => this.pending.set(id, resolve));
  }

  /** Lets what is in flight finish (the providers' own timeouts bound it), then stops the thread. */
  close(): Promise<void> {
    this.closing ??= new Promise<void>((resolve) => {
      const worker = this.worker;
      if (!worker) return resolve();
      worker.once('exit', () => resolve());
      this.flush();
      worker.postMessage('close' satisfies ToSender);
      // Whatever a provider still holds open must not hold up the server's shutdown.
      setTimeout(() => void worker.terminate(), CLOSE_GRACE_MS).unref();
    });
    return this.closing;
  }

  private flush(): void {
    if (this.outbox.length === 0 || !this.worker) return;
    this.worker.postMessage(this.outbox satisfies ToSender);
    this.outbox = [];
  }

  private start(): Worker {
    const worker = senderWorker(this.config);
    // The server's life is the process's; this thread never holds the process up by itself.
    worker.unref();
    worker.on('message', (replies: SendReply[]) => {
      for (const r of replies) {
        this.pending.get(r.id)?.(r.outcome);
        this.pending.delete(r.id);
      }
    });
    worker.on('error', (err) => this.logger.error({ err: err.name }, 'push: the sender thread failed'));
    worker.on('exit', () => {
      if (this.worker === worker) this.worker = undefined;
      // A send in flight may have gone out: failed, never retried (at most once).
      for (const resolve of this.pending.values())
        resolve({ kind: 'failed', reason: 'sender thread exited' });
      this.pending.clear();
      this.outbox = [];
    });
    return worker;
  }
}

function targetOf(d: PushTarget): PushTarget {
  if (d.platform === 'webpush')
    return { platform: d.platform, endpoint: d.endpoint, p256dh: d.p256dh, auth: d.auth };
  return { platform: d.platform, token: d.token };
}

/** The built sender-thread.js; from source (tests, tsx) the same file as TypeScript through tsx. */
function senderWorker(config: PushConfig): Worker {
  const here = import.meta.url;
  if (!here.endsWith('.ts')) return new Worker(new URL('./sender-thread.js', here), { workerData: config });
  const entry = JSON.stringify(new URL('./sender-thread.ts', here).href);
  return new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${entry}); });`, {
    eval: true,
    workerData: config,
  });
}
