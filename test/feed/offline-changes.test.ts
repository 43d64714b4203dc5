import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ServerFrame } from '../../src/realtime/frames.js';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const describeFrame = (f: ServerFrame): string => {
  switch (f.type) {
    case 'message':
    case 'message_updated':
    case 'message_deleted':
      return `${f.type} ${f.message.id} ${f.message.text ?? '(deleted)'}`;
    case 'chat_updated':
      return `${f.type} ${f.chatId} ${f.name}`;
    case 'member_added':
    case 'member_updated':
      return `${f.type} ${f.chatId} ${f.userId} ${f.role}`;
    case 'member_removed':
      return `${f.type} ${f.chatId} ${f.userId}`;
    case 'read':
    case 'delivered':
      return `${f.type} ${f.chatId} ${f.userId} ${f.messageId}`;
    default:
      return f.type;
  }
};

describe('the change feed: what happened while a device was away', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let cat: TestUser;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
  });
  afterAll(() => srv.close());

  it('replays every kind of change once, over WebSocket and REST alike, and nothing on a second sync', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    const leaving = await createGroup(srv.url, ann, [bob]);
    const m0 = await postMessage(srv.url, ann, chatId, 'first draft');
    const m1 = await postMessage(srv.url, ann, chatId, 'oops');
    const since = await firstToken(srv.url, bob);

    // Bob is offline from here.
    const as = (u: TestUser) => bearer(u);
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/messages/${m0.id}`)
      .set(as(ann))
      .send({ text: 'final' })
      .expect(200);
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${m1.id}`).set(as(ann)).expect(200);
    await request(srv.url).patch(`/v1/chats/${chatId}`).set(as(ann)).send({ name: 'Renamed' }).expect(200);
    await request(srv.url)
      .post(`/v1/chats/${chatId}/members`)
      .set(as(ann))
      .send({ userId: cat.id })
      .expect(201);
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/members/${bob.id}`)
      .set(as(ann))
      .send({ role: 'admin' })
      .expect(200);
    const m2 = await postMessage(srv.url, cat, chatId, 'hi all');
    await request(srv.url)
      .post(`/v1/chats/${chatId}/read`)
      .set(as(ann))
      .send({ messageId: m2.id })
      .expect(200);
    const newChat = await createGroup(srv.url, ann, [bob]);
    await request(srv.url).delete(`/v1/chats/${leaving}/members/${bob.id}`).set(as(ann)).expect(204);
    const after = await postMessage(srv.url, ann, leaving, 'said after bob left');

    const expected = [
      `message_updated ${m0.id} final`,
      `message_deleted ${m1.id} (deleted)`,
      `chat_updated ${chatId} Renamed`,
      `member_added ${chatId} ${cat.id} member`,
      `member_updated ${chatId} ${bob.id} admin`,
      `message ${m2.id} hi all`,
      // Read implies delivered: one change, both frames.
      `delivered ${chatId} ${ann.id} ${m2.id}`,
      `read ${chatId} ${ann.id} ${m2.id}`,
      `member_added ${newChat} ${ann.id} owner`,
      `member_added ${newChat} ${bob.id} member`,
      `member_removed ${leaving} ${bob.id}`,
    ];
    const ws = await wsSync(srv.wsUrl, bob, since);
    expect(ws.replay.map(describeFrame)).toEqual(expected);
    expect(ws.synced.complete).toBe(true);
    expect(JSON.stringify(ws.replay)).not.toContain(after.id);

    const rest = await request(srv.url).get('/v1/sync').query({ since }).set(as(bob)).expect(200);
    expect(rest.body.changes.map(describeFrame)).toEqual(expected);
    expect(rest.body.complete).toBe(true);

    for (const token of [ws.synced.token, rest.body.token]) {
      const again = await request(srv.url).get('/v1/sync').query({ since: token }).set(as(bob)).expect(200);
      expect(again.body).toMatchObject({ changes: [], complete: true });
      expect((await wsSync(srv.wsUrl, bob, token)).replay).toEqual([]);
    }
  });

  it('keeps the text of a deleted message out of the replay, even when it was edited first', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    const since = await firstToken(srv.url, bob);
    const m = await postMessage(srv.url, ann, chatId, 'secret');
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/messages/${m.id}`)
      .set(bearer(ann))
      .send({ text: 'more secret' })
      .expect(200);
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${m.id}`).set(bearer(ann)).expect(200);
    const { replay } = await wsSync(srv.wsUrl, bob, since);
    expect(replay.map(describeFrame)).toEqual([`message ${m.id} (deleted)`]);
    expect(JSON.stringify(replay)).not.toContain('secret');
  });

  it('tells a removed member of the removal and nothing after it', async () => {
    const chatId = await createGroup(srv.url, ann, [bob, cat]);
    const since = await firstToken(srv.url, cat);
    const before = await postMessage(srv.url, ann, chatId, 'cat still here');
    await request(srv.url).delete(`/v1/chats/${chatId}/members/${cat.id}`).set(bearer(ann)).expect(204);
    await postMessage(srv.url, ann, chatId, 'cat is gone');
    await request(srv.url)
      .patch(`/v1/chats/${chatId}`)
      .set(bearer(ann))
      .send({ name: 'Secret plans' })
      .expect(200);
    const { replay } = await wsSync(srv.wsUrl, cat, since);
    expect(replay.map(describeFrame)).toEqual([
      `message ${before.id} cat still here`,
      `member_removed ${chatId} ${cat.id}`,
    ]);
  });

  it('shows a chat to a member added while away from the addition on', async () => {
    const chatId = await createGroup(srv.url, ann, []);
    await postMessage(srv.url, ann, chatId, 'before cat joined');
    const since = await firstToken(srv.url, cat);
    await request(srv.url)
      .post(`/v1/chats/${chatId}/members`)
      .set(bearer(ann))
      .send({ userId: cat.id })
      .expect(201);
    const welcome = await postMessage(srv.url, ann, chatId, 'welcome cat');
    const { replay } = await wsSync(srv.wsUrl, cat, since);
    expect(replay.map(describeFrame)).toEqual([
      `member_added ${chatId} ${cat.id} member`,
      `message ${welcome.id} welcome cat`,
    ]);
  });
});
