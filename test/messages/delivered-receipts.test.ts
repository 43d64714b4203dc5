import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('delivered and read receipts in a group with a member offline', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let cat: TestUser;
  let eve: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob, cat, eve] = await signUpAll(srv.url, 'ann', 'bob', 'cat', 'eve');
    chatId = await createGroup(srv.url, ann, [bob, cat]);
  });
  afterAll(() => srv.close());

  const receipts = (u: TestUser, messageId: string) =>
    request(srv.url).get(`/v1/chats/${chatId}/messages/${messageId}/receipts`).set(bearer(u));
  const view = async (u: TestUser) =>
    (await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(u)).expect(200)).body;
  const delivered = (u: TestUser, messageId: string) =>
    request(srv.url).post(`/v1/chats/${chatId}/delivered`).set(bearer(u)).send({ messageId });

  it('tells the sender at once of the online member and of the offline one once it synced', async () => {
    const catSince = await firstToken(srv.url, cat); // cat's phone goes offline here
    const annWs = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const bobWs = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    annWs.send({ type: 'send', chatId, clientMsgId: 'tick-1', text: 'are you there?' });
    const { message: m } = await annWs.next('ack');
    expect(await view(ann)).not.toHaveProperty('deliveredUpTo'); // one tick

    const got = await bobWs.next('message', (f) => f.message.id === m.id);
    bobWs.send({ type: 'delivered', chatId, messageId: got.message.id });
    expect(await annWs.next('delivered', (f) => f.userId === bob.id)).toEqual({
      type: 'delivered',
      chatId,
      userId: bob.id,
      messageId: m.id,
    });
    const one = (await receipts(ann, m.id).expect(200)).body.receipts;
    expect(one).toEqual(
      [{ userId: bob.id, deliveredAt: expect.any(String) }, { userId: cat.id }].sort((a, b) =>
        a.userId < b.userId ? -1 : 1,
      ),
    );
    expect(await view(ann)).not.toHaveProperty('deliveredUpTo'); // cat has not got it yet

    // Cat's phone comes back, syncs, and says what it got.
    const sync = await request(srv.url).get('/v1/sync').query({ since: catSince }).set(bearer(cat));
    const replayed = sync.body.changes.find((f: { type: string }) => f.type === 'message');
    expect(replayed.message.id).toBe(m.id);
    expect((await delivered(cat, m.id).expect(200)).body).toEqual({ lastDeliveredId: m.id });
    await annWs.next('delivered', (f) => f.userId === cat.id && f.messageId === m.id);

    const annView = await view(ann);
    expect(annView.deliveredUpTo).toBe(m.id); // two ticks
    expect(annView).not.toHaveProperty('readUpTo');
    const both = (await receipts(ann, m.id).expect(200)).body.receipts;
    for (const r of both) expect(r).toEqual({ userId: r.userId, deliveredAt: expect.any(String) });
    annWs.close();
    bobWs.close();
  });

  it('counts a read as delivered too, and reports both times per member', async () => {
    const annWs = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const m = await postMessage(srv.url, ann, chatId, 'read me');
    await request(srv.url)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(bob))
      .send({ messageId: m.id })
      .expect(200);
    await annWs.next('delivered', (f) => f.userId === bob.id && f.messageId === m.id);
    await annWs.next('read', (f) => f.userId === bob.id && f.messageId === m.id);
    const bobSeen = (await view(ann)).members.find((x: { userId: string }) => x.userId === bob.id);
    expect(bobSeen).toMatchObject({ lastReadId: m.id, lastDeliveredId: m.id });

    await delivered(cat, m.id).expect(200);
    await request(srv.url)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(cat))
      .send({ messageId: m.id })
      .expect(200);
    const list = (await receipts(ann, m.id).expect(200)).body.receipts as {
      userId: string;
      deliveredAt: string;
      readAt: string;
    }[];
    expect(list.map((r) => r.userId).sort()).toEqual([bob.id, cat.id].sort());
    const bobR = list.find((r) => r.userId === bob.id);
    const catR = list.find((r) => r.userId === cat.id);
    expect(bobR?.deliveredAt).toBe(bobR?.readAt);
    expect(Date.parse(catR?.deliveredAt ?? '')).toBeLessThanOrEqual(Date.parse(catR?.readAt ?? ''));
    const sentAt = Date.parse((m as unknown as { createdAt: string }).createdAt);
    expect(Date.parse(catR?.deliveredAt ?? '')).toBeGreaterThanOrEqual(sentAt);
    const annView = await view(ann);
    expect(annView).toMatchObject({ deliveredUpTo: m.id, readUpTo: m.id }); // blue ticks
    annWs.close();
  });

  it('shows receipts to the sender only, and a chat’s messages only to its members', async () => {
    const m = await postMessage(srv.url, ann, chatId, 'mine to inspect');
    expect((await receipts(bob, m.id)).status).toBe(403);
    expect((await receipts(eve, m.id)).status).toBe(404);
    expect((await receipts(ann, '01ARZ3NDEKTSV4RRFFQ69G5FAV')).status).toBe(404);
  });

  it('never moves the delivered marker back, and refuses message ids of other chats', async () => {
    const older = await postMessage(srv.url, ann, chatId, 'older');
    const newer = await postMessage(srv.url, ann, chatId, 'newer');
    await delivered(bob, newer.id).expect(200);
    expect((await delivered(bob, older.id).expect(200)).body).toEqual({ lastDeliveredId: newer.id });

    const elsewhere = await createGroup(srv.url, ann, [bob]);
    const foreign = await postMessage(srv.url, ann, elsewhere, 'other chat');
    const res = await delivered(cat, foreign.id);
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const catNow = (await view(ann)).members.find((x: { userId: string }) => x.userId === cat.id);
    expect(catNow.lastDeliveredId < foreign.id).toBe(true);

    const ws = await TestSocket.ready(srv.wsUrl, cat.accessToken);
    ws.send({ type: 'delivered', chatId, messageId: foreign.id });
    expect(await ws.next('error')).toMatchObject({ code: 'not_found', ref: foreign.id });
    ws.send({ type: 'delivered', chatId, messageId: 'nope' });
    expect(await ws.next('error')).toMatchObject({ code: 'validation_failed', ref: 'nope' });
    ws.close();
  });
});
