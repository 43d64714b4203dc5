import { randomBytes } from 'node:crypto';
import type { Admission } from '../chats/admission.js';
import type { ChatMeta, ChatStore } from '../chats/store.js';
import { AppError, forbidden, notFound } from '../lib/errors.js';
import type { RateLimiter } from '../lib/rate-limit.js';
import type { UserStore } from '../users/store.js';
import type { JoinRequestNotices } from './notices.js';
import { INVITE_CODE_BYTES, type Invite, type InviteListItem } from './schemas.js';
import type { InviteStore, LinkRecord } from './store.js';

export interface InviteServiceDeps {
  store: InviteStore;
  chats: Pick<ChatStore, 'getMeta' | 'getMember'>;
  admission: () => Admission;
  users: Pick<UserStore, 'getMany'>;
  /** Previews and joins per user: each is a guess at a code. */
  lookups: Pick<RateLimiter, 'consume'>;
  /** Links are `${appUrl}/invite/<code>`. */
  appUrl: string;
  /** Tells the group's admins of requests and answers (their personal logs). */
  notices: JoinRequestNotices;
}

/** What a join by link did: joined now, or asked the admins (the group approves new members). */
export type JoinResult = { joined: true; chatId: string } | { joined: false };

/**
 * Invite links to groups: owners and admins create, list and revoke them; anyone signed in may
 * preview a group by its code (name and size only) and join, or ask to join when the group's
 * admins approve new members. An unknown, revoked or expired code is 404, every lookup counted.
 */
export class InviteService {
  constructor(private readonly deps: InviteServiceDeps) {}

  async create(chatId: string, userId: string, expiresInSeconds?: number): Promise<Invite> {
    await this.requireAdmin(chatId, userId);
    const link: LinkRecord = {
      code: randomBytes(INVITE_CODE_BYTES).toString('base64url'),
      chatId,
      createdBy: userId,
      createdAt: new Date().toISOString(),
      ...(expiresInSeconds
        ? { expiresAt: new Date(Date.now() + expiresInSeconds * 1000).toISOString() }
        : {}),
    };
    await this.deps.store.create(link);
    return this.toInvite(link);
  }

  async list(chatId: string, userId: string): Promise<InviteListItem[]> {
    await this.requireAdmin(chatId, userId);
    const now = new Date().toISOString();
    return (await this.deps.store.listOf(chatId))
      .filter((l) => !l.expiresAt || l.expiresAt > now)
      .map((l) => ({ ...this.toInvite(l), createdBy: l.createdBy, createdAt: l.createdAt }));
  }

  async revoke(chatId: string, userId: string, code: string): Promise<void> {
    await this.requireAdmin(chatId, userId);
    if (!(await this.deps.store.revoke(chatId, code))) throw notFound('Invite link not found');
  }

  async preview(userId: string, code: string | undefined) {
    const { meta } = await this.lookup(userId, code);
    return {
      name: meta.name ?? '',
      memberCount: meta.memberCount,
      approveMembers: meta.approveMembers === true,
    };
  }

  /** Joins (or asks to); already a member: joined, nothing changes. */
  async join(userId: string, code: string | undefined): Promise<JoinResult> {
    const { meta } = await this.lookup(userId, code);
    if (await this.deps.chats.getMember(meta.chatId, userId)) return { joined: true, chatId: meta.chatId };
    if (meta.approveMembers) {
      if (!(await this.deps.store.getRequest(meta.chatId, userId))) await this.ask(meta.chatId, userId);
      return { joined: false };
    }
    await this.admitOnce(meta, userId, userId);
    return { joined: true, chatId: meta.chatId };
  }

  async requests(chatId: string, userId: string) {
    await this.requireAdmin(chatId, userId);
    const pending = await this.deps.store.requestsOf(chatId);
    const profiles = new Map(
      (await this.deps.users.getMany(pending.map((r) => r.userId))).map((u) => [u.id, u]),
    );
    return pending.flatMap((r) => {
      const p = profiles.get(r.userId);
      if (!p) return []; // deleted since
      return [
        {
          userId: r.userId,
          userName: p.userName,
          ...(p.displayName ? { displayName: p.displayName } : {}),
          requestedAt: r.requestedAt,
        },
      ];
    });
  }

  async approve(chatId: string, userId: string, requesterId: string): Promise<void> {
    const meta = await this.requireAdmin(chatId, userId);
    // Answered first (a conditional delete), so an approve and a deny at once cannot both win.
    if (!(await this.close(chatId, requesterId, true))) throw notFound('Join request not found');
    try {
      await this.admitOnce(meta, requesterId, userId);
    } catch (err) {
      // Not admitted (the group is full, or the write failed): the request waits again.
      await this.ask(chatId, requesterId).catch(() => {});
      throw err;
    }
  }

  async deny(chatId: string, userId: string, requesterId: string): Promise<void> {
    await this.requireAdmin(chatId, userId);
    if (!(await this.close(chatId, requesterId, false))) throw notFound('Join request not found');
  }

  /** Stores the request, and tells the admins (once: a request pending already changes nothing). */
  private async ask(chatId: string, userId: string): Promise<void> {
    const [profile] = await this.deps.users.getMany([userId]);
    if (!profile) throw notFound('User not found');
    const requestedAt = new Date().toISOString();
    const request = {
      userId,
      userName: profile.userName,
      ...(profile.displayName ? { displayName: profile.displayName } : {}),
      requestedAt,
    };
    const notices = await this.deps.notices.prepare(chatId, { kind: 'requested', request });
    if (await this.deps.store.putRequest({ chatId, userId, requestedAt }, notices.items))
      this.deps.notices.publish(notices);
  }

  /** Removes a pending request and tells the admins; false when it was answered already. */
  private async close(chatId: string, requesterId: string, approved: boolean): Promise<boolean> {
    const notices = await this.deps.notices.prepare(chatId, { kind: 'closed', requesterId, approved });
    const removed = await this.deps.store.removeRequest(chatId, requesterId, notices.items);
    if (removed) this.deps.notices.publish(notices);
    return removed;
  }

  /** Every call counts against the caller's budget first, found or not: guessing is slowed alike. */
  private async lookup(
    userId: string,
    code: string | undefined,
  ): Promise<{ link: LinkRecord; meta: ChatMeta }> {
    this.deps.lookups.consume(userId, 'Too many invite link lookups, slow down');
    const link = code ? await this.deps.store.get(code) : undefined;
    const live = link && (!link.expiresAt || link.expiresAt > new Date().toISOString());
    const meta = live ? await this.deps.chats.getMeta(link.chatId) : undefined;
    if (!link || !meta || meta.type !== 'group') throw notFound('Invite link not found');
    return { link, meta };
  }

  private async admitOnce(meta: ChatMeta, userId: string, by: string): Promise<void> {
    try {
      await this.deps.admission().admit(meta, userId, by);
    } catch (err) {
      if (!(err instanceof AppError && err.code === 'conflict')) throw err; // joined meanwhile
    }
  }

  /** Owner or admin of the group; 404 for non-members (as everywhere), 403 for members. */
  private async requireAdmin(chatId: string, userId: string): Promise<ChatMeta> {
    const me = await this.deps.chats.getMember(chatId, userId);
    if (!me) throw notFound('Chat not found');
    const meta = await this.deps.chats.getMeta(chatId);
    if (!meta) throw notFound('Chat not found');
    if (meta.type !== 'group') throw new AppError('unprocessable', 'Direct chats have no invite links');
    if (me.role === 'member')
      throw forbidden('Only the owner or an admin can manage invite links and requests');
    return meta;
  }

  private toInvite(l: LinkRecord): Invite {
    return {
      code: l.code,
      url: `${this.deps.appUrl}/invite/${l.code}`,
      ...(l.expiresAt ? { expiresAt: l.expiresAt } : {}),
    };
  }
}
