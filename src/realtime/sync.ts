import type { FeedEvent } from '../feed/events.js';
import type { FeedService } from '../feed/service.js';
import { posTime as posMs, type SyncPoint } from '../feed/token.js';
import type { Metrics } from '../metrics/registry.js';
import type { Connection } from './connection.js';
import type { Fanout } from './fanout.js';
import type { Registry } from './registry.js';
import { toFrame } from './to-frame.js';
import { encodeFrame } from './wire.js';

export interface SyncOptions {
  /** Changes replayed per `sync` round; more → `complete: false`. */
  limit: number;
  /** How often a connection that received changes live is sent a fresh token (`synced`). */
  checkpointMs: number;
}

/**
 * Catch-up from the feed, and checkpoints that keep a connected device's token fresh so that its
 * next reconnect replays only what it missed. A connection is in its rooms before it syncs, so a
 * change committed while the replay is read arrives live: nothing falls between (at worst twice).
 */
export class Syncer {
  /** Positions delivered live per chat, for the checkpoint's "already delivered" list. */
  private recent = new Map<string, string[]>();
  private active = new Set<string>();
  private readonly timer: NodeJS.Timeout;

  constructor(
    private readonly feed: FeedService,
    private readonly registry: Registry,
    private readonly opts: SyncOptions,
    private readonly busHealthy: () => boolean,
    private readonly rooms: Pick<Fanout, 'join' | 'leave'>,
    private readonly metrics?: Pick<Metrics, 'syncReplay' | 'framesOut'>,
  ) {
    this.timer = setInterval(() => this.checkpointAll(), opts.checkpointMs);
    this.timer.unref();
  }

  /** Replays one page; resolves with the token the next page starts from, if more are waiting. */
  async run(conn: Connection, since: string | undefined): Promise<string | undefined> {
    conn.feed = undefined; // no checkpoints until this sync completes
    const epoch = conn.feedEpoch;
    // A first sync starts where the socket joined its rooms, however late it arrives: what
    // fan-out missed in between (Redis down) is replayed, not skipped.
    const origin = conn.firstSyncFrom;
    const page = await this.feed.changes(conn.userId, since, this.opts.limit, origin);
    conn.firstSyncFrom = undefined;
    // The sync read membership from the database: trust it over the socket's own view, which
    // came from an eventually consistent index or may have missed events.
    for (const [chatId, member] of page.memberOf) {
      if (member && !conn.chats.has(chatId)) this.rooms.join(conn, chatId);
      else if (!member && conn.chats.has(chatId)) this.rooms.leave(conn, chatId);
    }
    for (const e of page.changes) {
      const frame = toFrame(e);
      this.metrics?.framesOut.inc(frame.type);
      conn.write(encodeFrame(frame));
    }
    this.metrics?.syncReplay.observe(page.changes.length);
    conn.send({ type: 'synced', token: page.token, complete: page.complete });
    // Live frames may have been lost while it read (a fan-out gap): the device syncs again.
    if (page.complete && conn.feedEpoch === epoch) conn.feed = page.point;
    return page.complete ? undefined : page.token;
  }

  /** A change went out live to this instance's rooms. */
  noteLive(e: FeedEvent): void {
    let list = this.recent.get(e.chatId);
    if (!list) {
      list = [];
      this.recent.set(e.chatId, list);
    }
    list.push(e.pos);
    this.active.add(e.chatId);
  }

  /** Live frames may have been lost: no connection gets a checkpoint until it syncs again. */
  invalidateAll(): void {
    for (const c of this.registry.connections()) c.missedLive();
  }

  private checkpointAll(): void {
    if (!this.busHealthy()) return this.invalidateAll();
    const active = this.active;
    this.active = new Set();
    const due = new Set<Connection>();
    for (const chatId of active)
      for (const c of this.registry.room(chatId)) if (c.feed && c.state === 'ready') due.add(c);
    for (const c of due) {
      const delivered: string[] = [];
      for (const chatId of c.chats) delivered.push(...(this.recent.get(chatId) ?? []));
      const { token, point } = this.feed.checkpoint(c.userId, c.feed as SyncPoint, delivered);
      c.feed = point;
      c.send({ type: 'synced', token, complete: true });
    }
    this.prune();
  }

  /** Keeps only positions still inside the window. */
  private prune(): void {
    const from = Date.now() - this.feed.windowMs;
    for (const [chatId, list] of this.recent) {
      const keep = list.filter((pos) => posMs(pos) >= from);
      if (keep.length === 0) this.recent.delete(chatId);
      else this.recent.set(chatId, keep);
    }
  }

  close(): void {
    clearInterval(this.timer);
  }
}
