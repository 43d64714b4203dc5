import type { Connection } from './connection.js';

/** Which local connections belong to which user, and which receive which chat's live traffic. */
export class Registry {
  private readonly byUser = new Map<string, Set<Connection>>();
  private readonly rooms = new Map<string, Set<Connection>>();
  private readonly all = new Set<Connection>();

  /** Registers an authenticated connection. */
  addUser(conn: Connection): void {
    this.all.add(conn);
    let set = this.byUser.get(conn.userId);
    if (!set) {
      set = new Set();
      this.byUser.set(conn.userId, set);
    }
    set.add(conn);
  }

  /** Forgets a connection everywhere; true when it was the user's last one here. */
  remove(conn: Connection): boolean {
    if (!this.all.delete(conn)) return false;
    for (const chatId of conn.chats) this.leave(conn, chatId);
    const set = this.byUser.get(conn.userId);
    set?.delete(conn);
    if (set && set.size === 0) {
      this.byUser.delete(conn.userId);
      return true;
    }
    return false;
  }

  join(conn: Connection, chatId: string): void {
    let room = this.rooms.get(chatId);
    if (!room) {
      room = new Set();
      this.rooms.set(chatId, room);
    }
    room.add(conn);
  }

  leave(conn: Connection, chatId: string): void {
    const room = this.rooms.get(chatId);
    room?.delete(conn);
    if (room && room.size === 0) this.rooms.delete(chatId);
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
