import { QueryCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { encodeTime } from 'ulid';
import { batchPutAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { CappedSet } from '../lib/capped.js';
import { ulidTime } from '../lib/ids.js';

// A chat's history is split into time buckets (db/tables.ts, history table): each bucket is its
// own partition and LSI item collection, so no chat meets the 10 GB per-collection ceiling. The
// bucket length is set once at start-up from MESSAGE_BUCKET_SECONDS and must never change once
// data is written (keys computed with another length would miss every stored item).

let bucketMs = 86_400_000;

/** Set from config by createServices, before any store is used. */
export function setBucketSeconds(seconds: number): void {
  bucketMs = seconds * 1000;
}

export const bucketOfTime = (ms: number): number => Math.floor(ms / bucketMs);

/** The bucket of a ULID (a message id or a log position). */
export const bucketOf = (ulid: string): number => bucketOfTime(ulidTime(ulid) ?? 0);

/** Bucket numbers zero-padded so that they sort as text. */
export const bucketKey = (bucket: number): string => String(bucket).padStart(12, '0');

/** The greatest ULID a bucket can hold: a cursor meaning "after this bucket". */
export const lastIdOf = (bucket: number): string =>
  `${encodeTime((bucket + 1) * bucketMs - 1, 10)}${'Z'.repeat(16)}`;

/** The partition of a chat's bucket. */
export const partitionKey = (chatId: string, bucket: number): string => `${chatId}#${bucketKey(bucket)}`;

/** The partition holding the entry at this ULID (message id or log position). */
export const partitionOf = (chatId: string, ulid: string): string => partitionKey(chatId, bucketOf(ulid));

/** The sparse bucket index of a chat: one item per bucket that holds any entry. */
const indexPk = (chatId: string) => `${chatId}#b`;

/** Buckets of this instance's writes that are known to be in the index (oldest forgotten first). */
const MAX_REMEMBERED = 100_000;

/** Reads and writes a chat's sparse index of non-empty buckets, so reads skip empty ones. */
export class BucketIndex {
  private readonly written = new CappedSet<string>(MAX_REMEMBERED);

  constructor(private readonly db: Db) {}

  /** Makes sure these (chat, bucket) pairs are listed; plain puts, cached per instance. */
  async ensure(pairs: Iterable<{ chatId: string; bucket: number }>): Promise<void> {
    const missing = new Map<string, { chatId: string; bucket: number }>();
    for (const p of pairs) {
      const k = partitionKey(p.chatId, p.bucket);
      if (!this.written.has(k)) missing.set(k, p);
    }
    if (missing.size === 0) return;
    await batchPutAll(
      this.db.doc,
      this.db.tables.messages,
      [...missing.values()].map((p) => ({ pk: indexPk(p.chatId), sk: bucketKey(p.bucket) })),
    );
    for (const k of missing.keys()) {
      this.written.add(k);
    }
  }

  /**
   * Lists the buckets a change positioned from now until `marginMs` later falls in (every change
   * takes its position right after). Loops if the put took so long the clock moved past them.
   */
  async cover(chatIds: Iterable<string>, marginMs: number): Promise<void> {
    const chats = [...new Set(chatIds)];
    for (;;) {
      const now = Date.now();
      const first = bucketOfTime(now);
      const last = bucketOfTime(now + marginMs);
      const pairs = [];
      for (let bucket = first; bucket <= last; bucket++)
        for (const chatId of chats) pairs.push({ chatId, bucket });
      await this.ensure(pairs);
      if (Date.now() + marginMs / 2 < (last + 1) * bucketMs) return;
    }
  }

  /**
   * The chat's non-empty buckets from `from` to `to` (inclusive; undefined: no bound), in order
   * (backwards when `forward` is false), read lazily page by page.
   */
  async *walk(chatId: string, from: number | undefined, to: number | undefined, forward: boolean) {
    let start: Record<string, unknown> | undefined;
    const lo = from === undefined ? '0' : bucketKey(from);
    const hi = to === undefined ? '~' : bucketKey(to);
    do {
      const res: QueryCommandOutput = await this.db.doc.send(
        new QueryCommand({
          TableName: this.db.tables.messages,
          KeyConditionExpression: 'pk = :p AND sk BETWEEN :lo AND :hi',
          ExpressionAttributeValues: { ':p': indexPk(chatId), ':lo': lo, ':hi': hi },
          ScanIndexForward: forward,
          ConsistentRead: true,
          Limit: 100,
          ExclusiveStartKey: start,
        }),
      );
      for (const item of res.Items ?? []) yield Number(item.sk as string);
      start = res.LastEvaluatedKey;
    } while (start);
  }

  /** All of `walk` at once. When from = to, no read at all (the common case). */
  async between(chatId: string, from: number, to: number): Promise<number[]> {
    if (from === to) return [from];
    const out: number[] = [];
    for await (const b of this.walk(chatId, from, to, true)) out.push(b);
    return out;
  }
}
