import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConnectionLimits } from '../../src/realtime/connection.js';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('throttles on sync, read and typing', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer({
      hub: {
        // Two syncs and three reads per connection, then (practically) nothing more.
        connection: {
          ...defaultConnectionLimits,
          syncBurst: 2,
          syncsPerSecond: 0.001,
          readBurst: 3,
          readsPerSecond: 0.001,
          typingIntervalMs: 60_000,
        },
        sync: { limit: 2, checkpointMs: 60_000 },
      },
      limits: { syncsPerUser: { capacity: 2, windowSeconds: 600 } },
    });
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  it('answers sync frames beyond the per-connection budget with rate_limited', async () => {
    const s = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    for (let i = 0; i < 2; i++) {
      s.send({ type: 'sync' });
      await s.next('synced');
    }
    s.send({ type: 'sync' });
    expect(await s.next('error')).toMatchObject({ code: 'rate_limited' });
    s.close();
  });

  it('runs one sync at a time: a second, sent meanwhile, is asked for again (resync) once the first ends', async () => {
    const s = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    s.send({ type: 'sync' });
    s.send({ type: 'sync' });
    await s.next('synced');
    await s.next('resync');
    expect(s.of('synced')).toHaveLength(1);
    expect(s.of('error')).toHaveLength(0);
    s.close();
  });

  it('lets a device page through a backlog longer than its sync budget', async () => {
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    s.send({ type: 'sync' });
    let synced = await s.next('synced');
    for (let i = 0; i < 7; i++) await postMessage(srv.url, ann, chatId, `backlog ${i}`);
    const pages: boolean[] = [];
    for (let i = 0; i < 6 && !pages.includes(true); i++) {
      s.send({ type: 'sync', since: synced.token });
      synced = await s.next('synced');
      pages.push(synced.complete);
    }
    expect(pages).toEqual([false, false, false, true]);
    expect(s.of('error')).toEqual([]);
    s.close();
  });

  it('answers read frames beyond the per-connection budget with rate_limited and the message id', async () => {
    const m = await postMessage(srv.url, ann, chatId, 'read me');
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    for (let i = 0; i < 4; i++) s.send({ type: 'read', chatId, messageId: m.id });
    expect(await s.next('error', (f) => f.code === 'rate_limited')).toMatchObject({ ref: m.id });
    s.close();
  });

  it("throttles typing per user and chat across all of that user's connections", async () => {
    const [phone, laptop, peer] = await Promise.all(
      [ann, ann, bob].map((u) => TestSocket.ready(srv.wsUrl, u.accessToken)),
    );
    for (const s of [phone, laptop] as TestSocket[]) {
      s.send({ type: 'typing', chatId });
      s.send({ type: 'ping' });
      await s.next('pong');
    }
    // Fan-out is synchronous: anything the two typing frames caused was written before this pong.
    peer?.send({ type: 'ping' });
    await peer?.next('pong');
    expect(peer?.of('typing')).toHaveLength(1);
    for (const s of [phone, laptop, peer]) s?.close();
  });

  it('answers GET /v1/sync beyond the per-user budget with 429 and a Retry-After', async () => {
    const [cat] = await signUpAll(srv.url, 'cat');
    for (let i = 0; i < 2; i++) await request(srv.url).get('/v1/sync').set(bearer(cat)).expect(200);
    const over = await request(srv.url).get('/v1/sync').set(bearer(cat));
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });
});
