import type { ChatService } from '../chats/service.js';
import type { MemberRecord } from '../chats/store.js';
import type { Logger } from '../lib/logger.js';
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
  chats: Pick<ChatService, 'memberIdsOf' | 'chatIdsOf'>;
  logger: Logger;
}

/**
 * Who learns of whose presence, and when: a user's chat peers when they come online or go offline
 * everywhere, a ready socket the peers already online, and a new member and their chat each other.
 */
export class PresenceAnnouncer {
  constructor(private readonly deps: PresenceAnnouncerDeps) {}

  /** A connection is ready: its user may just have come online; it learns who already is. */
  connected(conn: Connection, memberships: MemberRecord[]): void {
    void this.deps.store.connected(conn.userId).then((first) => {
      if (first) this.publish(conn.userId, true, conn.chats);
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

  private publish(userId: string, online: boolean, chatIds: Iterable<string>): void {
    const lastSeenAt = new Date().toISOString();
    this.deps.bus.publish({ type: 'presence', userId, online, lastSeenAt, chatIds: [...chatIds] });
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
    for (const userId of await this.deps.store.online([...peers]))
      conn.send({ type: 'presence', userId, online: true });
  }

  /** A new member and the chat's others learn each other's presence (on this instance's sockets). */
  private async introduce(chatId: string, userId: string): Promise<void> {
    const newcomers = this.deps.registry.connectionsOf(userId);
    const room = this.deps.registry.room(chatId);
    if (newcomers.size === 0 && room.size === 0) return;
    const members = [...(await this.deps.chats.memberIdsOf([chatId]))];
    const up = await this.deps.store.online(members);
    for (const peer of up) {
      if (peer === userId) continue;
      for (const c of newcomers) c.send({ type: 'presence', userId: peer, online: true });
    }
    if (up.has(userId))
      this.deps.fanout.deliver({ type: 'presence', userId, online: true, chatIds: [chatId] });
  }
}
