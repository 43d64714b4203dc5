import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../../src/db/client.js';
import { newMessageId } from '../../src/lib/ids.js';
import { partitionOf } from '../../src/messages/buckets.js';

/**
 * DynamoDB Local is a JVM: cold, it spends three to four times the CPU per item it spends once the
 * JIT has compiled its write path (here ≈ 970 µs in the first 8 s of steady writes, ≈ 370 after
 * 30 s, ≈ 330 after 50 s). DynamoDB itself is never cold, so measurements start after this.
 */
export async function warmDynamoLocal(db: Db, seconds = 45): Promise<void> {
  const end = Date.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const items = Array.from({ length: 25 }, () => {
          const id = newMessageId();
          n += 1;
          const chatId = `g_warm${n % 100}`;
          return { pk: partitionOf(chatId, id), sk: `warm#${n}`, chatId, id, senderId: 'warm', text: 'warm' };
        });
        await db.doc.send(
          new BatchWriteCommand({
            RequestItems: { [db.tables.messages]: items.map((Item) => ({ PutRequest: { Item } })) },
          }),
        );
      }
    }),
  );
}
