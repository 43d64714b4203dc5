import type { Platform } from '../devices/schemas.js';
import type { Device } from '../devices/store.js';
import { CappedSet } from '../lib/capped.js';
import type { Logger } from '../lib/logger.js';
import type { Message } from '../messages/schemas.js';
import type { PushLookups } from './lookups.js';
import { type Delivery, type PlanSource, plan, type Queued } from './planner.js';
import type { Outcome, PushProvider } from './provider.js';

export interface PushOptions {
  /** New messages waiting to be planned; more are dropped (counted, logged), never buffered. */
  maxQueued: number;
  /** Deliveries waiting to be sent or retried, all messages together; more are dropped. */
  maxDeliveries: number;
  /** Plans (one chat's waiting messages each) at once: few, so that they never crowd the writes. */
  planConcurrency: number;
  /** Messages of one chat planned together at most. */
  planBatch: number;
  /** Requests to push services in flight at once. */
  sendConcurrency: number;
  /** Attempts per delivery, the first included. */
  maxAttempts: number;
  /** First retry after this (doubling, with jitter) unless the service says Retry-After. */
  retryBaseMs: number;
  /** A Retry-After beyond this gives the delivery up. */
  maxRetryAfterMs: number;
}

export const defaultPushOptions: PushOptions = {
  maxQueued: 10_000,
  maxDeliveries: 50_000,
  planConcurrency: 2,
  planBatch: 100,
  sendConcurrency: 32,
  maxAttempts: 5,
  retryBaseMs: 1_000,
  maxRetryAfterMs: 10 * 60_000,
};

export interface PushStats {
  queued: number;
  dropped: number;
  delivered: number;
  retried: number;
  failed: number;
  removed: number;
}

/** CPU spent starting sends (encrypting) per event-loop turn, at most about (startSends). */
const SEND_SLICE_MS = 1;

/** Deliveries recently made or given up, so that none goes out twice (message id | device id). */
const DONE_KEYS = 100_000;

/**
 * Push notifications off the message path: `enqueue` is O(1) and never waits; planning (who,
 * what) and sending run in the background, bounded at every stage. Logs carry ids only.
 */
export class PushService {
  /** Messages waiting to be planned, by chat, oldest chat first. */
  private readonly queue = new Map<string, Queued[]>();
  private seq = 0;
  private queued = 0;
  private readonly sendQueue: Delivery[] = [];
  private planning = 0;
  private sending = 0;
  /** Deliveries planned and not yet finished (queued, in flight or waiting to retry). */
  private pending = 0;
  private readonly timers = new Set<NodeJS.Timeout>();
  private readonly done = new CappedSet<string>(DONE_KEYS);
  private closed = false;
  private paused = false;
  /** A send is due to start on the next turn (startSends). */
  private starting = false;
  private lastDropLog = 0;
  private idle: (() => void)[] = [];
  readonly stats: PushStats = { queued: 0, dropped: 0, delivered: 0, retried: 0, failed: 0, removed: 0 };

  /** The planner's caches, to forget what this instance changed (set by createPush). */
  lookups?: PushLookups;

  constructor(
    private readonly deps: PlanSource & { removeDevice(d: Device): Promise<boolean> },
    private readonly providers: Partial<Record<Platform, PushProvider>>,
    private readonly logger: Logger,
    private readonly opts: PushOptions = defaultPushOptions,
  ) {}

  /** A new message was stored by this instance: push it to its offline members, eventually. */
  enqueue(message: Message): void {
    if (this.closed) return;
    if (this.queued >= this.opts.maxQueued) return this.drop(1, 'message queue full');
    const q = { message, seq: this.lookups?.queued() ?? ++this.seq, at: Date.now() };
    const waiting = this.queue.get(message.chatId);
    if (waiting) waiting.push(q);
    else this.queue.set(message.chatId, [q]);
    this.queued += 1;
    this.stats.queued += 1;
    this.pump();
  }

  /** Resolves when nothing is queued, in flight or waiting to retry (tests, shutdown). */
  settled(): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return new Promise((resolve) => this.idle.push(resolve));
  }

  /** Holds planning (messages still queue, bounded as ever) until `resume`: tests order events by it. */
  pause(): void {
    this.paused = true;
  }

  resume(): void {
    this.paused = false;
    this.pump();
  }

  async close(graceMs = 2_000): Promise<void> {
    this.closed = true;
    // Retries still waiting are given up; what is in flight may finish within the grace.
    for (const t of this.timers) clearTimeout(t);
    this.pending -= this.timers.size;
    this.timers.clear();
    this.queue.clear();
    this.queued = 0;
    await Promise.race([this.settled(), new Promise((r) => setTimeout(r, graceMs).unref())]);
    await Promise.all(Object.values(this.providers).map((p) => p?.close()));
  }

  private pump(): void {
    while (!this.paused && this.planning < this.opts.planConcurrency && this.queued > 0) {
      const batch = this.nextBatch();
      this.planning += 1;
      void this.planOne(batch).finally(() => {
        this.planning -= 1;
        this.pump();
      });
    }
    this.startSends();
    if (this.isIdle()) for (const w of this.idle.splice(0)) w();
  }

  /**
   * Starts waiting sends in slices of about SEND_SLICE_MS of CPU, one slice per event-loop turn:
   * on the event loop (PUSH_SEND_THREAD=off) each send begins with its encryption (~0.3 ms, more
   * under load), and the I/O ready meanwhile (acks, writes, frames) goes between slices, not
   * behind 32 in a row; at least one per turn, so that a busy loop slows pushes down without
   * stopping them. With the sender thread a start is a queued postMessage entry.
   */
  private startSends(): void {
    if (this.starting || this.sending >= this.opts.sendConcurrency || this.sendQueue.length === 0) return;
    this.starting = true;
    setImmediate(() => {
      this.starting = false;
      const until = performance.now() + SEND_SLICE_MS;
      do {
        const d = this.sendQueue.shift();
        if (!d) return;
        this.sending += 1;
        void this.sendOne(d).finally(() => {
          this.sending -= 1;
          this.pump();
        });
      } while (this.sending < this.opts.sendConcurrency && performance.now() < until);
      this.startSends();
    });
  }

  private isIdle(): boolean {
    return this.queued === 0 && this.planning === 0 && this.pending === 0;
  }

  /** The oldest chat's waiting messages (coalesced: they share every read of one plan). */
  private nextBatch(): Queued[] {
    const [chatId, waiting] = this.queue.entries().next().value as [string, Queued[]];
    this.queue.delete(chatId);
    const batch = waiting.splice(0, this.opts.planBatch);
    if (waiting.length > 0) this.queue.set(chatId, waiting);
    this.queued -= batch.length;
    return batch;
  }

  private async planOne(batch: Queued[]): Promise<void> {
    // Behind whatever I/O (acks, writes) is ready now: planning is the lowest priority work.
    await new Promise((resolve) => setImmediate(resolve));
    let deliveries: Delivery[];
    try {
      deliveries = await plan(this.deps, batch);
    } catch (err) {
      const ids = { chatId: batch[0]?.message.chatId, messages: batch.length };
      this.logger.warn({ ...ids, err: errorName(err) }, 'push: planning failed');
      return;
    }
    const room = this.opts.maxDeliveries - this.pending;
    if (deliveries.length > room) this.drop(deliveries.length - Math.max(0, room), 'delivery queue full');
    for (const d of deliveries.slice(0, Math.max(0, room))) {
      if (this.done.has(key(d))) continue;
      this.pending += 1;
      this.sendQueue.push(d);
    }
  }

  private async sendOne(d: Delivery): Promise<void> {
    const provider = this.providers[d.device.platform];
    let outcome: Outcome;
    try {
      outcome = provider ? await provider.send(d.device, d.payload) : { kind: 'failed', reason: 'disabled' };
    } catch (err) {
      outcome = { kind: 'failed', reason: errorName(err) };
    }
    const ids = {
      messageId: d.messageId,
      deviceId: d.device.id,
      userId: d.device.userId,
      platform: d.device.platform,
    };
    const attempt = d.attempt + 1;
    if (outcome.kind === 'retry' && attempt < this.opts.maxAttempts && !this.closed) {
      const backoff = this.opts.retryBaseMs * 2 ** d.attempt * (0.75 + Math.random() / 2);
      const delay = outcome.afterMs ?? backoff;
      if (delay <= this.opts.maxRetryAfterMs) {
        this.stats.retried += 1;
        this.logger.debug({ ...ids, status: outcome.status, delayMs: Math.round(delay) }, 'push: retrying');
        const t = setTimeout(() => {
          this.timers.delete(t);
          this.sendQueue.push({ ...d, attempt });
          this.pump();
        }, delay);
        t.unref();
        this.timers.add(t);
        return;
      }
    }
    this.remember(key(d));
    try {
      await this.finish(d, outcome, ids, attempt);
    } finally {
      // Only now: `settled` means a gone device is removed too.
      this.pending -= 1;
    }
  }

  private async finish(d: Delivery, outcome: Outcome, ids: object, attempt: number): Promise<void> {
    if (outcome.kind === 'delivered') {
      this.stats.delivered += 1;
      this.logger.debug(ids, 'push: delivered');
    } else if (outcome.kind === 'gone') {
      this.stats.removed += 1;
      try {
        await this.deps.removeDevice(d.device);
        this.logger.info(ids, 'push: the push service no longer knows this device; removed it');
      } catch (err) {
        this.logger.warn({ ...ids, err: errorName(err) }, 'push: could not remove a gone device');
      }
    } else {
      this.stats.failed += 1;
      const why =
        outcome.kind === 'failed'
          ? { status: outcome.status, reason: outcome.reason }
          : { status: outcome.status };
      this.logger.warn({ ...ids, ...why, attempts: attempt }, 'push: not delivered');
    }
  }

  private remember(k: string): void {
    this.done.add(k);
  }

  private drop(n: number, why: string): void {
    this.stats.dropped += n;
    // Once a second at most: a full queue under load must not flood the log too.
    const now = Date.now();
    if (now - this.lastDropLog >= 1_000) {
      this.lastDropLog = now;
      this.logger.warn({ dropped: this.stats.dropped }, `push: ${why}, dropping`);
    }
  }
}

const key = (d: Delivery) => `${d.messageId}|${d.device.id}`;

/** An error's name or code, never its message (it may quote a URL or token). */
const errorName = (err: unknown) =>
  (err as { code?: string }).code ?? (err as { name?: string }).name ?? 'error';
