import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('live traffic follows membership', () => {
  let srv: TestServer;
  let owner: TestUser;
  let late: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [owner, late] = await signUpAll(srv.url, 'own', 'late');
    chatId = await createGroup(srv.url, owner, []);
  });
  afterAll(() => srv.close());

  it('a member added later gets traffic from then on, never earlier live traffic', async () => {
    const lateSocket = await TestSocket.ready(srv.wsUrl, late.accessToken);
    const before = await postMessage(srv.url, owner, chatId, 'before you joined');
    await request(srv.url).post(`/v1/chats/${chatId}/members`).set(bearer(owner)).send({ userId: late.id });
    expect((await lateSocket.next('member_added')).userId).toBe(late.id);
    const after = await postMessage(srv.url, owner, chatId, 'welcome');
    expect((await lateSocket.next('message')).message.id).toBe(after.id);
    expect(lateSocket.of('message').map((f) => f.message.id)).not.toContain(before.id);
    lateSocket.close();
  });

  it('a removed member stops receiving at once', async () => {
    const s = await TestSocket.ready(srv.wsUrl, late.accessToken);
    await request(srv.url).delete(`/v1/chats/${chatId}/members/${late.id}`).set(bearer(owner));
    expect(await s.next('member_removed')).toMatchObject({ chatId, userId: late.id, by: owner.id });
    const m = await postMessage(srv.url, owner, chatId, 'after removal');
    // A frame sent after the removal to a still-member proves the removal frame came first.
    const ownerSocket = await TestSocket.ready(srv.wsUrl, owner.accessToken);
    const m2 = await postMessage(srv.url, owner, chatId, 'later');
    await ownerSocket.next('message', (f) => f.message.id === m2.id);
    expect(s.of('message').map((f) => f.message.id)).not.toContain(m.id);
    s.send({ type: 'send', chatId, clientMsgId: 'after-removal', text: 'still here?' });
    expect((await s.next('error')).code).toBe('not_found');
    s.close();
    ownerSocket.close();
  });
});
