import { chatTopic, type FanoutBus, userTopic } from './bus.js';
import type { Connection } from './connection.js';

/**
 * Which local connections belong to which user, and which receive which chat's live traffic.
 * A room or user appearing here starts its events coming to this instance (the bus's watch), its
 * last connection leaving stops them: the bus routes by what this registry holds.
 */
export class Registry {
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly all = new Set<Connection>();

  constructor(private readonly routing?: Pick<FanoutBus, 'watch' | 'unwatch'>) {}

  /** Registers an authenticated connection. */
  addUser(conn: Connection): void {
    this.all.add(conn);
    let set = this.byUser.get(conn.userId);
    if (!set) {
      set = new Set();
      this.byUser.set(conn.userId, set);
      void this.routing?.watch([userTopic(conn.userId)]);
    }
    set.add(conn);
  }

  /** Resolves once the user's and these chats' events flow to this instance (see Hub.ready). */
  watching(userId: string, chatIds: Iterable<string>): Promise<void> {
    return this.routing?.watch([userTopic(userId), ...[...chatIds].map(chatTopic)]) ?? Promise.resolve();
  }

  /** Undoes watching() once the connection holds its own place in the rooms (or closed). */
  unwatching(userId: string, chatIds: Iterable<string>): void {
    this.routing?.unwatch([userTopic(userId), ...[...chatIds].map(chatTopic)]);
  }

  /** Forgets a connection everywhere; true when it was the user's last one here. */
  remove(conn: Connection): boolean {
    if (!this.all.delete(conn)) return false;
    for (const chatId of conn.chats) this.leave(conn, chatId);
    const set = this.byUser.get(conn.userId);
    set?.delete(conn);
    if (set && set.size === 0) {
      this.byUser.delete(conn.userId);
      this.routing?.unwatch([userTopic(conn.userId)]);
      return true;
    }
    return false;
  }

  /** Puts the connection in the room; when the room is new here, resolves once its events flow. */
  join(conn: Connection, chatId: string): Promise<void> | undefined {
    let room = this.rooms.get(chatId);
    let started: Promise<void> | undefined;
    if (!room) {
      room = new Set();
      this.rooms.set(chatId, room);
      started = this.routing?.watch([chatTopic(chatId)]);
    }
    room.add(conn);
    return started;
  }

  leave(conn: Connection, chatId: string): void {
    const room = this.rooms.get(chatId);
    if (!room?.delete(conn)) return;
    if (room.size === 0) {
      this.rooms.delete(chatId);
      this.routing?.unwatch([chatTopic(chatId)]);
    }
  }

  room(chatId: string): ReadonlySet<Connection> {
    return this.rooms.get(chatId) ?? EMPTY;
  }

  connectionsOf(userId: string): ReadonlySet<Connection> {
    return this.byUser.get(userId) ?? EMPTY;
  }

  /** Authenticated connections here, and distinct users they belong to (metrics). */
  get counts(): { connections: number; users: number } {
    return { connections: this.all.size, users: this.byUser.size };
  }

  connections(): IterableIterator<Connection> {
    return this.all.values();
  }
}

const EMPTY: ReadonlySet<Connection> = new Set();
