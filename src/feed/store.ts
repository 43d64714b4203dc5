import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { MESSAGES_BY_ID, MESSAGES_BY_REV } from '../db/tables.js';
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

  /**
   * Up to `limit` entries of each of a chat's two logs after `after`, strongly consistent: new
   * messages by id (byId) and every later change by position (byRev: edits, deletes, renames,
   * members, reads). `more`: one of them was cut, and nothing past the returned entries is known.
   */
  async logAfter(
    chatId: string,
    after: string,
    limit: number,
  ): Promise<{ entries: LogEntry[]; more: boolean }> {
    const [created, changed] = await Promise.all([
      this.range(MESSAGES_BY_ID, 'id', chatId, after, limit),
      this.range(MESSAGES_BY_REV, 'rev', chatId, after, limit),
    ]);
    const entries = [
      ...created.items.map((item) => toLogEntry(item, item.id as string)),
      ...changed.items.map((item) => toLogEntry(item, item.rev as string)),
    ].sort((a, b) => (a.pos < b.pos ? -1 : 1));
    // Past the end of a log that was cut, the other log's entries may not be followed by all of
    // this one's: keep only what is known to be complete.
    const cuts = [created, changed].filter((r) => r.more).map((r) => r.lastPos);
    const cut = cuts.length > 0 ? cuts.sort()[0] : undefined;
    return {
      entries: cut === undefined ? entries : entries.filter((e) => e.pos <= cut),
      more: cut !== undefined,
    };
  }

  /**
   * The chat's recorded changes (not messages) after `after`, oldest first, one page of at most
   * 1 MB per request, at most `maxPages` requests (then it stops, whatever is left).
   */
  async *changesAfter(chatId: string, after: string, maxPages: number): AsyncGenerator<LogEntry> {
    let start: Record<string, unknown> | undefined;
    for (let page = 0; page < maxPages; page++) {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tables.messages,
          IndexName: MESSAGES_BY_REV,
          KeyConditionExpression: 'chatId = :c AND rev > :a',
          FilterExpression: 'attribute_not_exists(id)',
          ExpressionAttributeValues: { ':c': chatId, ':a': after },
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) yield toLogEntry(item, item.rev as string);
      start = res.LastEvaluatedKey;
      if (!start) return;
    }
  }

  private async range(index: string, attribute: string, chatId: string, after: string, limit: number) {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tables.messages,
        IndexName: index,
        KeyConditionExpression: `chatId = :c AND #k > :a`,
        ExpressionAttributeNames: { '#k': attribute },
        ExpressionAttributeValues: { ':c': chatId, ':a': after },
        Limit: limit + 1,
        ConsistentRead: true,
      }),
    );
    const items = (res.Items ?? []).slice(0, limit);
    // Past 1 MB a query stops early: then there is more even with fewer than `limit` items.
    const more = (res.Items?.length ?? 0) > limit || res.LastEvaluatedKey !== undefined;
    return { items, more, lastPos: (items.at(-1)?.[attribute] as string | undefined) ?? after };
  }
}
