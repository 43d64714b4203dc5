import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('sync pages at their edges', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    // The backlog test posts 80 messages as fast as the server takes them: past the default
    // per-user budget (60 per 3 s) whenever the machine is quick, which is not what it tests.
    srv = await startTestServer({ limits: { sendsPerUser: { capacity: 1_000, windowSeconds: 1 } } });
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
  });
  afterAll(() => srv.close());

  it('gives a removed member what was said before the removal even when the pages cut before it', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    let token = await firstToken(srv.url, bob);
    const before: string[] = [];
    for (let i = 0; i < 8; i++) before.push((await postMessage(srv.url, ann, chatId, `before ${i}`)).id);
    await request(srv.url).delete(`/v1/chats/${chatId}/members/${bob.id}`).set(bearer(ann)).expect(204);
    const after = await postMessage(srv.url, ann, chatId, 'after bob left');
    const got: string[] = [];
    for (let page = 0; page < 10; page++) {
      const res = await request(srv.url)
        .get('/v1/sync')
        .query({ since: token, limit: 3 })
        .set(bearer(bob))
        .expect(200);
      for (const f of res.body.changes) got.push(f.type === 'message' ? f.message.id : f.type);
      token = res.body.token;
      if (res.body.complete) break;
    }
    expect(got).toEqual([...before, 'member_removed']);
    expect(got).not.toContain(after.id);
  });

  it('pages a large backlog by size over a socket, which stays open', { timeout: 60_000 }, async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    const since = await firstToken(srv.url, bob);
    const long = 'é'.repeat(3_900); // ~8 KB a message in UTF-8
    const sent: string[] = [];
    for (let i = 0; i < 80; i++) sent.push((await postMessage(srv.url, ann, chatId, `${i} ${long}`)).id);
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    let pages = 0;
    for (let token = since; ; ) {
      s.send({ type: 'sync', since: token });
      const synced = await s.next('synced', () => true, 10_000);
      pages += 1;
      if (synced.complete || pages > 20) break;
      token = synced.token;
    }
    expect(pages).toBeGreaterThan(1);
    expect(s.of('message').map((f) => f.message.id)).toEqual(sent);
    expect(s.ws.readyState).toBe(s.ws.OPEN);
    s.close();
  });
});
