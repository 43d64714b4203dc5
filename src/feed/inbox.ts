import { CappedMap } from '../lib/capped.js';
import { spreadOf } from '../lib/spread.js';
import type { FeedStore } from './store.js';

export interface InboxOptions {
  /** Stamps are kept per member per chat per bucket of this length: fewer writes, coarser syncs. */
  bucketMs: number;
  /** Near a bucket's end the next one is stamped too, so a change positioned just after is covered. */
  marginMs: number;
  /** Chats whose stamps this instance remembers (oldest forgotten first). */
  maxChats: number;
}

export const defaultInboxOptions: InboxOptions = { bucketMs: 60_000, marginMs: 2_000, maxChats: 100_000 };

/**
 * Lets a sync find exactly the chats that changed since its token — O(changed chats), not
 * O(chats) — by stamping, before a change is written, "this chat changed in this minute" for every
 * member (feed table rows t#<minute>#<chatId>). The first change of a chat in a minute on an
 * instance reads the member list and puts one small item per member; the rest of that minute's
 * changes cost nothing here. Stamps are plain puts of fixed items, so two instances' stamps can
 * land in any order and never undo each other.
 */
export class Inbox {
  /** The last bucket this instance stamped for each chat's members. */
  private readonly stamped: CappedMap<string, number>;

  constructor(
    private readonly store: FeedStore,
    private readonly membersOf: (chatId: string) => Promise<string[]>,
    private readonly opts: InboxOptions = defaultInboxOptions,
    /** Also awaited by `cover`: lists the chat's history buckets the change may fall in. */
    private readonly listBuckets?: (chatId: string, marginMs: number) => Promise<void>,
  ) {
    this.stamped = new CappedMap(opts.maxChats);
  }

  bucketOf(ms: number): number {
    return Math.floor(ms / this.opts.bucketMs);
  }

  /**
   * Resolves once every member's stamps (and `alsoUsers'`: members joining or leaving) cover a
   * change positioned from now until `marginMs` later. Take the change's position right after.
   */
  async cover(chatId: string, alsoUsers: readonly string[] = []): Promise<void> {
    await Promise.all([this.listBuckets?.(chatId, this.opts.marginMs), this.stamp(chatId, alsoUsers)]);
  }

  private async stamp(chatId: string, alsoUsers: readonly string[]): Promise<void> {
    for (;;) {
      const now = Date.now();
      const buckets = this.bucketsFor(now, chatId);
      const last = buckets.at(-1) as number;
      if ((this.stamped.get(chatId) ?? -1) >= last) {
        if (alsoUsers.length > 0) await this.store.stamp(rows(chatId, alsoUsers), buckets);
      } else {
        const users = new Set([...(await this.membersOf(chatId)), ...alsoUsers]);
        await this.store.stamp(rows(chatId, [...users]), buckets);
        this.remember(chatId, last);
      }
      // A stamp slower than the margin may have been overtaken by the clock: stamp again.
      if (Date.now() + this.opts.marginMs / 2 <= (last + 1) * this.opts.bucketMs) return;
    }
  }

  /** Several chats at once (the message writer's batch). */
  async coverAll(chatIds: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(chatIds)].map((c) => this.cover(c)));
  }

  /**
   * The bucket of now, and the next one when it is near. "Near" is the margin plus a spread of up
   * to a quarter bucket per chat, so a busy instance's chats do not all read their members and
   * stamp them in the same two seconds before each minute (a burst every write queued behind).
   */
  private bucketsFor(now: number, chatId: string): number[] {
    const b = this.bucketOf(now);
    const early = this.opts.marginMs + (spreadOf(chatId) % Math.floor(this.opts.bucketMs / 4));
    return now + early >= (b + 1) * this.opts.bucketMs ? [b, b + 1] : [b];
  }

  private remember(chatId: string, bucket: number): void {
    this.stamped.delete(chatId);
    this.stamped.set(chatId, bucket);
  }
}

const rows = (chatId: string, users: readonly string[]) => users.map((userId) => ({ userId, chatId }));
