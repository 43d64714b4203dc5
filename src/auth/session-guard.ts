import { CappedMap } from '../lib/capped.js';
import type { SessionStore } from './store.js';
import { ACCESS_TOKEN_TTL_SECONDS } from './tokens.js';

const ACTIVE_FOR_MS = 30_000;
const MAX_ENTRIES = 200_000;

/**
 * Whether the session an access token was issued under is still live. Ended sessions are known
 * at once on every instance through the bus; the database is asked at most every 30 s per
 * session, so an instance that missed the event (Redis down) stops honouring it within that.
 */
export class SessionGuard {
  private readonly known = new CappedMap<string, { active: boolean; until: number }>(MAX_ENTRIES);

  constructor(private readonly sessions: SessionStore) {}

  async isActive(sessionId: string): Promise<boolean> {
    const now = Date.now();
    const hit = this.known.get(sessionId);
    if (hit && hit.until > now) return hit.active;
    const family = await this.sessions.getFamily(sessionId);
    // The session may have ended while we read: an end heard meanwhile wins over what we read.
    const heard = this.known.get(sessionId);
    if (heard && !heard.active && heard.until > Date.now()) return false;
    const active = family !== undefined && !family.revoked;
    this.remember(sessionId, active, now + (active ? ACTIVE_FOR_MS : ACCESS_TOKEN_TTL_SECONDS * 1000));
    return active;
  }

  ended(sessionIds: readonly string[]): void {
    const until = Date.now() + ACCESS_TOKEN_TTL_SECONDS * 1000;
    for (const id of sessionIds) this.remember(id, false, until);
  }

  private remember(sessionId: string, active: boolean, until: number): void {
    this.known.delete(sessionId);
    this.known.set(sessionId, { active, until });
  }
}
