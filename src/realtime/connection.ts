import type { Duplex } from 'node:stream';
import type { WebSocket } from 'ws';
import type { SyncPoint } from '../feed/token.js';
import type { Logger } from '../lib/logger.js';
import { TokenBucket } from '../lib/rate-limit.js';
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
  /** Invalid frames tolerated (decaying one per 10 s) before closing with 1008. */
  maxInvalidFrames: number;
  typingIntervalMs: number;
}

export const defaultConnectionLimits: ConnectionLimits = {
  maxQueuedFrames: 64,
  maxBufferedBytes: 1024 * 1024,
  sendBurst: 30,
  sendsPerSecond: 10,
  maxInvalidFrames: 10,
  typingIntervalMs: 2_000,
};

type State = 'authenticating' | 'initialising' | 'ready' | 'closed';

/** One client socket: its state, what it may do, and a bounded queue while it is not ready. */
export class Connection {
  state: State = 'authenticating';
  userId = '';
  /** Chats whose live traffic this connection receives (the hub keeps it in sync with membership). */
  readonly chats = new Set<string>();
  alive = true;
  /** The sign-in this socket was opened under, and when its access token runs out (credentials.ts). */
  sessionId: string | undefined;
  expiryTimer: NodeJS.Timeout | undefined;
  /** Where this device's feed stands once a sync completed; unset while it may have missed changes. */
  feed: SyncPoint | undefined;
  readonly sendBucket: TokenBucket;
  private readonly queued: string[] = [];
  private invalid = 0;
  private invalidSince = Date.now();
  private lastTyping: Map<string, number> | undefined;

  private logger: Logger | undefined;

  constructor(
    readonly id: string,
    readonly socket: WebSocket,
    /** The upgraded TCP (or TLS) stream under `socket`: encoded frames are written to it directly. */
    private readonly stream: Duplex,
    private readonly parentLog: Logger,
    private readonly limits: ConnectionLimits,
  ) {
    this.sendBucket = new TokenBucket(limits.sendBurst, limits.sendsPerSecond);
  }

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
    this.write(encodeFrame(frame));
  }

  /**
   * Writes an encoded frame (see wire.ts; fan-out encodes once for all recipients). Safe beside
   * ws's own writes (pings, close) because with compression off ws writes synchronously too, so
   * frames never interleave; once ws is closing, `open` is false and nothing more is written.
   */
  write(frame: Buffer): void {
    if (!this.open) return;
    if (this.socket.bufferedAmount > this.limits.maxBufferedBytes) {
      // Buffering without bound would let one slow phone exhaust the server: drop it, it will sync.
      this.close(CloseCode.TryAgainLater, 'too slow; reconnect and sync');
      return;
    }
    this.stream.write(frame);
  }

  /** Holds a frame until the connection is ready; false when the queue is full. */
  enqueue(data: string): boolean {
    if (this.queued.length >= this.limits.maxQueuedFrames) return false;
    this.queued.push(data);
    return true;
  }

  takeQueued(): string[] {
    return this.queued.splice(0);
  }

  /** Counts an invalid frame; true when the client has used up its tolerance. */
  strike(): boolean {
    const now = Date.now();
    this.invalid = Math.max(0, this.invalid - Math.floor((now - this.invalidSince) / 10_000));
    this.invalidSince = now;
    this.invalid += 1;
    return this.invalid > this.limits.maxInvalidFrames;
  }

  /** Typing indicators are throttled per chat: true when this one may go out. */
  mayType(chatId: string): boolean {
    const now = Date.now();
    this.lastTyping ??= new Map();
    const last = this.lastTyping.get(chatId) ?? 0;
    if (now - last < this.limits.typingIntervalMs) return false;
    this.lastTyping.set(chatId, now);
    return true;
  }

  close(code: CloseCodeValue, reason: string): void {
    if (this.state === 'closed') return;
    this.state = 'closed';
    this.socket.close(code, reason);
    // A peer that never answers the close handshake must not hold the socket open.
    setTimeout(() => this.socket.terminate(), 5_000).unref();
  }
}
