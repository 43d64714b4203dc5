import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('replies and mentions', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let cat: TestUser;
  let chatId: string;
  let otherChat: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    chatId = await createGroup(srv.url, ann, [bob]);
    otherChat = await createGroup(srv.url, ann, [cat]);
  });
  afterAll(() => srv.close());

  let n = 0;
  const send = (u: TestUser, body: object, chat = chatId) =>
    request(srv.url)
      .post(`/v1/chats/${chat}/messages`)
      .set(bearer(u))
      .send({ clientMsgId: `rm-${++n}`, text: 'a reply', ...body });
  const history = async (u: TestUser) =>
    (await request(srv.url).get(`/v1/chats/${chatId}/messages`).set(bearer(u)).expect(200)).body.messages;

  it('stores a reply with a short preview of the original, over REST and WebSocket', async () => {
    const long = 'x'.repeat(300);
    const original = await postMessage(srv.url, bob, chatId, long);
    const res = await send(ann, { replyTo: original.id });
    expect(res.status).toBe(201);
    expect(res.body.replyTo).toEqual({ id: original.id, senderId: bob.id, text: 'x'.repeat(100) });

    const ws = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    ws.send({ type: 'send', chatId, clientMsgId: 'ws-reply', text: 'via ws', replyTo: original.id });
    const ack = await ws.next('ack');
    expect(ack.message.replyTo).toEqual({ id: original.id, senderId: bob.id, text: 'x'.repeat(100) });
    const stored = (await history(bob)).find((m: { id: string }) => m.id === ack.message.id);
    expect(stored.replyTo).toEqual(ack.message.replyTo);
    ws.close();
  });

  it('quotes a deleted original as a tombstone, without its text', async () => {
    const original = await postMessage(srv.url, bob, chatId, 'something I regret');
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${original.id}`).set(bearer(bob)).expect(200);
    const res = await send(ann, { replyTo: original.id });
    expect(res.status).toBe(201);
    expect(res.body.replyTo).toEqual({ id: original.id, senderId: bob.id, deleted: true });
    expect(JSON.stringify(res.body)).not.toContain('regret');
  });

  it('turns the quotes of a message deleted later into tombstones, live and in history', async () => {
    const original = await postMessage(srv.url, bob, chatId, 'soon gone');
    const reply = (await send(ann, { replyTo: original.id, text: 'quoting it' }).expect(201)).body;
    const watcher = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${original.id}`).set(bearer(bob)).expect(200);
    const updated = await watcher.next('message_updated', (f) => f.message.id === reply.id);
    expect(updated.message).toMatchObject({
      text: 'quoting it',
      replyTo: { id: original.id, deleted: true },
    });
    expect(updated.message).not.toHaveProperty('updatedAt'); // not an edit of the reply
    const stored = (await history(bob)).find((m: { id: string }) => m.id === reply.id);
    expect(stored.replyTo).toEqual({ id: original.id, senderId: bob.id, deleted: true });
    expect(JSON.stringify(await history(bob))).not.toContain('soon gone');
    watcher.close();
  });

  it('refuses a reply to an unknown message or one of another chat, storing nothing', async () => {
    const foreign = await postMessage(srv.url, ann, otherChat, 'elsewhere');
    const before = await history(ann);
    for (const replyTo of [foreign.id, '01ARZ3NDEKTSV4RRFFQ69G5FAV']) {
      const res = await send(ann, { replyTo, text: 'should not exist' });
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    }
    const ws = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    ws.send({
      type: 'send',
      chatId,
      clientMsgId: 'bad-reply',
      text: 'should not exist',
      replyTo: foreign.id,
    });
    expect(await ws.next('error')).toMatchObject({ code: 'not_found', ref: 'bad-reply' });
    ws.send({ type: 'send', chatId, clientMsgId: 'bad-reply2', text: 'nope', replyTo: 'not-an-id' });
    expect(await ws.next('error')).toMatchObject({ code: 'validation_failed', ref: 'bad-reply2' });
    expect(await history(ann)).toEqual(before);
    ws.close();
  });

  it('carries mentions of members and counts them for the mentioned member until read', async () => {
    const plain = await postMessage(srv.url, ann, chatId, 'no mention');
    const res = await send(ann, { text: '@bob look', mentions: [bob.id, bob.id] });
    expect(res.status).toBe(201);
    expect(res.body.mentions).toEqual([bob.id]);
    const view = async (u: TestUser) =>
      (await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(u)).expect(200)).body;
    expect((await view(bob)).mentionCount).toBe(1);
    expect((await view(ann)).mentionCount).toBe(0);
    // Reading up to before the mention leaves it counted; reading it clears it.
    await request(srv.url)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(bob))
      .send({ messageId: plain.id })
      .expect(200);
    expect((await view(bob)).mentionCount).toBe(1);
    await request(srv.url)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(bob))
      .send({ messageId: res.body.id })
      .expect(200);
    expect((await view(bob)).mentionCount).toBe(0);
  });

  it('refuses to mention someone who is not in the chat, storing nothing', async () => {
    const before = await history(ann);
    const res = await send(ann, { text: '@cat?', mentions: [cat.id] });
    expect(res.status).toBe(422);
    expect(res.body.error.details).toEqual({ userIds: [cat.id] });
    const bad = await send(ann, { mentions: ['nobody'] });
    expect(bad.status).toBe(400);
    expect(await history(ann)).toEqual(before);
  });
});
