import { CappedMap } from '../lib/capped.js';
import type { ChatStore } from './store.js';

const TTL_MS = 60_000;
const MAX_ENTRIES = 200_000;

/**
 * "May this user write to this chat?" for the message writer, answered from the database and
 * remembered per instance, so steady traffic costs no read per batch. A removal is forgotten at
 * once (its bus event); while the bus is down, or right after it recovers, every answer is read
 * afresh — that is when a socket's own view of its chats can be stale. Entries also expire, for
 * changes that have no event (a direct chat whose peer deleted their account).
 */
export class MembershipCache {
  private readonly writable = new CappedMap<string, number>(MAX_ENTRIES);

  constructor(
    private readonly store: Pick<ChatStore, 'getMembers'>,
    private readonly busHealthy: () => boolean,
  ) {}

  /** Keys (chatId|userId) among these that may not write. */
  async outsiders(pairs: readonly { chatId: string; userId: string }[]): Promise<Set<string>> {
    const now = Date.now();
    const trust = this.busHealthy();
    // A loop, not `filter`: its array is empty on the cached path and full when an entry expires,
    // and V8 deoptimised the writer's step over that change of array kind (bench/README.md).
    let unsure: (typeof pairs)[number][] | undefined;
    for (const p of pairs) {
      if (trust && (this.writable.get(key(p)) ?? 0) > now) continue;
      unsure ??= [];
      unsure.push(p);
    }
    if (unsure === undefined) return new Set();
    const members = (await this.store.getMembers(unsure)).filter((m) => !m.peerDeleted);
    for (const m of members) this.remember(key(m), now + TTL_MS);
    const ok = new Set(members.map(key));
    return new Set(unsure.map(key).filter((k) => !ok.has(k)));
  }

  forget(chatId: string, userId: string): void {
    this.writable.delete(key({ chatId, userId }));
  }

  clear(): void {
    this.writable.clear();
  }

  private remember(k: string, until: number): void {
    this.writable.delete(k);
    this.writable.set(k, until);
  }
}

const key = (p: { chatId: string; userId: string }) => `${p.chatId}|${p.userId}`;
