import type { Invitation } from '../invitations/schemas.js';

/**
 * Whether people agree to be added to a group (implemented by invitations/service.ts): someone who
 * blocked the adder refuses outright, someone who accepts adds from nobody gets an invitation.
 */
export interface AddConsent {
  /** Splits the targets into who may be added now and who must be invited; 403 `blocked` if any blocked the adder. */
  screen(adderId: string, targetIds: readonly string[]): Promise<{ add: string[]; invite: string[] }>;
  invite(
    chat: { chatId: string; chatName: string },
    by: string,
    userIds: readonly string[],
  ): Promise<Invitation[]>;
}
