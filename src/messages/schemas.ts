import { z } from 'zod';
import { ULID_PATTERN } from '../lib/patterns.js';
import { safeText } from '../lib/text.js';

export const MESSAGE_MAX_CHARS = 4000;

export const messageIdSchema = z.string().regex(ULID_PATTERN, 'must be a message id');
export const clientMsgIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

/** Plain text: NFC, trimmed, 1–4000 characters; tab and line breaks are the only controls kept. */
export const messageTextSchema = safeText({ max: MESSAGE_MAX_CHARS, multiline: true });

export const message = z.object({
  id: z.string(),
  chatId: z.string(),
  senderId: z.string(),
  clientMsgId: z.string(),
  text: z.string().optional().describe('absent on deleted messages'),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  deleted: z.literal(true).optional(),
});
export type Message = z.infer<typeof message>;

export const sendMessageBody = z.strictObject({ clientMsgId: clientMsgIdSchema, text: messageTextSchema });
export const editMessageBody = z.strictObject({ text: messageTextSchema });

export const historyQuery = z
  .strictObject({
    before: messageIdSchema.optional(),
    after: messageIdSchema.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .refine((q) => !(q.before && q.after), 'use either before or after, not both');

export const historyResponse = z.object({
  messages: z.array(message),
  hasMore: z.boolean().describe('true when another page exists in the same direction'),
});
