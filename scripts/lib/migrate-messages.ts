import { GetCommand, ScanCommand, type ScanCommandOutput } from '@aws-sdk/lib-dynamodb';
import { batchPutAll } from '../../src/db/batch.js';
import type { Db } from '../../src/db/client.js';
import { RETENTION_MS } from '../../src/feed/log.js';
import { ulidTime } from '../../src/lib/ids.js';
import { bucketKey, bucketOf, partitionOf } from '../../src/messages/buckets.js';

// Copies the old `messages` table (pk chatId, sk msgKey, LSIs byId and byRev) into the bucketed
// `history` table (db/tables.ts). Run with writes stopped; idempotent (plain puts of the same items).
//   message ............ same attributes, pk = "<chatId>#<bucket of id>", sk = its msgKey; replies
//                        ("<msgKey>" each) become "<id>|<msgKey>" (one GetItem per reply)
//   edited message ..... also a ref item at its latest edit (rev), while within the feed's retention
//   change item ........ pk = "<chatId>#<bucket of pos>", sk = "~<pos>", unless expired
//   bucket index ....... one "<chatId>#b" item per non-empty bucket

type Item = Record<string, unknown>;

export interface MigrationResult {
  messages: number;
  changes: number;
  refs: number;
  buckets: number;
}

export async function migrateMessages(db: Db, oldTable: string, now = Date.now()): Promise<MigrationResult> {
  const result: MigrationResult = { messages: 0, changes: 0, refs: 0, buckets: 0 };
  const buckets = new Set<string>();
  const retainedFrom = now - RETENTION_MS;
  const expiresAt = (pos: string) => Math.floor(((ulidTime(pos) ?? 0) + RETENTION_MS) / 1000) + 86_400;
  let start: Item | undefined;
  do {
    const page: ScanCommandOutput = await db.doc.send(
      new ScanCommand({ TableName: oldTable, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    const out: Item[] = [];
    for (const old of page.Items ?? []) {
      const { chatId, msgKey, rev, ...rest } = old as Item & { chatId: string; msgKey: string; rev?: string };
      if (typeof rest.id === 'string') {
        const id = rest.id;
        const replies =
          rest.replies instanceof Set ? await replyRefs(db, oldTable, chatId, rest.replies) : undefined;
        out.push({
          ...rest,
          ...(replies ? { replies } : {}),
          chatId,
          pk: partitionOf(chatId, id),
          sk: msgKey,
        });
        buckets.add(`${chatId}\n${bucketOf(id)}`);
        result.messages += 1;
        if (typeof rev === 'string' && (ulidTime(rev) ?? 0) >= retainedFrom) {
          out.push({
            pk: partitionOf(chatId, rev),
            sk: `~${rev}`,
            chatId,
            pos: rev,
            ref: id,
            refKey: msgKey,
            expiresAt: expiresAt(rev),
          });
          buckets.add(`${chatId}\n${bucketOf(rev)}`);
          result.refs += 1;
        }
      } else if (typeof rev === 'string' && Array.isArray(rest.changes)) {
        if (typeof rest.expiresAt === 'number' && rest.expiresAt * 1000 < now) continue;
        out.push({
          pk: partitionOf(chatId, rev),
          sk: `~${rev}`,
          chatId,
          pos: rev,
          changes: rest.changes,
          expiresAt: rest.expiresAt,
        });
        buckets.add(`${chatId}\n${bucketOf(rev)}`);
        result.changes += 1;
      }
    }
    await batchPutAll(db.doc, db.tables.messages, out);
    start = page.LastEvaluatedKey;
  } while (start);
  const index = [...buckets].map((b) => {
    const [chatId, bucket] = b.split('\n') as [string, string];
    return { pk: `${chatId}#b`, sk: bucketKey(Number(bucket)) };
  });
  await batchPutAll(db.doc, db.tables.messages, index);
  result.buckets = index.length;
  return result;
}

/** Old replies name a reply by its msgKey; the new form needs its id too. */
async function replyRefs(db: Db, oldTable: string, chatId: string, keys: Set<unknown>): Promise<Set<string>> {
  const refs = new Set<string>();
  for (const key of keys) {
    const res = await db.doc.send(
      new GetCommand({ TableName: oldTable, Key: { chatId, msgKey: key }, ConsistentRead: true }),
    );
    if (typeof res.Item?.id === 'string') refs.add(`${res.Item.id}|${key as string}`);
  }
  return refs;
}
