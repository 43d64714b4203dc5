import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('one send budget per user, shared by REST and WebSocket', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer({ limits: { sendsPerUser: { capacity: 5, windowSeconds: 600 } } });
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  const post = (u: TestUser, id: string) =>
    request(srv.url)
      .post(`/v1/chats/${chatId}/messages`)
      .set(bearer(u))
      .send({ clientMsgId: id, text: 'hi' });

  it('answers REST sends beyond the budget with 429 rate_limited and a Retry-After', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await post(ann, `rest-${i}`)).status);
    expect(statuses).toEqual([201, 201, 201, 201, 201]);
    const over = await post(ann, 'rest-over');
    expect(over.status).toBe(429);
    expect(over.body.error.code).toBe('rate_limited');
    expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('counts WebSocket sends and REST sends against the same budget', async () => {
    for (let i = 0; i < 3; i++) expect((await post(bob, `mix-rest-${i}`)).status).toBe(201);
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    for (let i = 0; i < 2; i++) {
      s.send({ type: 'send', chatId, clientMsgId: `mix-ws-${i}`, text: 'hi' });
      await s.next('ack', (f) => f.clientMsgId === `mix-ws-${i}`);
    }
    s.send({ type: 'send', chatId, clientMsgId: 'mix-ws-over', text: 'hi' });
    expect(await s.next('error')).toMatchObject({ code: 'rate_limited', ref: 'mix-ws-over' });
    expect((await post(bob, 'mix-rest-over')).status).toBe(429);
    s.close();
  });
});
