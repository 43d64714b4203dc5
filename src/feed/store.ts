import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { FEED_BY_CHANGE, MESSAGES_BY_REV } from '../db/tables.js';
import { type LogEntry, toLogEntry } from './log.js';

const changedSk = (chatId: string) => `c#${chatId}`;

/** The feed's reads and writes: per-user "changed" rows, and range reads of a chat's change log. */
export class FeedStore {
  constructor(private readonly db: Db) {}

  /** Marks these chats as possibly changed up to `changedAt` (ms) for these users. */
  async stamp(rows: readonly { userId: string; chatId: string }[], changedAt: number): Promise<void> {
    await batchPutAll(
      this.db.doc,
      this.db.tables.feed,
      rows.map((r) => ({ userId: r.userId, sk: changedSk(r.chatId), changedAt })),
    );
  }

  /** Chats of this user stamped after `afterMs`: what a sync must look at (one query per 1 MB). */
  async changedChats(userId: string, afterMs: number): Promise<string[]> {
    const out: string[] = [];
    let start: Record<string, unknown> | undefined;
    do {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tables.feed,
          IndexName: FEED_BY_CHANGE,
          KeyConditionExpression: 'userId = :u AND changedAt > :t',
          ExpressionAttributeValues: { ':u': userId, ':t': afterMs },
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) out.push((item.sk as string).slice(2));
      start = res.LastEvaluatedKey;
    } while (start);
    return out;
  }

  /** Up to `limit` entries of a chat's log with rev > after, in rev order, strongly consistent. */
  async logAfter(
    chatId: string,
    after: string,
    limit: number,
  ): Promise<{ entries: LogEntry[]; more: boolean }> {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tables.messages,
        IndexName: MESSAGES_BY_REV,
        KeyConditionExpression: 'chatId = :c AND rev > :r',
        ExpressionAttributeValues: { ':c': chatId, ':r': after },
        Limit: limit + 1,
        ConsistentRead: true,
      }),
    );
    const items = res.Items ?? [];
    // Past 1 MB a query stops early: then there is more even with fewer than `limit` items.
    const more = items.length > limit || res.LastEvaluatedKey !== undefined;
    return { entries: items.slice(0, limit).map(toLogEntry), more };
  }
}
