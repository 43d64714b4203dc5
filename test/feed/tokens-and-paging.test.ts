import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SyncTokens } from '../../src/feed/token.js';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { testConfig } from '../helpers/config.js';
import { firstToken } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('sync tokens and paging', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
  });
  afterAll(() => srv.close());

  it('pages with complete:false and loses nothing while others keep writing', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    let token = await firstToken(srv.url, bob);
    const sent: string[] = [];
    for (let i = 0; i < 12; i++) sent.push((await postMessage(srv.url, ann, chatId, `backlog ${i}`)).id);
    const got: string[] = [];
    let writing = true;
    const writer = (async () => {
      for (let i = 0; writing && i < 40; i++)
        sent.push((await postMessage(srv.url, ann, chatId, `during ${i}`)).id);
    })();
    let pages = 0;
    for (;;) {
      const res = await request(srv.url)
        .get('/v1/sync')
        .query({ since: token, limit: 5 })
        .set(bearer(bob))
        .expect(200);
      pages += 1;
      got.push(...res.body.changes.map((c: { message: { id: string } }) => c.message.id));
      token = res.body.token;
      if (res.body.complete && !writing) break;
      if (pages === 6) {
        writing = false;
        await writer;
      }
    }
    expect(pages).toBeGreaterThan(3);
    expect(got).toEqual(sent);
  });

  it('answers a token of another user, a tampered one and garbage with sync_token_invalid', async () => {
    const annToken = await firstToken(srv.url, ann);
    const raw = Buffer.from(await firstToken(srv.url, bob), 'base64url');
    raw[3] = (raw[3] as number) ^ 1;
    for (const since of [annToken, raw.toString('base64url'), 'AAAAAAAAAAAAAAAAAAAAAAAAAAAA']) {
      const res = await request(srv.url).get('/v1/sync').query({ since }).set(bearer(bob)).expect(400);
      expect(res.body.error.code).toBe('sync_token_invalid');
    }
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    s.send({ type: 'sync', since: annToken });
    expect(await s.next('error')).toMatchObject({ code: 'sync_token_invalid' });
    s.send({ type: 'ping' });
    await s.next('pong'); // the socket keeps serving
    s.send({ type: 'sync', since: 'not a token!' });
    expect(await s.next('error')).toMatchObject({ code: 'validation_failed' });
    s.close();
  });

  it('answers a token older than the retention with sync_expired (410)', async () => {
    const old = new SyncTokens(testConfig().jwtSecret).encode(bob.id, {
      from: Date.now() - 31 * 24 * 3600 * 1000,
      seen: new Map(),
    });
    const res = await request(srv.url).get('/v1/sync').query({ since: old }).set(bearer(bob)).expect(410);
    expect(res.body.error.code).toBe('sync_expired');
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    s.send({ type: 'sync', since: old });
    expect(await s.next('error')).toMatchObject({ code: 'sync_expired' });
    s.close();
  });

  it('refuses a sync without a session and a limit out of range', async () => {
    await request(srv.url).get('/v1/sync').expect(401);
    const res = await request(srv.url).get('/v1/sync').query({ limit: 501 }).set(bearer(bob)).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('sends a connected device fresh tokens, so a reconnect replays only what it missed', async () => {
    const local = await startTestServer({ hub: { sync: { limit: 500, checkpointMs: 200 } } });
    try {
      const [a, b] = await signUpAll(local.url, 'ann', 'bob');
      const chatId = await createGroup(local.url, a, [b]);
      const s = await TestSocket.ready(local.wsUrl, b.accessToken);
      s.send({ type: 'sync' });
      const first = await s.next('synced');
      const live = await postMessage(local.url, a, chatId, 'seen live');
      await s.next('message', (f) => f.message.id === live.id);
      const checkpoint = await s.next('synced', (f) => f.token !== first.token);
      s.close();
      const missed = await postMessage(local.url, a, chatId, 'missed');
      const res = await request(local.url)
        .get('/v1/sync')
        .query({ since: checkpoint.token })
        .set(bearer(b))
        .expect(200);
      expect(res.body.changes.map((c: { message: { id: string } }) => c.message.id)).toEqual([missed.id]);
    } finally {
      await local.close();
    }
  });
});
