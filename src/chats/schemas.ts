import { z } from 'zod';
import { CHAT_ID_PATTERN } from '../lib/patterns.js';
import { safeText } from '../lib/text.js';
import { message, messageIdSchema } from '../messages/schemas.js';
import { userIdSchema } from '../users/schemas.js';

export const groupNameSchema = safeText({ max: 100 });

export const roleSchema = z.enum(['owner', 'admin', 'member']);
export type Role = z.infer<typeof roleSchema>;
export const addPolicySchema = z.enum(['anyone', 'admins']);
export type AddPolicy = z.infer<typeof addPolicySchema>;

export const chatIdSchema = z.string().regex(CHAT_ID_PATTERN, 'must be a chat id');

export const createChatBody = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('direct'), userId: userIdSchema }),
  z.strictObject({
    type: z.literal('group'),
    name: groupNameSchema,
    memberIds: z
      .array(userIdSchema)
      .max(97, 'add at most 97 members at creation; add more later')
      .default([]),
    addPolicy: addPolicySchema.default('admins'),
  }),
]);
export type CreateChatBody = z.infer<typeof createChatBody>;

export const updateChatBody = z
  .strictObject({
    name: groupNameSchema.optional(),
    addPolicy: addPolicySchema.optional(),
    /** Joins by invite link become join requests that an owner or admin approves. */
    approveMembers: z.boolean().optional(),
  })
  .refine((b) => Object.values(b).some((v) => v !== undefined), 'nothing to update');

export const addMemberBody = z.strictObject({ userId: userIdSchema });
export const updateMemberBody = z.strictObject({ role: roleSchema });
export const readBody = z.strictObject({
  messageId: messageIdSchema,
});
export const deliveredBody = z.strictObject({ messageId: messageIdSchema });

export const listChatsQuery = z.strictObject({
  cursor: z.string().max(512).optional(),
  limit: z.coerce.number().int().min(1).max(50).default(20),
  archived: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true')
    .describe('true: archived chats are listed too'),
});

/** My own settings of a chat: no one else sees them. */
export const chatSettings = z.object({
  mutedUntil: z.string().nullable().describe('no push notifications until then (ISO-8601); null: not muted'),
  archived: z.boolean(),
  pinned: z.boolean().describe('pinned chats lead the chat list'),
});
export type ChatSettings = z.infer<typeof chatSettings>;

export const chatSettingsPatch = z
  .strictObject({
    mutedUntil: z.iso
      .datetime({ offset: true, message: 'must be an ISO-8601 date-time' })
      .transform((s) => new Date(s).toISOString())
      .nullable()
      .optional(),
    archived: z.boolean().optional(),
    pinned: z.boolean().optional(),
  })
  .refine((b) => Object.keys(b).length > 0, 'nothing to update');
export type ChatSettingsPatch = z.infer<typeof chatSettingsPatch>;

export const member = z.object({
  userId: z.string(),
  userName: z.string(),
  displayName: z.string().optional(),
  role: roleSchema,
  lastReadId: z.string().optional(),
  lastDeliveredId: z
    .string()
    .optional()
    .describe("this member's devices received the chat up to here (read implies delivered)"),
});

export const chat = z.object({
  id: z.string(),
  type: z.enum(['direct', 'group']),
  name: z.string().optional(),
  addPolicy: addPolicySchema.optional(),
  approveMembers: z.boolean().optional().describe('joins by invite link wait for an admin'),
  createdAt: z.string(),
  lastActivityAt: z.string(),
  members: z.array(member),
  // A union, not .nullable(): zod-to-openapi drops the null from a nullable named schema.
  lastMessage: z.union([message, z.null()]),
  unreadCount: z.number().int().describe('messages from others after my read marker, capped at 1000'),
  deliveredUpTo: z
    .string()
    .optional()
    .describe('every other member received the chat up to this message id: two ticks up to here'),
  readUpTo: z
    .string()
    .optional()
    .describe('every other member read the chat up to this message id: blue ticks up to here'),
  mentionCount: z.number().int().describe('messages mentioning me after my read marker, capped at 1000'),
  invited: z
    .array(z.string())
    .optional()
    .describe('on creation: people invited instead of added (they accept adds from nobody)'),
  settings: chatSettings,
});
export type Chat = z.infer<typeof chat>;

export const chatPage = z.object({ chats: z.array(chat), nextCursor: z.string().nullable() });
