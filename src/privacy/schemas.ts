import { z } from 'zod';

export const lastSeenSchema = z.enum(['everyone', 'chats', 'nobody']);
export const groupAddSchema = z.enum(['everyone', 'nobody']);

/** Who sees my online status and last seen, whether others see my read markers, who may add me to groups. */
export const privacySettings = z.object({
  lastSeen: lastSeenSchema,
  readReceipts: z.boolean(),
  groupAdd: groupAddSchema,
});
export type PrivacySettings = z.infer<typeof privacySettings>;
export type LastSeen = z.infer<typeof lastSeenSchema>;

export const defaultPrivacy: PrivacySettings = {
  lastSeen: 'everyone',
  readReceipts: true,
  groupAdd: 'everyone',
};

/** The privacy part of PATCH /v1/users/me. */
export const privacyPatch = z.strictObject({
  lastSeen: lastSeenSchema.optional(),
  readReceipts: z.boolean().optional(),
  groupAdd: groupAddSchema.optional(),
});
export type PrivacyPatch = z.infer<typeof privacyPatch>;

export const blockedUser = z.object({
  userId: z.string(),
  userName: z.string(),
  displayName: z.string().optional(),
});
export const blockList = z.object({ blocks: z.array(blockedUser) });
