import { QueryCommand, type QueryCommandOutput, ScanCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Db } from '../db/client.js';
import { MESSAGES_BY_ID } from '../db/tables.js';
import { MessageStore } from '../messages/store.js';
import { ChatStore } from './store.js';

/**
 * One-off migration for chats created before chat lists had their own rows: per chat, sets the
 * meta's memberIds, the activity item's lastMessage and msgCount, each member's readCount (read
 * up to lastReadId, plus their own messages) and each member's "a#" list row. Idempotent (every
 * value is set, not added). Run with no server writing messages: a running tracker's ADDs racing
 * these SETs would be lost. Returns the number of chats done.
 */
export async function backfillChatLists(db: Db): Promise<number> {
  const chats = new ChatStore(db);
  const messages = new MessageStore(db);
  let done = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db.doc.send(
      new ScanCommand({
        TableName: db.tables.chats,
        FilterExpression: 'sk = :meta',
        ExpressionAttributeValues: { ':meta': 'meta' },
        ProjectionExpression: 'chatId, createdAt',
        ExclusiveStartKey: start,
      }),
    );
    for (const item of page.Items ?? []) {
      await backfillChat(db, chats, messages, item.chatId as string, item.createdAt as string);
      done++;
    }
    start = page.LastEvaluatedKey;
  } while (start);
  return done;
}

async function backfillChat(
  db: Db,
  chats: ChatStore,
  messages: MessageStore,
  chatId: string,
  createdAt: string,
) {
  const members = await chats.listMembers(chatId);
  const sent = await messageSenders(db, chatId);
  const last = await messages.latest(chatId);
  const table = db.tables.chats;
  if (members.length > 0) {
    await db.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { chatId, sk: 'meta' },
        UpdateExpression: 'SET memberIds = :ids',
        ExpressionAttributeValues: { ':ids': new Set(members.map((m) => m.userId)) },
      }),
    );
  }
  if (last) {
    await db.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { chatId, sk: 'activity' },
        UpdateExpression: 'SET lastMessage = :m, lastMessageId = :id, lastMessageAt = :at, msgCount = :n',
        ExpressionAttributeValues: { ':m': last, ':id': last.id, ':at': last.createdAt, ':n': sent.length },
      }),
    );
  }
  for (const m of members) {
    const readCount = sent.filter(
      (s) => (m.lastReadId && s.id <= m.lastReadId) || s.senderId === m.userId,
    ).length;
    await db.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { chatId, sk: `member#${m.userId}` },
        UpdateExpression: 'SET readCount = :n',
        ConditionExpression: 'attribute_exists(sk)',
        ExpressionAttributeValues: { ':n': readCount },
      }),
    );
  }
  const activityAt = last && last.createdAt > createdAt ? last.createdAt : createdAt;
  await chats.lists.put(members.map((m) => ({ userId: m.userId, chatId, activityAt })));
}

/** Every message's id and sender, in id order (one query per 1 MB). */
async function messageSenders(db: Db, chatId: string): Promise<{ id: string; senderId: string }[]> {
  const out: { id: string; senderId: string }[] = [];
  let start: Record<string, unknown> | undefined;
  do {
    const res: QueryCommandOutput = await db.doc.send(
      new QueryCommand({
        TableName: db.tables.messages,
        IndexName: MESSAGES_BY_ID,
        KeyConditionExpression: 'chatId = :c',
        ExpressionAttributeValues: { ':c': chatId },
        ProjectionExpression: 'id, senderId',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    for (const i of res.Items ?? []) out.push({ id: i.id as string, senderId: i.senderId as string });
    start = res.LastEvaluatedKey;
  } while (start);
  return out;
}
