import { ConditionalCheckFailedException, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { CHATS_BY_MEMBER } from '../db/tables.js';
import { departureItem } from '../feed/departures.js';
import { META, memberSk, toMember, toMeta } from './items.js';
import { ChatListStore } from './list-store.js';
import type { AddPolicy, Role } from './schemas.js';

export interface ChatMeta {
  chatId: string;
  type: 'direct' | 'group';
  name?: string;
  addPolicy?: AddPolicy;
  approveMembers?: boolean;
  createdBy: string;
  createdAt: string;
  memberCount: number;
}

export interface MemberRecord {
  chatId: string;
  userId: string;
  role: Role;
  joinedAt: string;
  lastReadId?: string;
  /** When lastReadId last moved. */
  lastReadAt?: string;
  /** Forward-only: this member's devices received the chat up to here (see also lastReadId). */
  lastDeliveredId?: string;
  lastDeliveredAt?: string;
  /** How many of the chat's messages mentioning me counted as read when I last read (mentionCount). */
  mentionsAtRead?: number;
  /**
   * How many of the chat's messages count as read: those up to lastReadId, plus my own (added by
   * the activity tracker's flush). Unread = the chat's msgCount − readCount.
   */
  readCount?: number;
  /** How many of the chat's counted messages were mine when I last read (see ChatViews' unread). */
  sentAtRead?: number;
  /** The feed position of the change that added this member: what they see in a replay starts there. */
  joinedPos?: string;
  /** Direct chats: the other member, so a user's chat list names their peers without a read per chat. */
  peerId?: string;
  /** Direct chats: the peer deleted their account, so the chat is read-only. */
  peerDeleted?: boolean;
}

/** A change-log item (feed/log.ts) written in the same transaction as the change it records. */
export type LogItem = Record<string, unknown>;

/** A conditional write lost: the caller decides what that means (exists, full, not a member…). */
export class ConditionFailed extends Error {
  override name = 'ConditionFailed';
  constructor(readonly reasons: (string | undefined)[] = []) {
    super('condition failed');
  }
}

type TransactItems = NonNullable<ConstructorParameters<typeof TransactWriteCommand>[0]['TransactItems']>;

export class ChatStore {
  /** The chat list's rows, activity items and counters. */
  readonly lists: ChatListStore;

  constructor(private readonly db: Db) {
    this.lists = new ChatListStore(db);
  }

  private get table() {
    return this.db.tables.chats;
  }

  /**
   * Meta and every member in one transaction; fails with ConditionFailed if the chat exists. Then
   * each member's chat-list row (outside it: a big group would pass the transaction's 100 items);
   * should that fail, the chat joins their lists with its first message.
   */
  async create(meta: ChatMeta, members: MemberRecord[], log: LogItem): Promise<void> {
    await this.transact(log, [
      {
        Put: {
          TableName: this.table,
          Item: { ...meta, sk: META, memberIds: new Set(members.map((m) => m.userId)) },
          ConditionExpression: 'attribute_not_exists(chatId)',
        },
      },
      ...members.map((m) => ({ Put: { TableName: this.table, Item: this.memberItem(m) } })),
    ]);
    await this.lists.put(
      members.map((m) => ({ userId: m.userId, chatId: meta.chatId, activityAt: meta.createdAt })),
    );
  }

  async getMeta(chatId: string): Promise<ChatMeta | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: { chatId, sk: META }, ConsistentRead: true }),
    );
    return res.Item ? toMeta(res.Item) : undefined;
  }

  async getMember(chatId: string, userId: string): Promise<MemberRecord | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.table, Key: { chatId, sk: memberSk(userId) }, ConsistentRead: true }),
    );
    return res.Item ? toMember(res.Item) : undefined;
  }

  async listMembers(chatId: string): Promise<MemberRecord[]> {
    const items = await this.queryAll({
      TableName: this.table,
      KeyConditionExpression: 'chatId = :c AND begins_with(sk, :m)',
      ExpressionAttributeValues: { ':c': chatId, ':m': 'member#' },
      ConsistentRead: true,
    });
    return items.map(toMember);
  }

  /** Every chat the user belongs to (the GSI is eventually consistent: a just-added chat may lag). */
  async listMemberships(userId: string): Promise<MemberRecord[]> {
    const items = await this.queryAll({
      TableName: this.table,
      IndexName: CHATS_BY_MEMBER,
      KeyConditionExpression: 'memberId = :u',
      ExpressionAttributeValues: { ':u': userId },
    });
    return items.map(toMember);
  }

  /** These members (strongly consistent BatchGets of 100); the ones not found are left out. */
  /** These (chat, user) members that exist, strongly consistent; repeats are read once. */
  async getMembers(keys: readonly { chatId: string; userId: string }[]): Promise<MemberRecord[]> {
    // BatchGetItem refuses a request that names the same key twice.
    const unique = new Map(
      keys.map((k) => [`${k.chatId}|${k.userId}`, { chatId: k.chatId, sk: memberSk(k.userId) }]),
    );
    const items = await batchGetAll(this.db.doc, this.table, [...unique.values()], true);
    return items.map(toMember);
  }

  async updateMeta(
    chatId: string,
    patch: { name?: string; addPolicy?: AddPolicy; approveMembers?: boolean },
    log: LogItem,
  ): Promise<void> {
    const sets = Object.entries(patch).filter(([, v]) => v !== undefined);
    await this.transact(log, [
      {
        Update: {
          TableName: this.table,
          Key: { chatId, sk: META },
          UpdateExpression: `SET ${sets.map(([k]) => `#${k} = :${k}`).join(', ')}`,
          ConditionExpression: 'attribute_exists(chatId)',
          ExpressionAttributeNames: Object.fromEntries(sets.map(([k]) => [`#${k}`, k])),
          ExpressionAttributeValues: Object.fromEntries(sets.map(([k, v]) => [`:${k}`, v])),
        },
      },
    ]);
  }

  /**
   * Adds a member to a group unless it is full or they are in it (ConditionFailed: [full?, exists?]),
   * with their chat-list row at `activityAt` (the chat's latest activity).
   */
  async addMember(m: MemberRecord, maxMembers: number, activityAt: string, log: LogItem): Promise<void> {
    await this.transact(log, [
      {
        Update: {
          TableName: this.table,
          Key: { chatId: m.chatId, sk: META },
          UpdateExpression: 'SET memberCount = memberCount + :one ADD memberIds :ids',
          ConditionExpression: '#t = :group AND memberCount < :max',
          ExpressionAttributeNames: { '#t': 'type' },
          ExpressionAttributeValues: {
            ':one': 1,
            ':group': 'group',
            ':max': maxMembers,
            ':ids': new Set([m.userId]),
          },
        },
      },
      {
        Put: {
          TableName: this.table,
          Item: this.memberItem(m),
          ConditionExpression: 'attribute_not_exists(sk)',
        },
      },
      {
        Put: {
          TableName: this.db.tables.feed,
          Item: this.lists.rowItem({ userId: m.userId, chatId: m.chatId, activityAt }),
        },
      },
    ]);
  }

  async removeMember(chatId: string, userId: string, log: LogItem): Promise<void> {
    await this.transact(log, [
      {
        Delete: {
          TableName: this.table,
          Key: { chatId, sk: memberSk(userId) },
          ConditionExpression: 'attribute_exists(sk)',
        },
      },
      {
        Update: {
          TableName: this.table,
          Key: { chatId, sk: META },
          UpdateExpression: 'SET memberCount = memberCount - :one DELETE memberIds :ids',
          ExpressionAttributeValues: { ':one': 1, ':ids': new Set([userId]) },
        },
      },
      { Delete: { TableName: this.db.tables.feed, Key: this.lists.rowKey(userId, chatId) } },
      // Where the member left the chat's log: a replay shows them the chat up to here.
      { Put: { TableName: this.db.tables.feed, Item: departureItem(userId, chatId, log.pos as string) } },
    ]);
  }

  /** Marks a direct chat's surviving member's record: their peer's account is gone. */
  async markPeerDeleted(chatId: string, userId: string): Promise<void> {
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.table,
          Key: { chatId, sk: memberSk(userId) },
          UpdateExpression: 'SET peerDeleted = :true',
          ConditionExpression: 'attribute_exists(sk)',
          ExpressionAttributeValues: { ':true': true },
        }),
      );
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
  }

  /** Sets roles of one or two members atomically (ownership transfer changes both). */
  async setRoles(
    chatId: string,
    changes: { userId: string; role: Role; expect: Role }[],
    log: LogItem,
  ): Promise<void> {
    await this.transact(
      log,
      changes.map((c) => ({
        Update: {
          TableName: this.table,
          Key: { chatId, sk: memberSk(c.userId) },
          UpdateExpression: 'SET #r = :role',
          ConditionExpression: '#r = :expect',
          ExpressionAttributeNames: { '#r': 'role' },
          ExpressionAttributeValues: { ':role': c.role, ':expect': c.expect },
        },
      })),
    );
  }

  /**
   * Moves the read marker forward only, with the readCount it stands for (see MemberRecord);
   * returns false when it was already at or past messageId.
   */
  async advanceReadMarker(
    chatId: string,
    userId: string,
    messageId: string,
    counts: { readCount: number; sentAtRead: number; mentionsAtRead: number },
    log: LogItem,
  ): Promise<boolean> {
    try {
      await this.transact(log, [
        {
          Update: {
            TableName: this.table,
            Key: { chatId, sk: memberSk(userId) },
            UpdateExpression:
              'SET lastReadId = :id, readCount = :rc, sentAtRead = :sr, mentionsAtRead = :mr, lastReadAt = :at',
            ConditionExpression:
              'attribute_exists(sk) AND (attribute_not_exists(lastReadId) OR lastReadId < :id)',
            ExpressionAttributeValues: {
              ':id': messageId,
              ':rc': counts.readCount,
              ':sr': counts.sentAtRead,
              ':mr': counts.mentionsAtRead,
              ':at': new Date().toISOString(),
            },
          },
        },
      ]);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** Moves the delivered marker forward only; false when it was already at or past messageId. */
  async advanceDeliveredMarker(
    chatId: string,
    userId: string,
    messageId: string,
    log: LogItem,
  ): Promise<boolean> {
    try {
      await this.transact(log, [
        {
          Update: {
            TableName: this.table,
            Key: { chatId, sk: memberSk(userId) },
            UpdateExpression: 'SET lastDeliveredId = :id, lastDeliveredAt = :at',
            ConditionExpression:
              'attribute_exists(sk) AND (attribute_not_exists(lastDeliveredId) OR lastDeliveredId < :id)',
            ExpressionAttributeValues: { ':id': messageId, ':at': new Date().toISOString() },
          },
        },
      ]);
      return true;
    } catch (err) {
      if (err instanceof ConditionFailed) return false;
      throw err;
    }
  }

  /** The user's memberships among these chats now (batched, strongly consistent). */
  async membershipsAmong(userId: string, chatIds: readonly string[]): Promise<Map<string, MemberRecord>> {
    const members = await this.getMembers(chatIds.map((chatId) => ({ chatId, userId })));
    return new Map(members.map((m) => [m.chatId, m]));
  }

  private memberItem(m: MemberRecord): Record<string, unknown> {
    return { ...m, sk: memberSk(m.userId), memberId: m.userId };
  }

  /** The change and its log item, all or nothing. Cancellation reasons are the change's items'. */
  private async transact(log: LogItem, items: TransactItems) {
    const all: TransactItems = [...items, { Put: { TableName: this.db.tables.messages, Item: log } }];
    try {
      await this.db.doc.send(new TransactWriteCommand({ TransactItems: all }));
    } catch (err) {
      if (err instanceof TransactionCanceledException) {
        throw new ConditionFailed((err.CancellationReasons ?? []).map((r) => r.Code));
      }
      throw err;
    }
  }

  private async queryAll(
    input: ConstructorParameters<typeof QueryCommand>[0],
  ): Promise<Record<string, unknown>[]> {
    const out: Record<string, unknown>[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({ ...input, ExclusiveStartKey: start }),
      );
      out.push(...(res.Items ?? []));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }
}
