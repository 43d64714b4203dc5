import { CappedSet } from '../lib/capped.js';
import type { Message } from '../messages/schemas.js';
import type { ClientFrame, ServerFrame } from '../realtime/frames.js';

// A small Chat-X client for Node and browsers: connects, authenticates, keeps an outbox of
// unacknowledged sends, reconnects with backoff and catches up with `sync` on every reconnect,
// from the token of the last `synced` frame (the server sends fresh ones while connected too).
// Messages are delivered at least once by the server; this client drops repeats by id.

export type { Message, ServerFrame };

/** The subset of the WebSocket API this client uses (browser WebSocket and `ws` both fit). */
export interface SocketLike {
  readyState: number;
  send(data: string): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code: number; reason: string }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

export interface ClientOptions {
  /** ws(s)://host/v1/ws */
  url: string;
  /** Current access token; called on every (re)connect so a refreshed token is used. */
  token: () => string | Promise<string>;
  /**
   * Opens a socket. `headers` carries Authorization for clients that can send it (Node);
   * browsers ignore it and the client authenticates with a first frame instead.
   */
  connect: (url: string, headers: Record<string, string>) => SocketLike;
  /** Send the token as a header on the upgrade (Node) instead of an auth frame (browsers). */
  authHeader?: boolean;
  /** The sync token to resume from (the last `synced` token, e.g. restored from storage). */
  syncToken?: string;
  reconnect?: { minMs: number; maxMs: number };
  /**
   * Messages from others that arrive (live or in a sync) are confirmed with `delivered` frames,
   * one per chat for the newest, at most this often (ms). 0 turns automatic receipts off.
   */
  deliveredEveryMs?: number;
}

type Events = {
  ready: { userId: string; connectionId: string };
  message: Message;
  ack: { clientMsgId: string; message: Message };
  /** Caught up (complete) or a checkpoint: `token` is where the next sync resumes; store it. */
  synced: { token: string; complete: boolean };
  /** The stored token was refused (expired or not ours): reload state over REST. */
  expired: { code: string };
  frame: ServerFrame;
  error: Extract<ServerFrame, { type: 'error' }>;
  close: { code: number; reason: string; willReconnect: boolean };
};

interface Outgoing {
  frame: Extract<ClientFrame, { type: 'send' }>;
  sent: boolean;
  resolve(m: Message): void;
  reject(e: Error): void;
}

const OPEN = 1;
const RETRYABLE = new Set(['unavailable', 'rate_limited', 'internal']);
const SEEN_PER_CHAT = 5_000;

export class ChatClient {
  private socket: SocketLike | undefined;
  private readonly listeners: { [K in keyof Events]?: Set<(e: Events[K]) => void> } = {};
  private readonly outbox = new Map<string, Outgoing>();
  private token: string | undefined;
  private readonly seen = new Map<string, CappedSet<string>>();
  private attempt = 0;
  private closedByUser = false;
  private isReady = false;
  private counter = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private reauthTimer: ReturnType<typeof setTimeout> | undefined;
  private userId: string | undefined;
  /** Per chat, the newest message from others not yet confirmed, and the newest confirmed. */
  private readonly undelivered = new Map<string, string>();
  private readonly confirmed = new Map<string, string>();
  private deliveredTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly opts: ClientOptions) {
    this.token = opts.syncToken;
  }

  on<K extends keyof Events>(event: K, fn: (e: Events[K]) => void): () => void {
    let set = this.listeners[event] as Set<(e: Events[K]) => void> | undefined;
    if (!set) {
      set = new Set();
      (this.listeners as Record<string, unknown>)[event] = set;
    }
    set.add(fn);
    return () => set?.delete(fn);
  }

  /** Resolves on the first `ready`. */
  async open(): Promise<void> {
    this.closedByUser = false;
    const ready = new Promise<void>((resolve, reject) => {
      const offReady = this.on('ready', () => {
        offReady();
        offClose();
        resolve();
      });
      const offClose = this.on('close', (e) => {
        if (e.willReconnect) return;
        offReady();
        offClose();
        reject(new Error(`closed before ready: ${e.code} ${e.reason}`));
      });
    });
    await this.dial();
    return ready;
  }

  get ready(): boolean {
    return this.isReady;
  }

  /** The token the next sync resumes from (undefined until the first `synced`). */
  get syncToken(): string | undefined {
    return this.token;
  }

  /**
   * Sends a message and resolves with the stored message once the server acked it. Until then it
   * sits in the outbox and is re-sent (same clientMsgId, so never duplicated) after reconnects.
   */
  send(
    chatId: string,
    text: string,
    clientMsgId = this.newClientMsgId(),
    extras: { replyTo?: string; mentions?: string[] } = {},
  ): Promise<Message> {
    return new Promise((resolve, reject) => {
      const o: Outgoing = {
        frame: { type: 'send', chatId, clientMsgId, text, ...extras },
        sent: false,
        resolve,
        reject,
      };
      this.outbox.set(clientMsgId, o);
      if (this.isReady) this.transmit(o);
    });
  }

  typing(chatId: string): void {
    if (this.isReady) this.write({ type: 'typing', chatId });
  }

  read(chatId: string, messageId: string): void {
    if (this.isReady) this.write({ type: 'read', chatId, messageId });
  }

  /** Sets my reaction to a message (one per member; null removes it). Members get `reaction`. */
  react(chatId: string, messageId: string, emoji: string | null): void {
    if (this.isReady) this.write({ type: 'react', chatId, messageId, emoji });
  }

  /** Asks for every change since the token; resolves once caught up (all pages). */
  sync(): Promise<void> {
    return new Promise((resolve) => {
      const off = this.on('synced', (e) => {
        if (!e.complete) return;
        off();
        resolve();
      });
      this.requestSync();
    });
  }

  get pending(): number {
    return this.outbox.size;
  }

  close(): void {
    this.closedByUser = true;
    clearTimeout(this.reconnectTimer);
    clearTimeout(this.reauthTimer);
    clearTimeout(this.deliveredTimer);
    this.socket?.close(1000, 'bye');
    for (const o of this.outbox.values())
      o.reject(new Error('client closed before the message was acknowledged'));
    this.outbox.clear();
  }

  private async dial(): Promise<void> {
    const token = await this.opts.token();
    const headers: Record<string, string> = this.opts.authHeader ? { Authorization: `Bearer ${token}` } : {};
    const socket = this.opts.connect(this.opts.url, headers);
    this.socket = socket;
    socket.onopen = () => {
      if (!this.opts.authHeader) socket.send(JSON.stringify({ type: 'auth', token }));
    };
    socket.onmessage = (ev) => this.onFrame(String(ev.data));
    socket.onerror = () => {};
    socket.onclose = (ev) => this.onClose(ev.code, ev.reason);
  }

  private onFrame(text: string): void {
    let frame: ServerFrame;
    try {
      frame = JSON.parse(text) as ServerFrame;
    } catch {
      return;
    }
    switch (frame.type) {
      case 'ready':
        this.isReady = true;
        this.userId = frame.userId;
        this.attempt = 0;
        this.renewBefore(frame.expiresAt);
        this.emit('ready', frame);
        // Catch up, then re-send whatever was never acked (the server dedupes by clientMsgId).
        this.requestSync();
        for (const o of this.outbox.values()) this.transmit(o);
        if (this.undelivered.size > 0) this.scheduleDelivered();
        break;
      case 'message':
        this.deliver(frame.message);
        break;
      case 'ack': {
        this.deliver(frame.message, false);
        const o = this.outbox.get(frame.clientMsgId);
        this.outbox.delete(frame.clientMsgId);
        o?.resolve(frame.message);
        this.emit('ack', frame);
        break;
      }
      case 'authed':
        this.renewBefore(frame.expiresAt);
        break;
      case 'synced':
        this.token = frame.token;
        this.emit('synced', frame);
        if (!frame.complete) this.requestSync();
        break;
      case 'resync':
        this.requestSync();
        break;
      case 'error': {
        if (frame.code === 'sync_expired' || frame.code === 'sync_token_invalid') {
          // Start over from now; the app reloads what it shows over REST.
          this.token = undefined;
          this.emit('expired', { code: frame.code });
          this.requestSync();
        }
        const ref = frame.ref;
        const o = ref ? this.outbox.get(ref) : undefined;
        if (o && ref && RETRYABLE.has(frame.code)) {
          // Busy or rate-limited: try again after a pause (and after any reconnect).
          setTimeout(
            () => {
              if (this.outbox.get(ref) === o && this.isReady) this.transmit(o);
            },
            500 + Math.random() * 1_000,
          );
        } else if (o && ref) {
          this.outbox.delete(ref);
          o.reject(Object.assign(new Error(frame.message), { code: frame.code }));
        }
        this.emit('error', frame);
        break;
      }
    }
    this.emit('frame', frame);
  }

  private requestSync(): void {
    this.write(this.token ? { type: 'sync', since: this.token } : { type: 'sync' });
  }

  /** Emits each message id once; others' messages are confirmed as delivered (batched). */
  private deliver(m: Message, emit = true): void {
    this.noteDelivered(m);
    let seen = this.seen.get(m.chatId);
    if (!seen) {
      seen = new CappedSet(SEEN_PER_CHAT);
      this.seen.set(m.chatId, seen);
    }
    if (seen.has(m.id)) return;
    seen.add(m.id);
    if (emit) this.emit('message', m);
  }

  private noteDelivered(m: Message): void {
    if (m.senderId === this.userId || (this.opts.deliveredEveryMs ?? 1) === 0) return;
    const newest = this.undelivered.get(m.chatId) ?? this.confirmed.get(m.chatId) ?? '';
    if (m.id <= newest) return;
    this.undelivered.set(m.chatId, m.id);
    this.scheduleDelivered();
  }

  /** One `delivered` per chat for everything that arrived in the interval (the marker is forward-only). */
  private scheduleDelivered(): void {
    if (this.deliveredTimer !== undefined) return;
    this.deliveredTimer = setTimeout(() => {
      this.deliveredTimer = undefined;
      // Not connected: kept until the next `ready`.
      if (!this.isReady) return;
      for (const [chatId, messageId] of this.undelivered) {
        this.write({ type: 'delivered', chatId, messageId });
        this.confirmed.set(chatId, messageId);
      }
      this.undelivered.clear();
    }, this.opts.deliveredEveryMs ?? 500);
  }

  /** Sends a fresh access token a minute before the socket's runs out (else it closes 4401). */
  private renewBefore(expiresAt: string): void {
    clearTimeout(this.reauthTimer);
    const delay = Math.max(1_000, Date.parse(expiresAt) - Date.now() - 60_000);
    this.reauthTimer = setTimeout(() => {
      void Promise.resolve(this.opts.token()).then(
        (token) => this.write({ type: 'auth', token }),
        () => {},
      );
    }, delay);
  }

  private onClose(code: number, reason: string): void {
    this.isReady = false;
    clearTimeout(this.reauthTimer);
    // 4401 means the token is bad or the session ended: reconnecting with the same would loop.
    // An expired token is the exception: the app has a fresh one by now.
    const refused = (code === 4401 && reason !== 'token expired') || code === 4429;
    const willReconnect = !this.closedByUser && !refused;
    this.emit('close', { code, reason, willReconnect });
    if (!willReconnect) return;
    const { minMs, maxMs } = this.opts.reconnect ?? { minMs: 250, maxMs: 10_000 };
    const delay = Math.min(maxMs, minMs * 2 ** this.attempt) * (0.5 + Math.random() / 2);
    this.attempt += 1;
    this.reconnectTimer = setTimeout(() => {
      this.dial().catch(() => this.onClose(1006, 'token unavailable'));
    }, delay);
  }

  /** Sends an outbox entry; every attempt after the first says so, so the server checks for it. */
  private transmit(o: Outgoing): void {
    this.write(o.sent ? { ...o.frame, retry: true } : o.frame);
    o.sent = true;
  }

  private write(frame: ClientFrame): void {
    if (this.socket?.readyState === OPEN) this.socket.send(JSON.stringify(frame));
  }

  private emit<K extends keyof Events>(event: K, e: Events[K]): void {
    const set = this.listeners[event] as Set<(e: Events[K]) => void> | undefined;
    if (set) for (const fn of set) fn(e);
  }

  private newClientMsgId(): string {
    this.counter += 1;
    return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}-${this.counter}`;
  }
}
