import type { FeedStore } from './store.js';

export interface InboxOptions {
  /** How far ahead one stamp covers a chat's changes; fewer writes for busy chats, longer rows. */
  stampAheadMs: number;
  /** Chats whose stamps this instance remembers (oldest forgotten first). */
  maxChats: number;
}

export const defaultInboxOptions: InboxOptions = { stampAheadMs: 4_000, maxChats: 100_000 };

/**
 * Keeps each member's "changed" row ahead of every change in the chat, so a sync finds exactly
 * the chats that changed since its token (O(changed chats), not O(chats)). A write to the chat
 * first calls `cover`: when this instance stamped the chat's members recently it costs nothing;
 * otherwise it reads the member list and stamps every member with now + stampAheadMs, so one
 * stamp covers all of the chat's changes for the next few seconds (write amplification: members
 * per chat per few seconds of activity, not per change).
 *
 * A stamp is trusted here only for the first half of its reach: stamps of two instances may land
 * in either order, and the later-landing, lower one must still cover what the other one covered.
 */
export class Inbox {
  private readonly trustedUntil = new Map<string, number>();

  constructor(
    private readonly store: FeedStore,
    private readonly membersOf: (chatId: string) => Promise<string[]>,
    private readonly opts: InboxOptions = defaultInboxOptions,
  ) {}

  /**
   * Resolves once every member's row (and `alsoUsers'`: a member being added or removed) covers a
   * change positioned now. Positions must be taken after it resolves; see `covers`.
   */
  async cover(chatId: string, alsoUsers: readonly string[] = []): Promise<void> {
    const now = Date.now();
    if ((this.trustedUntil.get(chatId) ?? 0) > now) {
      if (alsoUsers.length > 0)
        await this.store.stamp(
          alsoUsers.map((userId) => ({ userId, chatId })),
          now + this.opts.stampAheadMs,
        );
      return;
    }
    const members = await this.membersOf(chatId);
    const stamp = now + this.opts.stampAheadMs;
    const users = new Set([...members, ...alsoUsers]);
    await this.store.stamp(
      [...users].map((userId) => ({ userId, chatId })),
      stamp,
    );
    this.trust(chatId, stamp - this.opts.stampAheadMs / 2);
  }

  /** Several chats at once (the message writer's batch). */
  async coverAll(chatIds: Iterable<string>): Promise<void> {
    await Promise.all([...new Set(chatIds)].map((c) => this.cover(c)));
  }

  private trust(chatId: string, until: number): void {
    this.trustedUntil.delete(chatId);
    this.trustedUntil.set(chatId, until);
    if (this.trustedUntil.size > this.opts.maxChats)
      this.trustedUntil.delete(this.trustedUntil.keys().next().value as string);
  }
}
