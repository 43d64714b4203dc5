import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, signUpAll } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('join requests on the admins’ devices', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv.close());

  it('reach every owner and admin live and on sync, and an answer by one reaches the others', async () => {
    const [ann, bob, cat, dan, eve] = await signUpAll(srv.url, 'ann', 'bob', 'cat', 'dan', 'eve');
    const chatId = await createGroup(srv.url, ann, [bob, cat], { name: 'Climbers' });
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/members/${bob.id}`)
      .set(bearer(ann))
      .send({ role: 'admin' })
      .expect(200);
    await request(srv.url)
      .patch(`/v1/chats/${chatId}`)
      .set(bearer(ann))
      .send({ approveMembers: true })
      .expect(200);
    const { code } = (await request(srv.url).post(`/v1/chats/${chatId}/invites`).set(bearer(ann)).send({}))
      .body;
    const annSince = await firstToken(srv.url, ann); // Ann's phone is away from here on
    const [bobSocket, catSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, bob.accessToken),
      TestSocket.ready(srv.wsUrl, cat.accessToken),
    ]);

    for (const u of [dan, eve])
      expect((await request(srv.url).post(`/v1/invites/${code}/join`).set(bearer(u))).body).toEqual({
        requested: true,
      });
    // Asking twice tells nobody twice.
    await request(srv.url).post(`/v1/invites/${code}/join`).set(bearer(dan)).expect(202);
    const asked = await bobSocket.next('join_requested', (f) => f.request.userId === dan.id);
    expect(asked).toMatchObject({ chatId, request: { userId: dan.id, userName: dan.userName } });
    await bobSocket.next('join_requested', (f) => f.request.userId === eve.id);

    await request(srv.url)
      .post(`/v1/chats/${chatId}/join-requests/${dan.id}/approve`)
      .set(bearer(ann))
      .expect(204);
    expect(await bobSocket.next('join_request_closed', (f) => f.userId === dan.id)).toEqual({
      type: 'join_request_closed',
      chatId,
      userId: dan.id,
      approved: true,
    });
    await request(srv.url)
      .post(`/v1/chats/${chatId}/join-requests/${eve.id}/deny`)
      .set(bearer(bob))
      .expect(204);

    const { replay } = await wsSync(srv.wsUrl, ann, annSince);
    const notices = replay.filter((f) => f.type === 'join_requested' || f.type === 'join_request_closed');
    expect(notices.map((f) => [f.type, f.type === 'join_requested' ? f.request.userId : f.userId])).toEqual([
      ['join_requested', dan.id],
      ['join_requested', eve.id],
      ['join_request_closed', dan.id],
      ['join_request_closed', eve.id],
    ]);
    expect(bobSocket.of('join_requested')).toHaveLength(2);
    // Members who are not admins hear nothing of it.
    expect([...catSocket.of('join_requested'), ...catSocket.of('join_request_closed')]).toEqual([]);
    bobSocket.close();
    catSocket.close();
  });

  it('lets only one of an approve and a deny made at once win, and tells the admins which', async () => {
    const [ann, bob, fay] = await signUpAll(srv.url, 'ann', 'bob', 'fay');
    const chatId = await createGroup(srv.url, ann, [bob], { name: 'Racers' });
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/members/${bob.id}`)
      .set(bearer(ann))
      .send({ role: 'admin' });
    await request(srv.url)
      .patch(`/v1/chats/${chatId}`)
      .set(bearer(ann))
      .send({ approveMembers: true })
      .expect(200);
    const { code } = (await request(srv.url).post(`/v1/chats/${chatId}/invites`).set(bearer(ann)).send({}))
      .body;
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    await request(srv.url).post(`/v1/invites/${code}/join`).set(bearer(fay)).expect(202);
    await annSocket.next('join_requested', (f) => f.request.userId === fay.id);

    const [approve, deny] = await Promise.all([
      request(srv.url).post(`/v1/chats/${chatId}/join-requests/${fay.id}/approve`).set(bearer(ann)),
      request(srv.url).post(`/v1/chats/${chatId}/join-requests/${fay.id}/deny`).set(bearer(bob)),
    ]);
    expect([approve.status, deny.status].sort()).toEqual([204, 404]);
    const closed = await annSocket.next('join_request_closed', (f) => f.userId === fay.id);
    const members = (await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(ann))).body.members;
    const joined = members.some((m: { userId: string }) => m.userId === fay.id);
    expect({ approved: closed.approved, joined }).toEqual({
      approved: approve.status === 204,
      joined: approve.status === 204,
    });
    expect(annSocket.of('join_request_closed').filter((f) => f.userId === fay.id)).toHaveLength(1);
    annSocket.close();
  });
});
