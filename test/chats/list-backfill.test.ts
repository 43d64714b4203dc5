import { DeleteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backfillChatLists } from '../../src/chats/backfill.js';
import {
  bearer,
  createGroup,
  createTestApp,
  postMessage,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

describe('backfill of chat lists for chats made before their rows existed', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
    chatId = await createGroup(t.app, ann, [bob]);
    const first = await postMessage(t.app, ann, chatId, 'one');
    await postMessage(t.app, bob, chatId, 'two');
    await postMessage(t.app, ann, chatId, 'three');
    await request(t.app)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(bob))
      .send({ messageId: first.id })
      .expect(200);
    // Make it look like a chat of the old layout: no rows, no member ids, no counters.
    const { doc, tables } = t.db;
    for (const u of [ann, bob]) {
      await doc.send(new DeleteCommand({ TableName: tables.feed, Key: { userId: u.id, sk: `a#${chatId}` } }));
      await doc.send(
        new UpdateCommand({
          TableName: tables.chats,
          Key: { chatId, sk: `member#${u.id}` },
          UpdateExpression: 'REMOVE readCount',
        }),
      );
    }
    await doc.send(
      new UpdateCommand({
        TableName: tables.chats,
        Key: { chatId, sk: 'meta' },
        UpdateExpression: 'REMOVE memberIds',
      }),
    );
    await doc.send(
      new UpdateCommand({
        TableName: tables.chats,
        Key: { chatId, sk: 'activity' },
        UpdateExpression: 'REMOVE lastMessage, msgCount',
      }),
    );
  });
  afterAll(() => t.close());

  it('puts the chat back in both lists with its last message and unread counts', async () => {
    expect((await request(t.app).get('/v1/chats').set(bearer(bob))).body.chats).toEqual([]);
    expect(await backfillChatLists(t.db)).toBeGreaterThanOrEqual(1);
    const of = async (u: TestUser) => (await request(t.app).get('/v1/chats').set(bearer(u))).body.chats[0];
    expect(await of(bob)).toMatchObject({ id: chatId, unreadCount: 1, lastMessage: { text: 'three' } });
    expect(await of(ann)).toMatchObject({ id: chatId, unreadCount: 1 });
  });
});
