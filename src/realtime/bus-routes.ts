import { CappedSet } from '../lib/capped.js';
import { type BusEvent, chatTopic, type Topic, userTopic } from './bus.js';

/** Every instance must hear these, whoever it holds: they change what any instance allows. */
export const BROADCAST = 'all';

/**
 * Where an event goes on the bus: the topics of the connections that need it. Session ends and
 * removals go to every instance, because each one caches sessions and memberships for HTTP
 * requests too (auth/session-guard.ts, chats/membership-cache.ts); they are rare. A new member's
 * devices are not in the chat's room yet, so `member_added` also goes to the user's topic.
 */
export function routesOf(e: BusEvent): readonly (Topic | typeof BROADCAST)[] {
  switch (e.type) {
    case 'sessions_ended':
    case 'member_removed':
    // Every instance caches blocks and privacy settings for its checks, and the blocked person's
    // sockets must stop seeing the blocker at once; both are rare.
    case 'block_updated':
    case 'privacy_updated':
      return [BROADCAST];
    case 'member_added':
      return [chatTopic(e.chatId), userTopic(e.userId)];
    case 'presence':
      return e.chatIds.map(chatTopic);
    default:
      return [chatTopic(e.chatId)];
  }
}

/**
 * Ids of recent events that went to several topics: an instance listening to two of them gets the
 * event twice and delivers it once. Bounded; an id older than the window is long delivered.
 */
export class RecentIds {
  private readonly ids: CappedSet<string>;

  constructor(max = 8_192) {
    this.ids = new CappedSet(max);
  }

  /** True the first time an id is seen. */
  first(id: string): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    return true;
  }
}
