import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../../src/db/client.js';
import { newMessageId } from '../../src/lib/ids.js';

/**
 * DynamoDB Local is a JVM: cold, it takes about four times the CPU per item it takes once the JIT
 * has compiled its write path (≈ 1,300 vs ≈ 350 µs here), which takes some 15 s of steady writes.
 * DynamoDB itself is never cold, so measurements start after this.
 */
export async function warmDynamoLocal(db: Db, seconds = 15): Promise<void> {
  const end = Date.now() + seconds * 1000;
  let n = 0;
  await Promise.all(
    Array.from({ length: 8 }, async () => {
      while (Date.now() < end) {
        const items = Array.from({ length: 25 }, () => {
          const id = newMessageId();
          n += 1;
          return { chatId: `g_warm${n % 100}`, msgKey: `warm#${n}`, id, senderId: 'warm', text: 'warm' };
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
