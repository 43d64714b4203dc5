import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('blocking a user', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let direct: string;
  let group: string;
  const block = (by: TestUser, who: TestUser) =>
    request(srv.url).put(`/v1/users/me/blocks/${who.id}`).set(bearer(by));

  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob, carol] = await signUpAll(srv.url, 'ann', 'bob', 'carol');
    // Bob wrote first, before Ann blocked him.
    direct = (
      await request(srv.url)
        .post('/v1/chats')
        .set(bearer(bob))
        .send({ type: 'direct', userId: ann.id })
        .expect(201)
    ).body.id;
    await postMessage(srv.url, bob, direct, 'hi ann');
    group = await createGroup(srv.url, carol, [ann, bob]);
    await postMessage(srv.url, carol, group, 'hello group');
    await block(ann, bob).expect(204);
  });
  afterAll(() => srv.close());

  it("refuses the blocked user's direct sends over REST and WebSocket with 403 blocked, and delivers nothing", async () => {
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const rest = await request(srv.url)
      .post(`/v1/chats/${direct}/messages`)
      .set(bearer(bob))
      .send({ clientMsgId: 'after-block-1', text: 'are you there?' });
    expect(rest.status).toBe(403);
    expect(rest.body.error.code).toBe('blocked');

    const bobSocket = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    bobSocket.send({ type: 'send', chatId: direct, clientMsgId: 'after-block-2', text: 'hello?' });
    expect(await bobSocket.next('error')).toMatchObject({ code: 'blocked', ref: 'after-block-2' });
    bobSocket.send({ type: 'typing', chatId: direct });

    // A message in the group after both attempts: Ann has it, and nothing from the direct chat.
    const mark = await postMessage(srv.url, carol, group, 'sync point');
    await annSocket.next('message', (f) => f.message.id === mark.id);
    expect(annSocket.of('message').filter((f) => f.message.chatId === direct)).toEqual([]);
    expect(annSocket.of('typing')).toEqual([]);
    const history = await request(srv.url).get(`/v1/chats/${direct}/messages`).set(bearer(ann)).expect(200);
    expect(JSON.stringify(history.body)).not.toMatch(/are you there|hello\?/);
    annSocket.close();
    bobSocket.close();
  });

  it('refuses a direct chat with the blocker and adding them to a group, but the blocker may still write', async () => {
    const start = await request(srv.url)
      .post('/v1/chats')
      .set(bearer(bob))
      .send({ type: 'direct', userId: ann.id });
    expect(start.status).toBe(403);
    expect(start.body.error.code).toBe('blocked');
    const create = await request(srv.url)
      .post('/v1/chats')
      .set(bearer(bob))
      .send({ type: 'group', name: 'Trap', memberIds: [ann.id] });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('blocked');
    const own = await createGroup(srv.url, bob, [carol], { addPolicy: 'anyone' });
    const add = await request(srv.url)
      .post(`/v1/chats/${own}/members`)
      .set(bearer(bob))
      .send({ userId: ann.id });
    expect(add.status).toBe(403);
    expect(add.body.error.code).toBe('blocked');
    // Carol may still add Ann to that group: the block is about Bob.
    await request(srv.url)
      .post(`/v1/chats/${own}/members`)
      .set(bearer(carol))
      .send({ userId: ann.id })
      .expect(201);
    await postMessage(srv.url, ann, direct, 'ann may still write');
  });

  it("keeps the blocked user's group messages visible to the blocker", async () => {
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const m = await postMessage(srv.url, bob, group, 'bob in the group');
    expect((await annSocket.next('message', (f) => f.message.id === m.id)).message.text).toBe(
      'bob in the group',
    );
    annSocket.close();
  });

  it("never shows the blocker's presence, typing or read markers to the blocked user, live or on sync", async () => {
    const [bobSocket, carolSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, bob.accessToken),
      TestSocket.ready(srv.wsUrl, carol.accessToken),
    ]);
    const bobToken = await firstToken(srv.url, bob);
    const carolToken = await firstToken(srv.url, carol);
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    // Carol (a control) sees Ann come online; Ann still sees Bob (the block hides Ann, not Bob).
    await carolSocket.next('presence', (p) => p.userId === ann.id && p.online);
    await annSocket.next('presence', (p) => p.userId === bob.id && p.online);

    annSocket.send({ type: 'typing', chatId: group });
    await carolSocket.next('typing', (t) => t.userId === ann.id);
    const toRead = await postMessage(srv.url, carol, group, 'read me');
    annSocket.send({ type: 'read', chatId: group, messageId: toRead.id });
    await carolSocket.next('read', (r) => r.userId === ann.id && r.messageId === toRead.id);
    annSocket.close();
    await carolSocket.next('presence', (p) => p.userId === ann.id && !p.online);

    // Bob's socket saw Carol's message and Ann's departure, and nothing of Ann's.
    await bobSocket.next('message', (f) => f.message.id === toRead.id);
    const mark = await postMessage(srv.url, carol, group, 'after');
    await bobSocket.next('message', (f) => f.message.id === mark.id);
    const aboutAnn = (f: { type: string; userId?: string }) =>
      ['presence', 'typing', 'read'].includes(f.type) && f.userId === ann.id;
    expect(bobSocket.frames.filter(aboutAnn)).toEqual([]);

    // On sync and in the chat view too.
    const bobReplay = (await wsSync(srv.wsUrl, bob, bobToken)).replay;
    expect(bobReplay.filter(aboutAnn)).toEqual([]);
    const carolReplay = (await wsSync(srv.wsUrl, carol, carolToken)).replay;
    expect(carolReplay.filter(aboutAnn)).toEqual([
      expect.objectContaining({ type: 'read', messageId: toRead.id }),
    ]);
    const markerOf = async (viewer: TestUser) =>
      (await request(srv.url).get(`/v1/chats/${group}`).set(bearer(viewer)).expect(200)).body.members.find(
        (m: { userId: string }) => m.userId === ann.id,
      ).lastReadId;
    expect(await markerOf(bob)).toBeUndefined();
    expect(await markerOf(carol)).toBe(toRead.id);
    bobSocket.close();
    carolSocket.close();
  });

  it("reaches the blocker's other devices live and on sync, and never the blocked user", async () => {
    const dave = (await signUpAll(srv.url, 'dave'))[0];
    await request(srv.url)
      .post('/v1/chats')
      .set(bearer(dave))
      .send({ type: 'direct', userId: ann.id })
      .expect(201);
    const since = await firstToken(srv.url, ann);
    const [phone, daveSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, dave.accessToken),
    ]);
    await block(ann, dave).expect(204);
    expect(await phone.next('block_updated')).toEqual({
      type: 'block_updated',
      userId: dave.id,
      blocked: true,
    });
    const list = await request(srv.url).get('/v1/users/me/blocks').set(bearer(ann)).expect(200);
    expect(list.body.blocks.map((b: { userId: string }) => b.userId).sort()).toEqual(
      [bob.id, dave.id].sort(),
    );
    expect(list.body.blocks.find((b: { userId: string }) => b.userId === dave.id).userName).toBe(
      dave.userName,
    );

    const { replay } = await wsSync(srv.wsUrl, ann, since);
    expect(replay).toContainEqual({ type: 'block_updated', userId: dave.id, blocked: true });

    await request(srv.url).delete(`/v1/users/me/blocks/${dave.id}`).set(bearer(ann)).expect(204);
    expect(await phone.next('block_updated')).toEqual({
      type: 'block_updated',
      userId: dave.id,
      blocked: false,
    });
    const chat = (
      await request(srv.url)
        .post('/v1/chats')
        .set(bearer(dave))
        .send({ type: 'direct', userId: ann.id })
        .expect(200)
    ).body.id;
    await postMessage(srv.url, dave, chat, 'unblocked');
    expect(daveSocket.frames.filter((f) => f.type === 'block_updated')).toEqual([]);
    phone.close();
    daveSocket.close();
  });

  it('answers blocking myself 422, an unknown user 404, and repeats idempotently', async () => {
    expect((await block(ann, ann)).status).toBe(422);
    expect(
      (await request(srv.url).put('/v1/users/me/blocks/01ARZ3NDEKTSV4RRFFQ69G5FAV').set(bearer(ann))).status,
    ).toBe(404);
    expect((await request(srv.url).put('/v1/users/me/blocks/not-an-id').set(bearer(ann))).status).toBe(404);
    await block(ann, bob).expect(204);
    await request(srv.url).delete(`/v1/users/me/blocks/${carol.id}`).set(bearer(ann)).expect(204);
  });
});
