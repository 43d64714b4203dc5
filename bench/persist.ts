// Persisted messages per second on DynamoDB Local: the group-commit writer against the naive
// path (one conditional PutItem per message, 16 in flight), offered the same open-loop load in
// the same run.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { startDynamoLocal } from '../scripts/lib/dynamodb-local.js';
import { createDb, type Db } from '../src/db/client.js';
import { createTables } from '../src/db/create-tables.js';
import { newMessageId } from '../src/lib/ids.js';
import { partitionOf } from '../src/messages/buckets.js';
import { MessageStore, msgKey } from '../src/messages/store.js';
import { defaultWriterOptions, MessageWriter } from '../src/messages/writer.js';
import { warmDynamoLocal } from './lib/warm-dynamo.js';

export interface PersistResult {
  name: string;
  offered: number;
  persistedPerSec: number;
  ackP50: number;
  ackP99: number;
  failed: number;
}

const CHATS = 100;
const SECONDS = 5;

async function offer(
  name: string,
  rate: number,
  write: (i: number) => Promise<unknown>,
): Promise<PersistResult> {
  const total = rate * SECONDS;
  const lat: number[] = [];
  let failed = 0;
  const start = performance.now();
  const pending: Promise<void>[] = [];
  await new Promise<void>((resolve) => {
    let i = 0;
    const pump = () => {
      const due = Math.min(total, Math.floor(((performance.now() - start) / 1000) * rate));
      for (; i < due; i++) {
        const scheduled = start + (i / rate) * 1000;
        pending.push(
          write(i).then(
            () => void lat.push(performance.now() - scheduled),
            () => {
              failed += 1;
            },
          ),
        );
      }
      if (i < total) setTimeout(pump, 1);
      else resolve();
    };
    pump();
  });
  await Promise.all(pending);
  const elapsed = (performance.now() - start) / 1000;
  lat.sort((a, b) => a - b);
  const pct = (p: number) => lat[Math.min(lat.length - 1, Math.floor((p / 100) * lat.length))] ?? Number.NaN;
  return {
    name,
    offered: rate,
    persistedPerSec: lat.length / elapsed,
    ackP50: pct(50),
    ackP99: pct(99),
    failed,
  };
}

function naive(db: Db, concurrency: number) {
  let inFlight = 0;
  const queue: (() => void)[] = [];
  return async (i: number) => {
    if (inFlight >= concurrency) await new Promise<void>((r) => queue.push(r));
    inFlight += 1;
    try {
      const chatId = `g_naive${i % CHATS}`;
      const id = newMessageId();
      await db.doc.send(
        new PutCommand({
          TableName: db.tables.messages,
          Item: {
            pk: partitionOf(chatId, id),
            sk: msgKey('u', `n${i}`),
            chatId,
            id,
            senderId: 'u',
            clientMsgId: `n${i}`,
            text: 'x'.repeat(100),
            createdAt: new Date().toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(sk)',
        }),
      );
    } finally {
      inFlight -= 1;
      queue.shift()?.();
    }
  };
}

export async function measurePersistence(rates = [2000, 3000, 4000]): Promise<PersistResult[]> {
  const local = await startDynamoLocal();
  const db = createDb({
    region: 'us-east-1',
    endpoint: local.endpoint,
    tablePrefix: `persist${Date.now()}-`,
  });
  await createTables(db.raw, db.tables);
  const writer = new MessageWriter(
    new MessageStore(db),
    {
      onCommitted: () => {},
    },
    defaultWriterOptions,
  );
  const grouped = (i: number) =>
    writer.submit({
      chatId: `g_group${i % CHATS}`,
      senderId: 'u',
      clientMsgId: `g${i}`,
      text: 'x'.repeat(100),
      mayBeRetry: false, // first attempts, as from the hub
    });
  const results: PersistResult[] = [];
  try {
    // Warm the JVM first (DynamoDB Local is several times slower cold), then the writer.
    await warmDynamoLocal(db);
    await offer('warm-up', 2000, (i) =>
      writer.submit({
        chatId: `g_warm${i % CHATS}`,
        senderId: 'u',
        clientMsgId: `w${i}`,
        text: 'warm',
        mayBeRetry: false,
      }),
    );
    for (const rate of rates) results.push(await offer('group commit (BatchWriteItem)', rate, grouped));
    // The naive path saturates far below these rates; one offer at the lowest is enough to compare.
    results.push(await offer('naive (PutItem per message, 16 in flight)', rates[0] ?? 2000, naive(db, 16)));
  } finally {
    db.destroy();
    await local.stop();
  }
  return results;
}
