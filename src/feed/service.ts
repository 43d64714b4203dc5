import type { ChatStore } from '../chats/store.js';
import { AppError } from '../lib/errors.js';
import { ulidFloor } from '../lib/ids.js';
import type { PrivacyService } from '../privacy/service.js';
import { viewerSeesRead } from '../privacy/visibility.js';
import type { FeedEvent } from './events.js';
import type { Inbox } from './inbox.js';
import { type LogEntry, type LoggedChange, RETENTION_MS } from './log.js';
import { isDirectChatId, personalLogId } from './personal.js';
import type { FeedStore } from './store.js';
import { fingerprint, MAX_SEEN, posTime, type SyncPoint, type SyncTokens } from './token.js';

export interface FeedOptions {
  /**
   * How long after its position a change may still become readable (writes in flight, clocks of
   * other instances). Tokens stay this far behind the newest change.
   */
  windowMs: number;
  /** About this many bytes of frames per page, so a replay never overruns a socket's buffer. */
  maxBytes: number;
}

export const defaultFeedOptions: FeedOptions = { windowMs: 5_000, maxBytes: 256 * 1024 };

export interface FeedPage {
  changes: FeedEvent[];
  token: string;
  /** false: more changes wait; ask again from `token`. */
  complete: boolean;
}

/** A frame's size, roughly: text may be 3 bytes a character in UTF-8, plus the envelope. */
const approximateBytes = (e: LogEntry) =>
  e.kind === 'message' ? 3 * (e.message.text?.length ?? 0) + 300 : 300;

const PARALLEL_CHATS = 8;

/**
 * One user's feed: every durable change in their chats since a token, served from each changed
 * chat's logs. Cost: one query for the chats stamped since the token's minute (inbox.ts), one
 * batched read each of the user's memberships and departures among them, and two queries per
 * such chat (new messages by id, other changes by rev) — nothing per unchanged chat.
 */
export class FeedService {
  constructor(
    private readonly store: FeedStore,
    private readonly chats: ChatStore,
    private readonly tokens: SyncTokens,
    private readonly inbox: Pick<Inbox, 'bucketOf'>,
    private readonly opts: FeedOptions = defaultFeedOptions,
    /** Read markers a user may not see (blocks, read receipts off) are left out of replays. */
    private readonly privacy?: Pick<PrivacyService, 'state' | 'states'>,
  ) {}

  /**
   * A checkpoint for a connected device: it synced to `base` and has received every change since
   * live, among them `delivered` (positions inside the window).
   */
  checkpoint(
    userId: string,
    base: SyncPoint,
    delivered: Iterable<string>,
  ): { token: string; point: SyncPoint } {
    const from = Math.max(base.from, Date.now() - this.opts.windowMs);
    const seen = new Map([...base.seen].filter(([, t]) => t >= from));
    for (const pos of delivered) if (posTime(pos) >= from) seen.set(fingerprint(pos), posTime(pos));
    // Too many to list: keep the base rather than risk listing a subset.
    const point = seen.size > MAX_SEEN ? base : { from, seen };
    return { token: this.tokens.encode(userId, point), point };
  }

  get windowMs(): number {
    return this.opts.windowMs;
  }

  decode(userId: string, token: string): SyncPoint {
    const point = this.tokens.decode(userId, token);
    if (point.from < Date.now() - RETENTION_MS)
      throw new AppError(
        'sync_expired',
        'The sync token is older than 30 days: reload, then sync without it',
      );
    return point;
  }

  /**
   * Changes after `since`, at most `limit`. Without `since`: none, and a token from `origin` (a
   * socket's time of joining its rooms; by default now).
   */
  async changes(
    userId: string,
    since: string | undefined,
    limit: number,
    origin?: number,
  ): Promise<FeedPage & { point: SyncPoint; memberOf: Map<string, boolean> }> {
    const startedAt = Date.now();
    if (since === undefined) {
      // A new device loaded its state over REST just now (and, on a socket, is in its rooms since
      // `origin`, so anything still in flight reaches it live, or its next sync replays it).
      const oldest = startedAt - RETENTION_MS / 2; // a socket open for weeks replays no more
      const from =
        origin !== undefined && origin > 0 ? Math.max(oldest, Math.min(origin, startedAt)) : startedAt;
      const point = { from, seen: new Map<string, number>() };
      return {
        changes: [],
        token: this.tokens.encode(userId, point),
        complete: true,
        point,
        memberOf: new Map(),
      };
    }
    const point = this.decode(userId, since);
    const chatIds = await this.store.changedChats(userId, this.inbox.bucketOf(point.from));
    const after = ulidFloor(point.from);
    // Entries the token lists as delivered come back too (they sit inside the window): read past them.
    const [logs, members, departed] = await Promise.all([
      this.readLogs(chatIds, after, limit + point.seen.size),
      this.chats.membershipsAmong(userId, chatIds),
      this.store.departuresAmong(userId, chatIds),
    ]);

    // Take changes in position order up to `limit` new ones (and about `maxBytes`), never past a
    // chat whose log was cut short.
    const cutoff = logs
      .filter((l) => l.more)
      .reduce<string | undefined>((min, l) => {
        const last = l.entries.at(-1)?.pos;
        return last !== undefined && (min === undefined || last < min) ? last : min;
      }, undefined);
    const all = logs.flatMap((l) => l.entries.map((entry) => ({ chatId: l.chatId, entry })));
    all.sort((a, b) => (a.entry.pos < b.entry.pos ? -1 : 1));
    const seen = (pos: string) => point.seen.has(fingerprint(pos));
    let end = 0;
    let fresh = 0;
    let bytes = 0;
    for (; end < all.length && fresh < limit && bytes < this.opts.maxBytes; end++) {
      const { entry } = all[end] as (typeof all)[number];
      if (cutoff !== undefined && entry.pos > cutoff) break;
      if (seen(entry.pos)) continue;
      fresh += 1;
      bytes += approximateBytes(entry);
    }
    const taken = all.slice(0, end);
    const complete = cutoff === undefined && !all.slice(end).some((x) => !seen(x.entry.pos));

    const mine = personalLogId(userId);
    const inChat = (chatId: string, pos: string) => {
      if (chatId === mine) return true;
      const m = members.get(chatId);
      const left = departed.get(chatId);
      return (
        (m !== undefined && (m.joinedPos === undefined || pos >= m.joinedPos)) ||
        (left !== undefined && pos <= left)
      );
    };
    const changes = await this.withoutHiddenReads(userId, this.visible(userId, taken, point, inChat));
    const delivered = taken.map((t) => t.entry.pos).filter((pos) => !seen(pos));
    const lastRead = taken.at(-1)?.entry.pos;
    const next = this.nextPoint(point, delivered, complete, startedAt, lastRead);
    const memberOf = new Map(chatIds.map((c) => [c, c === mine || members.has(c)]));
    return { changes, token: this.tokens.encode(userId, next), complete, point: next, memberOf };
  }

  /** Others' read markers the user may not see now (privacy/visibility.ts), as live delivery does. */
  private async withoutHiddenReads(userId: string, events: FeedEvent[]): Promise<FeedEvent[]> {
    const reads = events.filter((e) => e.type === 'read' && e.userId !== userId);
    if (!this.privacy || reads.length === 0) return events;
    const directReaders = reads
      .filter((e) => isDirectChatId(e.chatId))
      .map((e) => (e as { userId: string }).userId);
    const [viewer, readers] = await Promise.all([
      this.privacy.state(userId),
      this.privacy.states(directReaders),
    ]);
    return events.filter(
      (e) =>
        e.type !== 'read' ||
        e.userId === userId ||
        (viewerSeesRead(viewer, e.userId, e.chatId) &&
          !(isDirectChatId(e.chatId) && readers.get(e.userId)?.readReceipts === false)),
    );
  }

  private async readLogs(chatIds: string[], after: string, limit: number) {
    const out: { chatId: string; entries: LogEntry[]; more: boolean }[] = [];
    for (let i = 0; i < chatIds.length; i += PARALLEL_CHATS) {
      const group = chatIds.slice(i, i + PARALLEL_CHATS);
      const pages = await Promise.all(group.map((c) => this.store.logAfter(c, after, limit)));
      for (const [j, p] of pages.entries()) out.push({ chatId: group[j] as string, ...p });
    }
    return out;
  }

  /**
   * The entries this device has not seen and may see, as the events it would have received live:
   * what happened in a chat while the user was in it (by the positions where they joined and
   * left), and every change of their own membership.
   */
  private visible(
    userId: string,
    taken: { chatId: string; entry: LogEntry }[],
    point: SyncPoint,
    inChat: (chatId: string, pos: string) => boolean,
  ): FeedEvent[] {
    const aboutMe = (e: LoggedChange) =>
      (e.type === 'member_added' || e.type === 'member_removed') && e.userId === userId;
    const has = (pos: string) => posTime(pos) < point.from || point.seen.has(fingerprint(pos));
    // Delete for me and a member's own chat settings are changes in the chat's log that only
    // their user may hear of.
    const mayKnow = (e: LoggedChange) =>
      (e.type !== 'message_hidden' && e.type !== 'chat_settings') || e.userId === userId;
    const out: { key: string; event: FeedEvent }[] = [];
    // A message created and edited since sits in both logs (at its id and its rev): once is enough.
    const sent = new Set<string>();
    for (const { chatId, entry } of taken) {
      const pos = entry.pos;
      if (has(pos)) continue;
      if (entry.kind === 'change') {
        // One action's events stand or fall together: a group created with me shows all its members.
        if (inChat(chatId, pos) || entry.events.some(aboutMe))
          for (const event of entry.events) if (mayKnow(event)) out.push({ key: pos, event });
        continue;
      }
      if (!inChat(chatId, pos) || sent.has(entry.message.id)) continue;
      // Deleted for me: my devices that had it learn so from my message_hidden; others skip it.
      if (entry.hiddenFor.includes(userId)) continue;
      const m = entry.message;
      sent.add(m.id);
      if (!has(m.id)) out.push({ key: m.id, event: { type: 'message', chatId, pos, message: m } });
      else {
        const type = m.deleted ? 'message_deleted' : 'message_updated';
        out.push({ key: pos, event: { type, chatId, pos, message: m } });
      }
    }
    // New messages go out in id order even when edited since (their entry sits at the edit).
    out.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
    return out.map((o) => o.event);
  }

  private nextPoint(
    point: SyncPoint,
    delivered: string[],
    complete: boolean,
    startedAt: number,
    lastRead: string | undefined,
  ): SyncPoint {
    const settled = startedAt - this.opts.windowMs;
    const lastAt = delivered.length > 0 ? posTime(delivered.at(-1) as string) : point.from;
    let from = Math.max(point.from, complete ? settled : Math.min(lastAt, settled));
    // A page of nothing new (all delivered before, read to a cut): move on past it, or the next
    // sync would read the same page again.
    if (!complete && delivered.length === 0 && lastRead !== undefined)
      from = Math.max(from, posTime(lastRead));
    const seen = new Map(point.seen);
    for (const pos of delivered) seen.set(fingerprint(pos), posTime(pos));
    const keep = () => [...seen].filter(([, t]) => t >= from);
    // Too many recent changes to list: move on past them rather than replay them forever.
    if (keep().length > MAX_SEEN) from = Math.max(from, lastAt);
    return { from, seen: new Map(keep()) };
  }
}
