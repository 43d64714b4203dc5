import type { Publisher } from '../feed/events.js';
import { changeItem, type LoggedChange } from '../feed/log.js';
import { isDirectChatId } from '../feed/personal.js';
import { notFound } from '../lib/errors.js';
import { deliveredMarker } from '../messages/receipts.js';
import type { Message } from '../messages/schemas.js';
import type { MessageStore } from '../messages/store.js';
import type { PrivacyService } from '../privacy/service.js';
import type { PendingActivity } from './activity.js';
import type { ChatStore, MemberRecord } from './store.js';

export interface ReadMarkerDeps {
  chats: ChatStore;
  messages: MessageStore;
  bus: Publisher;
  activity?: PendingActivity;
  privacy?: Pick<PrivacyService, 'state'>;
  /** Covers every member's feed, then gives the change its position (ChatService's). */
  position(chatId: string): Promise<string>;
}

/** A member's forward-only read and delivered markers, with the unread and mention counts they move. */
export class ReadMarkers {
  constructor(private readonly deps: ReadMarkerDeps) {}

  /**
   * Moves my read marker (never back) to a message of this chat, and with it my unread and
   * mention counts. Read implies delivered: past my delivered marker, the same change also says
   * `delivered` (views and receipts take the later of the two markers).
   */
  async markRead(me: MemberRecord, messageId: string): Promise<{ lastReadId: string }> {
    const { chatId, userId } = me;
    const message = await this.deps.messages.getById(chatId, messageId);
    if (!message) throw notFound('Message not found');
    // Already at or past it: nothing to count, log or announce.
    if (me.lastReadId !== undefined && me.lastReadId >= messageId) return { lastReadId: me.lastReadId };
    let events: LoggedChange[] = [];
    const advance = async () => {
      const counts = await this.readCounts(message, me);
      // Positioned right before the write (after any wait above), so it lands inside the feed's window.
      const pos = await this.deps.position(chatId);
      events = [{ type: 'read', chatId, pos, userId, messageId }];
      if ((deliveredMarker(me) ?? '') < messageId)
        events.unshift({ type: 'delivered', chatId, pos, userId, messageId });
      return this.deps.chats.advanceReadMarker(
        chatId,
        userId,
        messageId,
        counts,
        changeItem(chatId, pos, events),
      );
    };
    if (await (this.deps.activity ? this.deps.activity.exclusive(advance) : advance())) {
      // Read receipts off: in a direct chat my marker still reaches my own devices, not my peer's.
      const hidden =
        isDirectChatId(chatId) && (await this.deps.privacy?.state(userId))?.readReceipts === false;
      this.publish(
        hidden ? events.map((e) => (e.type === 'read' ? { ...e, ownDevicesOnly: true } : e)) : events,
      );
      return { lastReadId: messageId };
    }
    // Moved past it meanwhile: report where the marker is.
    const current = await this.deps.chats.getMember(chatId, userId);
    return { lastReadId: current?.lastReadId ?? messageId };
  }

  /**
   * Moves my delivered marker (never back) to a message of this chat: my devices have it. Costs
   * nothing when my delivered or read marker is already there (another device said so first).
   */
  async markDelivered(me: MemberRecord, messageId: string): Promise<{ lastDeliveredId: string }> {
    const { chatId, userId } = me;
    const mark = deliveredMarker(me);
    if (mark !== undefined && mark >= messageId) return { lastDeliveredId: mark };
    if (!(await this.deps.messages.getById(chatId, messageId))) throw notFound('Message not found');
    const pos = await this.deps.position(chatId);
    const event: LoggedChange = { type: 'delivered', chatId, pos, userId, messageId };
    if (
      await this.deps.chats.advanceDeliveredMarker(
        chatId,
        userId,
        messageId,
        changeItem(chatId, pos, [event]),
      )
    ) {
      this.publish([event]);
      return { lastDeliveredId: messageId };
    }
    const current = await this.deps.chats.getMember(chatId, userId);
    return { lastDeliveredId: (current && deliveredMarker(current)) ?? messageId };
  }

  /**
   * How many of the chat's counted messages a reader of `read` has read: msgCount minus others'
   * messages after `read` up to the last counted one (my own always count as read), how many
   * of the counted ones were mine then, and how many mentions of me it covers. Run inside
   * the tracker's `exclusive`: this instance's messages are flushed and none is added until the
   * marker is set, so for them the count is exact. Multi-instance caveat: another instance's
   * messages that it has not flushed yet (at most its last interval, ~1 s) are not in msgCount;
   * once flushed they count as unread even if older than the marker, until the next read.
   */
  private async readCounts(
    read: Message,
    me: MemberRecord,
  ): Promise<{ readCount: number; sentAtRead: number; mentionsAtRead: number }> {
    const userId = me.userId;
    const activity = await this.deps.chats.lists.getActivity(read.chatId);
    if (!activity) return { readCount: 0, sentAtRead: 0, mentionsAtRead: 0 };
    const last = activity.lastMessageId;
    const mentioned = activity.mentioned[userId] ?? 0;
    // Mentions are rare: counted only when some arrived since my last read.
    const [fromOthers, mentionsAfter] = await Promise.all([
      this.deps.chats.lists.countFromOthers(read.chatId, userId, read.id, last),
      mentioned > (me.mentionsAtRead ?? 0)
        ? this.deps.chats.lists.countMentions(read.chatId, userId, read.id, last)
        : Promise.resolve(0),
    ]);
    const unreadAfter = fromOthers - (read.senderId !== userId && read.id <= last ? 1 : 0);
    const mentionedHere = read.mentions?.includes(userId) && read.id <= last ? 1 : 0;
    // My messages counted so far are in readCount; the ones I send later are subtracted by views.
    return {
      readCount: Math.max(0, activity.msgCount - unreadAfter),
      sentAtRead: activity.sentBy[userId] ?? 0,
      mentionsAtRead:
        mentioned > (me.mentionsAtRead ?? 0)
          ? Math.max(0, mentioned - (mentionsAfter - mentionedHere))
          : (me.mentionsAtRead ?? 0),
    };
  }

  private publish(events: readonly LoggedChange[]): void {
    for (const e of events) this.deps.bus.publish(e);
  }
}
