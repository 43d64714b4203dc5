import { z } from 'zod';
import { CLIENT_MSG_ID_PATTERN, ULID_PATTERN } from '../lib/patterns.js';
import { safeText, type TextRules } from '../lib/text.js';
import { userIdSchema } from '../users/schemas.js';
import { emojiSchema } from './emoji.js';

export const MESSAGE_MAX_CHARS = 4000;
/** A reply's quote of the original: this many characters of its text. */
export const QUOTE_MAX_CHARS = 100;

export const messageIdSchema = z.string().regex(ULID_PATTERN, 'must be a message id');
export const CLIENT_MSG_ID_MAX = 64;
export const clientMsgIdSchema = z
  .string()
  .min(1)
  .max(CLIENT_MSG_ID_MAX)
  .regex(CLIENT_MSG_ID_PATTERN, 'may contain only letters, digits, "_" and "-"');

/** Plain text: NFC, trimmed, 1–4000 characters; tab and line breaks are the only controls kept. */
export const MESSAGE_TEXT_RULES: TextRules = { max: MESSAGE_MAX_CHARS, multiline: true };
export const messageTextSchema = safeText(MESSAGE_TEXT_RULES);

export const message = z.object({
  id: z.string(),
  chatId: z.string(),
  senderId: z.string(),
  clientMsgId: z.string(),
  text: z.string().optional().describe('absent on deleted messages'),
  createdAt: z.string(),
  updatedAt: z.string().optional(),
  deleted: z.literal(true).optional(),
  replyTo: z
    .object({
      id: z.string(),
      senderId: z.string(),
      text: z.string().optional().describe(`the original's first ${QUOTE_MAX_CHARS} characters`),
      deleted: z.literal(true).optional().describe('the original was deleted: a tombstone, no text'),
    })
    .optional()
    .describe('the message this one replies to, as a short preview'),
  mentions: z.array(z.string()).optional().describe('user ids of mentioned members'),
  reactions: z
    .record(z.string(), z.array(z.string()))
    .optional()
    .describe('emoji → ids of the members who reacted with it (one reaction per member)'),
});
export type Message = z.infer<typeof message>;

/** Members one message may mention. */
export const MAX_MENTIONS = 50;

/** What a send may carry besides its text: shared by REST and the WebSocket `send` frame. */
export const sendExtras = {
  replyTo: messageIdSchema.optional().describe('id of a message of the same chat'),
  mentions: z
    .array(userIdSchema)
    .max(MAX_MENTIONS, `mention at most ${MAX_MENTIONS} members`)
    .optional()
    .describe('ids of members of the chat'),
};

export const sendMessageBody = z.strictObject({
  clientMsgId: clientMsgIdSchema,
  text: messageTextSchema,
  ...sendExtras,
});
export const editMessageBody = z.strictObject({ text: messageTextSchema });

/** PUT .../reaction; the WebSocket `react` frame carries the same emoji (or null to remove). */
export const reactionBody = z.strictObject({ emoji: emojiSchema });
export { emojiSchema };

/** DELETE .../messages/{id}?for=me hides it for me only; the default deletes it for everyone. */
export const deleteMessageQuery = z.strictObject({ for: z.enum(['me', 'everyone']).default('everyone') });

export const receiptsResponse = z.object({
  receipts: z.array(
    z.object({
      userId: z.string(),
      deliveredAt: z.string().optional(),
      readAt: z.string().optional(),
    }),
  ),
});

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
