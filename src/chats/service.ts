import { createHash } from 'node:crypto';
import type { Publisher } from '../feed/events.js';
import type { Inbox } from '../feed/inbox.js';
import { changeItem, type LoggedChange } from '../feed/log.js';
import { isPersonalLog } from '../feed/personal.js';
import type { Invitation } from '../invitations/schemas.js';
import { AppError, forbidden, notFound } from '../lib/errors.js';
import { newId } from '../lib/ids.js';
import type { Limits } from '../lib/limits.js';
import type { MessageStore } from '../messages/store.js';
import type { PrivacyService } from '../privacy/service.js';
import type { UserStore } from '../users/store.js';
import type { PendingActivity } from './activity.js';
import { Admission } from './admission.js';
import type { AddConsent } from './consent.js';
import { ReadMarkers } from './markers.js';
import type { AddPolicy, Chat, CreateChatBody, Role } from './schemas.js';
import type { ChatSettingsStore } from './settings-store.js';
import { type ChatMeta, type ChatStore, ConditionFailed, type MemberRecord } from './store.js';
import { ChatViews } from './views.js';

/** One chat id per pair of users, whoever starts it: the conditional create then dedupes. */
export function directChatId(a: string, b: string): string {
  const [x, y] = [a, b].sort();
  return `d_${createHash('sha256').update(`${x}:${y}`).digest('base64url').slice(0, 26)}`;
}

/** Who agrees to what (src/privacy, src/invitations); without them, everyone to everything. */
export interface ChatSafety {
  consent?: AddConsent;
  privacy?: Pick<PrivacyService, 'hasBlocked' | 'state' | 'states'>;
}

/** An add: the chat as I see it, or the invitation sent instead (the person's groupAdd is "nobody"). */
export type AddResult = { chat: Chat } | { invitation: Invitation };

/** The rules of chats and membership; what a member sees of a chat is ChatViews'. */
export class ChatService {
  private readonly views: ChatViews;
  private readonly markers: ReadMarkers;
  readonly admission: Admission;

  constructor(
    private readonly chats: ChatStore,
    messages: MessageStore,
    private readonly users: UserStore,
    private readonly bus: Publisher,
    limits: Limits,
    private readonly inbox: Inbox,
    private readonly activity?: PendingActivity,
    private readonly safety: ChatSafety = {},
    settings?: ChatSettingsStore,
  ) {
    this.views = new ChatViews(chats, messages, users, activity, safety.privacy, settings);
    this.admission = new Admission(chats, inbox, bus, limits.groupMaxMembers);
    this.markers = new ReadMarkers({
      chats,
      messages,
      bus,
      activity,
      privacy: safety.privacy,
      position: (chatId) => this.position(chatId),
    });
  }

  /** The caller's membership, or 404: non-members must not learn that the chat exists. */
  async requireMember(chatId: string, userId: string): Promise<MemberRecord> {
    const m = await this.chats.getMember(chatId, userId);
    if (!m) throw notFound('Chat not found');
    return m;
  }

  /** requireMember, and the chat still takes messages: not when a direct chat's peer is gone. */
  async requireWritable(chatId: string, userId: string): Promise<MemberRecord> {
    const m = await this.requireMember(chatId, userId);
    if (m.peerDeleted) throw forbidden('The other person deleted their account; this chat is read-only');
    return m;
  }

  /** Whether two users are in at least one chat together (two reads, whatever the chat count). */
  async sharesChat(a: string, b: string): Promise<boolean> {
    const theirs = (await this.chats.listMemberships(b)).map((m) => m.chatId);
    return theirs.length > 0 && (await this.chats.membershipsAmong(a, theirs)).size > 0;
  }

  /** The user's chats as their data export names them: id, type, name and their role. */
  async summariesOf(userId: string): Promise<ChatSummary[]> {
    const memberships = await this.chats.listMemberships(userId);
    const entries = await this.chats.lists.getEntries(memberships.map((m) => m.chatId));
    return memberships.flatMap((m) => {
      const meta = entries.get(m.chatId)?.meta;
      if (!meta) return [];
      return [
        {
          id: m.chatId,
          type: meta.type,
          ...(meta.name ? { name: meta.name } : {}),
          role: m.role,
          joinedAt: m.joinedAt,
        },
      ];
    });
  }

  /**
   * For account deletion: leaves every group (an owner first hands ownership to the
   * longest-standing admin, else member) and makes every direct chat read-only for the peer.
   * Safe to run again after a partial failure.
   */
  async removeDeletedUser(userId: string): Promise<void> {
    const memberships = await this.chats.listMemberships(userId);
    for (const m of memberships) {
      if (m.peerId === undefined) await this.leaveAsDeleted(m.chatId, userId);
      else await this.chats.markPeerDeleted(m.chatId, m.peerId);
    }
    const direct = memberships.filter((m) => m.peerId !== undefined).map((m) => m.chatId);
    await this.chats.lists.remove(userId, direct);
  }

  private async leaveAsDeleted(chatId: string, userId: string): Promise<void> {
    const members = await this.chats.listMembers(chatId);
    const me = members.find((m) => m.userId === userId);
    if (!me) return;
    const others = members.filter((m) => m.userId !== userId);
    const heir = others.sort(bySeniority)[0];
    if (me.role === 'owner' && heir && !others.some((m) => m.role === 'owner')) {
      const pos = await this.position(chatId);
      const event: LoggedChange = {
        type: 'member_updated',
        chatId,
        pos,
        userId: heir.userId,
        role: 'owner',
        by: userId,
      };
      await this.chats.setRoles(
        chatId,
        [{ userId: heir.userId, role: 'owner', expect: heir.role }],
        changeItem(chatId, pos, [event]),
      );
      this.publish([event]);
    }
    const pos = await this.position(chatId, [me]);
    const event: LoggedChange = { type: 'member_removed', chatId, pos, userId, by: userId };
    try {
      await this.chats.removeMember(chatId, userId, changeItem(chatId, pos, [event]));
    } catch (err) {
      if (err instanceof ConditionFailed) return; // left meanwhile
      throw err;
    }
    this.publish([event]);
  }

  /** Ids of every chat the user is in (for the hub's rooms). */
  async chatIdsOf(userId: string): Promise<string[]> {
    return (await this.chats.listMemberships(userId)).map((m) => m.chatId);
  }

  /** The user's chats, with the peer of each direct chat: one query, whatever the number of chats. */
  membershipsOf(userId: string): Promise<MemberRecord[]> {
    return this.chats.listMemberships(userId);
  }

  /** Distinct member ids across these chats (presence snapshots); reads chats 8 at a time. */
  async memberIdsOf(chatIds: readonly string[]): Promise<Set<string>> {
    const out = new Set<string>();
    for (let i = 0; i < chatIds.length; i += 8) {
      const lists = await Promise.all(chatIds.slice(i, i + 8).map((id) => this.chats.listMembers(id)));
      for (const list of lists) for (const m of list) out.add(m.userId);
    }
    return out;
  }

  /** Of these chats, those in which a message has been sent (last-seen privacy's `chats`). */
  async withMessages(chatIds: readonly string[]): Promise<Set<string>> {
    const ids = chatIds.filter((id) => !isPersonalLog(id));
    if (ids.length === 0) return new Set();
    await this.activity?.flush();
    const entries = await this.chats.lists.getEntries(ids);
    return new Set(ids.filter((id) => (entries.get(id)?.activity?.msgCount ?? 0) > 0));
  }

  async create(userId: string, body: CreateChatBody): Promise<{ chat: Chat; created: boolean }> {
    const now = new Date().toISOString();
    if (body.type === 'direct') return this.createDirect(userId, body.userId, now);
    const requested = [...new Set(body.memberIds.filter((id) => id !== userId))];
    await this.requireUsers(requested);
    const { add: memberIds, invite } = (await this.safety.consent?.screen(userId, requested)) ?? {
      add: requested,
      invite: [],
    };
    const chatId = `g_${newId()}`;
    const meta: ChatMeta = {
      chatId,
      type: 'group',
      name: body.name,
      addPolicy: body.addPolicy,
      createdBy: userId,
      createdAt: now,
      memberCount: memberIds.length + 1,
    };
    const members: MemberRecord[] = [
      { chatId, userId, role: 'owner', joinedAt: now },
      ...memberIds.map((id) => ({ chatId, userId: id, role: 'member' as const, joinedAt: now })),
    ];
    const pos = await this.position(chatId, members);
    const added = this.added(members, userId, pos);
    await this.chats.create(meta, joinedAt(members, pos), changeItem(chatId, pos, added));
    this.publish(added);
    if (invite.length > 0) await this.safety.consent?.invite({ chatId, chatName: body.name }, userId, invite);
    const chat = await this.views.view(chatId, userId);
    return { chat: invite.length > 0 ? { ...chat, invited: invite } : chat, created: true };
  }

  private async createDirect(userId: string, otherId: string, now: string) {
    if (otherId === userId) throw new AppError('unprocessable', 'A direct chat needs another user');
    await this.requireUsers([otherId]);
    if (await this.safety.privacy?.hasBlocked(otherId, userId)) throw new AppError('blocked');
    const chatId = directChatId(userId, otherId);
    const meta: ChatMeta = { chatId, type: 'direct', createdBy: userId, createdAt: now, memberCount: 2 };
    const members = [userId, otherId].map((id) => ({
      chatId,
      userId: id,
      role: 'member' as const,
      joinedAt: now,
      peerId: id === userId ? otherId : userId,
    }));
    // Concurrent creates race on one conditional put; every loser (and any retry) reads the winner's chat.
    for (let attempt = 0; ; attempt++) {
      try {
        const pos = await this.position(chatId, members);
        const added = this.added(members, userId, pos);
        await this.chats.create(meta, joinedAt(members, pos), changeItem(chatId, pos, added));
        this.publish(added);
        return { chat: await this.views.view(chatId, userId), created: true };
      } catch (err) {
        if (!(err instanceof ConditionFailed)) throw err;
        const existing = await this.chats.getMeta(chatId);
        if (existing) return { chat: await this.get(chatId, userId), created: false };
        // Cancelled by a concurrent transaction that has not committed yet: look again shortly.
        if (attempt >= 5)
          throw new AppError('unavailable', 'Could not create the chat, retry', { retryAfter: 1 });
        await new Promise((r) => setTimeout(r, 20 * (attempt + 1)));
      }
    }
  }

  /** Unread messages over all the user's chats (push badges). */
  totalUnread(userId: string): Promise<number> {
    return this.views.totalUnread(userId);
  }

  get(chatId: string, userId: string): Promise<Chat> {
    return this.views.get(chatId, userId);
  }

  list(
    userId: string,
    limit: number,
    cursor?: string,
    withArchived = false,
  ): Promise<{ chats: Chat[]; nextCursor: string | null }> {
    return this.views.list(userId, limit, cursor, withArchived);
  }

  async update(
    chatId: string,
    userId: string,
    patch: { name?: string; addPolicy?: AddPolicy; approveMembers?: boolean },
  ): Promise<Chat> {
    const me = await this.requireMember(chatId, userId);
    await this.requireGroup(chatId, 'Direct chats have no name or settings');
    if (me.role === 'member') throw forbidden('Only the owner or an admin can change the group');
    if (patch.addPolicy !== undefined && me.role !== 'owner')
      throw forbidden('Only the owner can change who may add members');
    const pos = await this.position(chatId);
    const event: LoggedChange = { type: 'chat_updated', chatId, pos, ...patch };
    try {
      await this.chats.updateMeta(chatId, patch, changeItem(chatId, pos, [event]));
    } catch (err) {
      if (err instanceof ConditionFailed) throw notFound('Chat not found');
      throw err;
    }
    this.publish([event]);
    return this.views.view(chatId, userId);
  }

  async addMember(chatId: string, userId: string, newUserId: string): Promise<AddResult> {
    const me = await this.requireMember(chatId, userId);
    const meta = await this.requireGroup(chatId, 'Direct chats cannot gain members; start a group instead');
    if (meta.addPolicy === 'admins' && me.role === 'member')
      throw forbidden('Only the owner or an admin can add members');
    await this.requireUsers([newUserId]);
    const { invite } = (await this.safety.consent?.screen(userId, [newUserId])) ?? { invite: [] };
    if (this.safety.consent && invite.length > 0) {
      if (await this.chats.getMember(chatId, newUserId)) throw new AppError('conflict', 'Already a member');
      const [invitation] = await this.safety.consent.invite(
        { chatId, chatName: meta.name ?? '' },
        userId,
        invite,
      );
      if (invitation) return { invitation };
    }
    await this.admission.admit(meta, newUserId, userId);
    return { chat: await this.views.view(chatId, userId) };
  }

  /** Removes a member, or leaves when it is me. The owner hands over ownership before leaving. */
  async removeMember(chatId: string, userId: string, targetId: string): Promise<void> {
    const me = await this.requireMember(chatId, userId);
    await this.requireGroup(chatId, 'You cannot leave or remove anyone from a direct chat');
    const target = targetId === userId ? me : await this.chats.getMember(chatId, targetId);
    if (!target) throw notFound('Member not found');
    if (targetId === userId) {
      if (me.role === 'owner' && (await this.chats.listMembers(chatId)).length > 1) {
        throw new AppError('conflict', 'Make another member owner before leaving');
      }
    } else if (!outranks(me.role, target.role)) {
      throw forbidden('You can only remove members of a lower role');
    }
    const pos = await this.position(chatId, [target]);
    const event: LoggedChange = { type: 'member_removed', chatId, pos, userId: targetId, by: userId };
    try {
      await this.chats.removeMember(chatId, targetId, changeItem(chatId, pos, [event]));
    } catch (err) {
      if (err instanceof ConditionFailed) throw notFound('Member not found');
      throw err;
    }
    this.publish([event]);
  }

  /** Owner only. Making someone owner hands ownership over: the old owner becomes an admin. */
  async setRole(chatId: string, userId: string, targetId: string, role: Role): Promise<Chat> {
    const me = await this.requireMember(chatId, userId);
    await this.requireGroup(chatId, 'Direct chats have no roles');
    if (me.role !== 'owner') throw forbidden('Only the owner can change roles');
    if (targetId === userId) throw new AppError('unprocessable', 'Hand ownership to another member instead');
    const target = await this.chats.getMember(chatId, targetId);
    if (!target) throw notFound('Member not found');
    if (target.role === role) return this.views.view(chatId, userId);
    const changes = [{ userId: targetId, role, expect: target.role }];
    if (role === 'owner') changes.push({ userId, role: 'admin', expect: 'owner' });
    const pos = await this.position(chatId);
    const events: LoggedChange[] = changes.map((c) => ({
      type: 'member_updated',
      chatId,
      pos,
      userId: c.userId,
      role: c.role,
      by: userId,
    }));
    try {
      await this.chats.setRoles(chatId, changes, changeItem(chatId, pos, events));
    } catch (err) {
      if (err instanceof ConditionFailed) throw new AppError('conflict', 'Roles changed meanwhile, retry');
      throw err;
    }
    this.publish(events);
    return this.views.view(chatId, userId);
  }

  /** Moves my read marker (never back); read implies delivered (markers.ts). */
  async markRead(chatId: string, userId: string, messageId: string): Promise<{ lastReadId: string }> {
    return this.markers.markRead(await this.requireMember(chatId, userId), messageId);
  }

  /** Moves my delivered marker (never back): my devices have the chat up to this message. */
  async markDelivered(
    chatId: string,
    userId: string,
    messageId: string,
  ): Promise<{ lastDeliveredId: string }> {
    return this.markers.markDelivered(await this.requireMember(chatId, userId), messageId);
  }

  /** Every member of the chat (receipts), strongly consistent. */
  membersOf(chatId: string): Promise<MemberRecord[]> {
    return this.chats.listMembers(chatId);
  }

  /** Of these users, the ones who are not members of the chat (one batched read). */
  async nonMembersAmong(chatId: string, userIds: readonly string[]): Promise<string[]> {
    if (userIds.length === 0) return [];
    const found = new Set(
      (await this.chats.getMembers(userIds.map((u) => ({ chatId, userId: u })))).map((m) => m.userId),
    );
    return userIds.filter((u) => !found.has(u));
  }

  /**
   * Makes sure every member's feed (and these members': joining or leaving) will show a change
   * made now, then gives the change its position in the chat's log.
   */
  private async position(chatId: string, also: readonly MemberRecord[] = []): Promise<string> {
    await this.inbox.cover(
      chatId,
      also.map((m) => m.userId),
    );
    return newId();
  }

  private added(members: readonly MemberRecord[], by: string, pos: string): LoggedChange[] {
    return members.map((m) => ({
      type: 'member_added',
      chatId: m.chatId,
      pos,
      userId: m.userId,
      role: m.role,
      by,
    }));
  }

  private publish(events: readonly LoggedChange[]): void {
    for (const e of events) this.bus.publish(e);
  }

  private async requireGroup(chatId: string, whyNot: string): Promise<ChatMeta> {
    const meta = await this.chats.getMeta(chatId);
    if (!meta) throw notFound('Chat not found');
    if (meta.type !== 'group') throw new AppError('unprocessable', whyNot);
    return meta;
  }

  private async requireUsers(ids: string[]): Promise<void> {
    if (ids.length === 0) return;
    const found = new Set((await this.users.getMany(ids)).map((u) => u.id));
    const missing = ids.filter((id) => !found.has(id));
    if (missing.length > 0)
      throw new AppError('unprocessable', 'Unknown user', { details: { userIds: missing } });
  }
}

const rank: Record<Role, number> = { owner: 3, admin: 2, member: 1 };
const outranks = (a: Role, b: Role) => rank[a] > rank[b];
/** Higher role first, then who joined first (ties: lower user id, so the choice is stable). */
const bySeniority = (a: MemberRecord, b: MemberRecord) =>
  rank[b.role] - rank[a.role] || a.joinedAt.localeCompare(b.joinedAt) || a.userId.localeCompare(b.userId);

export interface ChatSummary {
  id: string;
  type: 'direct' | 'group';
  name?: string;
  role: Role;
  joinedAt: string;
}

/** Members as stored: each remembers the log position of the change that added them. */
const joinedAt = (members: readonly MemberRecord[], pos: string) =>
  members.map((m) => ({ ...m, joinedPos: pos }));
