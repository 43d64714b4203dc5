import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { batchGetAll, batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { MESSAGES_BY_ID } from '../db/tables.js';
import { BucketIndex, bucketOf, bucketOfTime, partitionKey, partitionOf } from '../messages/buckets.js';
import { departuresAmong } from './departures.js';
import { type LogEntry, RETENTION_MS, toLogEntry } from './log.js';

/** Minute (or other bucket) numbers, zero-padded so that they sort as text. */
const bucketKey = (bucket: number) => String(bucket).padStart(12, '0');
const stampSk = (bucket: number, chatId: string) => `t#${bucketKey(bucket)}#${chatId}`;

/** The feed's reads and writes: per-user "changed in bucket" rows, and range reads of a chat's log. */
/** How far ahead of this clock another instance's positions may be: buckets up to here are read. */
const AHEAD_MS = 60_000;

export class FeedStore {
  private readonly buckets: BucketIndex;

  constructor(private readonly db: Db) {
    this.buckets = new BucketIndex(db);
  }

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
   * Up to `limit` entries of a chat's log after `after`, strongly consistent, bucket by bucket
   * from `after`'s (the bucket index is read only when that is not the current bucket). Per
   * bucket, two queries: new messages by id (byId) and every later change by position (edits,
   * deletes, reactions as refs to their message's current state; renames, members, reads).
   * `more`: the log was cut, and nothing past the returned entries is known.
   */
  async logAfter(
    chatId: string,
    after: string,
    limit: number,
  ): Promise<{ entries: LogEntry[]; more: boolean }> {
    const buckets = await this.buckets.between(chatId, bucketOf(after), bucketOfTime(Date.now() + AHEAD_MS));
    const items: { item: Record<string, unknown>; pos: string }[] = [];
    let more = false;
    for (const bucket of buckets) {
      if (items.length >= limit) {
        more = true;
        break;
      }
      const page = await this.bucketAfter(partitionKey(chatId, bucket), after, limit - items.length);
      items.push(...page.items);
      if (page.more) {
        more = true;
        break;
      }
    }
    return { entries: await this.resolve(chatId, items), more };
  }

  /**
   * The chat's recorded changes (not messages) after `after`, oldest first, one page of at most
   * 1 MB per request, at most `maxPages` requests (then it stops, whatever is left).
   */
  async *changesAfter(chatId: string, after: string, maxPages: number): AsyncGenerator<LogEntry> {
    let pages = 0;
    for await (const bucket of this.buckets.walk(chatId, bucketOf(after), undefined, true)) {
      let start: Record<string, unknown> | undefined;
      do {
        if (pages++ >= maxPages) return;
        const res: QueryCommandOutput = await this.db.doc.send(
          new QueryCommand({
            TableName: this.db.tables.messages,
            KeyConditionExpression: 'pk = :p AND sk > :a',
            FilterExpression: 'attribute_exists(changes)',
            ExpressionAttributeValues: { ':p': partitionKey(chatId, bucket), ':a': `~${after}` },
            ExclusiveStartKey: start,
          }),
        );
        for (const item of res.Items ?? []) yield toLogEntry(item, item.pos as string);
        start = res.LastEvaluatedKey;
      } while (start);
    }
  }

  /** One bucket's entries after `after`, both logs merged, cut where either was cut. */
  private async bucketAfter(pk: string, after: string, limit: number) {
    const [created, changed] = await Promise.all([
      this.range(
        pk,
        { IndexName: MESSAGES_BY_ID, KeyConditionExpression: 'pk = :p AND id > :a' },
        after,
        limit,
      ),
      // Messages' sort keys start with their sender's id; log items' with "~", after them all.
      this.range(pk, { KeyConditionExpression: 'pk = :p AND sk > :a' }, `~${after}`, limit),
    ]);
    const items = [
      ...created.items.map((item) => ({ item, pos: item.id as string })),
      ...changed.items.map((item) => ({ item, pos: item.pos as string })),
    ].sort((a, b) => (a.pos < b.pos ? -1 : 1));
    // Past the end of a log that was cut, the other log's entries may not be followed by all of
    // this one's: keep only what is known to be complete.
    const cuts = [created, changed].filter((r) => r.more).map((r) => r.lastPos);
    const cut = cuts.length > 0 ? cuts.sort()[0] : undefined;
    return {
      items: cut === undefined ? items : items.filter((e) => e.pos <= cut),
      more: cut !== undefined,
    };
  }

  /**
   * Refs (edits, deletes, reactions) become their message's current state, read strongly
   * consistent; a message changed several times is listed once, at its latest change.
   */
  private async resolve(chatId: string, items: { item: Record<string, unknown>; pos: string }[]) {
    const latest = new Map<string, { pos: string; key: { pk: string; sk: string } }>();
    for (const { item, pos } of items) {
      if (typeof item.ref !== 'string') continue;
      latest.set(item.ref, { pos, key: { pk: partitionOf(chatId, item.ref), sk: item.refKey as string } });
    }
    const current =
      latest.size === 0
        ? []
        : await batchGetAll(
            this.db.doc,
            this.db.tables.messages,
            [...latest.values()].map((l) => l.key),
            true,
          );
    const byId = new Map(current.map((m) => [m.id as string, m]));
    const entries: LogEntry[] = [];
    for (const { item, pos } of items) {
      if (typeof item.ref !== 'string') entries.push(toLogEntry(item, pos));
      else if (latest.get(item.ref)?.pos === pos && byId.has(item.ref))
        entries.push(toLogEntry(byId.get(item.ref) as Record<string, unknown>, pos));
    }
    return entries;
  }

  private async range(
    pk: string,
    query: { IndexName?: string; KeyConditionExpression: string },
    after: string,
    limit: number,
  ) {
    const res = await this.db.doc.send(
      new QueryCommand({
        TableName: this.db.tables.messages,
        ...query,
        ExpressionAttributeValues: { ':p': pk, ':a': after },
        Limit: limit + 1,
        ConsistentRead: true,
      }),
    );
    const items = (res.Items ?? []).slice(0, limit);
    // Past 1 MB a query stops early: then there is more even with fewer than `limit` items.
    const more = (res.Items?.length ?? 0) > limit || res.LastEvaluatedKey !== undefined;
    const last = items.at(-1);
    const lastPos =
      last === undefined ? after.replace(/^~/, '') : ((query.IndexName ? last.id : last.pos) as string);
    return { items, more, lastPos };
  }
}
