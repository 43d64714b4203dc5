import { type ChatService, directChatId } from '../chats/service.js';
import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { isDirectChatId } from '../feed/personal.js';
import { AppError, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { PrivacyService } from '../privacy/service.js';
import type { Message } from './schemas.js';
import type { MessageStore } from './store.js';
import type { Draft, MessageWriter, Sent } from './writer.js';

/**
 * Whether `chatId` is a direct chat with someone who blocked the sender. Synchronous, so the
 * WebSocket path checks it with its connection's state without reordering sends.
 */
export function blockedIn(chatId: string, senderId: string, blockedBy: ReadonlySet<string>): boolean {
  if (!isDirectChatId(chatId)) return false;
  for (const blocker of blockedBy) if (directChatId(senderId, blocker) === chatId) return true;
  return false;
}

export class MessageService {
  constructor(
    private readonly chats: ChatService,
    private readonly store: MessageStore,
    private readonly writer: MessageWriter,
    private readonly bus: Publisher,
    private readonly inbox: Inbox,
    private readonly privacy?: Pick<PrivacyService, 'state'>,
  ) {}

  /**
   * Stores a message and resolves once it is durable. The same clientMsgId from the same sender
   * resolves to the original message (created: false). Publishing happens in the writer's commit
   * hook so that fan-out follows chat order.
   */
  async send(userId: string, chatId: string, clientMsgId: string, text: string): Promise<Sent> {
    await this.chats.requireWritable(chatId, userId);
    await this.refuseBlocked(chatId, userId);
    return this.writer.submit({ chatId, senderId: userId, clientMsgId, text });
  }

  /**
   * For the WebSocket hub, whose room state (kept current by membership events) already proved
   * membership: skips the per-message membership read on the hot path.
   */
  sendAsMember(draft: Draft): Promise<Sent> {
    return this.writer.submit(draft);
  }

  /** 403 `blocked` in a direct chat whose other member blocked the sender (a cached read of mine). */
  private async refuseBlocked(chatId: string, senderId: string): Promise<void> {
    if (!this.privacy || !isDirectChatId(chatId)) return;
    const { blockedBy } = await this.privacy.state(senderId);
    if (blockedIn(chatId, senderId, blockedBy)) throw new AppError('blocked');
  }

  async history(userId: string, chatId: string, q: { before?: string; after?: string; limit: number }) {
    await this.chats.requireMember(chatId, userId);
    return this.store.page(chatId, q);
  }

  async get(userId: string, chatId: string, messageId: string): Promise<Message> {
    await this.chats.requireMember(chatId, userId);
    const m = await this.store.getById(chatId, messageId);
    if (!m) throw notFound('Message not found');
    return m;
  }

  async edit(userId: string, chatId: string, messageId: string, text: string): Promise<Message> {
    const m = await this.get(userId, chatId, messageId);
    if (m.senderId !== userId) throw forbidden('Only the sender can edit a message');
    if (m.deleted) throw new AppError('conflict', 'The message was deleted');
    const pos = await this.position(chatId);
    const edited = await this.store.edit(m, text, new Date().toISOString(), pos);
    if (!edited) throw new AppError('conflict', 'The message was deleted');
    this.bus.publish({ type: 'message_updated', chatId, pos, message: edited });
    return edited;
  }

  /** Sender, or an owner/admin of a group: leaves a tombstone so history stays aligned. */
  async delete(userId: string, chatId: string, messageId: string): Promise<Message> {
    const me = await this.chats.requireMember(chatId, userId);
    const m = await this.store.getById(chatId, messageId);
    if (!m) throw notFound('Message not found');
    if (m.senderId !== userId && me.role === 'member') {
      throw forbidden('Only the sender or a group owner/admin can delete a message');
    }
    if (m.deleted) return m;
    const pos = await this.position(chatId);
    const tomb = await this.store.tombstone(m, new Date().toISOString(), pos);
    if (!tomb) return (await this.store.getById(chatId, messageId)) ?? m;
    this.bus.publish({ type: 'message_deleted', chatId, pos, message: tomb });
    return tomb;
  }

  /** Every member's feed will show a change made now; then the change's log position. */
  private async position(chatId: string): Promise<string> {
    await this.inbox.cover(chatId);
    return newId();
  }
}
