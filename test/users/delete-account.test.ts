import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUp, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('DELETE /v1/users/me', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv.close());

  const deleteMe = (u: TestUser, password = u.password) =>
    request(srv.url).delete('/v1/users/me').set(bearer(u)).send({ password });

  it('refuses a wrong password with 401 invalid_credentials and deletes nothing', async () => {
    const u = await signUp(srv.url, 'keeper');
    const res = await deleteMe(u, 'not my password');
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('invalid_credentials');
    await request(srv.url).get('/v1/users/me').set(bearer(u)).expect(200);
  });

  it('requires the password in the body', async () => {
    const u = await signUp(srv.url, 'keeper');
    const res = await request(srv.url).delete('/v1/users/me').set(bearer(u)).send({});
    expect(res.status).toBe(400);
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'password' }));
  });

  it('answers 204 and ends every session: tokens, refresh tokens and open sockets', async () => {
    const u = await signUp(srv.url, 'leaver');
    const second = await request(srv.url)
      .post('/v1/auth/login')
      .send({ email: u.email, password: u.password });
    const socket = await TestSocket.ready(srv.wsUrl, second.body.accessToken);
    await deleteMe(u).expect(204);
    expect(await socket.closed).toMatchObject({ code: 4401 });
    expect((await request(srv.url).get('/v1/chats').set(bearer(u))).status).toBe(401);
    expect((await request(srv.url).get('/v1/chats').set(bearer(second.body))).status).toBe(401);
    const refresh = await request(srv.url).post('/v1/auth/refresh').send({ refreshToken: u.refreshToken });
    expect(refresh.status).toBe(401);
    const login = await request(srv.url)
      .post('/v1/auth/login')
      .send({ email: u.email, password: u.password });
    expect(login.status).toBe(401);
  });

  it('frees the email and the userName for a new sign-up', async () => {
    const u = await signUp(srv.url, 'again');
    await deleteMe(u).expect(204);
    const res = await request(srv.url)
      .post('/v1/auth/signup')
      .send({ email: u.email, password: 'another good password', userName: u.userName });
    expect(res.status).toBe(201);
    expect(res.body.user.id).not.toBe(u.id);
  });

  it('removes the profile: others get 404 for it and search no longer finds it', async () => {
    const [u, other] = await signUpAll(srv.url, 'ghost', 'looker');
    await deleteMe(u).expect(204);
    await request(srv.url).get(`/v1/users/${u.id}`).set(bearer(other)).expect(404);
    const found = await request(srv.url).get('/v1/users').query({ query: u.userName }).set(bearer(other));
    expect(found.body.users).toEqual([]);
  });

  describe('in a group', () => {
    it('leaves it, tells the other members, and keeps their messages attributed to a deleted account', async () => {
      const [owner, leaver, stayer] = await signUpAll(srv.url, 'owner', 'leaver', 'stayer');
      const chatId = await createGroup(srv.url, owner, [leaver, stayer]);
      const said = await postMessage(srv.url, leaver, chatId, 'bye all');
      const watcher = await TestSocket.ready(srv.wsUrl, stayer.accessToken);
      await deleteMe(leaver).expect(204);
      await watcher.next('member_removed', (f) => f.chatId === chatId && f.userId === leaver.id);
      watcher.close();
      const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(stayer)).expect(200);
      expect(chat.body.members.map((m: { userId: string }) => m.userId)).not.toContain(leaver.id);
      const history = await request(srv.url).get(`/v1/chats/${chatId}/messages`).set(bearer(stayer));
      expect(history.body.messages).toContainEqual(expect.objectContaining({ id: said.id, text: 'bye all' }));
    });

    it('hands ownership to the longest-standing admin when the owner deletes their account', async () => {
      const [owner, first, admin] = await signUpAll(srv.url, 'owner', 'first', 'admin');
      const chatId = await createGroup(srv.url, owner, [first, admin]);
      await request(srv.url)
        .patch(`/v1/chats/${chatId}/members/${admin.id}`)
        .set(bearer(owner))
        .send({ role: 'admin' })
        .expect(200);
      await deleteMe(owner).expect(204);
      const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(first)).expect(200);
      const roles = Object.fromEntries(
        chat.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role]),
      );
      expect(roles).toEqual({ [first.id]: 'member', [admin.id]: 'owner' });
    });

    it('hands ownership to the longest-standing member when there is no admin', async () => {
      const [owner, early] = await signUpAll(srv.url, 'owner', 'early');
      const chatId = await createGroup(srv.url, owner, [early]);
      const late = await signUp(srv.url, 'late');
      await request(srv.url)
        .post(`/v1/chats/${chatId}/members`)
        .set(bearer(owner))
        .send({ userId: late.id })
        .expect(201);
      await deleteMe(owner).expect(204);
      const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(late)).expect(200);
      const owners = chat.body.members.filter((m: { role: string }) => m.role === 'owner');
      expect(owners.map((m: { userId: string }) => m.userId)).toEqual([early.id]);
    });
  });

  describe('in a direct chat', () => {
    it('keeps the chat readable, shows the account as deleted, and makes it read-only', async () => {
      const [me, peer] = await signUpAll(srv.url, 'me', 'peer');
      const created = await request(srv.url)
        .post('/v1/chats')
        .set(bearer(me))
        .send({ type: 'direct', userId: peer.id })
        .expect(201);
      const chatId = created.body.id as string;
      const said = await postMessage(srv.url, peer, chatId, 'last words');
      await deleteMe(peer).expect(204);

      const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(me)).expect(200);
      expect(chat.body.members).toContainEqual(
        expect.objectContaining({ userId: peer.id, userName: 'deleted' }),
      );
      const history = await request(srv.url).get(`/v1/chats/${chatId}/messages`).set(bearer(me)).expect(200);
      expect(history.body.messages.map((m: { id: string }) => m.id)).toContain(said.id);

      const send = await request(srv.url)
        .post(`/v1/chats/${chatId}/messages`)
        .set(bearer(me))
        .send({ clientMsgId: 'after-delete', text: 'hello?' });
      expect(send.status).toBe(403);
      expect(send.body.error.code).toBe('forbidden');
      expect(send.body.error.message).toMatch(/deleted/i);
    });
  });
});
