import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { MESSAGES_BY_REV } from '../db/tables.js';
import { departuresAmong } from './departures.js';
import { type LogEntry, RETENTION_MS, toLogEntry } from './log.js';

/** Minute (or other bucket) numbers, zero-padded so that they sort as text. */
const bucketKey = (bucket: number) => String(bucket).padStart(12, '0');
const stampSk = (bucket: number, chatId: string) => `t#${bucketKey(bucket)}#${chatId}`;

/** The feed's reads and writes: per-user "changed in bucket" rows, and range reads of a chat's log. */
export class FeedStore {
  constructor(private readonly db: Db) {}

  /** Marks these chats as changed in these buckets for these users (idempotent puts). */
  async stamp(
    rows: readonly { userId: string; chatId: string }[],
    buckets: readonly number[],
  ): Promise<void> {
    const expiresAt = Math.floor((Date.now() + RETENTION_MS) / 1000) + 86_400;
    await batchPutAll(
      this.db.doc,
      this.db.tables.feed,
      buckets.flatMap((b) => rows.map((r) => ({ userId: r.userId, sk: stampSk(b, r.chatId), expiresAt }))),
    );
  }

  /** Chats of this user stamped in `fromBucket` or later: what a sync must look at. */
  async changedChats(userId: string, fromBucket: number): Promise<string[]> {
    const out = new Set<string>();
    let start: Record<string, unknown> | undefined;
    do {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tables.feed,
          KeyConditionExpression: 'userId = :u AND sk BETWEEN :from AND :to',
          ExpressionAttributeValues: { ':u': userId, ':from': `t#${bucketKey(fromBucket)}`, ':to': 't#~' },
          ProjectionExpression: 'sk',
          ConsistentRead: true,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) out.add((item.sk as string).slice(15));
      start = res.LastEvaluatedKey;
    } while (start);
    return [...out];
  }

  /** chatId → where the user last left it, among these chats. */
  departuresAmong(userId: string, chatIds: readonly string[]): Promise<Map<string, string>> {
    return departuresAmong(this.db, userId, chatIds);
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
