import type { ChatService } from '../chats/service.js';
import { personalLogId } from '../feed/personal.js';
import type { Logger } from '../lib/logger.js';
import type { Fanout } from './fanout.js';
import type { Registry } from './registry.js';
import type { Syncer } from './sync.js';
import { encodeFrame } from './wire.js';

/** Users whose chats are reloaded at once after a fan-out gap. */
const REBUILD_PARALLEL = 16;

export interface GapRecoveryDeps {
  registry: Registry;
  fanout: Pick<Fanout, 'join' | 'leave'>;
  syncer: Pick<Syncer, 'invalidateAll'>;
  chats: Pick<ChatService, 'chatIdsOf'>;
  logger: Logger;
}

/**
 * Fan-out was down, so membership events may have been missed: each socket's chats are rebuilt
 * from the database (leaving chats the user was removed from, joining ones they were added to),
 * then it is asked to sync — in that order, so the replay starts with its rooms right.
 */
export class GapRecovery {
  constructor(private readonly deps: GapRecoveryDeps) {}

  /** Delivery resumed after an outage (the bus's onRecovered). */
  askAllToResync(): void {
    this.deps.syncer.invalidateAll();
    void this.rebuildViews().catch((err: unknown) =>
      this.deps.logger.error({ err }, 'could not rebuild views'),
    );
  }

  private async rebuildViews(): Promise<void> {
    const resync = encodeFrame({ type: 'resync' });
    const users = [...new Set([...this.deps.registry.connections()].map((c) => c.userId))];
    for (let i = 0; i < users.length; i += REBUILD_PARALLEL) {
      await Promise.all(
        users.slice(i, i + REBUILD_PARALLEL).map((userId) => this.rebuildUser(userId, resync)),
      );
    }
  }

  /** Brings the user's sockets here into their chats as stored, then asks each to sync. */
  private async rebuildUser(userId: string, resync: Buffer): Promise<void> {
    const chatIds = await this.deps.chats.chatIdsOf(userId).then(
      (ids) => new Set([...ids, personalLogId(userId)]),
      (err: unknown) => {
        this.deps.logger.warn({ err, userId }, 'could not reload chats after a fan-out gap');
        return undefined;
      },
    );
    const { fanout } = this.deps;
    for (const c of this.deps.registry.connectionsOf(userId)) {
      if (c.state !== 'ready') continue;
      const started: Promise<void>[] = [];
      if (chatIds) {
        for (const chatId of [...c.chats]) if (!chatIds.has(chatId)) fanout.leave(c, chatId);
        for (const chatId of chatIds) {
          const p = c.chats.has(chatId) ? undefined : fanout.join(c, chatId);
          if (p) started.push(p);
        }
      }
      // Once chats new to this instance send their events here, so the replay meets live traffic.
      void Promise.all(started).then(() => c.write(resync));
    }
  }
}
