import { batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import type { Logger } from '../lib/logger.js';
import type { Message } from '../messages/schemas.js';
import type { ChatStore } from './store.js';

const RECENT_CHATS = 50_000;

/**
 * Each chat's latest activity, for ordering chat lists. Written behind the message path, at
 * most once per chat per interval, so a busy chat costs one extra write a second rather than one
 * per message. A crash can lose the last interval's update; lists then order that chat by its
 * previous activity until its next message (the lastMessage shown is always read fresh).
 */
export class ActivityTracker {
  private dirty = new Map<string, Message>();
  /** The newest message this instance has seen per chat, so its own lists are never stale. */
  private readonly recent = new Map<string, Message>();
  private readonly timer: NodeJS.Timeout;
  private flushing: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Db,
    private readonly chats: ChatStore,
    private readonly logger: Logger | undefined,
    intervalMs = 1_000,
  ) {
    this.timer = setInterval(() => void this.flush(), intervalMs);
    this.timer.unref();
  }

  note(m: Message): void {
    const current = this.dirty.get(m.chatId);
    if (!current || current.id < m.id) this.dirty.set(m.chatId, m);
    const seen = this.recent.get(m.chatId);
    if (!seen || seen.id < m.id) {
      this.recent.delete(m.chatId); // re-insert: the map's order is recency
      this.recent.set(m.chatId, m);
      if (this.recent.size > RECENT_CHATS) this.recent.delete(this.recent.keys().next().value as string);
    }
  }

  /** When this instance last saw a message in the chat (fresher than the stored record). */
  lastAt(chatId: string): string | undefined {
    return this.recent.get(chatId)?.createdAt;
  }

  /** Writes what is pending; on failure keeps it for the next round (newer entries win). */
  flush(): Promise<void> {
    this.flushing = this.flushing.then(async () => {
      if (this.dirty.size === 0) return;
      const batch = this.dirty;
      this.dirty = new Map();
      const items = [...batch.values()].map((m) =>
        this.chats.activityItem({ chatId: m.chatId, lastMessageId: m.id, lastMessageAt: m.createdAt }),
      );
      try {
        await batchPutAll(this.db.doc, this.db.tables.chats, items);
      } catch (err) {
        this.logger?.warn({ err }, 'chat activity not written; will retry');
        for (const m of batch.values()) this.note(m);
      }
    });
    return this.flushing;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.flush();
  }
}
