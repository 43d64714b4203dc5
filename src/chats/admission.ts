import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { changeItem, type LoggedChange } from '../feed/log.js';
import { AppError } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { ChatMeta, ChatStore, MemberRecord } from './store.js';
import { ConditionFailed } from './store.js';

/**
 * Puts one user into a group as a member, whoever let them in: an add by a member, an accepted
 * invitation, a join by invite link or an approved join request. The checks of who may do it are
 * the caller's; this is the write, its change-log entry and its event.
 */
export class Admission {
  constructor(
    private readonly chats: ChatStore,
    private readonly inbox: Pick<Inbox, 'cover'>,
    private readonly bus: Publisher,
    private readonly maxMembers: number,
  ) {}

  /** 409 when already a member, 422 when the group is full. `by`: who added them (themselves on a join). */
  async admit(meta: ChatMeta, userId: string, by: string): Promise<void> {
    const { chatId } = meta;
    const added: MemberRecord = { chatId, userId, role: 'member', joinedAt: new Date().toISOString() };
    // Their chat list shows the chat by its latest activity (a flush pending here updates it later).
    const activity = await this.chats.lists.getActivity(chatId);
    const activityAt = latest(meta.createdAt, activity?.lastMessageAt);
    await this.inbox.cover(chatId, [userId]);
    const pos = newId();
    const event: LoggedChange = { type: 'member_added', chatId, pos, userId, role: 'member', by };
    try {
      await this.chats.addMember(
        { ...added, joinedPos: pos },
        this.maxMembers,
        activityAt,
        changeItem(chatId, pos, [event]),
      );
    } catch (err) {
      if (!(err instanceof ConditionFailed)) throw err;
      if (err.reasons[1] === 'ConditionalCheckFailed') throw new AppError('conflict', 'Already a member');
      if (err.reasons[0] === 'ConditionalCheckFailed')
        throw new AppError('unprocessable', `A group can have at most ${this.maxMembers} members`);
      throw new AppError('unavailable', 'The chat changed meanwhile, retry', { retryAfter: 1 });
    }
    this.bus.publish(event);
  }
}

const latest = (a: string, b: string | undefined) => (b !== undefined && b > a ? b : a);
