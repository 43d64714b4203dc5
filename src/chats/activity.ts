import { CappedMap } from '../lib/capped.js';
import type { Logger } from '../lib/logger.js';
import type { Message } from '../messages/schemas.js';
import type { ChatStore } from './store.js';

/** Chats whose list rows and landed writes are remembered. */
const CHATS_KEPT = 50_000;
/**
 * Chats written at once by a flush. Few: a flush is a burst of one UpdateItem per busy chat, and
 * messages' writes queue behind whatever it has in flight (16 at once put ~1 s on the bench's p99).
 */
const CONCURRENCY = 4;
/** How often a busy chat's members' list rows are rewritten (ordering of other instances' lists lags by up to this). */
const ROWS_EVERY_MS = 10_000;

/** The tracker as the reads that need its counts exact see it (ChatViews, ChatService.markRead). */
export interface PendingActivity {
  flush(): Promise<void>;
  exclusive<T>(fn: () => Promise<T>): Promise<T>;
  /** Messages of others in the chat noted here and not yet in its stored msgCount (no write). */
  unflushedFromOthers?(chatId: string, userId: string): number;
  /** A mark to pass to `landedSince` (counts flushes that finished). */
  landedMark?(): number;
  /** Whether a write of any of these chats' counts finished after `mark` (it left the pending). */
  landedSince?(mark: number, chatIds: readonly string[]): boolean;
}

/** What a chat gained since the last flush. */
interface Pending {
  last: Message;
  /** New messages (0 when only the list rows are left to write). */
  count: number;
  /** New messages per sender: their own messages count as read. */
  bySender: Map<string, number>;
  /** New messages mentioning each member. */
  mentioned: Map<string, number>;
}

/**
 * Each chat's latest activity, for chat lists. Written behind the message path, at most once per
 * chat per interval (2 s; and before a read that needs it exact: see `exclusive`), so a busy chat
 * costs a few writes a second rather than a few per message. Per chat, a flush:
 *  - sets the chat's activity item (last message, lastMessageAt) and adds to its msgCount;
 *    and each sender's own count (s#<userId>, in the same write: their own never count as unread);
 *  - sets every member's chat-list row ("a#<chatId>" in the feed table) to the new activity time
 *    (one member query per chat), at most every ROWS_EVERY_MS for a busy chat unless a reader
 *    here forces it.
 * A crash loses the last interval's counts: that chat's lists then show it by its previous
 * activity until its next message, and its unread counts may be low by the lost messages (a
 * resend of one of them, stored already, is not counted again).
 */
export class ActivityTracker implements PendingActivity {
  private dirty = new Map<string, Pending>();
  /** Taken out of `dirty` by a write that has not finished yet. */
  private readonly writing = new Map<string, Pending>();
  /** When each chat's list rows were last written, and the rows held back until their time. */
  private readonly rowsAt = new CappedMap<string, number>(CHATS_KEPT);
  private readonly rowsDue = new Map<string, Message>();
  /** Per chat, the number of the last of its writes that finished (see landedSince). */
  private readonly landed = new CappedMap<string, number>(CHATS_KEPT);
  private landings = 0;
  private readonly timer: NodeJS.Timeout;
  private chain: Promise<unknown> = Promise.resolve();
  private ticking = false;

  constructor(
    private readonly chats: ChatStore,
    private readonly logger: Logger | undefined,
    intervalMs = 2_000,
  ) {
    this.timer = setInterval(() => {
      // One timed run at a time: a slow DynamoDB must not queue a run per tick behind it.
      if (this.ticking) return;
      this.ticking = true;
      void this.run(false, async () => {})
        .catch(() => {}) // each write logs its own failure and keeps it for the next round
        .finally(() => {
          this.ticking = false;
        });
    }, intervalMs);
    this.timer.unref();
  }

  /**
   * A new message, once (the writer's onCreated, never for a resend). Counting resends away by
   * id instead kept 50,000 ids: every message outlived a young-generation GC for it.
   */
  note(m: Message): void {
    const current = this.dirty.get(m.chatId);
    if (!current) {
      const mentioned = new Map((m.mentions ?? []).map((u) => [u, 1]));
      this.dirty.set(m.chatId, { last: m, count: 1, bySender: new Map([[m.senderId, 1]]), mentioned });
      return;
    }
    // A busy chat: added in place, not through a Pending built per message.
    if (current.last.id < m.id) current.last = m;
    current.count += 1;
    bump(current.bySender, m.senderId, 1);
    if (m.mentions) for (const u of new Set(m.mentions)) bump(current.mentioned, u, 1);
  }

  /**
   * For push badges, which must not force a write per message: what a flush would add. A chat
   * whose write just failed may count twice until its retry (badges only, never stored).
   */
  unflushedFromOthers(chatId: string, userId: string): number {
    let n = 0;
    for (const p of [this.dirty.get(chatId), this.writing.get(chatId)])
      if (p) n += p.count - (p.bySender.get(userId) ?? 0);
    return n;
  }

  landedMark(): number {
    return this.landings;
  }

  landedSince(mark: number, chatIds: readonly string[]): boolean {
    return mark !== this.landings && chatIds.some((id) => (this.landed.get(id) ?? 0) > mark);
  }

  /** Writes what is pending; failures are logged and kept for the next round. */
  flush(): Promise<void> {
    return this.exclusive(async () => {});
  }

  /**
   * Flushes, then runs `fn` before any later flush starts: a read marker computed inside sees
   * counts that no flush of this instance changes under it (readCount is set, not added).
   */
  exclusive<T>(fn: () => Promise<T>): Promise<T> {
    return this.run(true, fn);
  }

  /** forced: a reader waits on it, so held-back list rows are written too. */
  private run<T>(forced: boolean, fn: () => Promise<T>): Promise<T> {
    const run = this.chain.then(async () => {
      await this.write(forced);
      await this.writeDueRows(forced);
      return fn();
    });
    this.chain = run.catch(() => {});
    return run;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }

  private merge(chatId: string, p: Pending): void {
    const current = this.dirty.get(chatId);
    if (!current) {
      this.dirty.set(chatId, p);
      return;
    }
    if (current.last.id < p.last.id) current.last = p.last;
    current.count += p.count;
    for (const [u, n] of p.bySender) bump(current.bySender, u, n);
    for (const [u, n] of p.mentioned) bump(current.mentioned, u, n);
  }

  private async write(forced: boolean): Promise<void> {
    if (this.dirty.size === 0) return;
    const batch = [...this.dirty.values()];
    this.dirty = new Map();
    for (const p of batch) this.writing.set(p.last.chatId, p);
    for (let i = 0; i < batch.length; i += CONCURRENCY) {
      await Promise.all(batch.slice(i, i + CONCURRENCY).map((p) => this.writeChat(p, forced)));
    }
  }

  /** Each step keeps what failed for the next round, without repeating what succeeded. */
  private async writeChat(p: Pending, forced: boolean): Promise<void> {
    const chatId = p.last.chatId;
    let newest: boolean;
    try {
      newest = await this.chats.lists.recordActivity(p.last, p.count, p.bySender, p.mentioned);
    } catch (err) {
      this.retryLater(err, p);
      return;
    } finally {
      // Counted in the store now (or back in `dirty`): no longer pending.
      this.writing.delete(chatId);
      this.landed.delete(chatId); // re-inserted: the map's order is recency
      this.landed.set(chatId, ++this.landings);
    }
    // Another instance recorded a newer message: its flush sets the rows.
    if (!newest) return;
    // Every member's row is one write each: a busy chat rewrites them every ROWS_EVERY_MS, unless a
    // reader here needs them now (its list would otherwise lag).
    const now = Date.now();
    if (!forced && now - (this.rowsAt.get(chatId) ?? 0) < ROWS_EVERY_MS) {
      this.rowsDue.set(chatId, p.last);
      return;
    }
    await this.writeRows(p.last);
  }

  private async writeRows(last: Message): Promise<void> {
    const chatId = last.chatId;
    this.rowsDue.delete(chatId);
    this.rowsAt.delete(chatId); // re-inserted: the map's order is recency
    this.rowsAt.set(chatId, Date.now());
    try {
      const members = await this.chats.listMembers(chatId);
      await this.chats.lists.put(
        members.map((m) => ({ userId: m.userId, chatId, activityAt: last.createdAt })),
      );
    } catch (err) {
      this.logger?.warn({ err, chatId }, 'chat list rows not written; will retry');
      this.rowsDue.set(chatId, last);
    }
  }

  /** Rows held back by ROWS_EVERY_MS whose time has come (or all of them, for a reader). */
  private async writeDueRows(forced: boolean): Promise<void> {
    const now = Date.now();
    const due = [...this.rowsDue.values()].filter(
      (m) => forced || now - (this.rowsAt.get(m.chatId) ?? 0) >= ROWS_EVERY_MS,
    );
    for (let i = 0; i < due.length; i += CONCURRENCY)
      await Promise.all(due.slice(i, i + CONCURRENCY).map((m) => this.writeRows(m)));
  }

  private retryLater(err: unknown, p: Pending): void {
    this.logger?.warn({ err, chatId: p.last.chatId }, 'chat activity not written; will retry');
    this.merge(p.last.chatId, p);
  }
}

/** Adds n to a per-user count. */
const bump = (counts: Map<string, number>, userId: string, n: number) =>
  counts.set(userId, (counts.get(userId) ?? 0) + n);
