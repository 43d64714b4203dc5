import { z } from 'zod';

/** 18 random bytes, base64url: 144 bits, far past guessing at any rate the limiter lets through. */
export const INVITE_CODE_BYTES = 18;
export const inviteCodeSchema = z.string().regex(/^[A-Za-z0-9_-]{24}$/, 'must be an invite code');

export const createInviteBody = z
  .strictObject({
    /** Omitted: the link works until revoked. */
    expiresInSeconds: z
      .number()
      .int()
      .min(60)
      .max(30 * 24 * 3600)
      .optional(),
  })
  .default({});

export const invite = z.object({
  code: z.string(),
  url: z.string(),
  expiresAt: z.string().optional(),
});
export type Invite = z.infer<typeof invite>;

export const inviteListItem = invite.extend({ createdBy: z.string(), createdAt: z.string() });
export type InviteListItem = z.infer<typeof inviteListItem>;
export const inviteList = z.object({ invites: z.array(inviteListItem) });

/** What anyone signed in may see of a group before joining: its name and size, never its members. */
export const invitePreview = z.object({
  name: z.string(),
  memberCount: z.number().int(),
  approveMembers: z.boolean().describe('joining sends a request that an admin approves'),
});

export const joinRequest = z.object({
  userId: z.string(),
  userName: z.string(),
  displayName: z.string().optional(),
  requestedAt: z.string(),
});
export type JoinRequest = z.infer<typeof joinRequest>;
export const joinRequestList = z.object({ requests: z.array(joinRequest) });
export const joinRequested = z.object({ requested: z.literal(true) });
