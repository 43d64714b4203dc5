import type { SessionsEnded } from '../auth/events.js';
import type { AccessClaims } from '../auth/tokens.js';
import { Deadlines } from '../lib/deadlines.js';
import { CloseCode } from './close-codes.js';
import type { Connection } from './connection.js';
import type { Registry } from './registry.js';

/**
 * A socket lives no longer than the credentials it was opened with: it is closed (4401) when its
 * access token expires — unless the client sent a fresh one in an `auth` frame — and when the
 * session it was opened under ends, on whichever instance that happened.
 */
export class Credentials {
  /** Every socket's expiry on one timer (within a second of it, never before). */
  private readonly expiries = new Deadlines<Connection>((conn) =>
    conn.close(CloseCode.Unauthorized, 'token expired'),
  );

  constructor(private readonly registry: Registry) {}

  /** Starts (or, on re-authentication, moves) the connection's expiry. */
  hold(conn: Connection, claims: AccessClaims): void {
    // A re-authentication that finished after the socket closed: nothing to hold it for.
    if (conn.state === 'closed') return;
    conn.sessionId = claims.sessionId;
    this.expiries.set(conn, claims.expiresAt);
  }

  release(conn: Connection): void {
    this.expiries.delete(conn);
  }

  ended(e: SessionsEnded): void {
    const ids = new Set(e.sessionIds);
    for (const c of this.registry.connectionsOf(e.userId))
      if (c.sessionId !== undefined && ids.has(c.sessionId)) c.close(CloseCode.Unauthorized, 'session ended');
  }
}
