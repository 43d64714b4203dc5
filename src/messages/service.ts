import { type ChatService, directChatId } from '../chats/service.js';
import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { changeItem, type LogEntry } from '../feed/log.js';
import { isDirectChatId } from '../feed/personal.js';
import { AppError, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { PrivacyService } from '../privacy/service.js';
import { type Receipt, receiptsOf } from './receipts.js';
import { type Message, QUOTE_MAX_CHARS } from './schemas.js';
import { hiddenFor, type MessageStore, replyRef, toMessage } from './store.js';
import type { Draft, MessageWriter, Sent } from './writer.js';

export interface MessageRules {
  /** How long after sending the sender may edit (EDIT_WINDOW_SECONDS). */
  editWindowMs: number;
  /** How long after sending the sender may delete for everyone (DELETE_WINDOW_SECONDS). */
  deleteWindowMs: number;
}

export const defaultMessageRules: MessageRules = { editWindowMs: 900_000, deleteWindowMs: 172_800_000 };

/** What a send may carry besides its text, as the client gave it. */
export interface SendExtras {
  replyTo?: string;
  mentions?: string[];
}

export class MessageService {
  constructor(
    private readonly chats: ChatService,
    private readonly store: MessageStore,
    private readonly writer: MessageWriter,
    private readonly bus: Publisher,
    private readonly inbox: Inbox,
    private readonly rules: MessageRules = defaultMessageRules,
    /** A chat's recorded changes after a position (the feed's log), for receipts. */
    private readonly changesAfter?: (chatId: string, after: string) => AsyncIterable<LogEntry>,
    private readonly privacy?: Pick<PrivacyService, 'state'>,
  ) {}

  /**
   * Stores a message and resolves once it is durable. The same clientMsgId from the same sender
   * resolves to the original message (created: false). Publishing happens in the writer's commit
   * hook so that fan-out follows chat order.
   */
  async send(
    userId: string,
    chatId: string,
    clientMsgId: string,
    text: string,
    extras: SendExtras = {},
  ): Promise<Sent> {
    await this.chats.requireWritable(chatId, userId);
    await this.refuseBlocked(chatId, userId);
    return this.sendAsMember({ chatId, senderId: userId, clientMsgId, text }, extras);
  }

  /**
   * For the WebSocket hub, whose room state (kept current by membership events) already proved
   * membership: skips the per-message membership read on the hot path. A plain message goes
   * straight to the writer; a reply reads its original, mentions read their members.
   */
  sendAsMember(draft: Draft, extras: SendExtras = {}): Promise<Sent> {
    if (extras.replyTo === undefined && !extras.mentions?.length) return this.writer.submit(draft);
    return this.sendWithExtras(draft, extras);
  }

  private async sendWithExtras(draft: Draft, extras: SendExtras): Promise<Sent> {
    const { draft: full, original } = await this.withExtras(draft, extras);
    const sent = await this.writer.submit(full);
    // The original remembers its replies, so that deleting it turns their quotes into tombstones.
    if (
      original &&
      !original.deleted &&
      sent.created &&
      !(await this.store.linkReply(original, sent.message))
    ) {
      const pos = await this.position(draft.chatId);
      const updated = await this.store.tombstoneQuote(draft.chatId, replyRef(sent.message), pos);
      if (updated) {
        this.bus.publish({ type: 'message_updated', chatId: draft.chatId, pos, message: updated });
        return { ...sent, message: updated };
      }
    }
    return sent;
  }

  private async withExtras(draft: Draft, extras: SendExtras): Promise<{ draft: Draft; original?: Message }> {
    const mentions = [...new Set(extras.mentions ?? [])].filter((u) => u !== draft.senderId);
    const [original, outsiders] = await Promise.all([
      extras.replyTo === undefined ? undefined : this.store.getById(draft.chatId, extras.replyTo),
      this.chats.nonMembersAmong(draft.chatId, mentions),
    ]);
    if (extras.replyTo !== undefined && !original)
      throw notFound('The message replied to is not in this chat');
    if (outsiders.length > 0)
      throw new AppError('unprocessable', 'Only members of the chat can be mentioned', {
        details: { userIds: outsiders },
      });
    const full = {
      ...draft,
      ...(original ? { replyTo: quoteOf(original) } : {}),
      ...(mentions.length > 0 ? { mentions } : {}),
    };
    return { draft: full, ...(original ? { original } : {}) };
  }

  /** 403 `blocked` in a direct chat whose other member blocked the sender (a cached read of mine). */
  private async refuseBlocked(chatId: string, senderId: string): Promise<void> {
    if (!this.privacy || !isDirectChatId(chatId)) return;
    const { blockedBy } = await this.privacy.state(senderId);
    if (blockedIn(chatId, senderId, blockedBy)) throw new AppError('blocked');
  }

  async history(userId: string, chatId: string, q: { before?: string; after?: string; limit: number }) {
    await this.chats.requireMember(chatId, userId);
    return this.store.page(chatId, q, userId);
  }

  /** One message; 404 when it is not in the chat or I deleted it for myself. */
  async get(userId: string, chatId: string, messageId: string): Promise<Message> {
    await this.chats.requireMember(chatId, userId);
    return this.visibleTo(userId, chatId, messageId);
  }

  async edit(userId: string, chatId: string, messageId: string, text: string): Promise<Message> {
    const m = await this.get(userId, chatId, messageId);
    if (m.senderId !== userId) throw forbidden('Only the sender can edit a message');
    if (m.deleted) throw new AppError('conflict', 'The message was deleted');
    if (age(m) > this.rules.editWindowMs)
      throw new AppError(
        'edit_window_expired',
        `Messages can be edited for ${seconds(this.rules.editWindowMs)}`,
      );
    const pos = await this.position(chatId);
    const edited = await this.store.edit(m, text, new Date().toISOString(), pos);
    if (!edited) throw new AppError('conflict', 'The message was deleted');
    this.bus.publish({ type: 'message_updated', chatId, pos, message: edited });
    return edited;
  }

  /**
   * For everyone: the sender within the delete window, or an owner/admin of a group at any time
   * (moderation). Leaves a tombstone so history stays aligned.
   */
  async delete(userId: string, chatId: string, messageId: string): Promise<Message> {
    const me = await this.chats.requireMember(chatId, userId);
    const m = await this.store.getById(chatId, messageId);
    if (!m) throw notFound('Message not found');
    const moderating = m.senderId !== userId;
    if (moderating && me.role === 'member') {
      throw forbidden('Only the sender or a group owner/admin can delete a message');
    }
    if (m.deleted) return m;
    if (!moderating && age(m) > this.rules.deleteWindowMs)
      throw new AppError(
        'delete_window_expired',
        `Messages can be deleted for everyone for ${seconds(this.rules.deleteWindowMs)}; delete it for yourself instead`,
      );
    const pos = await this.position(chatId);
    const tomb = await this.store.tombstone(m, new Date().toISOString(), pos);
    if (!tomb) return (await this.store.getById(chatId, messageId)) ?? m;
    this.bus.publish({ type: 'message_deleted', chatId, pos, message: tomb.message });
    await this.tombstoneQuotes(chatId, tomb.replies);
    return tomb.message;
  }

  /** Replies quoting a deleted message now quote a tombstone: each an update every device hears of. */
  private async tombstoneQuotes(chatId: string, replyRefs: readonly string[]): Promise<void> {
    for (const ref of replyRefs) {
      const pos = await this.position(chatId);
      const reply = await this.store.tombstoneQuote(chatId, ref, pos);
      if (reply) this.bus.publish({ type: 'message_updated', chatId, pos, message: reply });
    }
  }

  /**
   * Delete for me: any member, any message, any age. Hidden from my history and, through my feed
   * only, from my devices; nobody else sees a change. Idempotent.
   */
  async deleteForMe(userId: string, chatId: string, messageId: string): Promise<void> {
    await this.chats.requireMember(chatId, userId);
    const item = await this.store.getItemById(chatId, messageId);
    if (!item) throw notFound('Message not found');
    if (hiddenFor(item).includes(userId)) return;
    const m = toMessage(item);
    // My stamp is what makes my devices look at this chat's log; the others' are harmless.
    await this.inbox.cover(chatId, [userId]);
    const pos = newId();
    const event = { type: 'message_hidden' as const, chatId, pos, userId, messageId };
    if (await this.store.hide(m, userId, changeItem(chatId, pos, [event]))) this.bus.publish(event);
  }

  /** Sets my reaction (one per member, replacing any other), or removes it with null. Idempotent. */
  async react(userId: string, chatId: string, messageId: string, emoji: string | null): Promise<Message> {
    const m = await this.get(userId, chatId, messageId);
    if (m.deleted) throw new AppError('conflict', 'The message was deleted');
    const mine = Object.entries(m.reactions ?? {}).find(([, users]) => users.includes(userId))?.[0] ?? null;
    if (mine === emoji) return m;
    const pos = await this.position(chatId);
    const result = await this.store.react(m, userId, emoji, pos);
    if (result === 'deleted') throw new AppError('conflict', 'The message was deleted');
    if (result === 'same') return (await this.store.getById(chatId, messageId)) ?? m;
    this.bus.publish({ type: 'reaction', chatId, pos, messageId, userId, emoji });
    return result;
  }

  /** Message info: per member, when it was delivered and read. The sender's only. */
  async receipts(userId: string, chatId: string, messageId: string): Promise<Receipt[]> {
    const m = await this.get(userId, chatId, messageId);
    if (m.senderId !== userId) throw forbidden('Only the sender can see who received a message');
    const members = await this.chats.membersOf(chatId);
    const none = async function* () {};
    const receipts = await receiptsOf(m, members, (after) => this.changesAfter?.(chatId, after) ?? none());
    const hidden = await this.hiddenReads(userId, chatId, receipts);
    return receipts.map(({ readAt, ...r }) => (readAt && !hidden.has(r.userId) ? { ...r, readAt } : r));
  }

  /**
   * Whose read times the sender may not see: of people who blocked them, and in a direct chat
   * when either of the two turned read receipts off (the same rule as read markers).
   */
  private async hiddenReads(userId: string, chatId: string, receipts: Receipt[]): Promise<Set<string>> {
    const privacy = this.privacy;
    if (!privacy) return new Set();
    const others = receipts.map((r) => r.userId).filter((id) => id !== userId);
    const [mine, theirs] = await Promise.all([
      privacy.state(userId),
      Promise.all(others.map((id) => privacy.state(id))),
    ]);
    const direct = isDirectChatId(chatId);
    return new Set(
      others.filter(
        (id, i) =>
          mine.blockedBy.has(id) || (direct && (!mine.readReceipts || theirs[i]?.readReceipts === false)),
      ),
    );
  }

  private async visibleTo(userId: string, chatId: string, messageId: string): Promise<Message> {
    const item = await this.store.getItemById(chatId, messageId);
    if (!item || hiddenFor(item).includes(userId)) throw notFound('Message not found');
    return toMessage(item);
  }

  /** Every member's feed will show a change made now; then the change's log position. */
  private async position(chatId: string): Promise<string> {
    await this.inbox.cover(chatId);
    return newId();
  }
}

/** A reply's preview of its original: who said what (the start of it), or that it was deleted. */
function quoteOf(original: Message): NonNullable<Message['replyTo']> {
  const base = { id: original.id, senderId: original.senderId };
  if (original.deleted || original.text === undefined) return { ...base, deleted: true };
  return { ...base, text: [...original.text].slice(0, QUOTE_MAX_CHARS).join('') };
}

const age = (m: Message) => Date.now() - Date.parse(m.createdAt);
const seconds = (ms: number) => `${Math.round(ms / 1000)} seconds`;

/**
 * Whether `chatId` is a direct chat with someone who blocked the sender. Synchronous, so the
 * WebSocket path checks it with its connection's state without reordering sends.
 */
export function blockedIn(chatId: string, senderId: string, blockedBy: ReadonlySet<string>): boolean {
  if (!isDirectChatId(chatId)) return false;
  for (const blocker of blockedBy) if (directChatId(senderId, blocker) === chatId) return true;
  return false;
}
