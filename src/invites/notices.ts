import type { ChatStore, LogItem } from '../chats/store.js';
import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { changeItem, type LoggedChange } from '../feed/log.js';
import { personalLogId } from '../feed/personal.js';
import { newId } from '../lib/ids.js';
import type { JoinRequest } from './schemas.js';

/** A transaction holds 100 items: the request's own write and one log item per admin. */
const MAX_NOTIFIED = 99;

export type JoinRequestChange =
  | { kind: 'requested'; request: JoinRequest }
  | { kind: 'closed'; requesterId: string; approved: boolean };

export interface Notices {
  events: LoggedChange[];
  /** Written in the same transaction as the request's change. */
  items: LogItem[];
}

/**
 * Tells a group's owner and admins of its join requests, through each one's personal log
 * (feed/personal.ts): live on their connected devices, and replayed by `sync` on the others, so
 * a request made while every admin is away is waiting for them, and one answered on one admin's
 * device leaves the others' lists.
 */
export class JoinRequestNotices {
  constructor(
    private readonly deps: {
      chats: Pick<ChatStore, 'listMembers'>;
      inbox: Pick<Inbox, 'cover'>;
      bus: Publisher;
    },
  ) {}

  async prepare(groupId: string, change: JoinRequestChange): Promise<Notices> {
    const admins = (await this.deps.chats.listMembers(groupId))
      .filter((m) => m.role !== 'member')
      .slice(0, MAX_NOTIFIED)
      .map((m) => m.userId);
    const events = await Promise.all(
      admins.map(async (userId): Promise<LoggedChange> => {
        const chatId = personalLogId(userId);
        await this.deps.inbox.cover(chatId, [userId]);
        const pos = newId();
        return change.kind === 'requested'
          ? { type: 'join_requested', chatId, pos, userId, groupId, request: change.request }
          : {
              type: 'join_request_closed',
              chatId,
              pos,
              userId,
              groupId,
              requesterId: change.requesterId,
              approved: change.approved,
            };
      }),
    );
    return { events, items: events.map((e) => changeItem(e.chatId, e.pos, [e])) };
  }

  publish(notices: Notices): void {
    for (const e of notices.events) this.deps.bus.publish(e);
  }
}
