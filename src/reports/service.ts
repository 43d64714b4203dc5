import type { ChatService } from '../chats/service.js';
import { isDirectChatId } from '../feed/personal.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { MessageStore } from '../messages/store.js';
import type { PrivacyService } from '../privacy/service.js';
import type { UserStore } from '../users/store.js';
import type { ReportBody } from './schemas.js';
import type { ReportRecord, ReportStore } from './store.js';

export interface ReportServiceDeps {
  store: ReportStore;
  chats: Pick<ChatService, 'requireMember'>;
  messages: Pick<MessageStore, 'getById'>;
  users: Pick<UserStore, 'getById'>;
  privacy: Pick<PrivacyService, 'block'>;
  limiter: Pick<RateLimiter, 'consume'>;
}

/**
 * Reports of people, chats or messages, kept for moderation with the message's text as it was.
 * Only what the reporter can see may be reported: a chat they are in, a message of it, a user
 * who exists. Reporting someone may block them in the same step.
 */
export class ReportService {
  constructor(private readonly deps: ReportServiceDeps) {}

  async report(reporterId: string, body: ReportBody): Promise<{ id: string }> {
    this.deps.limiter.consume(reporterId, 'Too many reports, slow down');
    const record: ReportRecord = {
      id: newId(),
      reporterId,
      reason: body.reason,
      createdAt: new Date().toISOString(),
    };
    let target = body.userId;
    if (body.chatId !== undefined) {
      const me = await this.deps.chats.requireMember(body.chatId, reporterId);
      record.chatId = body.chatId;
      if (target === undefined && isDirectChatId(body.chatId)) target = me.peerId;
    }
    if (body.chatId !== undefined && body.messageId !== undefined) {
      const m = await this.deps.messages.getById(body.chatId, body.messageId);
      if (!m) throw notFound('Message not found');
      Object.assign(record, {
        messageId: m.id,
        messageSentAt: m.createdAt,
        ...(m.text !== undefined ? { messageText: m.text } : {}),
        ...(m.deleted ? { messageDeleted: true } : {}),
      });
      target ??= m.senderId;
    }
    if (target === reporterId) throw new AppError('unprocessable', 'You cannot report yourself');
    if (body.userId !== undefined && !(await this.deps.users.getById(body.userId)))
      throw notFound('User not found');
    if (target !== undefined) record.userId = target;
    if (body.block) {
      if (target === undefined) throw new AppError('unprocessable', 'Name the person to block');
      await this.deps.privacy.block(reporterId, target);
      record.blocked = true;
    }
    await this.deps.store.put(record);
    return { id: record.id };
  }
}
