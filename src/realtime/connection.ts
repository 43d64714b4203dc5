import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { SyncPoint } from '../feed/token.js';
import type { Logger } from '../lib/logger.js';
import { SmallSet } from '../lib/small-set.js';
import type { LabelCounter } from '../metrics/registry.js';
import { noPrivacy, type PrivacyState } from '../privacy/store.js';
import { FrameBudgets } from './budgets.js';
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

/** What all of a hub's connections share: one object, where a field each per socket adds up. */
export interface ConnectionContext {
  readonly log: Logger;
  readonly limits: ConnectionLimits;
  /** Frames sent one by one (acks, replies); fan-out counts its own. */
  readonly framesOut?: LabelCounter | undefined;
}

/** Each invalid frame adds this much to a connection's debt, which time pays back (strike()). */
const STRIKE_MS = 10_000;

/** A sync running, one owed after it, or where a long replay continues (startSync). */
interface Syncs {
  running: boolean;
  /** A `sync` arrived while one was running. */
  owed: boolean;
  /** The token of its last incomplete replay: syncing on from it is not charged. */
  continueFrom: string | undefined;
}

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

/**
 * One client socket: its state, what it may do, and a bounded queue while it is not ready. There
 * is one per socket, so what most sockets do not need at a given moment (budgets, sync
 * bookkeeping, queued frames) is an object made when needed, not a field each.
 */
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
  /**
   * Until its first sync: when it joined its rooms, as live traffic reaches it from then on (epoch
   * ms). A later sync without a token starts from its own time.
   */
  firstSyncFrom: number | undefined;
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
  /** Made on first use, dropped once all are full again (trimBudgets). */
  private budgets: FrameBudgets | undefined;
  /** While a sync runs or is owed, or a replay may continue (one at a time: each is up to 500 changes). */
  private syncs: Syncs | undefined;
  /** Frames written in this turn of the event loop, sent by flushAll (see there). */
  private pending: Buffer | Buffer[] | undefined;
  private pendingBytes = 0;
  /** Frames that came before it was ready; made on the first (most clients wait for `ready`). */
  private queued: string[] | undefined;
  /** Invalid frames as a debt of time (epoch ms it runs to; see strike). */
  private strikesUntil = 0;

  private logger: Logger | undefined;

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    /** The upgraded TCP (or TLS) stream under `socket`: encoded frames are written to it directly. */
    private readonly stream: Duplex,
    private readonly ctx: ConnectionContext,
  ) {}

  /** Every line about this connection carries its id (and user); built on first use, since most
   * connections never log and a child logger per socket costs memory. */
  get log(): Logger {
    this.logger ??= this.ctx.log.child({
      connId: this.id,
      ...(this.userId ? { userId: this.userId } : {}),
    });
    return this.logger;
  }

  get open(): boolean {
    return this.state !== 'closed' && this.socket.readyState === this.socket.OPEN;
  }

  send(frame: ServerFrame): void {
    this.ctx.framesOut?.inc(frame.type);
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
    const { maxBufferedBytes } = this.ctx.limits;
    if (this.socket.bufferedAmount + this.pendingBytes + frame.length > maxBufferedBytes) {
      // Buffering without bound would let one slow phone exhaust the server: drop it, it will sync.
      this.close(CloseCode.TryAgainLater, 'too slow; reconnect and sync');
      return;
    }
    this.pendingBytes += frame.length;
    const pending = this.pending;
    if (pending === undefined) {
      this.pending = frame;
      if (pendingNow.push(this) === 1) queueMicrotask(flushAll);
    } else if (Array.isArray(pending)) pending.push(frame);
    else this.pending = [pending, frame];
  }

  /** Live frames may have been missed: no checkpoint until a sync that starts after this. */
  missedLive(): void {
    this.feed = undefined;
    this.feedEpoch += 1;
  }

  /** Sends what was written to it in this turn of the event loop (see flushAll). */
  flush(): void {
    const pending = this.pending;
    this.pending = undefined;
    this.pendingBytes = 0;
    // ws may have closed the socket itself meanwhile (answering the client's close, refusing a bad
    // frame): nothing may follow its close frame. The device syncs what it missed.
    if (pending === undefined || this.socket.readyState !== this.socket.OPEN || !this.stream.writable) return;
    if (!Array.isArray(pending)) {
      this.stream.write(pending);
      return;
    }
    this.stream.cork();
    for (const f of pending) this.stream.write(f);
    this.stream.uncork();
  }

  /** Holds a frame until the connection is ready; false when the queue is full. */
  enqueue(data: string): boolean {
    this.queued ??= [];
    if (this.queued.length >= this.ctx.limits.maxQueuedFrames) return false;
    this.queued.push(data);
    return true;
  }

  takeQueued(): string[] {
    const queued = this.queued ?? [];
    this.queued = undefined;
    return queued;
  }

  /**
   * Counts an invalid frame; true when the client has used up its tolerance. Each frame adds 10 s
   * to a debt that time pays back, so the count decays by one every 10 s: one number, not two.
   */
  strike(): boolean {
    const now = Date.now();
    this.strikesUntil = Math.max(this.strikesUntil, now) + STRIKE_MS;
    return this.strikesUntil - now > this.ctx.limits.maxInvalidFrames * STRIKE_MS;
  }

  /**
   * Starts a sync when none is running and the budget allows; the pages of one long replay (each
   * `since` the token of the incomplete page before) are free, so a big backlog never stalls.
   * 'later': one is running; this one is owed, and `endSync` asks the client for it (`resync`) —
   * it may have been prompted by a gap the running one started reading before.
   */
  startSync(since: string | undefined): 'started' | 'later' | 'refused' {
    const syncs = this.syncs;
    if (syncs?.running) {
      syncs.owed = true;
      return 'later';
    }
    const continues = since !== undefined && since === syncs?.continueFrom;
    if (!continues && !this.budget().maySync()) {
      this.syncs = undefined; // nothing runs or is owed, and the replay does not continue
      return 'refused';
    }
    this.syncs = { running: true, owed: false, continueFrom: undefined };
    return 'started';
  }

  /** The sync started by startSync is over; `next` is its token when more pages wait. */
  endSync(next: string | undefined): void {
    const owed = this.syncs?.owed === true;
    this.syncs = next === undefined ? undefined : { running: false, owed: false, continueFrom: next };
    // An incomplete page makes the client ask again anyway; otherwise ask for the owed sync.
    if (owed && next === undefined && this.state === 'ready') this.send({ type: 'resync' });
  }

  /** Whether a write (`send`, `react`) is within this connection's budget (spends it). */
  maySend(): boolean {
    return this.budget().maySend();
  }

  /** Whether a `read` frame is within this connection's budget (spends it). */
  mayRead(): boolean {
    return this.budget().mayMarkRead();
  }

  /** Whether a `delivered` frame is within this connection's budget (spends it). */
  mayMarkDelivered(): boolean {
    return this.budget().mayMarkDelivered();
  }

  /** Forgets the budgets once all are full again; the hub calls it at each ping. */
  trimBudgets(): void {
    if (this.budgets?.idle()) this.budgets = undefined;
  }

  private budget(): FrameBudgets {
    this.budgets ??= new FrameBudgets(this.ctx.limits);
    return this.budgets;
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
