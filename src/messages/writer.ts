import { performance } from 'node:perf_hooks';
import { backoff } from '../db/batch.js';
import { AppError } from '../lib/errors.js';
import { newMessageId } from '../lib/ids.js';
import type { Metrics } from '../metrics/registry.js';
import type { Message } from './schemas.js';
import { type MessageItem, type MessageStore, msgKey } from './store.js';

export interface Draft {
  chatId: string;
  senderId: string;
  clientMsgId: string;
  text: string;
  /** The quote of the message this one answers (resolved by MessageService before submitting). */
  replyTo?: Message['replyTo'];
  /** Mentioned members (checked by MessageService before submitting). */
  mentions?: string[];
  /** Connection that sent it (WebSocket), carried into the published event. */
  origin?: string;
  /**
   * False for a client's first attempt at this clientMsgId: then the write needs no read first.
   * (Were a client to lie, its message would keep one stored copy — the key is the same — but
   * get a new id.) Resends and REST posts leave it true and are checked against the table.
   */
  mayBeRetry?: boolean;
  /**
   * Called synchronously once the message is durable and published: the hub acks here, so the
   * sender's ack precedes any later message of the chat on that connection.
   */
  onDurable?(message: Message): void;
}

export interface Sent {
  message: Message;
  /** false when the clientMsgId was already stored: the original is returned, nothing new is written. */
  created: boolean;
}

export interface WriterOptions {
  /** How long a send may wait for company before its batch is written. */
  maxDelayMs: number;
  /** BatchWriteItem calls in flight at once. */
  concurrency: number;
  /** Sends waiting beyond this are refused (back-pressure instead of unbounded memory). */
  maxQueued: number;
  maxAttempts: number;
}

export const defaultWriterOptions: WriterOptions = {
  maxDelayMs: 5,
  concurrency: 8,
  maxQueued: 20_000,
  maxAttempts: 6,
};

const BATCH_LIMIT = 25; // DynamoDB's BatchWriteItem maximum
/** Buckets are listed for ids given up to this long after a batch starts (else listed again). */
const BUCKET_MARGIN_MS = 2_000;

interface Pending {
  draft: Draft;
  key: string;
  resolve(s: Sent): void;
  reject(e: unknown): void;
  message?: Message;
  /** performance.now() at submit, for the ack latency histogram. */
  t0: number;
}

/** What the writer reports (a narrow part of metrics/registry.ts). */
export type WriterMetrics = Pick<
  Metrics,
  'messagesPersisted' | 'ackLatency' | 'writerBatchSize' | 'writerChatFailures'
>;

export interface WriterHooks {
  /**
   * Awaited before a batch's ids are taken: the feed makes sure its members will see these chats
   * as changed (feed/inbox.ts). A failure fails the batch; nothing is written.
   */
  beforeWrite?(chatIds: Iterable<string>): Promise<void>;
  /**
   * Of these senders, the ones not (or no longer) members of the chat, read from the database:
   * a socket's own view of its chats can be stale after a fan-out outage, the database cannot.
   */
  nonMembers?(drafts: readonly { chatId: string; senderId: string }[]): Promise<Set<string>>;
  /** Called per new message, in id order per chat, right after it is durable; again on a resend. */
  onCommitted(message: Message, origin: string | undefined): void;
  /** Called once per message, by the instance that stored it, never on a resend (counts, push). */
  onCreated?(message: Message): void;
}

/**
 * Group commit: sends that arrive within a few ms share BatchWriteItem calls (25 messages each,
 * several calls in flight), and each sender is answered when its own item is durable. A chat has
 * at most one batch in flight, and ids are given when a batch forms, so per chat, ids become
 * visible in id order. First attempts cost one write and no read.
 *
 * A batch that is not full goes out only while nothing else is in flight; otherwise the next
 * sends gather until a write returns. Each call costs far more than each item (≈ 1 ms of CPU in
 * the SDK alone), so under load this trades at most one round trip of waiting for full batches.
 */
export class MessageWriter {
  /** Waiting sends per chat, chats in the order they should next be served. */
  private readonly waiting = new Map<string, Pending[]>();
  private waitingCount = 0;
  private readonly inFlightChats = new Set<string>();
  private readonly inFlightKeys = new Map<string, Promise<Sent>>();
  private running = 0;
  private timer: NodeJS.Timeout | undefined;
  private idleWaiters: (() => void)[] = [];

  constructor(
    private readonly store: MessageStore,
    private readonly hooks: WriterHooks,
    private readonly opts: WriterOptions = defaultWriterOptions,
    private readonly metrics?: WriterMetrics,
  ) {}

  submit(draft: Draft): Promise<Sent> {
    const key = `${draft.chatId}|${msgKey(draft.senderId, draft.clientMsgId)}`;
    // The same send twice at once (a retry racing its original) shares one write.
    const existing = this.inFlightKeys.get(key);
    if (existing) return existing.then((s) => ({ ...s, created: false }));
    if (this.waitingCount >= this.opts.maxQueued) {
      return Promise.reject(
        new AppError('unavailable', 'The server is busy, retry shortly', { retryAfter: 1 }),
      );
    }
    const promise = new Promise<Sent>((resolve, reject) => {
      const list = this.waiting.get(draft.chatId);
      const p = { draft, key, resolve, reject, t0: performance.now() };
      if (list) list.push(p);
      else this.waiting.set(draft.chatId, [p]);
      this.waitingCount += 1;
    });
    this.inFlightKeys.set(key, promise);
    const forget = () => this.inFlightKeys.delete(key);
    promise.then(forget, forget);
    this.schedule();
    return promise;
  }

  get queued(): number {
    return this.waitingCount;
  }

  /** Resolves once everything submitted so far is written or failed (graceful shutdown). */
  drain(): Promise<void> {
    if (this.waitingCount === 0 && this.running === 0) return Promise.resolve();
    return new Promise((resolve) => this.idleWaiters.push(resolve));
  }

  private schedule(): void {
    if (this.waitingCount >= BATCH_LIMIT) {
      this.pump();
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = undefined;
      this.pump();
    }, this.opts.maxDelayMs);
  }

  private pump(): void {
    while (this.running < this.opts.concurrency) {
      const batch = this.takeBatch(this.running === 0 ? 1 : BATCH_LIMIT);
      if (batch.length === 0) break;
      this.running += 1;
      void this.commit(batch).finally(() => {
        this.running -= 1;
        for (const p of batch) this.inFlightChats.delete(p.draft.chatId);
        // Sends that gathered meanwhile go at once if they fill a batch, else after maxDelayMs
        // more, with those still arriving: a call costs far more than an item.
        if (this.waitingCount > 0) this.schedule();
        else if (this.running === 0) this.notifyIdle();
      });
    }
  }

  /**
   * Up to BATCH_LIMIT sends from chats with no batch in flight, or none if fewer than `min`
   * are ready. A chat that still has sends waiting moves to the back, so busy chats take turns.
   */
  private takeBatch(min: number): Pending[] {
    let ready = 0;
    for (const [chatId, list] of this.waiting) {
      if (!this.inFlightChats.has(chatId)) ready += list.length;
      if (ready >= min) break;
    }
    if (ready < min) return [];
    const batch: Pending[] = [];
    for (const [chatId, list] of this.waiting) {
      if (batch.length >= BATCH_LIMIT) break;
      if (this.inFlightChats.has(chatId)) continue;
      batch.push(...list.splice(0, BATCH_LIMIT - batch.length));
      this.inFlightChats.add(chatId);
      this.waiting.delete(chatId);
      if (list.length > 0) this.waiting.set(chatId, list);
    }
    this.waitingCount -= batch.length;
    return batch;
  }

  private async commit(batch: Pending[]): Promise<void> {
    let fresh: Pending[];
    try {
      // The chats' current buckets are listed meanwhile (history and sync find buckets by this
      // index); a send that turns out to be a resend leaves at most an empty bucket listed.
      [fresh] = await Promise.all([
        this.skipDuplicates(batch),
        this.store.buckets.cover(
          batch.map((p) => p.draft.chatId),
          BUCKET_MARGIN_MS,
        ),
      ]);
    } catch (err) {
      for (const p of batch) p.reject(unavailable(err));
      return;
    }
    if (fresh.length === 0) return;
    try {
      const [outsiders] = await Promise.all([
        this.hooks.nonMembers?.(fresh.map((p) => p.draft)),
        this.hooks.beforeWrite?.(fresh.map((p) => p.draft.chatId)),
      ]);
      if (outsiders && outsiders.size > 0) fresh = this.refuse(fresh, outsiders);
    } catch (err) {
      for (const p of fresh) p.reject(unavailable(err));
      return;
    }
    if (fresh.length === 0) return;
    const now = new Date().toISOString();
    for (const p of fresh) {
      const { chatId, senderId, clientMsgId, text, replyTo, mentions } = p.draft;
      p.message = {
        id: newMessageId(),
        chatId,
        senderId,
        clientMsgId,
        text,
        createdAt: now,
        ...(replyTo ? { replyTo } : {}),
        ...(mentions && mentions.length > 0 ? { mentions } : {}),
      };
    }
    try {
      // Listed above, unless the clock has moved on since (then this writes them first).
      await this.store.ensureBuckets(fresh.map((p) => p.message as Message));
    } catch (err) {
      for (const p of fresh) p.reject(unavailable(err));
      return;
    }
    const failed = await this.writeChats(fresh);
    const m = this.metrics;
    m?.writerBatchSize.observe(fresh.length);
    m?.messagesPersisted.inc(fresh.length - failed.size);
    for (const p of fresh) {
      const err = failed.get(p);
      if (err !== undefined) {
        p.reject(unavailable(err));
        continue;
      }
      const message = p.message as Message;
      // Publish before acking: if the process dies in between, the sender gets no ack and
      // resends, and the resend republishes (below), so an acked message always reached the bus.
      try {
        this.hooks.onCommitted(message, p.draft.origin);
        this.hooks.onCreated?.(message);
      } finally {
        p.draft.onDurable?.(message);
      }
      p.resolve({ message, created: true });
      m?.ackLatency.observe((performance.now() - p.t0) / 1000);
    }
  }

  /**
   * Writes the batch, and returns the sends whose write failed with why. A batch mixes chats and
   * BatchWriteItem fails as a whole (a chat whose item collection reached 10 GB fails everyone's
   * items), so after an error that retrying cannot cure each chat is written on its own: one
   * chat's failure never fails another's messages.
   */
  private async writeChats(fresh: Pending[]): Promise<Map<Pending, unknown>> {
    const failed = new Map<Pending, unknown>();
    const write = (ps: Pending[]) =>
      this.writeWithRetry(ps.map((p) => this.store.item(p.message as Message)));
    try {
      await write(fresh);
      return failed;
    } catch (err) {
      const byChat = new Map<string, Pending[]>();
      for (const p of fresh) byChat.set(p.draft.chatId, [...(byChat.get(p.draft.chatId) ?? []), p]);
      if (byChat.size === 1 || isRetryable(err)) {
        for (const p of fresh) failed.set(p, err);
      } else {
        await Promise.all(
          [...byChat.values()].map((ps) =>
            write(ps).catch((e: unknown) => {
              for (const p of ps) failed.set(p, e);
            }),
          ),
        );
      }
    }
    for (const e of new Set(failed.values()))
      this.metrics?.writerChatFailures.inc((e as { name?: string })?.name ?? 'Error', countOf(failed, e));
    return failed;
  }

  /** Answers sends whose clientMsgId is already stored with the original message. */
  private async skipDuplicates(batch: Pending[]): Promise<Pending[]> {
    // Resends are read from the table. Remembering recent messages here spared that read, but kept
    // each message for seconds: every one was promoted out of the young generation at 2,000 msg/s.
    const unsure = batch.filter((p) => p.draft.mayBeRetry !== false);
    const existing = unsure.length > 0 ? await this.store.findExisting(unsure.map((p) => p.draft)) : [];
    const found = new Map(existing.map((m) => [`${m.chatId}|${msgKey(m.senderId, m.clientMsgId)}`, m]));
    return batch.filter((p) => {
      const m = found.get(p.key);
      if (m) {
        // A resend: its first attempt may have died between the write and the publish, so
        // publish again (receivers drop repeats by id).
        this.hooks.onCommitted(m, p.draft.origin);
        p.resolve({ message: m, created: false });
      }
      return !m;
    });
  }

  private refuse(batch: Pending[], outsiders: Set<string>): Pending[] {
    return batch.filter((p) => {
      const out = outsiders.has(memberKey(p.draft));
      if (out) p.reject(new AppError('not_found', 'Chat not found'));
      return !out;
    });
  }

  private async writeWithRetry(items: MessageItem[]): Promise<void> {
    let pending = items;
    for (let attempt = 0; pending.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      try {
        pending = await this.store.writeBatch(pending);
      } catch (err) {
        // Throttling and transient network errors are retried here; anything else fails the batch.
        if (attempt + 1 >= this.opts.maxAttempts || !isRetryable(err)) throw err;
      }
      if (pending.length > 0 && attempt + 1 >= this.opts.maxAttempts) {
        throw new Error(`${pending.length} items still unprocessed after ${attempt + 1} attempts`);
      }
    }
  }

  private notifyIdle(): void {
    const waiters = this.idleWaiters;
    this.idleWaiters = [];
    for (const w of waiters) w();
  }
}

const countOf = (failed: Map<Pending, unknown>, e: unknown) => {
  let n = 0;
  for (const v of failed.values()) if (v === e) n += 1;
  return n;
};

/** How nonMembers names a (chat, sender) pair. */
export const memberKey = (d: { chatId: string; senderId: string }) => `${d.chatId}|${d.senderId}`;

function isRetryable(err: unknown): boolean {
  const e = err as { $retryable?: unknown; name?: string; $metadata?: { httpStatusCode?: number } };
  return (
    e?.$retryable !== undefined ||
    e?.name === 'ProvisionedThroughputExceededException' ||
    e?.name === 'ThrottlingException' ||
    (e?.$metadata?.httpStatusCode ?? 0) >= 500
  );
}

function unavailable(err: unknown): AppError {
  return err instanceof AppError
    ? err
    : new AppError('unavailable', 'The message could not be stored, retry shortly', {
        retryAfter: 1,
        cause: err,
      });
}
