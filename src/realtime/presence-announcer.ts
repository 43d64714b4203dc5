import type { ChatService } from '../chats/service.js';
import type { MemberRecord } from '../chats/store.js';
import type { Logger } from '../lib/logger.js';
import type { PrivacyService } from '../privacy/service.js';
import type { PrivacyState } from '../privacy/store.js';
import { ownerShowsPresence, viewerSeesPresence } from '../privacy/visibility.js';
import type { FanoutBus } from './bus.js';
import type { Connection } from './connection.js';
import type { Fanout } from './fanout.js';
import type { PresenceStore } from './presence.js';
import type { Registry } from './registry.js';

/** Presence snapshots on connect read the members of at most this many groups. */
const SNAPSHOT_GROUPS = 8;

export interface PresenceAnnouncerDeps {
  /** Who is online anywhere (presence.ts). */
  store: PresenceStore;
  registry: Registry;
  fanout: Pick<Fanout, 'deliver'>;
  bus: Pick<FanoutBus, 'publish'>;
  chats: Pick<ChatService, 'memberIdsOf' | 'chatIdsOf' | 'withMessages'>;
  /** Last-seen settings and blocks: who may see whose presence (privacy/visibility.ts). */
  privacy?: Pick<PrivacyService, 'state' | 'states'>;
  logger: Logger;
}

/**
 * Who learns of whose presence, and when: a user's chat peers when they come online or go offline
 * everywhere, a ready socket the peers already online, and a new member and their chat each other.
 */
export class PresenceAnnouncer {
  /** Per user, the last announcement still being prepared: the next one goes out after it. */
  private readonly pending = new Map<string, Promise<void>>();

  constructor(private readonly deps: PresenceAnnouncerDeps) {}

  /** A connection is ready: its user may just have come online; it learns who already is. */
  connected(conn: Connection, memberships: MemberRecord[]): void {
    void this.deps.store.connected(conn.userId).then((first) => {
      if (first) this.publish(conn.userId, true, [...conn.chats]);
    });
    void this.sendSnapshot(conn, memberships).catch((err: unknown) =>
      conn.log.warn({ err }, 'presence snapshot failed'),
    );
  }

  /** A ready connection closed: its user may just have gone offline. */
  disconnected(conn: Connection): void {
    const chats = [...conn.chats];
    void this.deps.store.disconnected(conn.userId).then((last) => {
      if (last) this.publish(conn.userId, false, chats);
    });
  }

  /** A crashed instance's user is offline everywhere now: tell their peers. */
  async announceOffline(userId: string): Promise<void> {
    this.publish(userId, false, await this.deps.chats.chatIdsOf(userId));
  }

  memberAdded(chatId: string, userId: string): void {
    void this.introduce(chatId, userId).catch((err: unknown) =>
      this.deps.logger.warn({ err }, "could not introduce a new member's presence"),
    );
  }

  close(): Promise<void> {
    return this.deps.store.close();
  }

  /**
   * To the user's chats their last-seen setting allows: none for `nobody`, those in which a message
   * has been sent for `chats`. Viewers' own settings and blocks are applied where the frames are
   * written (fanout.ts).
   */
  private publish(userId: string, online: boolean, chatIds: string[]): void {
    const lastSeenAt = new Date().toISOString();
    const audience = this.audience(userId, chatIds);
    audience.catch(() => {}); // handled below, once the previous announcement is out
    const previous = this.pending.get(userId) ?? Promise.resolve();
    const done = previous
      .then(() => audience)
      .then(
        (a) => {
          if (a) this.deps.bus.publish({ type: 'presence', userId, online, lastSeenAt, ...a });
        },
        (err: unknown) => this.deps.logger.warn({ err }, 'could not announce presence'),
      )
      .finally(() => {
        if (this.pending.get(userId) === done) this.pending.delete(userId);
      });
    this.pending.set(userId, done);
  }

  private async audience(userId: string, chatIds: string[]): Promise<{ chatIds: string[] } | undefined> {
    if (!this.deps.privacy) return { chatIds };
    const owner = await this.deps.privacy.state(userId);
    if (owner.lastSeen === 'nobody' || chatIds.length === 0) return undefined;
    // Only those who chose `chats` pay for reading which of their chats have messages.
    if (owner.lastSeen === 'chats') return { chatIds: [...(await this.deps.chats.withMessages(chatIds))] };
    return { chatIds };
  }

  /**
   * Which of this user's chat peers are online (on any instance) right now: every direct chat's
   * peer (known from the membership rows) and the members of a few groups — a bounded cost,
   * whatever the number of chats; group members' presence otherwise arrives as it changes.
   */
  private async sendSnapshot(conn: Connection, memberships: MemberRecord[]): Promise<void> {
    const groups = memberships.filter((m) => !m.peerId).map((m) => m.chatId);
    const peers = await this.deps.chats.memberIdsOf(groups.slice(0, SNAPSHOT_GROUPS));
    for (const m of memberships) if (m.peerId) peers.add(m.peerId);
    peers.delete(conn.userId);
    const online = [...(await this.deps.store.online([...peers]))];
    const visible = await this.visibleTo(conn.userId, conn.privacy, online, async () => {
      // Peers I share a chat with messages with, among the chats looked at above.
      const looked = [
        ...memberships.filter((m) => m.peerId).map((m) => m.chatId),
        ...groups.slice(0, SNAPSHOT_GROUPS),
      ];
      const active = await this.deps.chats.withMessages(looked);
      const out = await this.deps.chats.memberIdsOf(
        groups.slice(0, SNAPSHOT_GROUPS).filter((c) => active.has(c)),
      );
      for (const m of memberships) if (m.peerId && active.has(m.chatId)) out.add(m.peerId);
      return out;
    });
    for (const userId of visible) conn.send({ type: 'presence', userId, online: true });
  }

  /** Which of `peers` the viewer may see online, by both sides' settings and blocks. */
  private async visibleTo(
    viewerId: string,
    viewer: PrivacyState,
    peers: string[],
    activePeers: () => Promise<Set<string>>,
  ): Promise<string[]> {
    if (!this.deps.privacy || peers.length === 0) return peers;
    if (viewer.lastSeen === 'nobody') return [];
    const states = await this.deps.privacy.states(peers);
    const needsActive =
      viewer.lastSeen === 'chats' || [...states.values()].some((s) => s.lastSeen === 'chats');
    const active = needsActive ? await activePeers() : new Set<string>();
    return peers.filter((p) => {
      const owner = states.get(p);
      const via = active.has(p);
      return (
        owner !== undefined && viewerSeesPresence(viewer, p, via) && ownerShowsPresence(owner, viewerId, via)
      );
    });
  }

  /** A new member and the chat's others learn each other's presence (on this instance's sockets). */
  private async introduce(chatId: string, userId: string): Promise<void> {
    const newcomers = this.deps.registry.connectionsOf(userId);
    const room = this.deps.registry.room(chatId);
    if (newcomers.size === 0 && room.size === 0) return;
    const members = [...(await this.deps.chats.memberIdsOf([chatId]))];
    const up = await this.deps.store.online(members);
    const peers = [...up].filter((p) => p !== userId);
    // Read only if someone's setting is `chats`.
    let active: Promise<boolean> | undefined;
    const chatActive = () => {
      active ??= this.deps.chats.withMessages([chatId]).then((s) => s.has(chatId));
      return active;
    };
    const viaActive = async () => new Set((await chatActive()) ? peers : []);
    // Read again: a group may be a snapshot (registry.ts), and devices may have come or gone.
    for (const c of this.deps.registry.connectionsOf(userId))
      for (const peer of await this.visibleTo(userId, c.privacy, peers, viaActive))
        c.send({ type: 'presence', userId: peer, online: true });
    if (!up.has(userId)) return;
    const owner = await this.deps.privacy?.state(userId);
    if (owner?.lastSeen === 'nobody' || (owner?.lastSeen === 'chats' && !(await chatActive()))) return;
    // Blocks of the newcomer's are applied per viewer by the fan-out (viewers' blockedBy).
    this.deps.fanout.deliver({ type: 'presence', userId, online: true, chatIds: [chatId] });
  }
}
