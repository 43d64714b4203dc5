import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createGroup,
  createTestApp,
  postMessage,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

describe('read markers and unread counts', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
    chatId = await createGroup(t.app, ann, [bob]);
  });
  afterAll(() => t.close());

  const unread = async (u: TestUser) =>
    (await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(u))).body.unreadCount;
  const read = (u: TestUser, messageId: string) =>
    request(t.app).post(`/v1/chats/${chatId}/read`).set(bearer(u)).send({ messageId });

  it('counts others\u2019 messages after my marker, not my own', async () => {
    const sent = [];
    for (let i = 0; i < 5; i++) sent.push(await postMessage(t.app, ann, chatId, `m${i}`));
    await postMessage(t.app, bob, chatId, 'from bob');
    expect(await unread(bob)).toBe(5);
    expect(await unread(ann)).toBe(1);

    const res = await read(bob, sent[2]?.id as string);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ lastReadId: sent[2]?.id });
    expect(await unread(bob)).toBe(2);
  });

  it('never moves the marker backwards', async () => {
    const a = await postMessage(t.app, ann, chatId, 'a');
    const b = await postMessage(t.app, ann, chatId, 'b');
    await read(bob, b.id);
    const back = await read(bob, a.id);
    expect(back.status).toBe(200);
    expect(back.body).toEqual({ lastReadId: b.id });
    expect(await unread(bob)).toBe(0);
  });

  it('refuses a message id that is not in the chat', async () => {
    expect((await read(bob, '01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
  });

  it('shows each member\u2019s marker in the chat (read receipts)', async () => {
    const m = await postMessage(t.app, ann, chatId, 'seen?');
    await read(bob, m.id);
    const chat = await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(ann));
    expect(chat.body.members.find((x: { userId: string }) => x.userId === bob.id).lastReadId).toBe(m.id);
  });
});
