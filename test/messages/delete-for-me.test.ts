import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('delete for me', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  const hide = (u: TestUser, id: string, chat = chatId) =>
    request(srv.url).delete(`/v1/chats/${chat}/messages/${id}?for=me`).set(bearer(u));
  const ids = async (u: TestUser) =>
    (await request(srv.url).get(`/v1/chats/${chatId}/messages`).set(bearer(u)).expect(200)).body.messages.map(
      (m: { id: string }) => m.id,
    );

  it('hides it from my history and my other devices only; the others see no change', async () => {
    const m = await postMessage(srv.url, bob, chatId, 'embarrassing');
    const keep = await postMessage(srv.url, bob, chatId, 'fine');
    const annOffline = await firstToken(srv.url, ann);
    const bobOffline = await firstToken(srv.url, bob);
    const [annPhone, annLaptop, bobPhone] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);

    await hide(ann, m.id).expect(204);
    expect(await annLaptop.next('message_hidden')).toEqual({
      type: 'message_hidden',
      chatId,
      messageId: m.id,
    });
    await annPhone.next('message_hidden');
    expect(await ids(ann)).toEqual([keep.id]);
    expect(await ids(bob)).toEqual([keep.id, m.id]);
    expect((await request(srv.url).get(`/v1/chats/${chatId}/messages/${m.id}`).set(bearer(ann))).status).toBe(
      404,
    );

    // An offline device of mine learns it on sync; bob's learns nothing.
    expect((await wsSync(srv.wsUrl, ann, annOffline)).replay).toEqual([
      { type: 'message_hidden', chatId, messageId: m.id },
    ]);
    expect((await wsSync(srv.wsUrl, bob, bobOffline)).replay).toEqual([]);
    const marker = await postMessage(srv.url, ann, chatId, 'marker');
    await bobPhone.next('message', (f) => f.message.id === marker.id);
    expect(bobPhone.of('message_hidden')).toEqual([]);
    for (const s of [annPhone, annLaptop, bobPhone]) s.close();
  });

  it('keeps a message created and hidden while a device was away out of its replay', async () => {
    const since = await firstToken(srv.url, ann);
    const m = await postMessage(srv.url, bob, chatId, 'never seen');
    await hide(ann, m.id).expect(204);
    const { replay } = await wsSync(srv.wsUrl, ann, since);
    expect(JSON.stringify(replay)).not.toContain('never seen');
  });

  it('is idempotent and refuses foreign message ids', async () => {
    const m = await postMessage(srv.url, ann, chatId, 'twice');
    await hide(bob, m.id).expect(204);
    await hide(bob, m.id).expect(204);
    const elsewhere = await createGroup(srv.url, ann, []);
    const foreign = await postMessage(srv.url, ann, elsewhere, 'not bob’s');
    expect((await hide(bob, foreign.id)).status).toBe(404);
    expect((await hide(bob, foreign.id, elsewhere)).status).toBe(404);
    expect((await hide(ann, '01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
  });
});

describe('delete for me, in the chat list', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv.close());

  const lastOf = async (u: TestUser, chatId: string) => {
    const res = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(u)).expect(200);
    const listed = await request(srv.url).get('/v1/chats').set(bearer(u)).expect(200);
    const inList = listed.body.chats.find((c: { id: string }) => c.id === chatId);
    expect(inList?.lastMessage?.id).toBe(res.body.lastMessage?.id);
    return res.body.lastMessage?.id as string | undefined;
  };

  it('shows me the message before the last one when I deleted the last for myself; the others still see it', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const before = await postMessage(srv.url, bob, chatId, 'fine');
    const last = await postMessage(srv.url, bob, chatId, 'embarrassing');
    await request(srv.url)
      .delete(`/v1/chats/${chatId}/messages/${last.id}?for=me`)
      .set(bearer(ann))
      .expect(204);
    expect(await lastOf(ann, chatId)).toBe(before.id);
    expect(await lastOf(bob, chatId)).toBe(last.id);
  });

  it('shows no last message when I deleted every message for myself', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const only = await postMessage(srv.url, bob, chatId, 'only one');
    await request(srv.url)
      .delete(`/v1/chats/${chatId}/messages/${only.id}?for=me`)
      .set(bearer(ann))
      .expect(204);
    expect(await lastOf(ann, chatId)).toBeUndefined();
    expect(await lastOf(bob, chatId)).toBe(only.id);
  });
});
