import type { SessionsEnded } from '../auth/events.js';
import type { AccessClaims } from '../auth/tokens.js';
import { CloseCode } from './close-codes.js';
import type { Connection } from './connection.js';
import type { Registry } from './registry.js';

/** How often expiries are looked for: a socket outlives its token by at most this. */
const SWEEP_MS = 1_000;

/**
 * A socket lives no longer than the credentials it was opened with: it is closed (4401) when its
 * access token expires — unless the client sent a fresh one in an `auth` frame — and when the
 * session it was opened under ends, on whichever instance that happened.
 */
export class Credentials {
  private sweeper: NodeJS.Timeout | undefined;

  constructor(private readonly registry: Registry) {}

  /**
   * Starts (or, on re-authentication, moves) the connection's expiry. Kept on the connection and
   * found by one sweep a second over all of them (~40 µs per 1,000 sockets): an index of
   * deadlines cost ~80 bytes of table entries per socket, for as long as it is open.
   */
  hold(conn: Connection, claims: AccessClaims): void {
    // A re-authentication that finished after the socket closed: nothing to hold it for.
    if (conn.state === 'closed') return;
    conn.sessionId = claims.sessionId;
    // Rounded up: closed at or after the expiry, never before.
    conn.expiresAt = Math.ceil(claims.expiresAt / 1000);
    if (!this.sweeper) {
      this.sweeper = setInterval(() => this.sweep(), SWEEP_MS);
      this.sweeper.unref();
    }
  }

  release(conn: Connection): void {
    conn.expiresAt = 0;
  }

  ended(e: SessionsEnded): void {
    const ids = new Set(e.sessionIds);
    for (const c of this.registry.connectionsOf(e.userId))
      if (c.sessionId !== undefined && ids.has(c.sessionId)) c.close(CloseCode.Unauthorized, 'session ended');
  }

  /** Closes the sockets whose token has run out: never before, whichever way the wall clock moves. */
  private sweep(): void {
    const now = Date.now() / 1000;
    let held = 0;
    for (const c of this.registry.connections()) {
      if (c.expiresAt === 0) continue;
      held += 1;
      if (c.expiresAt > now) continue;
      c.expiresAt = 0; // once
      c.close(CloseCode.Unauthorized, 'token expired');
    }
    if (held === 0) {
      clearInterval(this.sweeper);
      this.sweeper = undefined;
    }
  }
}
