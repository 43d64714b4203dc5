import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { SyncPoint } from '../feed/token.js';
import type { Logger } from '../lib/logger.js';
import { TokenBucket } from '../lib/rate-limit.js';
import { SmallSet } from '../lib/small-set.js';
import type { LabelCounter } from '../metrics/registry.js';
import { noPrivacy, type PrivacyState } from '../privacy/store.js';
import { CloseCode, type CloseCodeValue } from './close-codes.js';
import type { ServerFrame } from './frames.js';
import { encodeFrame } from './wire.js';

export interface ConnectionLimits {
  /** Frames buffered while authentication/initialisation runs; more is abuse. */
  maxQueuedFrames: number;
  /** Bytes waiting in the socket before the client counts as too slow (closed with 1013). */
  maxBufferedBytes: number;
  sendBurst: number;
  sendsPerSecond: number;
  /** `sync` frames: each replays up to 500 changes from the database, so they are few. */
  syncBurst: number;
  syncsPerSecond: number;
  /** `read` frames: each is a few database writes. */
  readBurst: number;
  readsPerSecond: number;
  /** `delivered` frames: the typed client sends one per chat per batch (many after a long sync). */
  deliveredBurst: number;
  deliveredPerSecond: number;
  /** Invalid frames tolerated (decaying one per 10 s) before closing with 1008. */
  maxInvalidFrames: number;
  /** One typing indicator per user and chat in this interval, across the user's connections here. */
  typingIntervalMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  maxQueuedFrames: 64,
  maxBufferedBytes: 1024 * 1024,
  sendBurst: 30,
  sendsPerSecond: 10,
  syncBurst: 5,
  syncsPerSecond: 0.5,
  readBurst: 20,
  readsPerSecond: 5,
  deliveredBurst: 100,
  deliveredPerSecond: 20,
  maxInvalidFrames: 10,
  typingIntervalMs: 2_000,
};

type State = 'authenticating' | 'initialising' | 'ready' | 'closed';

/**
 * Connections written to in the current turn of the event loop. Their frames wait until the
 * turn's synchronous work is done, so the frames a socket gets together — an ack and a message,
 * two messages of one write batch, a sync page — leave in one writev instead of one syscall each
 * (about 30% less CPU per frame when a socket gets two). A socket with one frame gets a plain
 * write: corking it would only add the stream's buffering.
 */
let pendingNow: Connection[] = [];

function flushAll(): void {
  const list = pendingNow;
  pendingNow = [];
  for (const c of list) c.flush();
}

/** One client socket: its state, what it may do, and a bounded queue while it is not ready. */
export class Connection {
  state: State = 'authenticating';
  userId = '';
  /** Chats whose live traffic this connection receives (the hub keeps it in sync with membership). */
  readonly chats = new SmallSet<string>();
  alive = true;
  /** The sign-in this socket was opened under (credentials.ts also holds when its token runs out). */
  sessionId: string | undefined;
  /**
   * When its access token runs out, in epoch seconds (a small integer, where milliseconds would be
   * a boxed number per socket); 0 when not held. credentials.ts closes it then.
   */
  expiresAt = 0;
  /** Where this device's feed stands once a sync completed; unset while it may have missed changes. */
  feed: SyncPoint | undefined;
  /** When it joined its rooms: live traffic reaches it from here on (its first sync starts here). */
  readyAt = 0;
  /** A sync completed on it: a later one without a token starts from now, not from readyAt. */
  syncedOnce = false;
  /** Bumped whenever it may have missed live frames: a sync that read before then sets no `feed`. */
  feedEpoch = 0;
  /** Its user's blocks and privacy settings: loaded with its chats, kept current by bus events. */
  privacy: PrivacyState = noPrivacy;
  /**
   * Only while its user's lastSeen is `chats`: its chats in which a message has been sent (kept
   * current by message events), the only ones through which it sees others' presence.
   */
  activeChats: Set<string> | undefined;
  /** Bumped by each bus event that changes `privacy`: a load that one overtook is read again. */
  privacyChanges = 0;
  /**
   * Frame budgets, made on first use and dropped once full again (trimBudgets): a full bucket and
   * none behave alike, and most sockets are idle most of the time (four buckets are ~300 bytes).
   */
  private sendBucket: TokenBucket | undefined;
  private syncBucket: TokenBucket | undefined;
  private readBucket: TokenBucket | undefined;
  private deliveredBucket: TokenBucket | undefined;
  /** A sync is being read and sent: a second one waits for it (each is up to 500 changes). */
  private syncing = false;
  /** Frames written in this turn of the event loop, sent by flushAll (see there). */
  private pending: Buffer | undefined;
  private pendingMore: Buffer[] | undefined;
  private pendingBytes = 0;
  /** A `sync` arrived while one was running. */
  private syncOwed = false;
  /** The token of this connection's last incomplete replay: syncing on from it is not charged. */
  private continueFrom: string | undefined;
  /** Frames that came before it was ready; made on the first (most clients wait for `ready`). */
  private queued: string[] | undefined;
  private invalid = 0;
  /** When the last invalid frame came (epoch ms; 0 before any: a number boxed per socket otherwise). */
  private invalidSince = 0;

  private logger: Logger | undefined;

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    /** The upgraded TCP (or TLS) stream under `socket`: encoded frames are written to it directly. */
    private readonly stream: Duplex,
    private readonly parentLog: Logger,
    private readonly limits: ConnectionLimits,
    /** Frames sent one by one (acks, replies); fan-out counts its own. */
    private readonly framesOut?: LabelCounter,
  ) {}

  /** Every line about this connection carries its id (and user); built on first use, since most
   * connections never log and a child logger per socket costs memory. */
  get log(): Logger {
    this.logger ??= this.parentLog.child({
      connId: this.id,
      ...(this.userId ? { userId: this.userId } : {}),
    });
    return this.logger;
  }

  get open(): boolean {
    return this.state !== 'closed' && this.socket.readyState === this.socket.OPEN;
  }

  send(frame: ServerFrame): void {
    this.framesOut?.inc(frame.type);
    this.write(encodeFrame(frame));
  }

  /**
   * Writes an encoded frame (see wire.ts; fan-out encodes once for all recipients). Safe beside
   * ws's own writes (pings, close) because with compression off ws writes synchronously too, so
   * frames never interleave; once ws is closing, `open` is false and nothing more is written.
   */
  write(frame: Buffer): void {
    if (!this.open) return;
    // Frames waiting for the turn's end count too: a sync page is written in one turn.
    if (this.socket.bufferedAmount + this.pendingBytes + frame.length > this.limits.maxBufferedBytes) {
      // Buffering without bound would let one slow phone exhaust the server: drop it, it will sync.
      this.close(CloseCode.TryAgainLater, 'too slow; reconnect and sync');
      return;
    }
    this.pendingBytes += frame.length;
    if (this.pending === undefined) {
      this.pending = frame;
      if (pendingNow.push(this) === 1) queueMicrotask(flushAll);
    } else if (this.pendingMore) this.pendingMore.push(frame);
    else this.pendingMore = [frame];
  }

  /** Live frames may have been missed: no checkpoint until a sync that starts after this. */
  missedLive(): void {
    this.feed = undefined;
    this.feedEpoch += 1;
  }

  /** Sends what was written to it in this turn of the event loop (see flushAll). */
  flush(): void {
    const first = this.pending;
    const more = this.pendingMore;
    this.pending = undefined;
    this.pendingMore = undefined;
    this.pendingBytes = 0;
    // ws may have closed the socket itself meanwhile (answering the client's close, refusing a bad
    // frame): nothing may follow its close frame. The device syncs what it missed.
    if (first === undefined || this.socket.readyState !== this.socket.OPEN || !this.stream.writable) return;
    if (more === undefined) {
      this.stream.write(first);
      return;
    }
    this.stream.cork();
    this.stream.write(first);
    for (const f of more) this.stream.write(f);
    this.stream.uncork();
  }

  /** Holds a frame until the connection is ready; false when the queue is full. */
  enqueue(data: string): boolean {
    this.queued ??= [];
    if (this.queued.length >= this.limits.maxQueuedFrames) return false;
    this.queued.push(data);
    return true;
  }

  takeQueued(): string[] {
    const queued = this.queued ?? [];
    this.queued = undefined;
    return queued;
  }

  /** Counts an invalid frame; true when the client has used up its tolerance. */
  strike(): boolean {
    const now = Date.now();
    this.invalid = Math.max(0, this.invalid - Math.floor((now - this.invalidSince) / 10_000));
    this.invalidSince = now;
    this.invalid += 1;
    return this.invalid > this.limits.maxInvalidFrames;
  }

  /**
   * Starts a sync when none is running and the budget allows; the pages of one long replay (each
   * `since` the token of the incomplete page before) are free, so a big backlog never stalls.
   * 'later': one is running; this one is owed, and `endSync` asks the client for it (`resync`) —
   * it may have been prompted by a gap the running one started reading before.
   */
  startSync(since: string | undefined): 'started' | 'later' | 'refused' {
    if (this.syncing) {
      this.syncOwed = true;
      return 'later';
    }
    const continues = since !== undefined && since === this.continueFrom;
    this.continueFrom = undefined;
    const { syncBurst, syncsPerSecond } = this.limits;
    this.syncBucket ??= new TokenBucket(syncBurst, syncsPerSecond);
    if (!continues && this.syncBucket.take() > 0) return 'refused';
    this.syncing = true;
    return 'started';
  }

  /** The sync started by startSync is over; `next` is its token when more pages wait. */
  endSync(next: string | undefined): void {
    this.syncing = false;
    this.continueFrom = next;
    // An incomplete page makes the client ask again anyway; otherwise ask for the owed sync.
    if (this.syncOwed && next === undefined && this.state === 'ready') this.send({ type: 'resync' });
    this.syncOwed = false;
  }

  /** Whether a write (`send`, `react`) is within this connection's budget (spends it). */
  maySend(): boolean {
    this.sendBucket ??= new TokenBucket(this.limits.sendBurst, this.limits.sendsPerSecond);
    return this.sendBucket.take() === 0;
  }

  /** Whether a `read` frame is within this connection's budget (spends it). */
  mayRead(): boolean {
    this.readBucket ??= new TokenBucket(this.limits.readBurst, this.limits.readsPerSecond);
    return this.readBucket.take() === 0;
  }

  /** Whether a `delivered` frame is within this connection's budget (spends it). */
  mayMarkDelivered(): boolean {
    const { deliveredBurst, deliveredPerSecond } = this.limits;
    this.deliveredBucket ??= new TokenBucket(deliveredBurst, deliveredPerSecond);
    return this.deliveredBucket.take() === 0;
  }

  /** Forgets the budgets that are full again (see sendBucket); the hub calls it at each ping. */
  trimBudgets(): void {
    if (this.sendBucket?.idle()) this.sendBucket = undefined;
    if (this.syncBucket?.idle()) this.syncBucket = undefined;
    if (this.readBucket?.idle()) this.readBucket = undefined;
    if (this.deliveredBucket?.idle()) this.deliveredBucket = undefined;
  }

  close(code: CloseCodeValue, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    // What was written before the close (an error frame saying why) goes first.
    this.flush();
    this.socket.close(code, reason);
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.socket.terminate(), 5_000).unref();
  }
}
