import { BatchWriteCommand, QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { FEED_BY_ACTIVITY, MESSAGES_BY_ID } from '../db/tables.js';

/** A user's row for one chat in the feed table, ordered by the byActivity LSI (newest first). */
export const activitySk = (chatId: string) => `a#${chatId}`;

export interface ActivityRow {
  userId: string;
  chatId: string;
  /** ISO time of the chat's latest activity (its last message, else its creation). */
  activityAt: string;
}

/** Where a page of the chat list ended: the byActivity key of its last row (userId is the caller). */
export interface ListPosition {
  sk: string;
  at: string;
}

/**
 * The chat list's own rows and counters: per-user "a#<chatId>" rows in the feed table (written
 * on create/join, by the activity tracker's flush, deleted on leave), and the count behind a
 * read marker's readCount. A list page is one Query here, whatever the number of chats.
 */
export class ChatListStore {
  constructor(private readonly db: Db) {}

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

  /**
   * Messages of the chat with from ≤ id ≤ to not sent by `userId` (COUNT on the byId LSI, strongly
   * consistent; one request per 1 MB scanned). Used by markRead, not by the list.
   */
  async countFromOthers(chatId: string, userId: string, from: string, to: string): Promise<number> {
    if (from > to) return 0;
    let count = 0;
    let start: Record<string, unknown> | undefined;
    do {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tables.messages,
          IndexName: MESSAGES_BY_ID,
          KeyConditionExpression: 'chatId = :c AND id BETWEEN :from AND :to',
          FilterExpression: 'senderId <> :me',
          ExpressionAttributeValues: { ':c': chatId, ':from': from, ':to': to, ':me': userId },
          Select: 'COUNT',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      count += res.Count ?? 0;
      start = res.LastEvaluatedKey;
    } while (start);
    return count;
  }
}
