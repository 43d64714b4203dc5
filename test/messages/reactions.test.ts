import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('reactions: one per member per message', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let eve: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob, eve] = await signUpAll(srv.url, 'ann', 'bob', 'eve');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  const put = (u: TestUser, messageId: string, emoji: unknown, chat = chatId) =>
    request(srv.url).put(`/v1/chats/${chat}/messages/${messageId}/reaction`).set(bearer(u)).send({ emoji });
  const remove = (u: TestUser, messageId: string) =>
    request(srv.url).delete(`/v1/chats/${chatId}/messages/${messageId}/reaction`).set(bearer(u));
  const stored = async (messageId: string) =>
    (await request(srv.url).get(`/v1/chats/${chatId}/messages/${messageId}`).set(bearer(ann)).expect(200))
      .body;

  it('replaces and removes my reaction, telling every member live', async () => {
    const m = await postMessage(srv.url, ann, chatId, 'react to me');
    const annWs = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    expect((await put(bob, m.id, '👍').expect(200)).body.reactions).toEqual({ '👍': [bob.id] });
    expect(await annWs.next('reaction')).toEqual({
      type: 'reaction',
      chatId,
      messageId: m.id,
      userId: bob.id,
      emoji: '👍',
    });
    await put(ann, m.id, '👍').expect(200);
    expect((await put(bob, m.id, '❤️').expect(200)).body.reactions).toEqual({
      '👍': [ann.id],
      '❤️': [bob.id],
    });
    await annWs.next('reaction', (f) => f.userId === bob.id && f.emoji === '❤️');
    expect((await remove(bob, m.id).expect(200)).body.reactions).toEqual({ '👍': [ann.id] });
    await annWs.next('reaction', (f) => f.userId === bob.id && f.emoji === null);
    const history = await request(srv.url).get(`/v1/chats/${chatId}/messages`).set(bearer(bob));
    expect(history.body.messages.find((x: { id: string }) => x.id === m.id).reactions).toEqual({
      '👍': [ann.id],
    });
    annWs.close();
  });

  it('is idempotent under retries: the same reaction again changes and announces nothing', async () => {
    const m = await postMessage(srv.url, ann, chatId, 'retry me');
    const annWs = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const bobWs = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    for (let i = 0; i < 3; i++) bobWs.send({ type: 'react', chatId, messageId: m.id, emoji: '😂' });
    for (let i = 0; i < 2; i++) await put(bob, m.id, '😂').expect(200);
    await annWs.next('reaction', (f) => f.messageId === m.id);
    expect((await stored(m.id)).reactions).toEqual({ '😂': [bob.id] });
    for (let i = 0; i < 2; i++) await remove(bob, m.id).expect(200);
    bobWs.send({ type: 'react', chatId, messageId: m.id, emoji: null });
    await annWs.next('reaction', (f) => f.messageId === m.id && f.emoji === null);
    // A marker frame after the retries: everything before it has arrived.
    const marker = await postMessage(srv.url, bob, chatId, 'marker');
    await annWs.next('message', (f) => f.message.id === marker.id);
    expect(annWs.of('reaction').filter((f) => f.messageId === m.id)).toHaveLength(2);
    expect(bobWs.of('error')).toEqual([]);
    expect(await stored(m.id)).not.toHaveProperty('reactions');
    annWs.close();
    bobWs.close();
  });

  it('reaches a device that was offline when it syncs, as the message’s current state', async () => {
    const m = await postMessage(srv.url, ann, chatId, 'while you were away');
    const since = await firstToken(srv.url, ann);
    await put(bob, m.id, '🎉').expect(200);
    await put(bob, m.id, '🔥').expect(200);
    const { replay } = await wsSync(srv.wsUrl, ann, since);
    expect(replay).toEqual([
      {
        type: 'message_updated',
        message: expect.objectContaining({ id: m.id, reactions: { '🔥': [bob.id] } }),
      },
    ]);
  });

  it('accepts single emoji, flags, skin tones and families, and refuses anything else, storing nothing', async () => {
    const m = await postMessage(srv.url, ann, chatId, 'validate');
    for (const ok of ['👍🏽', '🇫🇷', '👨‍👩‍👧', '1️⃣', '❤️']) expect((await put(bob, m.id, ok)).status).toBe(200);
    await remove(bob, m.id).expect(200);
    for (const bad of ['a', 'ok', '👍👍', '', ' ', '1', '👍 ', '<b>', 42, null]) {
      const res = await put(bob, m.id, bad);
      expect(res.status, JSON.stringify(bad)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
    }
    const ws = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    ws.send({ type: 'react', chatId, messageId: m.id, emoji: 'lol' });
    expect(await ws.next('error')).toMatchObject({ code: 'validation_failed', ref: m.id });
    expect(await stored(m.id)).not.toHaveProperty('reactions');
    ws.close();
  });

  it('refuses foreign message ids, non-members and deleted messages', async () => {
    const elsewhere = await createGroup(srv.url, eve, []);
    const foreign = await postMessage(srv.url, eve, elsewhere, 'not yours');
    expect((await put(bob, foreign.id, '👍')).status).toBe(404);
    expect((await put(bob, foreign.id, '👍', elsewhere)).status).toBe(404);
    const m = await postMessage(srv.url, ann, chatId, 'gone soon');
    expect((await put(eve, m.id, '👍')).status).toBe(404);
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${m.id}`).set(bearer(ann)).expect(200);
    const res = await put(bob, m.id, '👍');
    expect(res.status).toBe(409);
    const ws = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    ws.send({ type: 'react', chatId, messageId: foreign.id, emoji: '👍' });
    expect(await ws.next('error')).toMatchObject({ code: 'not_found', ref: foreign.id });
    ws.close();
    expect(
      (await request(srv.url).get(`/v1/chats/${elsewhere}/messages/${foreign.id}`).set(bearer(eve))).body,
    ).not.toHaveProperty('reactions');
  });
});
