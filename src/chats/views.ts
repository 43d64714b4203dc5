import { AppError, notFound } from '../lib/errors.js';
import { deliveredMarker } from '../messages/receipts.js';
import type { Message } from '../messages/schemas.js';
import type { MessageStore } from '../messages/store.js';
import type { PrivacyService } from '../privacy/service.js';
import type { UserStore } from '../users/store.js';
import type { PendingActivity } from './activity.js';
import type { Activity, ChatEntry, ListPosition } from './list-store.js';
import type { Chat, ChatSettings } from './schemas.js';
import { type ChatSettingsStore, DEFAULT_SETTINGS } from './settings-store.js';
import type { ChatStore, MemberRecord } from './store.js';

export const UNREAD_CAP = 1000;

type Profiles = Map<string, { userName: string; displayName?: string }>;

/**
 * Chats as a member sees them: members, last message and unread count. The read model: it reads
 * the chat-list store's rows, entries and counters, and writes nothing.
 */
export class ChatViews {
  constructor(
    private readonly chats: ChatStore,
    private readonly messages: MessageStore,
    private readonly users: UserStore,
    private readonly activity?: PendingActivity,
    private readonly privacy?: Pick<PrivacyService, 'state' | 'states'>,
    private readonly settings?: ChatSettingsStore,
  ) {}

  /** One chat with this instance's pending activity in it; 404 unless `userId` is a member. */
  async get(chatId: string, userId: string): Promise<Chat> {
    await this.activity?.flush();
    return this.view(chatId, userId);
  }

  /**
   * My chats, most recent activity first, with members, last message and my unread count. A
   * constant number of requests per page, whatever the number of chats I am in: one Query of my
   * chat-list rows, one BatchGet of the page's chats, BatchGets of their members and last
   * messages (per 100), one of the members' profiles (per 100).
   */
  async list(
    userId: string,
    limit: number,
    cursor?: string,
    withArchived = false,
  ): Promise<{ chats: Chat[]; nextCursor: string | null }> {
    const after = cursor ? decodeCursor(cursor) : undefined;
    // This instance's pending activity first (nothing to do, and no request, when there is none).
    await this.activity?.flush();
    // My settings (one Query): pinned chats lead the first page, archived ones are left out.
    const mine = (await this.settings?.all(userId)) ?? new Map<string, ChatSettings>();
    const shown = (s: ChatSettings) => withArchived || !s.archived;
    const pinned = [...mine].filter(([, s]) => s.pinned && shown(s)).map(([id]) => id);
    const skip = new Set([...mine].filter(([, s]) => s.pinned || !shown(s)).map(([id]) => id));
    const ids: string[] = [];
    let next = after;
    // Skipped rows make a page short: read on, a few pages at most (a short page still has a cursor).
    for (let round = 0; round < 5 && ids.length < limit; round++) {
      const page = await this.chats.lists.page(userId, limit - ids.length, next);
      for (const r of page.rows) if (ids.length < limit && !skip.has(r.chatId)) ids.push(r.chatId);
      next = page.next;
      if (!next) break;
    }
    // A row may outlive my membership (a flush that listed me just before I left): many() skips it.
    const [top, chats] = await Promise.all([
      after || pinned.length === 0 ? [] : this.many(userId, pinned, mine),
      this.many(userId, ids, mine),
    ]);
    top.sort((a, b) => b.lastActivityAt.localeCompare(a.lastActivityAt));
    return { chats: [...top, ...chats], nextCursor: next ? encodeCursor(next) : null };
  }

  /**
   * The user's unread messages over all their chats (a push notification's badge): one Query of
   * their memberships, one BatchGet of activity per 100 chats, plus what this instance has noted
   * and not flushed yet (no flush: a push per message must not force a write per message).
   * Another instance's unflushed messages (its last ~2 s) are not counted.
   */
  async totalUnread(userId: string): Promise<number> {
    const memberships = await this.chats.listMemberships(userId);
    const chatIds = memberships.map((m) => m.chatId);
    // A flush that lands during the read leaves the pending counts, and the read may have missed
    // it: read again (once: a second miss only makes one badge low until the next read).
    let activities: Awaited<ReturnType<ChatStore['lists']['getActivities']>> | undefined;
    for (let attempt = 0; attempt < 2 && !activities; attempt++) {
      const mark = this.activity?.landedMark?.() ?? 0;
      const read = await this.chats.lists.getActivities(chatIds);
      if (attempt === 1 || !this.activity?.landedSince?.(mark, chatIds)) activities = read;
    }
    return memberships.reduce((sum, me) => {
      const pending = this.activity?.unflushedFromOthers?.(me.chatId, userId) ?? 0;
      return sum + Math.min(UNREAD_CAP, unreadOf(activities?.get(me.chatId), me, userId) + pending);
    }, 0);
  }

  /** One chat as `userId` sees it; 404 unless they are a member. */
  async view(chatId: string, userId: string): Promise<Chat> {
    const [chat] = await this.many(userId, [chatId]);
    if (!chat) throw notFound('Chat not found');
    return chat;
  }

  /**
   * These chats as `userId` sees them, in this order, leaving out any that they are not a member
   * of. Batched: requests grow with the chats' members / 100, not with the number of chats.
   */
  private async many(
    userId: string,
    chatIds: readonly string[],
    /** My settings of every chat, when the caller read them already (keyed by chatId). */
    known?: Map<string, ChatSettings>,
  ): Promise<Chat[]> {
    const entries = await this.chats.lists.getEntries(chatIds);
    const found = chatIds.flatMap((id) => entries.get(id) ?? []);
    const keys = found.flatMap((e) => e.memberIds.map((id) => ({ chatId: e.meta.chatId, userId: id })));
    const stored = found.flatMap((e) => e.activity?.lastMessage ?? []);
    const [members, current, settings] = await Promise.all([
      this.chats.getMembers(keys),
      // The stored copy is as sent; the item itself carries edits and deletes since.
      this.messages.currentFor(stored, userId),
      known
        ? new Map([...known].map(([chatId, s]) => [`${chatId}|${userId}`, s]))
        : this.settings && found.length > 0
          ? this.settings.among(found.map((e) => ({ userId, chatId: e.meta.chatId })))
          : new Map<string, ChatSettings>(),
    ]);
    const membersOf = new Map<string, MemberRecord[]>();
    for (const m of members) {
      const list = membersOf.get(m.chatId) ?? [];
      list.push(m);
      membersOf.set(m.chatId, list);
    }
    // A last message I deleted for myself: the one before it is my last (a Query each: rare).
    const hiddenLast = stored.filter((m) => current.hiddenIds.has(m.id));
    const before = await Promise.all(
      hiddenLast.map(
        async (m) => (await this.messages.page(m.chatId, { before: m.id, limit: 1 }, userId)).messages,
      ),
    );
    const live = [...current.shown, ...before.flat()];
    const lastOf = new Map<string, Message>();
    for (const m of [...stored.filter((m) => !current.hiddenIds.has(m.id)), ...live]) {
      const seen = lastOf.get(m.chatId);
      if (!seen || seen.id <= m.id) lastOf.set(m.chatId, m);
    }
    const mine = found.filter((e) => membersOf.get(e.meta.chatId)?.some((m) => m.userId === userId));
    const profiles = await this.users.getMany(
      mine.flatMap((e) => (membersOf.get(e.meta.chatId) ?? []).map((m) => m.userId)),
    );
    const byId = new Map(profiles.map((p) => [p.id, p]));
    const hidden = await this.hiddenMarkers(userId, mine, membersOf);
    return mine.map((e) => {
      const members = (membersOf.get(e.meta.chatId) ?? []).map((m) =>
        hidden(e, m.userId) ? withoutMarker(m) : m,
      );
      return {
        ...toChat(e, members, lastOf.get(e.meta.chatId), userId, byId),
        settings: settings.get(`${e.meta.chatId}|${userId}`) ?? DEFAULT_SETTINGS,
      };
    });
  }

  /**
   * Whose read markers I may not see: of people who blocked me, and in direct chats when either
   * of us turned read receipts off. One cached read of my state and one of my direct peers'.
   */
  private async hiddenMarkers(
    userId: string,
    entries: readonly ChatEntry[],
    membersOf: Map<string, MemberRecord[]>,
  ): Promise<(e: ChatEntry, memberId: string) => boolean> {
    if (!this.privacy) return () => false;
    const direct = entries.filter((e) => e.meta.type === 'direct');
    const peers = direct.flatMap((e) =>
      (membersOf.get(e.meta.chatId) ?? []).filter((m) => m.userId !== userId).map((m) => m.userId),
    );
    const [me, states] = await Promise.all([
      this.privacy.state(userId),
      peers.length > 0 ? this.privacy.states(peers) : new Map(),
    ]);
    return (e, memberId) =>
      memberId !== userId &&
      (me.blockedBy.has(memberId) ||
        (e.meta.type === 'direct' && (!me.readReceipts || states.get(memberId)?.readReceipts === false)));
  }
}

function toChat(
  { meta, activity }: ChatEntry,
  all: MemberRecord[],
  lastMessage: Message | undefined,
  userId: string,
  profiles: Profiles,
): Omit<Chat, 'settings'> {
  const me = all.find((m) => m.userId === userId);
  const unread = unreadOf(activity, me, userId);
  return {
    id: meta.chatId,
    type: meta.type,
    ...(meta.name ? { name: meta.name } : {}),
    ...(meta.addPolicy ? { addPolicy: meta.addPolicy } : {}),
    ...(meta.approveMembers ? { approveMembers: true } : {}),
    createdAt: meta.createdAt,
    lastActivityAt: lastMessage?.createdAt ?? meta.createdAt,
    members: [...all]
      .sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0))
      .map((m) => {
        const profile = profiles.get(m.userId);
        return {
          userId: m.userId,
          userName: profile?.userName ?? 'deleted',
          ...(profile?.displayName ? { displayName: profile.displayName } : {}),
          role: m.role,
          ...(m.lastReadId ? { lastReadId: m.lastReadId } : {}),
          ...(deliveredMarker(m) ? { lastDeliveredId: deliveredMarker(m) } : {}),
        };
      }),
    lastMessage: lastMessage ?? null,
    unreadCount: unread,
    ...ticks(all, userId),
    mentionCount: Math.min(
      UNREAD_CAP,
      Math.max(0, (activity?.mentioned[userId] ?? 0) - (me?.mentionsAtRead ?? 0)),
    ),
  };
}

/**
 * Up to where every other member has received / read the chat: my messages with ids at or before
 * deliveredUpTo get two ticks, at or before readUpTo blue ones. Absent while some member has none.
 */
function ticks(all: readonly MemberRecord[], userId: string): { deliveredUpTo?: string; readUpTo?: string } {
  const others = all.filter((m) => m.userId !== userId);
  if (others.length === 0) return {};
  const lowest = (marks: (string | undefined)[]) =>
    marks.some((x) => x === undefined) ? undefined : (marks as string[]).sort()[0];
  const delivered = lowest(others.map(deliveredMarker));
  const read = lowest(others.map((m) => m.lastReadId));
  return { ...(delivered ? { deliveredUpTo: delivered } : {}), ...(read ? { readUpTo: read } : {}) };
}

function withoutMarker(m: MemberRecord): MemberRecord {
  const { lastReadId: _hidden, ...rest } = m;
  return rest;
}

/** Read up to my marker, and my own messages since never count: see ChatService.readCounts. */
function unreadOf(activity: Activity | undefined, me: MemberRecord | undefined, userId: string): number {
  const mineSince = (activity?.sentBy[userId] ?? 0) - (me?.sentAtRead ?? 0);
  const unread = (activity?.msgCount ?? 0) - (me?.readCount ?? 0) - mineSince;
  return Math.min(UNREAD_CAP, Math.max(0, unread));
}

const encodeCursor = (c: ListPosition) => Buffer.from(JSON.stringify(c)).toString('base64url');

function decodeCursor(s: string): ListPosition {
  try {
    const c = JSON.parse(Buffer.from(s, 'base64url').toString('utf8')) as ListPosition;
    if (
      typeof c.sk === 'string' &&
      /^a#[A-Za-z0-9_-]{1,64}$/.test(c.sk) &&
      typeof c.at === 'string' &&
      /^\d{4}-\d{2}-\d{2}T[\d:.]{1,20}Z$/.test(c.at)
    )
      return { sk: c.sk, at: c.at };
  } catch {
    // fall through to the validation error
  }
  throw new AppError('validation_failed', undefined, {
    details: [{ path: 'cursor', message: 'is not a cursor this server issued' }],
  });
}
