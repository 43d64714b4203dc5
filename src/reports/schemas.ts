import { z } from 'zod';
import { chatIdSchema } from '../chats/schemas.js';
import { safeText } from '../lib/text.js';
import { messageIdSchema } from '../messages/schemas.js';
import { userIdSchema } from '../users/schemas.js';

export const reportBody = z
  .strictObject({
    userId: userIdSchema.optional(),
    chatId: chatIdSchema.optional(),
    messageId: messageIdSchema.optional(),
    reason: safeText({ max: 1000, multiline: true }),
    /** Also block the reported person (the user named, the message's sender, or my peer in a direct chat). */
    block: z.boolean().optional(),
  })
  .refine((b) => b.userId !== undefined || b.chatId !== undefined, 'name a userId, a chatId or both')
  .refine((b) => b.messageId === undefined || b.chatId !== undefined, 'a messageId needs its chatId');
export type ReportBody = z.infer<typeof reportBody>;

export const reportAccepted = z.object({ id: z.string() });
