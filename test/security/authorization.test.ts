import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUp, signUpAll, type TestUser } from '../helpers/app.js';
import { testConfig } from '../helpers/config.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

type Role = 'anonymous' | 'expired' | 'nonMember' | 'removed' | 'member' | 'owner';
const ROLES: Role[] = ['anonymous', 'expired', 'nonMember', 'removed', 'member', 'owner'];

interface Route {
  name: string;
  method: 'get' | 'post' | 'patch' | 'delete';
  /** Built per attempt: some routes consume a fresh target (a user to add, a member to remove). */
  setup?: () => Promise<{ path?: string; body?: object }>;
  path: string;
  body?: object;
  expect: Partial<Record<Role, number>>;
}

const chatRoute = { anonymous: 401, expired: 401, nonMember: 404, removed: 404 };

describe('authorization matrix', () => {
  let srv: TestServer;
  let owner: TestUser;
  let member: TestUser;
  let removed: TestUser;
  let outsider: TestUser;
  let chatId: string;
  let ownersMessage: string;
  let otherChatMessage: { chatId: string; id: string };
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    srv = await startTestServer();
    [owner, member, removed, outsider] = await signUpAll(srv.url, 'own', 'mem', 'rem', 'out');
    chatId = await createGroup(srv.url, owner, [member, removed]);
    ownersMessage = (await postMessage(srv.url, owner, chatId, 'owner wrote this')).id;
    await request(srv.url).delete(`/v1/chats/${chatId}/members/${removed.id}`).set(bearer(owner)).expect(204);
    const otherChat = await createGroup(srv.url, outsider, []);
    otherChatMessage = {
      chatId: otherChat,
      id: (await postMessage(srv.url, outsider, otherChat, 'elsewhere')).id,
    };
    const secret = testConfig().jwtSecret;
    tokens.expired = jwt.sign(
      { sub: member.id, iss: 'chat-x', aud: 'chat-x-api', exp: Math.floor(Date.now() / 1000) - 60 },
      secret,
    );
    tokens.nonMember = outsider.accessToken;
    tokens.removed = removed.accessToken;
    tokens.member = member.accessToken;
    tokens.owner = owner.accessToken;
  });
  afterAll(() => srv.close());

  const fresh = async () => (await signUp(srv.url, 'target')).id;
  const freshMember = async () => {
    const u = await signUp(srv.url, 'target');
    await request(srv.url)
      .post(`/v1/chats/${chatId}/members`)
      .set(bearer(owner))
      .send({ userId: u.id })
      .expect(201);
    return u.id;
  };

  const routes = (): Route[] => [
    {
      name: 'list my chats',
      method: 'get',
      path: '/v1/chats',
      expect: { anonymous: 401, expired: 401, nonMember: 200, removed: 200, member: 200, owner: 200 },
    },
    {
      name: 'my profile',
      method: 'get',
      path: '/v1/users/me',
      expect: { anonymous: 401, expired: 401, nonMember: 200, removed: 200, member: 200, owner: 200 },
    },
    {
      name: 'search users',
      method: 'get',
      path: '/v1/users?query=own',
      expect: { anonymous: 401, expired: 401, member: 200 },
    },
    {
      name: 'read a chat',
      method: 'get',
      path: `/v1/chats/${chatId}`,
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
    {
      name: 'rename a group',
      method: 'patch',
      path: `/v1/chats/${chatId}`,
      body: { name: 'Renamed' },
      expect: { ...chatRoute, member: 403, owner: 200 },
    },
    {
      name: 'add a member',
      method: 'post',
      path: `/v1/chats/${chatId}/members`,
      setup: async () => ({ body: { userId: await fresh() } }),
      expect: { ...chatRoute, member: 403, owner: 201 },
    },
    {
      name: 'remove a member',
      method: 'delete',
      path: '',
      setup: async () => ({ path: `/v1/chats/${chatId}/members/${await freshMember()}` }),
      expect: { ...chatRoute, member: 403, owner: 204 },
    },
    {
      name: 'change a role',
      method: 'patch',
      path: '',
      body: { role: 'admin' },
      setup: async () => ({ path: `/v1/chats/${chatId}/members/${await freshMember()}` }),
      expect: { ...chatRoute, member: 403, owner: 200 },
    },
    {
      name: 'read history',
      method: 'get',
      path: `/v1/chats/${chatId}/messages`,
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
    {
      name: 'send a message',
      method: 'post',
      path: `/v1/chats/${chatId}/messages`,
      setup: async () => ({ body: { clientMsgId: `m${Math.random().toString(36).slice(2)}`, text: 'hi' } }),
      expect: { ...chatRoute, member: 201, owner: 201 },
    },
    {
      name: 'read one message',
      method: 'get',
      path: `/v1/chats/${chatId}/messages/${ownersMessage}`,
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
    {
      name: 'edit the owner\u2019s message',
      method: 'patch',
      path: `/v1/chats/${chatId}/messages/${ownersMessage}`,
      body: { text: 'edited' },
      expect: { ...chatRoute, member: 403, owner: 200 },
    },
    {
      name: 'delete a message',
      method: 'delete',
      path: '',
      setup: async () => ({
        path: `/v1/chats/${chatId}/messages/${(await postMessage(srv.url, owner, chatId, 'to delete')).id}`,
      }),
      expect: { ...chatRoute, member: 403, owner: 200 },
    },
    {
      name: 'mark read',
      method: 'post',
      path: `/v1/chats/${chatId}/read`,
      body: { messageId: ownersMessage },
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
  ];

  it('gives every REST route the expected answer for every kind of caller', async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    for (const route of routes()) {
      for (const role of ROLES) {
        const want = route.expect[role];
        if (want === undefined) continue;
        const extra = route.setup ? await route.setup() : {};
        let req = request(srv.url)[route.method](extra.path ?? route.path);
        if (role !== 'anonymous') req = req.set('Authorization', `Bearer ${tokens[role]}`);
        const body = extra.body ?? route.body;
        const res = await (body ? req.send(body) : req);
        outcomes.push(`${route.name} as ${role}: ${res.status}`);
        expected.push(`${route.name} as ${role}: ${want}`);
        if (res.status === 404) expect(JSON.stringify(res.body)).not.toContain('owner wrote this');
      }
    }
    expect(outcomes).toEqual(expected);
  });

  it('refuses other chats\u2019 message ids through a chat I am in (IDOR)', async () => {
    const { chatId: other, id } = otherChatMessage;
    for (const [method, path, body] of [
      ['get', `/v1/chats/${chatId}/messages/${id}`, undefined],
      ['patch', `/v1/chats/${chatId}/messages/${id}`, { text: 'x' }],
      ['delete', `/v1/chats/${chatId}/messages/${id}`, undefined],
      ['post', `/v1/chats/${chatId}/read`, { messageId: id }],
      ['get', `/v1/chats/${other}/messages/${id}`, undefined],
      ['delete', `/v1/chats/${other}/members/${outsider.id}`, undefined],
    ] as const) {
      const req = request(srv.url)[method](path).set(bearer(owner));
      const res = await (body ? req.send(body) : req);
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
    }
  });

  it('gives every WebSocket frame the expected answer for every kind of caller', async () => {
    for (const role of ['anonymous', 'expired'] as const) {
      const s = TestSocket.connect(srv.wsUrl, role === 'expired' ? { token: tokens.expired as string } : {});
      expect({ role, code: (await s.closed).code }).toEqual({ role, code: 4401 });
    }
    for (const role of ['nonMember', 'removed', 'member', 'owner'] as const) {
      const s = await TestSocket.ready(srv.wsUrl, tokens[role] as string);
      const allowed = role === 'member' || role === 'owner';
      s.send({ type: 'send', chatId, clientMsgId: `ws-${role}`, text: 'hi' });
      if (allowed) expect((await s.next('ack')).clientMsgId).toBe(`ws-${role}`);
      else expect(await s.next('error')).toMatchObject({ code: 'not_found', ref: `ws-${role}` });
      s.send({ type: 'read', chatId, messageId: ownersMessage });
      s.send({ type: 'typing', chatId });
      s.send({ type: 'sync' });
      const first = await s.next('synced');
      const probe = await postMessage(srv.url, owner, chatId, `probe for ${role}`);
      s.send({ type: 'sync', since: first.token });
      await s.next('synced');
      if (allowed) await s.next('message', (f) => f.message.id === probe.id);
      else {
        await s.until(() => (s.of('error').length >= 3 ? true : undefined));
        expect(s.of('error').map((e) => e.code)).toEqual(['not_found', 'not_found', 'not_found']);
        expect(s.of('message').filter((f) => f.message.chatId === chatId)).toEqual([]);
      }
      s.close();
    }
  });
});
