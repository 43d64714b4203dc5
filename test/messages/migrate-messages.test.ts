import { CreateTableCommand } from '@aws-sdk/client-dynamodb';
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { ulid } from 'ulid';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { migrateMessages } from '../../scripts/lib/migrate-messages.js';
import type { Db } from '../../src/db/client.js';
import { FeedStore } from '../../src/feed/store.js';
import { ulidFloor } from '../../src/lib/ids.js';
import { MessageStore } from '../../src/messages/store.js';
import { createTestDb } from '../helpers/db.js';

const DAY = 86_400_000;

describe('migrating the old messages table into history buckets', () => {
  let db: Db;
  const now = Date.now();
  const chatId = 'g_migrated';
  const id1 = ulid(now - 3 * DAY);
  const id2 = ulid(now - 2 * DAY);
  const edit = ulid(now - DAY);
  const rename = ulid(now - DAY + 1_000);
  const old = ulid(now - 40 * DAY);
  let result: Awaited<ReturnType<typeof migrateMessages>>;

  beforeAll(async () => {
    db = await createTestDb();
    const oldTable = `${db.tables.messages}-old`;
    // The old layout: one partition per chat, LSIs byId and byRev.
    await db.raw.send(
      new CreateTableCommand({
        TableName: oldTable,
        BillingMode: 'PAY_PER_REQUEST',
        AttributeDefinitions: [
          { AttributeName: 'chatId', AttributeType: 'S' },
          { AttributeName: 'msgKey', AttributeType: 'S' },
          { AttributeName: 'id', AttributeType: 'S' },
          { AttributeName: 'rev', AttributeType: 'S' },
        ],
        KeySchema: [
          { AttributeName: 'chatId', KeyType: 'HASH' },
          { AttributeName: 'msgKey', KeyType: 'RANGE' },
        ],
        LocalSecondaryIndexes: ['id', 'rev'].map((a) => ({
          IndexName: a === 'id' ? 'byId' : 'byRev',
          KeySchema: [
            { AttributeName: 'chatId', KeyType: 'HASH' as const },
            { AttributeName: a, KeyType: 'RANGE' as const },
          ],
          Projection: { ProjectionType: 'ALL' as const },
        })),
      }),
    );
    const put = (Item: Record<string, unknown>) => db.doc.send(new PutCommand({ TableName: oldTable, Item }));
    const base = { chatId, createdAt: new Date(now - 3 * DAY).toISOString() };
    await put({
      ...base,
      msgKey: 'u1#c1',
      id: id1,
      senderId: 'u1',
      clientMsgId: 'c1',
      text: 'hi',
      replies: new Set(['u2#c2']),
    });
    await put({
      ...base,
      msgKey: 'u2#c2',
      id: id2,
      senderId: 'u2',
      clientMsgId: 'c2',
      text: 'edited',
      updatedAt: new Date(now - DAY).toISOString(),
      replyTo: { id: id1, senderId: 'u1', text: 'hi' },
      rev: edit,
    });
    const expiresAt = (t: number) => Math.floor(t / 1000) + 31 * 86_400;
    await put({
      chatId,
      msgKey: `~${rename}`,
      rev: rename,
      changes: [{ type: 'chat_updated', name: 'New', by: 'u1' }],
      expiresAt: expiresAt(now - DAY),
    });
    await put({
      chatId,
      msgKey: `~${old}`,
      rev: old,
      changes: [{ type: 'chat_updated', name: 'Old', by: 'u1' }],
      expiresAt: expiresAt(now - 40 * DAY),
    });
    result = await migrateMessages(db, oldTable, now);
  });
  afterAll(() => db.destroy());

  it('copies messages, unexpired changes and the latest edit, and lists their buckets', () => {
    expect(result).toEqual({ messages: 2, changes: 1, refs: 1, buckets: 3 });
  });

  it('serves history, message by id and resends from the copied messages', async () => {
    const store = new MessageStore(db);
    const page = await store.page(chatId, { limit: 10 });
    expect(page.messages.map((m) => m.id)).toEqual([id2, id1]);
    expect(page.hasMore).toBe(false);
    expect((await store.getById(chatId, id2))?.text).toBe('edited');
    const found = await store.findExisting([{ chatId, senderId: 'u2', clientMsgId: 'c2' }]);
    expect(found.map((m) => m.id)).toEqual([id2]);
    const original = await store.getItemById(chatId, id1);
    expect(original?.replies).toEqual(new Set([`${id2}|u2#c2`]));
  });

  it('replays the copied log in position order: messages, the edit as the current state, the rename', async () => {
    const log = await new FeedStore(db).logAfter(chatId, ulidFloor(now - 4 * DAY), 50);
    expect(log.more).toBe(false);
    expect(
      log.entries.map((e) =>
        e.kind === 'message' ? `${e.pos} ${e.message.text}` : `${e.pos} ${e.events[0]?.type}`,
      ),
    ).toEqual([`${id1} hi`, `${id2} edited`, `${edit} edited`, `${rename} chat_updated`]);
  });
});
