import type { ChatService } from '../chats/service.js';
import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { AppError, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { Message } from './schemas.js';
import type { MessageStore } from './store.js';
import type { Draft, MessageWriter, Sent } from './writer.js';

export class MessageService {
  constructor(
    private readonly chats: ChatService,
    private readonly store: MessageStore,
    private readonly writer: MessageWriter,
    private readonly bus: Publisher,
    private readonly inbox: Inbox,
  ) {}

  /**
   * Stores a message and resolves once it is durable. The same clientMsgId from the same sender
   * resolves to the original message (created: false). Publishing happens in the writer's commit
   * hook so that fan-out follows chat order.
   */
  async send(userId: string, chatId: string, clientMsgId: string, text: string): Promise<Sent> {
    await this.chats.requireWritable(chatId, userId);
    return this.writer.submit({ chatId, senderId: userId, clientMsgId, text });
  }

  /**
   * For the WebSocket hub, whose room state (kept current by membership events) already proved
   * membership: skips the per-message membership read on the hot path.
   */
  sendAsMember(draft: Draft): Promise<Sent> {
    return this.writer.submit(draft);
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
