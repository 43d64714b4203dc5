import { batchGetAll } from '../db/batch.js';
import type { Db } from '../db/client.js';
import { RETENTION_MS } from './log.js';

// Where a user left each chat's log (removed or left), kept in their feed partition for the
// feed's retention: a replay shows a former member the chat up to that position and no further,
// however its pages fall.

const sk = (chatId: string) => `left#${chatId}`;

export function departureItem(userId: string, chatId: string, pos: string) {
  return { userId, sk: sk(chatId), pos, expiresAt: Math.floor((Date.now() + RETENTION_MS) / 1000) + 86_400 };
}

/** chatId → position of the user's latest departure, among these chats. */
export async function departuresAmong(
  db: Db,
  userId: string,
  chatIds: readonly string[],
): Promise<Map<string, string>> {
  const items = await batchGetAll(
    db.doc,
    db.tables.feed,
    chatIds.map((c) => ({ userId, sk: sk(c) })),
    true,
  );
  return new Map(items.map((i) => [(i.sk as string).slice(5), i.pos as string]));
}
