import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('limits', () => {
  let srv: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    srv = await startTestServer({ hub: { maxConnectionsPerUser: 3 } });
    [user] = await signUpAll(srv.url, 'lim');
  });
  afterAll(() => srv.close());

  it('closes a connection beyond the per-user device limit with 4429', async () => {
    const open = await Promise.all([1, 2, 3].map(() => TestSocket.ready(srv.wsUrl, user.accessToken)));
    const extra = TestSocket.connect(srv.wsUrl, { token: user.accessToken });
    expect(await extra.closed).toEqual({ code: 4429, reason: 'too many connections for this user' });
    open[0]?.close();
    await open[0]?.closed;
    const again = await TestSocket.ready(srv.wsUrl, user.accessToken); // a freed slot is usable
    for (const s of [...open.slice(1), again]) s.close();
  });

  it('caps page sizes with a clear 400', async () => {
    const chats = await request(srv.url).get('/v1/chats').query({ limit: 51 }).set(bearer(user));
    expect(chats.status).toBe(400);
    expect(chats.body.error.details[0]).toMatchObject({ path: 'limit' });
  });
});
