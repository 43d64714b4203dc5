import { createECDH, randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import jwt from 'jsonwebtoken';
import request, { type Response } from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUp, signUpAll, type TestUser } from '../helpers/app.js';
import { testConfig } from '../helpers/config.js';
import { resetLinkFor, tokenOf } from '../helpers/mail-sink.js';
import { registerDevice } from '../helpers/push.js';
import { vapidEnv } from '../helpers/push-stubs.js';
import { apiValidation } from '../helpers/record-responses.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

type Role = 'anonymous' | 'expired' | 'nonMember' | 'removed' | 'member' | 'owner';
const ROLES: Role[] = ['anonymous', 'expired', 'nonMember', 'removed', 'member', 'owner'];

interface Prepared {
  path?: string;
  body?: object;
  /** Call as this throw-away user (in the role's relation to the chat) instead of the shared one. */
  as?: TestUser;
  /** A user whose session must still work after the request. */
  intact?: TestUser;
}

interface Route {
  name: string;
  method: 'get' | 'post' | 'patch' | 'delete' | 'put';
  /**
   * Built per attempt: some routes consume a fresh target (a user to add, a member to remove),
   * and those that end sessions or the account act on a throw-away user, not the shared tokens.
   */
  setup?: (role: Role) => Promise<Prepared>;
  path: string;
  body?: object;
  expect: Partial<Record<Role, number>>;
  /** Checks a signed-in caller's answer further (that it is about the caller, that it leaks nothing). */
  check?: (res: Response, caller: { id: string; sessionId: string }, role: Role) => void;
}

const chatRoute = { anonymous: 401, expired: 401, nonMember: 404, removed: 404 };
/** Routes about the caller's own account: any signed-in caller gets their own. */
const ownRoute = (status: number) => ({
  anonymous: 401,
  expired: 401,
  nonMember: status,
  removed: status,
  member: status,
  owner: status,
});
/** Public routes: the same answer whoever calls, a bearer token (even an expired one) changes nothing. */
const publicRoute = (status: number) => ({
  anonymous: status,
  expired: status,
  nonMember: status,
  removed: status,
  member: status,
  owner: status,
});

/** The same session's access token, expired a minute ago. */
function expiredTokenOf(u: { accessToken: string }): string {
  const { iat: _iat, exp: _exp, ...claims } = jwt.decode(u.accessToken) as Record<string, unknown>;
  return jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) - 60 }, testConfig().jwtSecret);
}

/** A Web Push subscription to a local (loopback) endpoint nothing listens on. */
const subscription = () => {
  const ecdh = createECDH('prime256v1');
  ecdh.generateKeys();
  return {
    platform: 'webpush',
    subscription: {
      endpoint: `http://127.0.0.1:9/push/${randomBytes(8).toString('hex')}`,
      keys: {
        p256dh: ecdh.getPublicKey().toString('base64url'),
        auth: randomBytes(16).toString('base64url'),
      },
    },
  };
};

const claimsOf = (token: string) => {
  const c = jwt.decode(token) as { sub: string; sid: string };
  return { id: c.sub, sessionId: c.sid };
};

describe('authorization matrix', () => {
  const mailFile = join(mkdtempSync(join(tmpdir(), 'chatx-mail-')), 'mail.jsonl');
  let srv: TestServer;
  let owner: TestUser;
  let member: TestUser;
  let removed: TestUser;
  let outsider: TestUser;
  let chatId: string;
  let ownersMessage: string;
  let otherChatMessage: { chatId: string; id: string };
  let ownersSyncToken: string;
  /** A live invite link to a group of the owner's other than `chatId` (joins must not change roles). */
  let linkCode: string;
  let ownersDevice: string;
  const tokens: Partial<Record<Role, string>> = {};

  beforeAll(async () => {
    srv = await startTestServer({
      env: { MAIL_SINK: 'file', MAIL_SINK_FILE: mailFile, ...vapidEnv() },
      // Every reset-confirm attempt requests a reset first: past the default 10 per address.
      limits: { passwordResetPerIp: { capacity: 1_000, windowSeconds: 1 } },
    });
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
    ownersSyncToken = (await request(srv.url).get('/v1/sync').set(bearer(owner)).expect(200)).body.token;
    const linkChat = await createGroup(srv.url, owner, []);
    linkCode = (await request(srv.url).post(`/v1/chats/${linkChat}/invites`).set(bearer(owner)).expect(201))
      .body.code;
    ownersDevice = await registerDevice(srv.url, owner, subscription());
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
  /** A user of its own in the role's relation to the chat (expired: a member whose token expired). */
  const throwAway = async (role: Role): Promise<TestUser> => {
    const u = await signUp(srv.url, `tmp${role}`);
    if (role === 'owner') await createGroup(srv.url, u, [member]);
    if (role === 'member' || role === 'removed' || role === 'expired')
      await request(srv.url)
        .post(`/v1/chats/${chatId}/members`)
        .set(bearer(owner))
        .send({ userId: u.id })
        .expect(201);
    if (role === 'removed')
      await request(srv.url).delete(`/v1/chats/${chatId}/members/${u.id}`).set(bearer(owner)).expect(204);
    return u;
  };
  const refused = (role: Role) => role === 'anonymous' || role === 'expired';
  const ownerLink = async () =>
    (await request(srv.url).post(`/v1/chats/${chatId}/invites`).set(bearer(owner)).expect(201)).body
      .code as string;
  /** An invitation of a fresh user (who accepts adds from nobody) to the chat. */
  const someonesInvitation = async () => {
    const invitee = await signUp(srv.url, 'invitee');
    await request(srv.url)
      .patch('/v1/users/me')
      .set(bearer(invitee))
      .send({ groupAdd: 'nobody' })
      .expect(200);
    const res = await request(srv.url)
      .post(`/v1/chats/${chatId}/members`)
      .set(bearer(owner))
      .send({ userId: invitee.id })
      .expect(202);
    return res.body.invitation.id as string;
  };
  const login = async (u: TestUser) =>
    (await request(srv.url).post('/v1/auth/login').send({ email: u.email, password: u.password }).expect(200))
      .body.accessToken as string;

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
    {
      name: 'mark delivered',
      method: 'post',
      path: `/v1/chats/${chatId}/delivered`,
      body: { messageId: ownersMessage },
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
    {
      name: 'receipts of the owner\u2019s message',
      method: 'get',
      path: `/v1/chats/${chatId}/messages/${ownersMessage}/receipts`,
      expect: { ...chatRoute, member: 403, owner: 200 },
    },
    {
      name: 'react to a message',
      method: 'put',
      path: `/v1/chats/${chatId}/messages/${ownersMessage}/reaction`,
      body: { emoji: '👍' },
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
    {
      name: 'remove my reaction',
      method: 'delete',
      path: `/v1/chats/${chatId}/messages/${ownersMessage}/reaction`,
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
    {
      name: 'delete a message for me',
      method: 'delete',
      path: '',
      setup: async () => ({
        path: `/v1/chats/${chatId}/messages/${(await postMessage(srv.url, owner, chatId, 'hide me')).id}?for=me`,
      }),
      expect: { ...chatRoute, member: 204, owner: 204 },
    },
    {
      name: 'sync my feed',
      method: 'get',
      path: '/v1/sync',
      expect: ownRoute(200),
      check: (res, _caller, role) => {
        expect(res.body.token, `sync as ${role}`).toEqual(expect.any(String));
        if (role === 'nonMember') expect(res.text, 'sync as nonMember').not.toContain('owner wrote this');
      },
    },
    {
      name: 'sync from another user\u2019s token',
      method: 'get',
      path: `/v1/sync?since=${ownersSyncToken}`,
      expect: { anonymous: 401, expired: 401, nonMember: 400, removed: 400, member: 400, owner: 200 },
    },
    {
      name: 'export my data',
      method: 'get',
      path: '/v1/users/me/export',
      expect: ownRoute(200),
      check: (res, caller, role) => {
        const doc = JSON.parse(res.text);
        expect(doc.profile.id, `export as ${role}`).toBe(caller.id);
        // Only the caller's own messages: the owner's text is in no one else's export.
        if (role !== 'owner') expect(res.text, `export as ${role}`).not.toContain('owner wrote this');
      },
    },
    {
      name: 'list my sessions',
      method: 'get',
      path: '/v1/auth/sessions',
      expect: ownRoute(200),
      check: (res, caller, role) => {
        const current = res.body.sessions.filter((x: { current: boolean }) => x.current);
        expect(
          current.map((x: { id: string }) => x.id),
          `sessions as ${role}`,
        ).toEqual([caller.sessionId]);
      },
    },
    {
      name: 'end another of my sessions',
      method: 'delete',
      path: '',
      setup: async (role) => {
        const u = await throwAway(role);
        const { sessionId } = claimsOf(await login(u));
        return { path: `/v1/auth/sessions/${sessionId}`, as: u, intact: u };
      },
      expect: ownRoute(204),
    },
    {
      name: 'end someone else\u2019s session',
      method: 'delete',
      path: '',
      setup: async () => {
        const victim = await signUp(srv.url, 'victim');
        return { path: `/v1/auth/sessions/${claimsOf(victim.accessToken).sessionId}`, intact: victim };
      },
      expect: ownRoute(404),
    },
    {
      name: 'sign out everywhere',
      method: 'post',
      path: '/v1/auth/logout-all',
      setup: async (role) => {
        const u = await throwAway(role);
        return { as: u, ...(refused(role) ? { intact: u } : {}) };
      },
      expect: ownRoute(204),
    },
    {
      name: 'change my password',
      method: 'post',
      path: '/v1/auth/password',
      // The session making the change stays signed in.
      setup: async (role) => {
        const u = await throwAway(role);
        return {
          as: u,
          intact: u,
          body: { currentPassword: u.password, newPassword: 'another good password' },
        };
      },
      expect: ownRoute(204),
    },
    {
      name: 'change my password with a wrong current one',
      method: 'post',
      path: '/v1/auth/password',
      setup: async (role) => {
        const u = await throwAway(role);
        return {
          as: u,
          intact: u,
          body: { currentPassword: 'not my password', newPassword: 'another good password' },
        };
      },
      expect: ownRoute(401),
    },
    {
      name: 'delete my account',
      method: 'delete',
      path: '/v1/users/me',
      setup: async (role) => {
        const u = await throwAway(role);
        return { as: u, body: { password: u.password }, ...(refused(role) ? { intact: u } : {}) };
      },
      expect: ownRoute(204),
    },
    {
      name: 'delete my account with a wrong password',
      method: 'delete',
      path: '/v1/users/me',
      setup: async (role) => {
        const u = await throwAway(role);
        return { as: u, intact: u, body: { password: 'not my password' } };
      },
      expect: ownRoute(401),
    },
    {
      name: 'list my blocks',
      method: 'get',
      path: '/v1/users/me/blocks',
      expect: ownRoute(200),
    },
    {
      name: 'block someone',
      method: 'put',
      path: '',
      setup: async () => ({ path: `/v1/users/me/blocks/${await fresh()}` }),
      expect: ownRoute(204),
    },
    {
      name: 'unblock someone',
      method: 'delete',
      path: '',
      setup: async () => ({ path: `/v1/users/me/blocks/${await fresh()}` }),
      expect: ownRoute(204),
    },
    {
      name: 'set my privacy',
      method: 'patch',
      path: '/v1/users/me',
      setup: async (role) => ({ as: await throwAway(role) }),
      body: { lastSeen: 'chats', readReceipts: false, groupAdd: 'everyone' },
      expect: ownRoute(200),
    },
    {
      name: 'list my invitations',
      method: 'get',
      path: '/v1/users/me/invitations',
      expect: ownRoute(200),
      check: (res, _caller, role) => expect(res.body.invitations, `invitations as ${role}`).toEqual([]),
    },
    {
      name: 'accept someone else\u2019s invitation',
      method: 'post',
      path: '',
      setup: async () => ({ path: `/v1/users/me/invitations/${await someonesInvitation()}/accept` }),
      expect: ownRoute(404),
    },
    {
      name: 'decline someone else\u2019s invitation',
      method: 'post',
      path: '',
      setup: async () => ({ path: `/v1/users/me/invitations/${await someonesInvitation()}/decline` }),
      expect: ownRoute(404),
    },
    {
      name: 'create an invite link',
      method: 'post',
      path: `/v1/chats/${chatId}/invites`,
      expect: { ...chatRoute, member: 403, owner: 201 },
    },
    {
      name: 'list invite links',
      method: 'get',
      path: `/v1/chats/${chatId}/invites`,
      expect: { ...chatRoute, member: 403, owner: 200 },
    },
    {
      name: 'revoke an invite link',
      method: 'delete',
      path: '',
      setup: async () => ({ path: `/v1/chats/${chatId}/invites/${await ownerLink()}` }),
      expect: { ...chatRoute, member: 403, owner: 204 },
    },
    {
      name: 'list join requests',
      method: 'get',
      path: `/v1/chats/${chatId}/join-requests`,
      expect: { ...chatRoute, member: 403, owner: 200 },
    },
    {
      name: 'approve a join request',
      method: 'post',
      path: '',
      setup: async () => ({ path: `/v1/chats/${chatId}/join-requests/${await fresh()}/approve` }),
      expect: { ...chatRoute, member: 403, owner: 404 },
    },
    {
      name: 'preview a group by invite link',
      method: 'get',
      path: '',
      setup: async () => ({ path: `/v1/invites/${linkCode}` }),
      expect: ownRoute(200),
      check: (res, _caller, role) => {
        expect(Object.keys(res.body).sort(), `preview as ${role}`).toEqual([
          'approveMembers',
          'memberCount',
          'name',
        ]);
        expect(res.text, `preview as ${role}`).not.toContain(owner.id);
      },
    },
    {
      name: 'join by invite link',
      method: 'post',
      path: '',
      setup: async () => ({ path: `/v1/invites/${linkCode}/join` }),
      expect: ownRoute(200),
    },
    {
      name: 'report a user',
      method: 'post',
      path: '/v1/reports',
      setup: async () => ({ body: { userId: await fresh(), reason: 'spam' } }),
      expect: ownRoute(202),
    },
    {
      name: 'report the owner\u2019s message',
      method: 'post',
      path: '/v1/reports',
      body: { chatId, messageId: ownersMessage, reason: 'spam' },
      // The owner reporting their own message reports themselves: refused.
      expect: { ...chatRoute, member: 202, owner: 422 },
    },
    {
      name: 'change my settings of a chat',
      method: 'patch',
      path: `/v1/chats/${chatId}/settings`,
      body: { pinned: true },
      expect: { ...chatRoute, member: 200, owner: 200 },
    },
    {
      name: 'register a push device',
      method: 'post',
      path: '/v1/devices',
      setup: async () => ({ body: subscription() }),
      expect: ownRoute(201),
    },
    {
      name: 'list my push devices',
      method: 'get',
      path: '/v1/devices',
      expect: ownRoute(200),
      check: (res, _caller, role) => {
        const ids = res.body.devices.map((d: { id: string }) => d.id);
        if (role !== 'owner') expect(ids, `devices as ${role}`).not.toContain(ownersDevice);
      },
    },
    {
      name: 'remove my push device',
      method: 'delete',
      path: '',
      setup: async (role) => {
        const u = await throwAway(role);
        return { as: u, path: `/v1/devices/${await registerDevice(srv.url, u, subscription())}` };
      },
      expect: ownRoute(204),
    },
    {
      name: 'remove someone else\u2019s push device',
      method: 'delete',
      path: '',
      setup: async () => {
        const victim = await signUp(srv.url, 'victim');
        return { path: `/v1/devices/${await registerDevice(srv.url, victim, subscription())}` };
      },
      expect: ownRoute(404),
    },
    {
      name: 'read the VAPID public key',
      method: 'get',
      path: '/v1/push/vapid-key',
      expect: publicRoute(200),
    },
    {
      name: 'ask for a password reset',
      method: 'post',
      path: '/v1/auth/password-reset',
      body: { email: 'nobody-here@example.com' },
      expect: publicRoute(202),
    },
    {
      name: 'reset a password with the mailed token',
      method: 'post',
      path: '/v1/auth/password-reset/confirm',
      setup: async () => {
        const u = await signUp(srv.url, 'forgetful');
        await request(srv.url).post('/v1/auth/password-reset').send({ email: u.email }).expect(202);
        const token = tokenOf(await resetLinkFor(mailFile, u.email));
        return { body: { token, newPassword: 'a reset password' } };
      },
      expect: publicRoute(204),
    },
    {
      name: 'reset a password with a made-up token',
      method: 'post',
      path: '/v1/auth/password-reset/confirm',
      body: { token: 'not-a-reset-token', newPassword: 'a reset password' },
      expect: publicRoute(400),
    },
  ];

  // About 200 requests one by one: more than the default 20 s on a busy machine.
  it('gives every REST route the expected answer for every kind of caller', { timeout: 90_000 }, async () => {
    const outcomes: string[] = [];
    const expected: string[] = [];
    const attempts = routes().flatMap((route) =>
      ROLES.flatMap((role) => (route.expect[role] === undefined ? [] : [{ route, role }])),
    );
    // The throw-away users and targets are made up front, concurrently; the requests go one by one.
    const prepared = await Promise.all(attempts.map(({ route, role }) => route.setup?.(role) ?? {}));
    for (const [i, { route, role }] of attempts.entries()) {
      const want = route.expect[role];
      const extra = prepared[i] as Prepared;
      const token =
        role === 'anonymous'
          ? undefined
          : extra.as
            ? role === 'expired'
              ? expiredTokenOf(extra.as)
              : extra.as.accessToken
            : tokens[role];
      let req = request(srv.url)[route.method](extra.path ?? route.path);
      if (token) req = req.set('Authorization', `Bearer ${token}`);
      const body = extra.body ?? route.body;
      const res = await (body ? req.send(body) : req);
      outcomes.push(`${route.name} as ${role}: ${res.status}`);
      expected.push(`${route.name} as ${role}: ${want}`);
      if (res.status === 404) expect(JSON.stringify(res.body)).not.toContain('owner wrote this');
      if (route.check && token && res.status === want && want < 300) route.check(res, claimsOf(token), role);
      if (extra.intact) {
        const still = await request(srv.url).get('/v1/users/me').set(bearer(extra.intact));
        outcomes.push(`${route.name} as ${role}: the session it must not end answers ${still.status}`);
        expected.push(`${route.name} as ${role}: the session it must not end answers 200`);
      }
    }
    expect(outcomes).toEqual(expected);
    // One request at a time over ~40 routes × 6 callers: longer than the default on a busy machine.
  });

  it('refuses other chats\u2019 message ids through a chat I am in (IDOR)', async () => {
    const { chatId: other, id } = otherChatMessage;
    for (const [method, path, body] of [
      ['get', `/v1/chats/${chatId}/messages/${id}`, undefined],
      ['patch', `/v1/chats/${chatId}/messages/${id}`, { text: 'x' }],
      ['delete', `/v1/chats/${chatId}/messages/${id}`, undefined],
      ['post', `/v1/chats/${chatId}/read`, { messageId: id }],
      ['post', `/v1/chats/${chatId}/delivered`, { messageId: id }],
      ['get', `/v1/chats/${chatId}/messages/${id}/receipts`, undefined],
      ['put', `/v1/chats/${chatId}/messages/${id}/reaction`, { emoji: '👍' }],
      ['delete', `/v1/chats/${chatId}/messages/${id}/reaction`, undefined],
      ['delete', `/v1/chats/${chatId}/messages/${id}?for=me`, undefined],
      ['post', `/v1/chats/${chatId}/messages`, { clientMsgId: 'idor-reply', text: 'x', replyTo: id }],
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
      s.send({ type: 'delivered', chatId, messageId: ownersMessage });
      s.send({ type: 'react', chatId, messageId: ownersMessage, emoji: '🙂' });
      s.send({ type: 'typing', chatId });
      s.send({ type: 'sync' });
      const first = await s.next('synced');
      const probe = await postMessage(srv.url, owner, chatId, `probe for ${role}`);
      s.send({ type: 'sync', since: first.token });
      await s.next('synced');
      if (allowed) {
        await s.next('message', (f) => f.message.id === probe.id);
        await s.next('reaction', (f) => f.userId === claimsOf(tokens[role] as string).id);
        expect(s.of('error')).toEqual([]);
      } else {
        await s.until(() => (s.of('error').length >= 5 ? true : undefined));
        expect(s.of('error').map((e) => e.code)).toEqual(Array(5).fill('not_found'));
        expect(s.of('message').filter((f) => f.message.chatId === chatId)).toEqual([]);
      }
      s.close();
    }
  });

  it('answers an auth frame on an open socket by whose token it carries', async () => {
    const forged = (token: string) => {
      const { iat: _iat, exp: _exp, ...claims } = jwt.decode(token) as Record<string, unknown>;
      return jwt.sign({ ...claims, exp: Math.floor(Date.now() / 1000) + 600 }, 'not the server secret');
    };
    for (const role of ['nonMember', 'removed', 'member', 'owner'] as const) {
      const mine = tokens[role] as string;
      const s = await TestSocket.ready(srv.wsUrl, mine);
      // Garbage, an expired token, a forged one: refused, and the socket goes on under its own.
      for (const bad of ['garbage', tokens.expired as string, forged(mine)]) {
        s.send({ type: 'auth', token: bad });
        expect({ role, error: (await s.next('error')).code }).toEqual({ role, error: 'invalid_token' });
      }
      s.send({ type: 'ping' });
      await s.next('pong');
      s.send({ type: 'auth', token: mine });
      await s.next('authed');
      // Someone else's valid token: the socket is closed, it does not become theirs.
      s.send({ type: 'auth', token: role === 'owner' ? tokens.member : tokens.owner });
      expect({ role, code: (await s.closed).code }).toEqual({ role, code: 4401 });
      expect(s.of('ready')).toHaveLength(1);
    }
  });

  // Last: the statuses and error codes produced above, each checked as it was sent
  // (test/helpers/record-responses.ts), must be the ones the OpenAPI document lists for the route.
  it('answered only with statuses and error codes the OpenAPI document lists for each route', () => {
    const { violations, counts, seen } = apiValidation();
    expect(violations).toEqual([]);
    expect(counts.validated).toBeGreaterThan(100);
    expect(
      Object.values(seen)
        .flat()
        .some((s) => s.startsWith('4')),
    ).toBe(true);
  });
});
