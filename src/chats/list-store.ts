import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  BatchWriteCommand,
  GetCommand,
  QueryCommand,
  type QueryCommandOutput,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { batchGetAll, batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { FEED_BY_ACTIVITY, MESSAGES_BY_ID } from '../db/tables.js';
import { BucketIndex, bucketOf, partitionKey } from '../messages/buckets.js';
import type { Message } from '../messages/schemas.js';
import { toMessage } from '../messages/store.js';
import { META, toMeta } from './items.js';
import type { ChatMeta } from './store.js';

/** A user's row for one chat in the feed table, ordered by the byActivity LSI (newest first). */
export const activitySk = (chatId: string) => `a#${chatId}`;

export interface ActivityRow {
  userId: string;
  chatId: string;
  /** ISO time of the chat's latest activity (its last message, else its creation). */
  activityAt: string;
}

/** The chat's "activity" item in the chats table, written by the activity tracker (chats/activity.ts). */
export interface Activity {
  chatId: string;
  lastMessageId: string;
  lastMessageAt: string;
  /** The last message as committed (edits and deletes are not applied here; see ChatViews). */
  lastMessage: Message;
  /** Messages committed in the chat and flushed by a tracker. */
  msgCount: number;
  /** Of those, how many each member sent (their own never count as unread to them). */
  sentBy: Record<string, number>;
  /** Of those, how many mentioned each member (their mentionCount = this − mentionsAtRead). */
  mentioned: Record<string, number>;
}

/** A chat's meta with its member ids and activity (none before its first message). */
export interface ChatEntry {
  meta: ChatMeta;
  memberIds: string[];
  activity?: Activity;
}

/** Where a page of the chat list ended: the byActivity key of its last row (userId is the caller). */
export interface ListPosition {
  sk: string;
  at: string;
}

const ACTIVITY = 'activity';

/**
 * The chat list's own rows and counters: per-user "a#<chatId>" rows in the feed table (written
 * on create/join, by the activity tracker's flush, deleted on leave), each chat's activity item
 * (last message, msgCount) and the members' readCount. A list page is one Query here, whatever
 * the number of chats.
 */
export class ChatListStore {
  private readonly buckets: BucketIndex;

  constructor(private readonly db: Db) {
    this.buckets = new BucketIndex(db);
  }

  private get chats() {
    return this.db.tables.chats;
  }

  /** The row as an item, for a transaction (join) or a batch put. */
  rowItem(r: ActivityRow): Record<string, unknown> {
    return { userId: r.userId, sk: activitySk(r.chatId), activityAt: r.activityAt };
  }

  rowKey(userId: string, chatId: string): Record<string, unknown> {
    return { userId, sk: activitySk(chatId) };
  }

  async put(rows: readonly ActivityRow[]): Promise<void> {
    await batchPutAll(
      this.db.doc,
      this.db.tables.feed,
      rows.map((r) => this.rowItem(r)),
    );
  }

  /** Rare (stale rows of chats the user has left): one BatchWriteItem per 25, best effort. */
  async remove(userId: string, chatIds: readonly string[]): Promise<void> {
    for (let i = 0; i < chatIds.length; i += 25) {
      await this.db.doc.send(
        new BatchWriteCommand({
          RequestItems: {
            [this.db.tables.feed]: chatIds
              .slice(i, i + 25)
              .map((chatId) => ({ DeleteRequest: { Key: this.rowKey(userId, chatId) } })),
          },
        }),
      );
    }
  }

  /** Up to `limit` of the user's chats, latest activity first, after `after`: one Query. */
  async page(
    userId: string,
    limit: number,
    after?: ListPosition,
  ): Promise<{ rows: ActivityRow[]; next?: ListPosition }> {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tables.feed,
        IndexName: FEED_BY_ACTIVITY,
        KeyConditionExpression: 'userId = :u',
        ExpressionAttributeValues: { ':u': userId },
        ScanIndexForward: false,
        Limit: limit + 1,
        ConsistentRead: true,
        ...(after ? { ExclusiveStartKey: { userId, sk: after.sk, activityAt: after.at } } : {}),
      }),
    );
    const rows = (res.Items ?? []).map((i) => ({
      userId,
      chatId: (i.sk as string).slice(2),
      activityAt: i.activityAt as string,
    }));
    const page = rows.slice(0, limit);
    const last = page.at(-1);
    return {
      rows: page,
      ...(rows.length > limit && last ? { next: { sk: activitySk(last.chatId), at: last.activityAt } } : {}),
    };
  }

  /** Meta, member ids and activity of these chats: one strongly consistent BatchGet per 50 chats. */
  async getEntries(chatIds: readonly string[]): Promise<Map<string, ChatEntry>> {
    const keys = chatIds.flatMap((chatId) => [
      { chatId, sk: META },
      { chatId, sk: ACTIVITY },
    ]);
    const out = new Map<string, ChatEntry>();
    const items = await batchGetAll(this.db.doc, this.chats, keys, true);
    for (const item of items.filter((i) => i.sk === META)) {
      // DynamoDB drops an empty set: a group whose last member has left has no memberIds.
      const ids = item.memberIds instanceof Set ? [...(item.memberIds as Set<string>)] : [];
      out.set(item.chatId as string, { meta: toMeta(item), memberIds: ids });
    }
    for (const item of items.filter((i) => i.sk === ACTIVITY)) {
      const entry = out.get(item.chatId as string);
      if (entry) entry.activity = toActivity(item);
    }
    return out;
  }

  /** The activity items of these chats (one strongly consistent BatchGet per 100). */
  async getActivities(chatIds: readonly string[]): Promise<Map<string, Activity>> {
    const keys = [...new Set(chatIds)].map((chatId) => ({ chatId, sk: ACTIVITY }));
    const items = await batchGetAll(this.db.doc, this.chats, keys, true);
    return new Map(items.map((i) => [i.chatId as string, toActivity(i)]));
  }

  async getActivity(chatId: string): Promise<Activity | undefined> {
    const res = await this.db.doc.send(
      new GetCommand({ TableName: this.chats, Key: { chatId, sk: ACTIVITY }, ConsistentRead: true }),
    );
    return res.Item ? toActivity(res.Item) : undefined;
  }

  /**
   * Records a flushed run of `count` messages ending with `last`: adds to msgCount and, unless a
   * newer message is recorded already (another instance flushed it), sets the last message.
   * Returns whether `last` is now the recorded last message.
   */
  async recordActivity(
    last: Message,
    count: number,
    bySender: ReadonlyMap<string, number>,
    mentioned: ReadonlyMap<string, number> = new Map(),
  ): Promise<boolean> {
    const Key = { chatId: last.chatId, sk: ACTIVITY };
    // Per-sender counts are attributes "s#<userId>" of the same item (and mentions "m#<userId>"):
    // one write per chat per flush.
    // Built by plain loops: spreads of maps that are sometimes empty (no mentions, or only the
    // list rows to write) gave V8 arrays of changing kinds, and this function was deoptimised and
    // recompiled (~55 ms of compile each time) all through a steady load.
    const names: Record<string, string> = {};
    const values: Record<string, number> = {};
    let adds = 'msgCount :n';
    let i = 0;
    for (const [prefix, counts] of [
      ['s#', bySender],
      ['m#', mentioned],
    ] as const) {
      for (const [userId, n] of counts) {
        names[`#s${i}`] = `${prefix}${userId}`;
        values[`:s${i}`] = n;
        adds += `, #s${i} :s${i}`;
        i += 1;
      }
    }
    const names_ = i > 0 ? { ExpressionAttributeNames: names } : {};
    try {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.chats,
          Key,
          UpdateExpression: `SET lastMessage = :m, lastMessageId = :id, lastMessageAt = :at ADD ${adds}`,
          ConditionExpression: 'attribute_not_exists(lastMessageId) OR lastMessageId <= :id',
          ...names_,
          ExpressionAttributeValues: {
            ':m': last,
            ':id': last.id,
            ':at': last.createdAt,
            ':n': count,
            ...values,
          },
        }),
      );
      return true;
    } catch (err) {
      if (!(err instanceof ConditionalCheckFailedException)) throw err;
    }
    if (count > 0) {
      await this.db.doc.send(
        new UpdateCommand({
          TableName: this.chats,
          Key,
          UpdateExpression: `ADD ${adds}`,
          ...names_,
          ExpressionAttributeValues: { ':n': count, ...values },
        }),
      );
    }
    return false;
  }

  /** Messages of the chat with from ≤ id ≤ to that mention `userId` (COUNT, strongly consistent). */
  countMentions(chatId: string, userId: string, from: string, to: string): Promise<number> {
    return this.countBetween(chatId, from, to, 'contains(mentions, :me)', userId);
  }

  /**
   * Messages of the chat with from ≤ id ≤ to not sent by `userId` (COUNT on the byId LSI, strongly
   * consistent; one request per 1 MB scanned). Used by markRead, not by the list.
   */
  countFromOthers(chatId: string, userId: string, from: string, to: string): Promise<number> {
    return this.countBetween(chatId, from, to, 'senderId <> :me', userId);
  }

  private async countBetween(
    chatId: string,
    from: string,
    to: string,
    filter: string,
    userId: string,
  ): Promise<number> {
    if (from > to) return 0;
    let count = 0;
    for (const bucket of await this.buckets.between(chatId, bucketOf(from), bucketOf(to))) {
      let start: Record<string, unknown> | undefined;
      do {
        const res: QueryCommandOutput = await this.db.doc.send(
          new QueryCommand({
            TableName: this.db.tables.messages,
            IndexName: MESSAGES_BY_ID,
            KeyConditionExpression: 'pk = :p AND id BETWEEN :from AND :to',
            FilterExpression: filter,
            ExpressionAttributeValues: {
              ':p': partitionKey(chatId, bucket),
              ':from': from,
              ':to': to,
              ':me': userId,
            },
            Select: 'COUNT',
            ConsistentRead: true,
            ExclusiveStartKey: start,
          }),
        );
        count += res.Count ?? 0;
        start = res.LastEvaluatedKey;
      } while (start);
    }
    return count;
  }
}

const countsOf = (item: Record<string, unknown>, prefix: string): Record<string, number> =>
  Object.fromEntries(
    Object.entries(item)
      .filter(([k]) => k.startsWith(prefix))
      .map(([k, v]) => [k.slice(2), Number(v)]),
  );

function toActivity(item: Record<string, unknown>): Activity {
  return {
    chatId: item.chatId as string,
    lastMessageId: item.lastMessageId as string,
    lastMessageAt: item.lastMessageAt as string,
    lastMessage: toMessage(item.lastMessage as Record<string, unknown>),
    msgCount: item.msgCount as number,
    sentBy: countsOf(item, 's#'),
    mentioned: countsOf(item, 'm#'),
  };
}
