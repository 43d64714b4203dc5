import { bearerToken } from '../auth/middleware.js';
import type { SessionGuard } from '../auth/session-guard.js';
import type { AccessClaims, AccessTokens } from '../auth/tokens.js';
import type { ChatService } from '../chats/service.js';
import type { MemberRecord } from '../chats/store.js';
import type { PrivacyService } from '../privacy/service.js';
import { CloseCode } from './close-codes.js';
import type { Connection } from './connection.js';
import type { Credentials } from './credentials.js';
import { reportFailure } from './error-frames.js';
import type { Registry } from './registry.js';

export interface AuthenticatorDeps {
  tokens: Pick<AccessTokens, 'verify'>;
  sessions: Pick<SessionGuard, 'isActive'>;
  chats: Pick<ChatService, 'membershipsOf' | 'withMessages'>;
  /** Blocks and privacy settings are loaded with the chats (the connection's filters use them). */
  privacy?: Pick<PrivacyService, 'state'>;
  registry: Registry;
  credentials: Credentials;
  /** Browsers authenticate with a first frame; without one by then the socket is closed 4401. */
  authTimeoutMs: number;
  maxConnectionsPerUser: number;
  /** The token is valid, its session live and the user's chats loaded: the connection may start. */
  onAuthenticated(conn: Connection, memberships: MemberRecord[], expiresAt: number): void;
}

/**
 * Who a socket belongs to: a bearer token in the upgrade request (native clients) or in a first
 * `auth` frame (browsers), and later `auth` frames that extend it. How long it lasts afterwards
 * (expiry, sessions ended elsewhere) is credentials.ts.
 */
export class Authenticator {
  constructor(private readonly deps: AuthenticatorDeps) {}

  /** A socket just opened: authenticates from its Authorization header, or awaits an `auth` frame. */
  begin(conn: Connection, authorization: string | undefined): void {
    if (authorization !== undefined) {
      const token = bearerToken(authorization);
      if (!token) return conn.close(CloseCode.Unauthorized, 'invalid token');
      return this.authenticate(conn, token);
    }
    setTimeout(() => {
      if (conn.state === 'authenticating') conn.close(CloseCode.Unauthorized, 'authentication timed out');
    }, this.deps.authTimeoutMs).unref();
  }

  authenticate(conn: Connection, token: string): void {
    let claims: AccessClaims;
    try {
      claims = this.deps.tokens.verify(token);
    } catch {
      return conn.close(CloseCode.Unauthorized, 'invalid token');
    }
    const { userId } = claims;
    const { registry, sessions, chats } = this.deps;
    if (registry.connectionsOf(userId).size >= this.deps.maxConnectionsPerUser) {
      return conn.close(CloseCode.TooManyConnections, 'too many connections for this user');
    }
    conn.userId = userId;
    // Known before the checks below resolve, so a session that ends meanwhile closes it too.
    conn.sessionId = claims.sessionId;
    conn.state = 'initialising';
    registry.addUser(conn);
    const changesBefore = conn.privacyChanges;
    Promise.all([
      sessions.isActive(claims.sessionId),
      chats.membershipsOf(userId),
      this.deps.privacy?.state(userId),
    ])
      .then(async ([active, memberships, loaded]) => {
        // A block or settings change landed while loading: the cache was dropped, read again.
        const privacy =
          conn.privacyChanges !== changesBefore ? await this.deps.privacy?.state(userId) : loaded;
        // Who sees others only through chats with messages needs to know which those are.
        const activeChats =
          active && privacy?.lastSeen === 'chats'
            ? await chats.withMessages(memberships.map((m) => m.chatId))
            : undefined;
        return { active, memberships, privacy, activeChats };
      })
      .then(
        ({ active, memberships, privacy, activeChats }) => {
          if (conn.state !== 'initialising') return; // closed meanwhile (its session ended, say)
          if (!active) return conn.close(CloseCode.Unauthorized, 'session ended');
          if (privacy) conn.privacy = privacy;
          conn.activeChats = activeChats;
          this.deps.credentials.hold(conn, claims);
          this.deps.onAuthenticated(conn, memberships, claims.expiresAt);
        },
        (err: unknown) => {
          conn.log.error({ err }, 'could not load chats');
          conn.close(CloseCode.InternalError, 'try again');
        },
      );
  }

  /** A fresh token on an open socket: same user, live session; the socket's expiry moves. */
  reauthenticate(conn: Connection, token: string): void {
    let claims: AccessClaims;
    try {
      claims = this.deps.tokens.verify(token);
    } catch (err) {
      return reportFailure(conn, err); // the socket goes on under its current token
    }
    if (claims.userId !== conn.userId) return conn.close(CloseCode.Unauthorized, 'token of another user');
    this.deps.sessions.isActive(claims.sessionId).then(
      (active) => {
        if (!active) return conn.close(CloseCode.Unauthorized, 'session ended');
        this.deps.credentials.hold(conn, claims);
        conn.send({ type: 'authed', expiresAt: new Date(claims.expiresAt).toISOString() });
      },
      (err: unknown) => reportFailure(conn, err),
    );
  }
}
