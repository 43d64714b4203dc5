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

describe('GET /v1/chats', () => {
  let t: TestApp;
  let me: TestUser;
  let friend: TestUser;
  const chatIds: string[] = [];
  beforeAll(async () => {
    t = await createTestApp();
    [me, friend] = await signUpAll(t.app, 'me', 'friend');
    for (let i = 0; i < 5; i++) chatIds.push(await createGroup(t.app, friend, [me], { name: `g${i}` }));
  });
  afterAll(() => t.close());

  it('orders chats by latest activity and carries lastMessage and unreadCount', async () => {
    await postMessage(t.app, friend, chatIds[1] as string, 'older');
    await postMessage(t.app, friend, chatIds[3] as string, 'newest');
    const res = await request(t.app).get('/v1/chats').set(bearer(me));
    expect(res.status).toBe(200);
    const ids = res.body.chats.map((c: { id: string }) => c.id);
    expect(ids.slice(0, 2)).toEqual([chatIds[3], chatIds[1]]);
    expect(res.body.chats[0]).toMatchObject({ lastMessage: { text: 'newest' }, unreadCount: 1 });
    expect(res.body.chats[0].members.map((m: { userName: string }) => m.userName).sort()).toEqual(
      [me.userName, friend.userName].sort(),
    );
  });

  it('counts a resent message once', async () => {
    const chatId = chatIds[4] as string;
    const send = () =>
      request(t.app)
        .post(`/v1/chats/${chatId}/messages`)
        .set(bearer(friend))
        .send({ clientMsgId: 'resent-once', text: 'twice sent, once counted' });
    expect((await send()).status).toBe(201);
    const again = await send();
    expect(again.status).toBe(200); // the original, stored already
    const res = await request(t.app).get('/v1/chats').set(bearer(me));
    const chat = res.body.chats.find((c: { id: string }) => c.id === chatId);
    expect(chat).toMatchObject({ lastMessage: { text: 'twice sent, once counted' }, unreadCount: 1 });
  });

  it('pages with a cursor, covering every chat once', async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const res = await request(t.app)
        .get('/v1/chats')
        .set(bearer(me))
        .query({ limit: 2, ...(cursor ? { cursor } : {}) });
      expect(res.status).toBe(200);
      seen.push(...res.body.chats.map((c: { id: string }) => c.id));
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.sort()).toEqual([...chatIds].sort());
  });

  it('refuses a forged cursor with 400', async () => {
    expect((await request(t.app).get('/v1/chats').set(bearer(me)).query({ cursor: 'garbage' })).status).toBe(
      400,
    );
  });
});
