import { CappedMap } from '../lib/capped.js';
import type { SessionStore } from './store.js';
import { ACCESS_TOKEN_TTL_SECONDS } from './tokens.js';

const ACTIVE_FOR_SECONDS = 30;
const MAX_ENTRIES = 200_000;

/**
 * Whether the session an access token was issued under is still live. Ended sessions are known
 * at once on every instance through the bus; the database is asked at most every 30 s per
 * session, so an instance that missed the event (Redis down) stops honouring it within that.
 */
export class SessionGuard {
  /**
   * Until when (epoch seconds) what is known of a session holds: positive while it is live,
   * negated once it ended. A small integer per socket's session, where an object with a
   * millisecond time was ~56 bytes more.
   */
  private readonly known = new CappedMap<string, number>(MAX_ENTRIES);

  constructor(private readonly sessions: SessionStore) {}

  async isActive(sessionId: string): Promise<boolean> {
    const hit = this.known.get(sessionId);
    if (hit !== undefined && Math.abs(hit) > nowSeconds()) return hit > 0;
    const family = await this.sessions.getFamily(sessionId);
    // The session may have ended while we read: an end heard meanwhile wins over what we read.
    const heard = this.known.get(sessionId);
    if (heard !== undefined && heard < 0 && -heard > nowSeconds()) return false;
    const active = family !== undefined && !family.revoked;
    // Rounded down while live (asked again a little sooner), up once ended (refused no shorter).
    if (active) this.remember(sessionId, Math.floor(Date.now() / 1000) + ACTIVE_FOR_SECONDS);
    else this.remember(sessionId, -endedUntil());
    return active;
  }

  ended(sessionIds: readonly string[]): void {
    const until = endedUntil();
    for (const id of sessionIds) this.remember(id, -until);
  }

  private remember(sessionId: string, until: number): void {
    this.known.delete(sessionId);
    this.known.set(sessionId, until);
  }
}

const nowSeconds = (): number => Date.now() / 1000;

/** An ended session's tokens are refused for as long as any of them can be valid. */
const endedUntil = (): number => Math.ceil(Date.now() / 1000) + ACCESS_TOKEN_TTL_SECONDS;
