import type { Admission } from '../chats/admission.js';
import type { AddConsent } from '../chats/consent.js';
import type { ChatStore } from '../chats/store.js';
import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { changeItem } from '../feed/log.js';
import { personalLogId } from '../feed/personal.js';
import { AppError, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { PrivacyService } from '../privacy/service.js';
import { INVITATION_TTL_MS, type Invitation } from './schemas.js';
import type { InvitationStore } from './store.js';

export interface InvitationServiceDeps {
  store: InvitationStore;
  chats: Pick<ChatStore, 'getMeta'>;
  /** Set once the chat service exists (it uses this service as its AddConsent). */
  admission: () => Admission;
  privacy: Pick<PrivacyService, 'states'>;
  inbox: Pick<Inbox, 'cover'>;
  bus: Publisher;
  /** Invitations sent per user: a group-add spammer meets a limit, not just a consent screen. */
  sends: Pick<RateLimiter, 'consume'>;
}

/**
 * Consent to be added to groups: someone who blocked the adder cannot be added; someone whose
 * groupAdd is "nobody" gets an invitation (3 days) and joins only by accepting it.
 */
export class InvitationService implements AddConsent {
  constructor(private readonly deps: InvitationServiceDeps) {}

  async screen(adderId: string, targetIds: readonly string[]): Promise<{ add: string[]; invite: string[] }> {
    if (targetIds.length === 0) return { add: [], invite: [] };
    const states = await this.deps.privacy.states(targetIds);
    const refusing = targetIds.filter((id) => states.get(id)?.blocked.has(adderId));
    if (refusing.length > 0) throw new AppError('blocked', undefined, { details: { userIds: refusing } });
    const invite = targetIds.filter((id) => states.get(id)?.groupAdd === 'nobody');
    return { add: targetIds.filter((id) => !invite.includes(id)), invite };
  }

  async invite(
    chat: { chatId: string; chatName: string },
    by: string,
    userIds: readonly string[],
  ): Promise<Invitation[]> {
    const out: Invitation[] = [];
    for (const userId of userIds) {
      this.deps.sends.consume(by, 'Too many invitations, slow down');
      const invitation: Invitation = {
        id: newId(),
        chatId: chat.chatId,
        chatName: chat.chatName,
        invitedBy: by,
        expiresAt: new Date(Date.now() + INVITATION_TTL_MS).toISOString(),
      };
      const logId = personalLogId(userId);
      const pos = await this.position(userId);
      const event = { type: 'invitation_added' as const, chatId: logId, pos, userId, invitation };
      await this.deps.store.put(userId, invitation, changeItem(logId, pos, [event]));
      this.deps.bus.publish(event);
      out.push(invitation);
    }
    return out;
  }

  /** My invitations that have not expired (TTL deletes late, so expiry is checked here too). */
  async list(userId: string): Promise<Invitation[]> {
    const now = new Date().toISOString();
    return (await this.deps.store.list(userId)).filter((i) => i.expiresAt > now);
  }

  /** Joins the group; resolves with its id. 404 for an unknown or expired invitation or a group gone. */
  async accept(userId: string, invitationId: string): Promise<string> {
    const inv = await this.find(userId, invitationId);
    const meta = await this.deps.chats.getMeta(inv.chatId);
    if (meta?.type !== 'group') {
      await this.remove(userId, inv);
      throw notFound('The group no longer exists');
    }
    try {
      await this.deps.admission().admit(meta, userId, inv.invitedBy);
    } catch (err) {
      // Added meanwhile (by a link, say): accepting still answers the invitation.
      if (!(err instanceof AppError && err.code === 'conflict')) throw err;
    }
    await this.remove(userId, inv);
    return inv.chatId;
  }

  async decline(userId: string, invitationId: string): Promise<void> {
    await this.remove(userId, await this.find(userId, invitationId));
  }

  private async find(userId: string, invitationId: string): Promise<Invitation> {
    const inv = (await this.list(userId)).find((i) => i.id === invitationId);
    if (!inv) throw notFound('Invitation not found');
    return inv;
  }

  private async remove(userId: string, inv: Invitation): Promise<void> {
    const logId = personalLogId(userId);
    const pos = await this.position(userId);
    const event = { type: 'invitation_removed' as const, chatId: logId, pos, userId, invitationId: inv.id };
    if (await this.deps.store.remove(userId, inv, changeItem(logId, pos, [event])))
      this.deps.bus.publish(event);
  }

  private async position(userId: string): Promise<string> {
    await this.deps.inbox.cover(personalLogId(userId), [userId]);
    return newId();
  }
}
