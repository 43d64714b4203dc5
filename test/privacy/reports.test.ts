import { GetCommand } from '@aws-sdk/lib-dynamodb';
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

describe('reports', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  let direct: string;
  beforeAll(async () => {
    t = await createTestApp({ limits: { reportsPerUser: { capacity: 6, windowSeconds: 600 } } });
    [ann, bob, carol] = await signUpAll(t.app, 'ann', 'bob', 'carol');
    direct = (
      await request(t.app)
        .post('/v1/chats')
        .set(bearer(bob))
        .send({ type: 'direct', userId: ann.id })
        .expect(201)
    ).body.id;
  });
  afterAll(() => t.close());

  const stored = async (id: string) =>
    (
      await t.db.doc.send(
        new GetCommand({ TableName: t.db.tables.safety, Key: { pk: `report#${id}`, sk: 'report' } }),
      )
    ).Item;
  const report = (u: TestUser, body: object) => request(t.app).post('/v1/reports').set(bearer(u)).send(body);

  it('stores a reported message with its text as it was, even once it is edited or deleted', async () => {
    const m = await postMessage(t.app, bob, direct, 'buy my crypto');
    const res = await report(ann, { chatId: direct, messageId: m.id, reason: 'spam' }).expect(202);
    await request(t.app)
      .patch(`/v1/chats/${direct}/messages/${m.id}`)
      .set(bearer(bob))
      .send({ text: 'hello' })
      .expect(200);
    await request(t.app).delete(`/v1/chats/${direct}/messages/${m.id}`).set(bearer(bob)).expect(200);
    expect(await stored(res.body.id)).toMatchObject({
      reporterId: ann.id,
      userId: bob.id,
      chatId: direct,
      messageId: m.id,
      messageText: 'buy my crypto',
      reason: 'spam',
    });
  });

  it('blocks the reported person of a direct chat in the same step when asked', async () => {
    const res = await report(ann, { chatId: direct, reason: 'harassment', block: true }).expect(202);
    expect(await stored(res.body.id)).toMatchObject({ userId: bob.id, blocked: true });
    const blocks = await request(t.app).get('/v1/users/me/blocks').set(bearer(ann)).expect(200);
    expect(blocks.body.blocks.map((b: { userId: string }) => b.userId)).toEqual([bob.id]);
    const send = await request(t.app)
      .post(`/v1/chats/${direct}/messages`)
      .set(bearer(bob))
      .send({ clientMsgId: 'after-report', text: 'why?' });
    expect(send.body.error.code).toBe('blocked');
  });

  it('refuses what the reporter cannot see, themselves, and bad input', async () => {
    const group = await createGroup(t.app, carol, []);
    const hidden = await postMessage(t.app, carol, group, 'not for ann');
    expect((await report(ann, { chatId: group, reason: 'x' })).status).toBe(404);
    expect((await report(ann, { chatId: group, messageId: hidden.id, reason: 'x' })).status).toBe(404);
    expect((await report(ann, { userId: ann.id, reason: 'x' })).status).toBe(422);
    expect((await report(ann, { userId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', reason: 'x' })).status).toBe(404);
    expect((await report(ann, { reason: 'nothing named' })).status).toBe(400);
    expect((await report(ann, { userId: carol.id })).status).toBe(400);
    expect((await report(ann, { userId: carol.id, reason: 'x', extra: 1 })).status).toBe(400);
  });

  it('limits how often one person reports', async () => {
    const [spammer] = await signUpAll(t.app, 'spam');
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++)
      statuses.push((await report(spammer, { userId: carol.id, reason: `r${i}` })).status);
    expect(statuses).toEqual([202, 202, 202, 202, 202, 202, 429]);
  });
});
