import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ulidTime } from '../../src/lib/ids.js';
import {
  bearer,
  createGroup,
  createTestApp,
  postMessage,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

// One-second history buckets, so that a few seconds of messages span several buckets (each its
// own partition), with empty ones between.
const BUCKET_MS = 1_000;
const bucketOf = (id: string) => Math.floor((ulidTime(id) as number) / BUCKET_MS);

/** Resolves once the clock has entered the bucket `n` buckets after the current one. */
function bucketsLater(n: number): Promise<void> {
  const target = (Math.floor(Date.now() / BUCKET_MS) + n) * BUCKET_MS;
  return new Promise((r) => setTimeout(r, target - Date.now() + 5));
}

describe('history split into time buckets', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  let token: string;
  /** Every message's id in chat order, and the clientMsgId of the first. */
  const ids: string[] = [];
  let firstClientMsgId = '';
  const send = async (text: string) => ids.push((await postMessage(t.app, ann, chatId, text)).id);

  beforeAll(async () => {
    // Export pages of 3 messages, so that they too end and start inside and between buckets.
    t = await createTestApp({ env: { MESSAGE_BUCKET_SECONDS: '1' }, limits: { pageMaxSize: 3 } });
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
    chatId = await createGroup(t.app, ann, [bob]);
    firstClientMsgId = `first-${Math.random().toString(36).slice(2)}`;
    const first = await request(t.app)
      .post(`/v1/chats/${chatId}/messages`)
      .set(bearer(ann))
      .send({ clientMsgId: firstClientMsgId, text: 'm0' })
      .expect(201);
    ids.push(first.body.id);
    for (let i = 1; i < 4; i++) await send(`m${i}`);
    await bucketsLater(1);
    for (let i = 4; i < 7; i++) await send(`m${i}`);
    // Bob's device syncs here; what follows reaches it through the feed.
    token = (await request(t.app).get('/v1/sync').set(bearer(bob)).expect(200)).body.token;
    await bucketsLater(3); // two buckets stay empty
    for (let i = 7; i < 10; i++) await send(`m${i}`);
    await request(t.app).patch(`/v1/chats/${chatId}`).set(bearer(ann)).send({ name: 'Renamed' }).expect(200);
    await request(t.app)
      .patch(`/v1/chats/${chatId}/messages/${ids[0]}`)
      .set(bearer(ann))
      .send({ text: 'm0 edited' })
      .expect(200);
    await bucketsLater(1);
    for (let i = 10; i < 12; i++) await send(`m${i}`);
  }, 30_000);
  afterAll(() => t.close());

  it('spreads the messages over several buckets with empty buckets between', async () => {
    const used = [...new Set(ids.map(bucketOf))];
    expect(used.length).toBeGreaterThanOrEqual(3);
    const gaps = used.slice(1).map((b, i) => b - (used[i] as number));
    expect(Math.max(...gaps)).toBeGreaterThanOrEqual(3);
    // Each message's bucket is a partition of its own, listed in the chat's bucket index.
    const index = await t.db.doc.send(
      new QueryCommand({
        TableName: t.db.tables.messages,
        KeyConditionExpression: 'pk = :p',
        ExpressionAttributeValues: { ':p': `${chatId}#b` },
      }),
    );
    const listed = new Set((index.Items ?? []).map((i) => Number(i.sk)));
    for (const b of used) expect(listed.has(b)).toBe(true);
  });

  it('pages history backwards across buckets in order, with no gaps or repeats', async () => {
    const seen: string[] = [];
    let before: string | undefined;
    for (let page = 0; page < 20; page++) {
      const res = await request(t.app)
        .get(`/v1/chats/${chatId}/messages`)
        .query({ limit: 2, ...(before ? { before } : {}) })
        .set(bearer(bob))
        .expect(200);
      seen.push(...res.body.messages.map((m: { id: string }) => m.id));
      before = seen.at(-1);
      if (!res.body.hasMore) break;
    }
    expect(seen).toEqual([...ids].reverse());
  });

  it('pages history forwards across buckets in order, with no gaps or repeats', async () => {
    const seen: string[] = [ids[0] as string];
    for (let page = 0; page < 20; page++) {
      const res = await request(t.app)
        .get(`/v1/chats/${chatId}/messages`)
        .query({ limit: 3, after: seen.at(-1) })
        .set(bearer(bob))
        .expect(200);
      seen.push(...res.body.messages.map((m: { id: string }) => m.id));
      if (!res.body.hasMore) break;
    }
    expect(seen).toEqual(ids);
  });

  it('reports no more history exactly at the oldest message', async () => {
    const res = await request(t.app)
      .get(`/v1/chats/${chatId}/messages`)
      .query({ limit: 4, before: ids[4] })
      .set(bearer(bob))
      .expect(200);
    expect(res.body.messages.map((m: { id: string }) => m.id)).toEqual(ids.slice(0, 4).reverse());
    expect(res.body.hasMore).toBe(false);
  });

  it('syncs across buckets in position order: new messages, an old message edited, a rename', async () => {
    const got: string[] = [];
    for (let page = 0; page < 20; page++) {
      const res = await request(t.app)
        .get('/v1/sync')
        .query({ since: token, limit: 2 })
        .set(bearer(bob))
        .expect(200);
      for (const f of res.body.changes) {
        if (f.type === 'message') got.push(f.message.text);
        else if (f.type === 'message_updated') got.push(`updated ${f.message.id} ${f.message.text}`);
        else if (f.type === 'chat_updated') got.push(`renamed ${f.name}`);
        else got.push(f.type);
      }
      token = res.body.token;
      if (res.body.complete) break;
    }
    expect(got).toEqual(['m7', 'm8', 'm9', 'renamed Renamed', `updated ${ids[0]} m0 edited`, 'm10', 'm11']);
  });

  it('finds a message by id in an old bucket, in its current state', async () => {
    const res = await request(t.app)
      .get(`/v1/chats/${chatId}/messages/${ids[0]}`)
      .set(bearer(bob))
      .expect(200);
    expect(res.body).toMatchObject({ id: ids[0], text: 'm0 edited' });
  });

  it('answers a resend of a clientMsgId from an old bucket with the original', async () => {
    const res = await request(t.app)
      .post(`/v1/chats/${chatId}/messages`)
      .set(bearer(ann))
      .send({ clientMsgId: firstClientMsgId, text: 'm0' })
      .expect(200);
    expect(res.body.id).toBe(ids[0]);
    const latest = await request(t.app)
      .get(`/v1/chats/${chatId}/messages`)
      .query({ limit: 1 })
      .set(bearer(bob))
      .expect(200);
    expect(latest.body.messages[0].id).toBe(ids.at(-1));
  });

  it("exports the sender's messages across buckets in chat order", async () => {
    const res = await request(t.app).get('/v1/users/me/export').set(bearer(ann)).expect(200);
    const doc = JSON.parse(res.text);
    expect(doc.messages.map((m: { id: string }) => m.id)).toEqual(ids);
  });
});
