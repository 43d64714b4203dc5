import { z } from 'zod';

/** How long an invitation to a group waits for an answer. */
export const INVITATION_TTL_MS = 3 * 24 * 3600 * 1000;

export const invitationIdSchema = z.string().regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, 'must be an invitation id');

/** An add to a group waiting for the invitee's consent (their groupAdd is "nobody"). */
export const invitation = z.object({
  id: z.string(),
  chatId: z.string(),
  chatName: z.string(),
  invitedBy: z.string().describe('user id of who added me'),
  expiresAt: z.string(),
});
export type Invitation = z.infer<typeof invitation>;

export const invitationList = z.object({ invitations: z.array(invitation) });
