import { isPersonalLog, personalLogId, personalLogOwner } from '../feed/personal.js';
import { chatTopic, type FanoutBus, type Topic, userTopic } from './bus.js';
import type { Connection } from './connection.js';

/**
 * Which local connections belong to which user, and which receive which chat's live traffic.
 * A room or user appearing here starts its events coming to this instance (the bus's watch), its
 * last connection leaving stops them: the bus routes by what this registry holds.
 */
export class Registry {
  /** A user's or a room's connections: the connection itself while it is the only one (most are). */
  private readonly byUser = new Map<string, Members>();
  private readonly rooms = new Map<string, Members>();
  /**
   * Each room's chat id, one string for all its members' sets of chats: the ids come from each
   * socket's own chat list read, and a copy per member is ~50 bytes per socket and chat.
   */
  private readonly names = new Map<string, string>();
  /** Connections in byUser (a count, not a Set: that would be one more table entry per socket). */
  private connectionCount = 0;

  constructor(private readonly routing?: Pick<FanoutBus, 'watch' | 'unwatch'>) {}

  /** Registers an authenticated connection. */
  addUser(conn: Connection): void {
    if (holds(this.byUser.get(conn.userId), conn)) return;
    this.connectionCount += 1;
    if (addTo(this.byUser, conn.userId, conn)) void this.routing?.watch(userTopics(conn.userId));
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
    if (!holds(this.byUser.get(conn.userId), conn)) return false;
    this.connectionCount -= 1;
    for (const chatId of conn.chats) this.leave(conn, chatId);
    if (!removeFrom(this.byUser, conn.userId, conn)) return false;
    this.routing?.unwatch(userTopics(conn.userId));
    return true;
  }

  /** Puts the connection in the room; when the room is new here, resolves once its events flow. */
  join(conn: Connection, chatId: string): Promise<void> | undefined {
    if (isPersonalLog(chatId)) return undefined; // see ownLog
    if (addTo(this.rooms, chatId, conn)) return this.routing?.watch([chatTopic(chatId)]);
    // Shared from the second member on: a room of one needs no entry.
    if (!this.names.has(chatId)) this.names.set(chatId, chatId);
    return undefined;
  }

  leave(conn: Connection, chatId: string): void {
    if (isPersonalLog(chatId)) return;
    if (!removeFrom(this.rooms, chatId, conn)) return;
    this.names.delete(chatId);
    this.routing?.unwatch([chatTopic(chatId)]);
  }

  /** The room's own copy of this chat id, for a socket's set of chats (see `names`). */
  nameOf(chatId: string): string {
    return this.names.get(chatId) ?? chatId;
  }

  room(chatId: string): Group {
    return isPersonalLog(chatId) ? this.ownLog(chatId) : group(this.rooms.get(chatId));
  }

  /**
   * A user's own log's room is their connections that joined it: no entry in `rooms` (one per
   * user, ~50 bytes), and its topic is watched with the user's. Those still loading their chats
   * have not joined: like any room's, its frames reach a socket only once it is ready.
   */
  private ownLog(chatId: string): Group {
    const members = this.byUser.get(personalLogOwner(chatId));
    if (members instanceof Set) {
      const joined = [...members].filter((c) => c.chats.has(chatId));
      return joined.length === members.size ? members : new Set(joined);
    }
    return members?.chats.has(chatId) ? new One(members) : EMPTY;
  }

  connectionsOf(userId: string): Group {
    return group(this.byUser.get(userId));
  }

  /** Authenticated connections here, and distinct users they belong to (metrics). */
  get counts(): { connections: number; users: number } {
    return { connections: this.connectionCount, users: this.byUser.size };
  }

  /** Every authenticated connection here, user by user. */
  *connections(): IterableIterator<Connection> {
    for (const members of this.byUser.values()) yield* group(members);
  }
}

/**
 * Connections of one user, or in one room: iterate it, count it. A group of one is replaced, not
 * changed, when a second joins: read it again after an await rather than hold it.
 */
export interface Group extends Iterable<Connection> {
  readonly size: number;
}

type Members = Connection | Set<Connection>;

/** What a user's connections here receive besides their chats: their user events and own log. */
const userTopics = (userId: string): Topic[] => [userTopic(userId), chatTopic(personalLogId(userId))];

/**
 * A group of one connection, made when read. Most users have one socket per instance, and their
 * own log's room holds only their sockets: a Set for each is ~200 bytes, and even a holder kept
 * per user and room was 80 bytes per socket.
 */
class One implements Group {
  readonly size = 1;
  constructor(readonly only: Connection) {}
  [Symbol.iterator](): Iterator<Connection> {
    return [this.only][Symbol.iterator]();
  }
}

const EMPTY: Group = new Set<Connection>();

function group(members: Members | undefined): Group {
  return members === undefined ? EMPTY : members instanceof Set ? members : new One(members);
}

function holds(members: Members | undefined, conn: Connection): boolean {
  return members instanceof Set ? members.has(conn) : members === conn;
}

/** Adds `conn` to the group at `key`; true when the group is new. */
function addTo(groups: Map<string, Members>, key: string, conn: Connection): boolean {
  const members = groups.get(key);
  if (members === undefined) groups.set(key, conn);
  else if (members instanceof Set) members.add(conn);
  else if (members !== conn) groups.set(key, new Set([members, conn]));
  return members === undefined;
}

/** Takes `conn` out of the group at `key`; true when that emptied it (the group is gone). */
function removeFrom(groups: Map<string, Members>, key: string, conn: Connection): boolean {
  const members = groups.get(key);
  if (members === undefined || !holds(members, conn)) return false;
  if (members instanceof Set) {
    members.delete(conn);
    if (members.size > 0) return false;
  }
  groups.delete(key);
  return true;
}
