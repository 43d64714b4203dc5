import { CappedMap } from '../lib/capped.js';
import type { PrivacyState, PrivacyStore } from './store.js';

/** Users whose state this instance remembers (oldest forgotten first). */
const MAX_USERS = 50_000;

/**
 * Privacy states read where they are durable and remembered until a change (from this instance,
 * or from another over the bus) says otherwise. While the bus is unhealthy (another instance's
 * change could be missed) every read goes to the database, and everything is forgotten when it
 * recovers.
 */
export class PrivacyCache {
  private readonly known = new CappedMap<string, PrivacyState>(MAX_USERS);
  /** Bumped by every forget: a read that a change overtook is used once, not remembered. */
  private generation = 0;

  constructor(
    private readonly store: Pick<PrivacyStore, 'get' | 'getMany'>,
    private readonly busHealthy: () => boolean,
  ) {}

  async get(userId: string): Promise<PrivacyState> {
    const known = this.busHealthy() ? this.known.get(userId) : undefined;
    if (known) return known;
    const gen = this.generation;
    return this.remember(userId, await this.store.get(userId), gen);
  }

  /** Read from the database whatever is remembered (for changes, which must start from the truth). */
  async fresh(userId: string): Promise<PrivacyState> {
    const gen = this.generation;
    return this.remember(userId, await this.store.get(userId), gen);
  }

  async getMany(userIds: readonly string[]): Promise<Map<string, PrivacyState>> {
    const out = new Map<string, PrivacyState>();
    const missing: string[] = [];
    const trust = this.busHealthy();
    for (const id of new Set(userIds)) {
      const s = trust ? this.known.get(id) : undefined;
      if (s) out.set(id, s);
      else missing.push(id);
    }
    const gen = this.generation;
    if (missing.length > 0)
      for (const [id, s] of await this.store.getMany(missing)) out.set(id, this.remember(id, s, gen));
    return out;
  }

  forget(...userIds: string[]): void {
    this.generation += 1;
    for (const id of userIds) this.known.delete(id);
  }

  clear(): void {
    this.generation += 1;
    this.known.clear();
  }

  private remember(userId: string, s: PrivacyState, gen: number): PrivacyState {
    if (!this.busHealthy() || gen !== this.generation) return s;
    this.known.delete(userId);
    this.known.set(userId, s);
    return s;
  }
}
