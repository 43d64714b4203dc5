import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type RawData, type WebSocket, WebSocketServer } from 'ws';
import { bearerToken } from '../auth/middleware.js';
import type { AccessClaims } from '../auth/tokens.js';
import type { MemberRecord } from '../chats/store.js';
import { isFeedEvent } from '../feed/events.js';
import { clientIp } from '../lib/client-ip.js';
import { AppError, toAppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { Logger } from '../lib/logger.js';
import { RateLimiter } from '../lib/rate-limit.js';
import type { Services } from '../services.js';
import { AddressCap } from './address-cap.js';
import { CloseCode } from './close-codes.js';
import { Connection, type ConnectionLimits, defaultConnectionLimits } from './connection.js';
import { Credentials } from './credentials.js';
import { Fanout } from './fanout.js';
import { type ClientFrame, parseClientFrame } from './frames.js';
import { LocalPresence, type PresenceStore } from './presence.js';
import { Registry } from './registry.js';
import { Syncer, type SyncOptions } from './sync.js';
import { encodeFrame } from './wire.js';

export interface HubOptions {
  path: string;
  /** Browsers authenticate with a first frame; without one by then the socket is closed 4401. */
  authTimeoutMs: number;
  /** ws ping interval; a connection that missed the previous pong is terminated. */
  pingIntervalMs: number;
  maxPayloadBytes: number;
  maxConnectionsPerUser: number;
  /** Open sockets per client address, before and after authentication (MAX_CONNECTIONS_PER_IP). */
  maxConnectionsPerIp: number;
  /** Close all sockets over this long on shutdown, so clients do not reconnect all at once. */
  drainMs: number;
  sync: SyncOptions;
  connection: ConnectionLimits;
}

export const defaultHubOptions: HubOptions = {
  path: '/v1/ws',
  authTimeoutMs: 5_000,
  pingIntervalMs: 30_000,
  maxPayloadBytes: 16 * 1024,
  maxConnectionsPerUser: 10,
  maxConnectionsPerIp: 50,
  drainMs: 3_000,
  sync: { limit: 500, checkpointMs: 10_000 },
  connection: defaultConnectionLimits,
};

export interface HubDeps {
  services: Services;
  logger: Logger;
  corsOrigins: readonly string[];
  /** TRUST_PROXY_HOPS: which X-Forwarded-For entry is the client, exactly as for HTTP requests. */
  trustProxyHops?: number;
  /** Defaults to this process's own view (one instance). */
  presence?: PresenceStore;
  options?: Partial<HubOptions>;
}

/** Users whose chats are reloaded at once after a fan-out gap. */
const REBUILD_PARALLEL = 16;

/** Presence snapshots on connect read the members of at most this many groups. */
const SNAPSHOT_GROUPS = 8;

/** The WebSocket side of Chat-X: authentication, frames, rooms and live fan-out. */
export class Hub {
  readonly options: HubOptions;
  private readonly wss: WebSocketServer;
  private readonly registry = new Registry();
  private readonly fanout = new Fanout(this.registry);
  private readonly presence: PresenceStore;
  private readonly syncer: Syncer;
  private readonly credentials = new Credentials(this.registry);
  private readonly addresses: AddressCap;
  /** Per user and chat, not per connection: a user's ten devices do not type ten times as often. */
  private readonly typing: RateLimiter | undefined;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeRecovered: () => void;
  private pinger: NodeJS.Timeout | undefined;
  private draining = false;

  constructor(private readonly deps: HubDeps) {
    this.options = { ...defaultHubOptions, ...deps.options };
    this.wss = new WebSocketServer({
      noServer: true,
      maxPayload: this.options.maxPayloadBytes,
      perMessageDeflate: false,
    });
    this.addresses = new AddressCap(this.options.maxConnectionsPerIp);
    const typingMs = this.options.connection.typingIntervalMs;
    this.typing = typingMs > 0 ? new RateLimiter({ capacity: 1, windowSeconds: typingMs / 1000 }) : undefined;
    this.presence = deps.presence ?? new LocalPresence();
    const { bus, feed } = deps.services;
    this.syncer = new Syncer(feed, this.registry, this.options.sync, () => bus.healthy());
    this.unsubscribe = bus.subscribe((e) => {
      if (e.type === 'sessions_ended') return this.credentials.ended(e);
      this.fanout.deliver(e);
      if (isFeedEvent(e)) this.syncer.noteLive(e);
      if (e.type === 'member_added')
        void this.introduce(e.chatId, e.userId).catch((err: unknown) =>
          deps.logger.warn({ err }, "could not introduce a new member's presence"),
        );
    });
    this.unsubscribeRecovered = deps.services.bus.onRecovered(() => this.askAllToResync());
  }

  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => this.onUpgrade(req, socket, head));
    this.pinger = setInterval(() => this.pingAll(), this.options.pingIntervalMs);
    this.pinger.unref();
  }

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const path = (req.url ?? '/').split('?')[0];
    if (path !== this.options.path) return reject(socket, 404, 'Not Found');
    if (this.draining) return reject(socket, 503, 'Service Unavailable');
    // Counted before the handshake: a flood of sockets that never authenticate is refused too.
    if (!this.addresses.admit(clientIp(req, this.deps.trustProxyHops ?? 0), socket))
      return reject(socket, 429, 'Too Many Requests');
    const origin = req.headers.origin;
    // Browsers always send Origin; native clients do not. Pages from this server itself (the web
    // client) and from CORS_ORIGINS may open a socket; any other site may not.
    if (
      origin !== undefined &&
      !this.deps.corsOrigins.includes(origin) &&
      !sameOrigin(origin, req.headers.host)
    ) {
      return reject(socket, 403, 'Forbidden');
    }
    this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, socket, req));
  }

  private onConnection(ws: WebSocket, stream: Duplex, req: IncomingMessage): void {
    const id = newId();
    const conn = new Connection(id, ws, stream, this.deps.logger, this.options.connection);
    // Handlers go on synchronously: nothing the client sends before auth completes is lost.
    ws.on('message', (data, isBinary) => this.onFrame(conn, data, isBinary));
    ws.on('close', () => this.onClose(conn));
    ws.on('error', (err) => conn.log.debug({ err }, 'socket error'));
    ws.on('pong', () => {
      conn.alive = true;
    });

    const header = req.headers.authorization;
    if (header !== undefined) {
      const token = bearerToken(header);
      if (!token) return conn.close(CloseCode.Unauthorized, 'invalid token');
      return this.authenticate(conn, token);
    }
    setTimeout(() => {
      if (conn.state === 'authenticating') conn.close(CloseCode.Unauthorized, 'authentication timed out');
    }, this.options.authTimeoutMs).unref();
  }

  private authenticate(conn: Connection, token: string): void {
    let claims: AccessClaims;
    try {
      claims = this.deps.services.tokens.verify(token);
    } catch {
      return conn.close(CloseCode.Unauthorized, 'invalid token');
    }
    const { userId } = claims;
    if (this.registry.connectionsOf(userId).size >= this.options.maxConnectionsPerUser) {
      return conn.close(CloseCode.TooManyConnections, 'too many connections for this user');
    }
    conn.userId = userId;
    conn.state = 'initialising';
    this.registry.addUser(conn);
    const { sessions, chats } = this.deps.services;
    Promise.all([sessions.isActive(claims.sessionId), chats.membershipsOf(userId)]).then(
      ([active, memberships]) => {
        if (!active) return conn.close(CloseCode.Unauthorized, 'session ended');
        this.credentials.hold(conn, claims);
        this.ready(conn, memberships, claims.expiresAt);
      },
      (err: unknown) => {
        conn.log.error({ err }, 'could not load chats');
        conn.close(CloseCode.InternalError, 'try again');
      },
    );
  }

  /** A fresh token on an open socket: same user, live session; the socket's expiry moves. */
  private reauthenticate(conn: Connection, token: string): void {
    let claims: AccessClaims;
    try {
      claims = this.deps.services.tokens.verify(token);
    } catch (err) {
      return this.fail(conn, err); // the socket goes on under its current token
    }
    if (claims.userId !== conn.userId) return conn.close(CloseCode.Unauthorized, 'token of another user');
    this.deps.services.sessions.isActive(claims.sessionId).then(
      (active) => {
        if (!active) return conn.close(CloseCode.Unauthorized, 'session ended');
        this.credentials.hold(conn, claims);
        conn.send({ type: 'authed', expiresAt: new Date(claims.expiresAt).toISOString() });
      },
      (err: unknown) => this.fail(conn, err),
    );
  }

  private ready(conn: Connection, memberships: MemberRecord[], expiresAt: number): void {
    if (conn.state !== 'initialising') return;
    for (const m of memberships) conn.chats.add(m.chatId);
    conn.state = 'ready';
    for (const chatId of conn.chats) this.registry.join(conn, chatId);
    conn.send({
      type: 'ready',
      userId: conn.userId,
      connectionId: conn.id,
      expiresAt: new Date(expiresAt).toISOString(),
    });
    for (const text of conn.takeQueued()) this.handleText(conn, text);
    void this.presence.connected(conn.userId).then((first) => {
      if (first) this.publishPresence(conn.userId, true, conn.chats);
    });
    void this.sendPresenceSnapshot(conn, memberships).catch((err: unknown) =>
      conn.log.warn({ err }, 'presence snapshot failed'),
    );
  }

  private onFrame(conn: Connection, data: RawData, isBinary: boolean): void {
    if (conn.state === 'closed') return;
    if (isBinary) return this.invalid(conn, 'validation_failed', 'Frames must be JSON text');
    const text = data.toString();
    if (conn.state === 'initialising') {
      if (!conn.enqueue(text)) conn.close(CloseCode.PolicyViolation, 'too many frames before ready');
      return;
    }
    if (conn.state === 'authenticating') {
      const parsed = parseClientFrame(text);
      if (!parsed.ok || parsed.frame.type !== 'auth')
        return conn.close(CloseCode.Unauthorized, 'authenticate first');
      return this.authenticate(conn, parsed.frame.token);
    }
    this.handleText(conn, text);
  }

  private handleText(conn: Connection, text: string): void {
    const parsed = parseClientFrame(text);
    if (!parsed.ok) return this.invalid(conn, parsed.code, parsed.message, parsed.ref);
    try {
      this.handle(conn, parsed.frame);
    } catch (err) {
      this.fail(conn, err);
    }
  }

  private handle(conn: Connection, frame: ClientFrame): void {
    switch (frame.type) {
      case 'auth':
        return this.reauthenticate(conn, frame.token);
      case 'ping':
        return conn.send({ type: 'pong' });
      case 'send':
        return this.onSend(conn, frame);
      case 'sync':
        return this.onSync(conn, frame.since);
      case 'typing':
        this.requireChat(conn, frame.chatId);
        if ((this.typing?.take(`${conn.userId} ${frame.chatId}`) ?? 0) === 0) {
          this.deps.services.bus.publish({ type: 'typing', chatId: frame.chatId, userId: conn.userId });
        }
        return;
      case 'read':
        this.requireChat(conn, frame.chatId);
        if (!conn.mayRead())
          return this.fail(
            conn,
            new AppError('rate_limited', 'Marking read too fast, slow down'),
            frame.messageId,
          );
        return void this.deps.services.chats
          .markRead(frame.chatId, conn.userId, frame.messageId)
          .catch((err: unknown) => this.fail(conn, err, frame.messageId));
    }
  }

  private onSync(conn: Connection, since: string | undefined): void {
    if (!conn.startSync(since)) throw new AppError('rate_limited', 'Syncing too often, slow down');
    this.syncer.run(conn, since).then(
      (next) => conn.endSync(next),
      (err: unknown) => {
        conn.endSync(undefined);
        this.fail(conn, err);
      },
    );
  }

  private onSend(conn: Connection, frame: Extract<ClientFrame, { type: 'send' }>): void {
    const { chatId, clientMsgId, text } = frame;
    const ref = clientMsgId;
    if (!conn.chats.has(chatId)) return this.fail(conn, new AppError('not_found', 'Chat not found'), ref);
    // The per-user budget is shared with REST sends (services.sends): devices and APIs together.
    if (conn.sendBucket.take() > 0 || this.deps.services.sends.take(conn.userId) > 0) {
      return this.fail(conn, new AppError('rate_limited', 'Sending too fast, slow down'), ref);
    }
    this.deps.services.messages
      .sendAsMember({
        chatId,
        senderId: conn.userId,
        clientMsgId,
        text,
        origin: conn.id,
        // A first attempt cannot be stored yet: skip the duplicate check's read.
        mayBeRetry: frame.retry === true,
        // Acked once durable and published: on this connection, ack before any later message.
        onDurable: (message) => conn.send({ type: 'ack', clientMsgId, message }),
      })
      .then(
        (sent) => {
          if (!sent.created) conn.send({ type: 'ack', clientMsgId, message: sent.message });
        },
        (err: unknown) => this.fail(conn, err, ref),
      );
  }

  private requireChat(conn: Connection, chatId: string): void {
    if (!conn.chats.has(chatId)) throw new AppError('not_found', 'Chat not found');
  }

  private invalid(conn: Connection, code: AppError['code'], message: string, ref?: string): void {
    conn.send({ type: 'error', code, message, ...(ref ? { ref } : {}) });
    if (conn.strike()) conn.close(CloseCode.PolicyViolation, 'too many invalid frames');
  }

  private fail(conn: Connection, err: unknown, ref?: string): void {
    const e = toAppError(err);
    if (e.status >= 500) conn.log.error({ err: e.cause ?? err }, 'frame failed');
    conn.send({ type: 'error', code: e.code, message: e.message, ...(ref ? { ref } : {}) });
  }

  private onClose(conn: Connection): void {
    this.credentials.release(conn);
    const wasReady = conn.state === 'ready';
    conn.state = 'closed';
    this.registry.remove(conn);

    if (!wasReady) return;
    const chats = [...conn.chats];
    void this.presence.disconnected(conn.userId).then((last) => {
      if (last) this.publishPresence(conn.userId, false, chats);
    });
  }

  private publishPresence(userId: string, online: boolean, chatIds: Iterable<string>): void {
    const lastSeenAt = new Date().toISOString();
    this.deps.services.bus.publish({ type: 'presence', userId, online, lastSeenAt, chatIds: [...chatIds] });
  }

  /** A crashed instance's user is offline everywhere now: tell their peers. */
  async announceOffline(userId: string): Promise<void> {
    this.publishPresence(userId, false, await this.deps.services.chats.chatIdsOf(userId));
  }

  /**
   * Which of this user's chat peers are online (on any instance) right now: every direct chat's
   * peer (known from the membership rows) and the members of a few groups — a bounded cost,
   * whatever the number of chats; group members' presence otherwise arrives as it changes.
   */
  private async sendPresenceSnapshot(conn: Connection, memberships: MemberRecord[]): Promise<void> {
    const groups = memberships.filter((m) => !m.peerId).map((m) => m.chatId);
    const peers = await this.deps.services.chats.memberIdsOf(groups.slice(0, SNAPSHOT_GROUPS));
    for (const m of memberships) if (m.peerId) peers.add(m.peerId);
    peers.delete(conn.userId);
    for (const userId of await this.presence.online([...peers]))
      conn.send({ type: 'presence', userId, online: true });
  }

  /** A new member and the chat's others learn each other's presence (on this instance's sockets). */
  private async introduce(chatId: string, userId: string): Promise<void> {
    const newcomers = this.registry.connectionsOf(userId);
    const room = this.registry.room(chatId);
    if (newcomers.size === 0 && room.size === 0) return;
    const members = [...(await this.deps.services.chats.memberIdsOf([chatId]))];
    const up = await this.presence.online(members);
    for (const peer of up) {
      if (peer === userId) continue;
      for (const c of newcomers) c.send({ type: 'presence', userId: peer, online: true });
    }
    if (up.has(userId)) this.fanout.deliver({ type: 'presence', userId, online: true, chatIds: [chatId] });
  }

  /**
   * Fan-out was down, so membership events may have been missed: each socket's chats are rebuilt
   * from the database (leaving chats the user was removed from, joining ones they were added to),
   * then it is asked to sync — in that order, so the replay starts with its rooms right.
   */
  private askAllToResync(): void {
    this.syncer.invalidateAll();
    void this.rebuildViews().catch((err: unknown) =>
      this.deps.logger.error({ err }, 'could not rebuild views'),
    );
  }

  private async rebuildViews(): Promise<void> {
    const resync = encodeFrame({ type: 'resync' });
    const users = [...new Set([...this.registry.connections()].map((c) => c.userId))];
    for (let i = 0; i < users.length; i += REBUILD_PARALLEL) {
      await Promise.all(
        users.slice(i, i + REBUILD_PARALLEL).map(async (userId) => {
          const chatIds = await this.deps.services.chats.chatIdsOf(userId).then(
            (ids) => new Set(ids),
            (err: unknown) => {
              this.deps.logger.warn({ err, userId }, 'could not reload chats after a fan-out gap');
              return undefined;
            },
          );
          for (const c of this.registry.connectionsOf(userId)) {
            if (c.state !== 'ready') continue;
            if (chatIds) {
              for (const chatId of [...c.chats]) if (!chatIds.has(chatId)) this.fanout.leave(c, chatId);
              for (const chatId of chatIds) if (!c.chats.has(chatId)) this.fanout.join(c, chatId);
            }
            c.write(resync);
          }
        }),
      );
    }
  }

  /** WebSocket connections open from this client address (authenticated or not). */
  connectionsFrom(ip: string): number {
    return this.addresses.count(ip);
  }

  private pingAll(): void {
    for (const conn of this.registry.connections()) {
      if (!conn.alive) {
        conn.log.info('no pong: terminating');
        conn.socket.terminate();
        continue;
      }
      conn.alive = false;
      conn.socket.ping();
    }
    for (const ws of this.wss.clients) if (ws.readyState === ws.CLOSED) ws.terminate();
  }

  /**
   * Drain for a deploy: refuse new sockets, then close the open ones with 1012 spread over
   * drainMs so their reconnects (to other instances) do not arrive all at once.
   */
  async close(): Promise<void> {
    this.draining = true;
    clearInterval(this.pinger);
    this.syncer.close();
    this.typing?.close();
    const sockets = [...this.wss.clients];
    const step = sockets.length > 0 ? this.options.drainMs / sockets.length : 0;
    await Promise.all(
      sockets.map(
        (ws, i) =>
          new Promise<void>((resolve) => {
            if (ws.readyState === ws.CLOSED) return resolve();
            ws.once('close', () => resolve());
            setTimeout(() => ws.close(CloseCode.ServiceRestart, 'server restarting; reconnect'), i * step);
            setTimeout(
              () => {
                ws.terminate();
                resolve();
              },
              i * step + 2_000,
            );
          }),
      ),
    );
    this.unsubscribe();
    this.unsubscribeRecovered();
    await this.presence.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

function sameOrigin(origin: string, host: string | undefined): boolean {
  try {
    return host !== undefined && new URL(origin).host === host;
  } catch {
    return false;
  }
}

function reject(socket: Duplex, status: number, text: string): void {
  socket.end(`HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
