import type { IncomingMessage, Server } from 'node:http';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { MemberRecord } from '../chats/store.js';
import { isFeedEvent } from '../feed/events.js';
import { personalLogId } from '../feed/personal.js';
import { newId } from '../lib/ids.js';
import type { Logger } from '../lib/logger.js';
import type { Metrics } from '../metrics/registry.js';
import type { Services } from '../services.js';
import { Authenticator } from './authentication.js';
import type { BusEvent } from './bus.js';
import { CloseCode } from './close-codes.js';
import {
  Connection,
  type ConnectionContext,
  type ConnectionLimits,
  defaultConnectionLimits,
} from './connection.js';
import { Credentials } from './credentials.js';
import { Dispatcher } from './dispatch.js';
import { Fanout } from './fanout.js';
import { GapRecovery } from './gap-recovery.js';
import { type HubSocket, type SocketHandlers, socketClass } from './hub-socket.js';
import { LocalPresence, type PresenceStore } from './presence.js';
import { PresenceAnnouncer } from './presence-announcer.js';
import { Registry } from './registry.js';
import { Syncer, type SyncOptions } from './sync.js';
import { UpgradeGate } from './upgrade.js';

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

/** The domain services the hub uses (a whole `Services` will do). */
export type HubServices = Pick<
  Services,
  'tokens' | 'sessions' | 'chats' | 'messages' | 'feed' | 'bus' | 'sends' | 'privacy'
>;

export interface HubDeps {
  services: HubServices;
  logger: Logger;
  corsOrigins: readonly string[];
  /** TRUST_PROXY_HOPS: which X-Forwarded-For entry is the client, exactly as for HTTP requests. */
  trustProxyHops?: number;
  /** Defaults to this process's own view (one instance). */
  presence?: PresenceStore;
  options?: Partial<HubOptions>;
  metrics?: Metrics;
}

/**
 * The WebSocket side of Chat-X: wires each socket's life — upgrade (upgrade.ts), authentication
 * (authentication.ts), frames (dispatch.ts), presence (presence-announcer.ts) — to the rooms and
 * live fan-out of bus events, with recovery after a fan-out gap (gap-recovery.ts).
 */
export class Hub {
  readonly options: HubOptions;
  private readonly wss: WebSocketServer;
  private readonly registry: Registry;
  private readonly fanout: Fanout;
  private readonly credentials: Credentials;
  private readonly gate: UpgradeGate;
  private readonly auth: Authenticator;
  private readonly dispatcher: Dispatcher;
  private readonly presence: PresenceAnnouncer;
  private readonly syncer: Syncer;
  /**
   * Sockets not ready yet (the registry holds the rest), for shutdown to close. ws's own list of
   * every socket is off: it costs each socket a 'close' closure and a table entry (~110 bytes).
   */
  private readonly arriving = new Set<Connection>();
  private readonly connectionContext: ConnectionContext;
  private readonly unsubscribe: () => void;
  private readonly unsubscribeRecovered: () => void;
  private pinger: NodeJS.Timeout | undefined;

  constructor(private readonly deps: HubDeps) {
    const options = { ...defaultHubOptions, ...deps.options };
    this.options = options;
    const { metrics } = deps;
    this.registry = new Registry(deps.services.bus);
    this.credentials = new Credentials(this.registry);
    this.fanout = new Fanout(this.registry, metrics?.framesOut);
    metrics?.sample('connections', () => this.registry.counts.connections);
    metrics?.sample('users', () => this.registry.counts.users);
    const { registry, credentials } = this;
    const { tokens, sessions, chats, messages, feed, bus, sends, privacy } = deps.services;
    // One set of handlers for every socket (`this` is the socket): closures per socket cost ~300 bytes.
    const hub = this;
    const handlers: SocketHandlers = {
      message(data, isBinary) {
        if (this.conn) hub.dispatcher.receive(this.conn, data, isBinary);
      },
      close() {
        if (this.conn) hub.onClose(this.conn);
      },
      error(err) {
        this.conn?.log.debug({ err }, 'socket error');
      },
      pong() {
        if (this.conn) this.conn.alive = true;
      },
    };
    this.connectionContext = {
      log: deps.logger,
      limits: options.connection,
      framesOut: metrics?.framesOut,
    };
    this.wss = new WebSocketServer({
      WebSocket: socketClass(handlers),
      noServer: true,
      clientTracking: false,
      maxPayload: options.maxPayloadBytes,
      perMessageDeflate: false,
    });
    const { path, maxConnectionsPerIp, authTimeoutMs, maxConnectionsPerUser } = options;
    const { corsOrigins, trustProxyHops = 0 } = deps;
    this.gate = new UpgradeGate({ path, maxConnectionsPerIp, corsOrigins, trustProxyHops });
    const onAuthenticated = (conn: Connection, m: MemberRecord[], expiresAt: number) =>
      this.ready(conn, m, expiresAt);
    this.auth = new Authenticator({
      tokens,
      sessions,
      chats,
      privacy,
      registry,
      credentials,
      authTimeoutMs,
      maxConnectionsPerUser,
      onAuthenticated,
    });
    this.syncer = new Syncer(feed, registry, options.sync, () => bus.healthy(), this.fanout, metrics);
    const { syncer, auth, fanout } = this;
    const { typingIntervalMs } = options.connection;
    const framesIn = metrics?.framesIn;
    this.dispatcher = new Dispatcher({
      auth,
      syncer,
      messages,
      chats,
      bus,
      sends,
      typingIntervalMs,
      ...(framesIn ? { framesIn } : {}),
    });
    const store = deps.presence ?? new LocalPresence();
    this.presence = new PresenceAnnouncer({
      store,
      registry,
      fanout,
      bus,
      chats,
      privacy,
      logger: deps.logger,
    });
    const recovery = new GapRecovery({ registry, fanout, syncer, chats, logger: deps.logger });
    this.unsubscribe = bus.subscribe((e, remote) => this.onEvent(e, remote));
    this.unsubscribeRecovered = bus.onRecovered(() => {
      recovery.askAllToResync();
      this.reloadPrivacy();
    });
  }

  attach(server: Server): void {
    server.on('upgrade', (req, socket, head) => {
      if (this.gate.admit(req, socket))
        this.wss.handleUpgrade(req, socket, head, (ws) => this.onConnection(ws, socket, req));
    });
    this.pinger = setInterval(() => this.pingAll(), this.options.pingIntervalMs);
    this.pinger.unref();
  }

  /** A crashed instance's user is offline everywhere now: tell their peers. */
  announceOffline(userId: string): Promise<void> {
    return this.presence.announceOffline(userId);
  }

  /** WebSocket connections open from this client address (authenticated or not). */
  connectionsFrom(ip: string): number {
    return this.gate.connectionsFrom(ip);
  }

  /** An event from the bus (any instance): to this instance's sockets. */
  private onEvent(e: BusEvent, remote: boolean): void {
    if (e.type === 'sessions_ended') return this.credentials.ended(e);
    this.notePrivacy(e);
    const delivered = this.fanout.deliver(e);
    // Another instance sent it here for nothing: routing is coarser than needed (metrics).
    if (remote && delivered === 0 && e.type !== 'member_removed') this.deps.metrics?.busUnneeded.inc(e.type);
    if (isFeedEvent(e)) this.syncer.noteLive(e);
    if (e.type === 'member_added') this.presence.memberAdded(e.chatId, e.userId);
  }

  /** Keeps each connection's copy of its user's blocks and settings current (before delivery). */
  private notePrivacy(e: BusEvent): void {
    if (e.type === 'privacy_updated') {
      for (const c of this.registry.connectionsOf(e.userId)) {
        c.privacyChanges += 1;
        c.privacy = { ...c.privacy, ...e.settings };
        if (e.settings.lastSeen !== 'chats') c.activeChats = undefined;
        else if (!c.activeChats) this.loadActiveChats(c);
      }
    } else if (e.type === 'block_updated') {
      const toggle = (set: ReadonlySet<string>, id: string) => {
        const next = new Set(set);
        if (e.blocked) next.add(id);
        else next.delete(id);
        return next;
      };
      for (const c of this.registry.connectionsOf(e.userId)) {
        c.privacyChanges += 1;
        c.privacy = { ...c.privacy, blocked: toggle(c.privacy.blocked, e.targetId) };
      }
      for (const c of this.registry.connectionsOf(e.targetId)) {
        c.privacyChanges += 1;
        c.privacy = { ...c.privacy, blockedBy: toggle(c.privacy.blockedBy, e.userId) };
      }
    }
  }

  /** After a fan-out gap block and settings events may have been missed: every socket reads its user's again. */
  private reloadPrivacy(): void {
    for (const c of this.registry.connections()) {
      const changes = c.privacyChanges;
      this.deps.services.privacy.state(c.userId).then(
        (state) => {
          if (c.privacyChanges === changes) c.privacy = state;
        },
        (err: unknown) => c.log.warn({ err }, 'could not reload privacy after a fan-out gap'),
      );
    }
  }

  /** Which of its chats have messages, for a connection whose user just chose lastSeen `chats`. */
  private loadActiveChats(c: Connection): void {
    const seen = new Set<string>();
    c.activeChats = seen; // messages from now on are noted while the read runs
    this.deps.services.chats.withMessages([...c.chats]).then(
      (found) => {
        for (const id of found) seen.add(id);
      },
      (err: unknown) => c.log.warn({ err }, 'could not load chats with messages'),
    );
  }

  private onConnection(ws: WebSocket, stream: Duplex, req: IncomingMessage): void {
    const conn = new Connection(newId(), ws, stream, this.connectionContext);
    (ws as HubSocket).conn = conn;
    this.arriving.add(conn);
    this.gate.adopted(stream);
    // Its events reach the hub's handlers from now on (hub-socket.ts): nothing the client sends
    // before auth completes is lost.
    this.auth.begin(conn, req.headers.authorization);
  }

  /**
   * Authenticated with its chats loaded: once this instance receives their events (the bus may
   * have to subscribe to them first), into its rooms, then `ready` and the frames it sent meanwhile.
   * Anything published before that is the client's `sync` after `ready` to replay.
   */
  private ready(conn: Connection, memberships: MemberRecord[], expiresAt: number): void {
    if (conn.state !== 'initialising') return;
    const chatIds = memberships.map((m) => m.chatId);
    void this.registry.watching(conn.userId, chatIds).then(() => {
      this.start(conn, memberships, expiresAt);
      this.registry.unwatching(conn.userId, chatIds); // the rooms hold their own watch now
    });
  }

  private start(conn: Connection, memberships: MemberRecord[], expiresAt: number): void {
    if (conn.state !== 'initialising') return;
    for (const m of memberships) conn.chats.add(this.registry.nameOf(m.chatId));
    // Changes about the user alone (blocks, settings, invitations) come through their personal log.
    conn.chats.add(personalLogId(conn.userId));
    conn.state = 'ready';
    this.arriving.delete(conn);
    conn.firstSyncFrom = Date.now();
    for (const chatId of conn.chats) this.registry.join(conn, chatId);
    conn.send({
      type: 'ready',
      userId: conn.userId,
      connectionId: conn.id,
      expiresAt: new Date(expiresAt).toISOString(),
    });
    for (const text of conn.takeQueued()) this.dispatcher.dispatch(conn, text);
    this.presence.connected(conn, memberships);
  }

  private onClose(conn: Connection): void {
    this.arriving.delete(conn);
    this.credentials.release(conn);
    const wasReady = conn.state === 'ready';
    conn.state = 'closed';
    this.registry.remove(conn);
    if (wasReady) this.presence.disconnected(conn);
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
      conn.trimBudgets();
    }
  }

  /**
   * Drain for a deploy: refuse new sockets, then close the open ones with 1012 spread over
   * drainMs so their reconnects (to other instances) do not arrive all at once.
   */
  async close(): Promise<void> {
    this.gate.drain();
    clearInterval(this.pinger);
    this.syncer.close();
    this.dispatcher.close();
    // Ready ones are in the registry; those still initialising are in both.
    const open = new Set([...this.arriving, ...this.registry.connections()]);
    const sockets = [...open].map((c) => c.socket);
    await closeSpread(sockets, this.options.drainMs);
    this.unsubscribe();
    this.unsubscribeRecovered();
    await this.presence.close();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }
}

/** Closes the sockets with 1012 one after another over `spreadMs`; each gets 2 s before termination. */
function closeSpread(sockets: WebSocket[], spreadMs: number): Promise<unknown> {
  const step = sockets.length > 0 ? spreadMs / sockets.length : 0;
  return Promise.all(
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
}
