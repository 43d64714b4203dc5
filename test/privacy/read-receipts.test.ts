import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('read receipts off', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let direct: string;
  let group: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    direct = (
      await request(srv.url)
        .post('/v1/chats')
        .set(bearer(ann))
        .send({ type: 'direct', userId: bob.id })
        .expect(201)
    ).body.id;
    group = await createGroup(srv.url, ann, [bob]);
    await request(srv.url).patch('/v1/users/me').set(bearer(ann)).send({ readReceipts: false }).expect(200);
  });
  afterAll(() => srv.close());

  const markerOf = async (viewer: TestUser, chatId: string, of: TestUser) =>
    (await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(viewer)).expect(200)).body.members.find(
      (m: { userId: string }) => m.userId === of.id,
    ).lastReadId;

  it('hides my read markers from my peer in a direct chat, live, on sync and in the chat, but not from my devices', async () => {
    const bobSince = await firstToken(srv.url, bob);
    const annSince = await firstToken(srv.url, ann);
    const [phone, laptop, bobSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    const m = await postMessage(srv.url, bob, direct, 'did you read this?');
    phone.send({ type: 'read', chatId: direct, messageId: m.id });
    expect(await laptop.next('read')).toEqual({
      type: 'read',
      chatId: direct,
      userId: ann.id,
      messageId: m.id,
    });
    const mark = await postMessage(srv.url, ann, direct, 'sync point');
    await bobSocket.next('message', (f) => f.message.id === mark.id);
    expect(bobSocket.of('read')).toEqual([]);

    expect(await markerOf(ann, direct, ann)).toBe(m.id);
    expect(await markerOf(bob, direct, ann)).toBeUndefined();
    expect((await wsSync(srv.wsUrl, bob, bobSince)).replay.filter((f) => f.type === 'read')).toEqual([]);
    expect((await wsSync(srv.wsUrl, ann, annSince)).replay).toContainEqual({
      type: 'read',
      chatId: direct,
      userId: ann.id,
      messageId: m.id,
    });
    phone.close();
    laptop.close();
    bobSocket.close();
  });

  it("hides my peer's read markers from me in a direct chat (reciprocity)", async () => {
    const annSince = await firstToken(srv.url, ann);
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const m = await postMessage(srv.url, ann, direct, 'for bob');
    await request(srv.url)
      .post(`/v1/chats/${direct}/read`)
      .set(bearer(bob))
      .send({ messageId: m.id })
      .expect(200);
    const mark = await postMessage(srv.url, bob, direct, 'sync point');
    await annSocket.next('message', (f) => f.message.id === mark.id);
    expect(annSocket.of('read')).toEqual([]);
    expect(await markerOf(ann, direct, bob)).toBeUndefined();
    expect(await markerOf(bob, direct, bob)).toBe(m.id);
    expect((await wsSync(srv.wsUrl, ann, annSince)).replay.filter((f) => f.type === 'read')).toEqual([]);
    annSocket.close();
  });

  it('still shows read markers both ways in groups', async () => {
    const bobSocket = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    const m = await postMessage(srv.url, bob, group, 'group message');
    await request(srv.url)
      .post(`/v1/chats/${group}/read`)
      .set(bearer(ann))
      .send({ messageId: m.id })
      .expect(200);
    expect(await bobSocket.next('read')).toEqual({
      type: 'read',
      chatId: group,
      userId: ann.id,
      messageId: m.id,
    });
    expect(await markerOf(bob, group, ann)).toBe(m.id);
    bobSocket.close();
  });

  it('leaves read times out of message info in a direct chat, both ways, but keeps delivery', async () => {
    const receiptOf = async (sender: TestUser, messageId: string, of: TestUser) =>
      (
        await request(srv.url)
          .get(`/v1/chats/${direct}/messages/${messageId}/receipts`)
          .set(bearer(sender))
          .expect(200)
      ).body.receipts.find((r: { userId: string }) => r.userId === of.id);
    const fromBob = await postMessage(srv.url, bob, direct, 'info hidden from bob');
    await request(srv.url)
      .post(`/v1/chats/${direct}/read`)
      .set(bearer(ann))
      .send({ messageId: fromBob.id })
      .expect(200);
    const annSeen = await receiptOf(bob, fromBob.id, ann);
    expect(annSeen.readAt).toBeUndefined();
    expect(annSeen.deliveredAt).toEqual(expect.any(String));
    expect(await markerOf(bob, direct, ann)).toBeUndefined();

    const fromAnn = await postMessage(srv.url, ann, direct, 'info hidden from ann');
    await request(srv.url)
      .post(`/v1/chats/${direct}/read`)
      .set(bearer(bob))
      .send({ messageId: fromAnn.id })
      .expect(200);
    const bobSeen = await receiptOf(ann, fromAnn.id, bob);
    expect(bobSeen.readAt).toBeUndefined();
    expect(bobSeen.deliveredAt).toEqual(expect.any(String));
  });
});
