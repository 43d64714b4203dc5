import { z } from 'zod';
import { ULID_PATTERN } from '../lib/patterns.js';

export const MESSAGE_MAX_CHARS = 4000;

export const messageIdSchema = z.string().regex(ULID_PATTERN, 'must be a message id');
export const clientMsgIdSchema = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

/** Plain text: trimmed, 1–4000 characters, no control characters other than line breaks and tab. */
export const messageTextSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(MESSAGE_MAX_CHARS, `must be at most ${MESSAGE_MAX_CHARS} characters`)
  .refine((t) => !hasControlCharacters(t), 'must not contain control characters');

/** C0 controls and DEL, except tab, newline and carriage return. */
function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if ((c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) || c === 0x7f) return true;
  }
  return false;
}

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
