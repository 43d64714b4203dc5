import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/lib/errors.js';
import {
  bearer,
  createGroup,
  createTestApp,
  postMessage,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';
import { apiValidation } from '../helpers/record-responses.js';

// Hostile JSON: prototype-pollution keys, deep nesting, huge numbers, odd unicode.
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'type',
  'text',
  'userId',
  'password',
  'currentPassword',
  'newPassword',
  'email',
  'token',
  'since',
  'limit',
  'emoji',
  'replyTo',
  'mentions',
  'messageId',
  'lastSeen',
  'readReceipts',
  'groupAdd',
  'reason',
  'block',
  'chatId',
  'expiresInSeconds',
  'approveMembers',
  '',
);
const leaf = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.integer(),
  fc.double(),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2, '\u0000', '\u202e', '😀'.repeat(3000), null, true),
);
const hostileJson = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, fc.array(tie('value'), { maxLength: 4 }), tie('object')),
  object: fc.dictionary(fc.oneof(hostileKey, fc.string()), tie('value'), { maxKeys: 5 }),
})).value;
// Deep nesting as text: a parsed 5,000-deep value would overflow fast-check's own reporting.
const deepText = fc.integer({ min: 100, max: 5000 }).map((n) => `${'['.repeat(n)}${']'.repeat(n)}`);

const base64url = (b64: string) => b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');

/** A string with a stretch cut out and random text put in its place (a tampered token, a typo). */
const spliced = (s: string) =>
  fc
    .tuple(
      fc.nat({ max: s.length }),
      fc.nat({ max: 8 }),
      fc.oneof(fc.string({ maxLength: 8 }), fc.base64String({ maxLength: 8 }).map(base64url)),
    )
    .map(([at, cut, put]) => `${s.slice(0, at)}${put}${s.slice(at + cut)}`);

/**
 * A valid request's fields, each kept, dropped, tampered with or replaced by hostile JSON, with
 * perhaps a stray field added: reaches past the schema into the handlers, unlike random bodies.
 */
const mutated = (template: Record<string, string>, value: (v: string) => fc.Arbitrary<unknown>) =>
  fc
    .tuple(
      fc.tuple(
        ...Object.entries(template).map(([k, v]) =>
          fc.oneof(
            { weight: 2, arbitrary: fc.constant([k, v] as const) },
            { weight: 1, arbitrary: fc.constant(undefined) },
            { weight: 2, arbitrary: spliced(v).map((x) => [k, x] as const) },
            { weight: 1, arbitrary: value(v).map((x) => [k, x] as const) },
          ),
        ),
      ),
      fc.oneof(
        { weight: 6, arbitrary: fc.constant(undefined) },
        { weight: 1, arbitrary: fc.tuple(fc.oneof(hostileKey, fc.string()), value('')) },
      ),
    )
    .map(([fields, extra]) =>
      // fromEntries defines keys as own properties: "__proto__" is sent as a field, not lost.
      Object.fromEntries([...fields.filter((f) => f !== undefined), ...(extra ? [extra] : [])]),
    );

interface Route {
  method: 'get' | 'post' | 'patch' | 'delete' | 'put';
  path: string;
  /** Who calls, when not the fuzzing user: routes that end sessions or the account use their own. */
  as?: () => Promise<{ token: string; path?: string }>;
}

describe('REST fuzzing', () => {
  let t: TestApp;
  let user: TestUser;
  let routes: Route[];
  /** Valid requests to mutate: a body for POST/DELETE, a query for GET. */
  let templates: { route: Route; fields: Record<string, string> }[];
  const codes = new Set(Object.keys(errorCatalogue));
  let cases = 0;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp({
      // Past these the answer is a 429 before the handler runs: raised, so the fuzz reaches it.
      limits: {
        passwordResetPerIp: { capacity: 100_000, windowSeconds: 1 },
        passwordResetPerEmail: { capacity: 100_000, windowSeconds: 1 },
        syncsPerUser: { capacity: 100_000, windowSeconds: 1 },
        loginFailuresPerAccountIp: { capacity: 100_000, windowSeconds: 1 },
        loginFailuresPerAccount: { capacity: 100_000, windowSeconds: 1 },
        loginSlowdownMs: 0,
        reportsPerUser: { capacity: 100_000, windowSeconds: 1 },
        inviteLookupsPerUser: { capacity: 100_000, windowSeconds: 1 },
        invitationsPerUser: { capacity: 100_000, windowSeconds: 1 },
      },
    });
    server = t.app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // changer: password changes; leaver: account deletion; quitter: sign-out everywhere (a fresh
    // session each time); ender: ends its own second sessions. Each its own, so what one ends does
    // not stop the fuzzing of the rest.
    const [u, other, changer, leaver, quitter, ender] = await signUpAll(
      t.app,
      'fuzz',
      'peer',
      'chg',
      'leave',
      'quit',
      'end',
    );
    user = u;
    const chatId = await createGroup(t.app, user, [other]);
    const m = await postMessage(t.app, user, chatId, 'seed');
    // The fuzzed delete of `m` tombstones it; replies and reactions aim at one that stays.
    const kept = await postMessage(t.app, other, chatId, 'kept');
    const syncToken: string = (await request(t.app).get('/v1/sync').set(bearer(user)).expect(200)).body.token;
    const code: string = (
      await request(t.app).post(`/v1/chats/${chatId}/invites`).set(bearer(user)).expect(201)
    ).body.code;
    const sessionOf = (token: string) => (jwt.decode(token) as { sid: string }).sid;
    const login = async (who: TestUser) =>
      (
        await request(t.app)
          .post('/v1/auth/login')
          .send({ email: who.email, password: who.password })
          .expect(200)
      ).body.accessToken as string;
    const route = (method: Route['method'], path: string, as?: Route['as']): Route => ({
      method,
      path,
      ...(as ? { as } : {}),
    });
    const asUser = (who: TestUser) => async () => ({ token: who.accessToken });
    routes = [
      route('post', '/v1/auth/signup'),
      route('post', '/v1/auth/login'),
      route('post', '/v1/auth/refresh'),
      route('post', '/v1/auth/logout'),
      route('post', '/v1/auth/password', asUser(changer)),
      route('get', '/v1/auth/sessions'),
      // Another user's session: never mine to end.
      route('delete', `/v1/auth/sessions/${sessionOf(other.accessToken)}`),
      // One of mine: a second sign-in, made for each request.
      route('delete', '/v1/auth/sessions/:id', async () => ({
        token: ender.accessToken,
        path: `/v1/auth/sessions/${sessionOf(await login(ender))}`,
      })),
      route('post', '/v1/auth/logout-all', async () => ({ token: await login(quitter) })),
      route('post', '/v1/auth/password-reset'),
      route('post', '/v1/auth/password-reset/confirm'),
      route('patch', '/v1/users/me'),
      route('delete', '/v1/users/me', asUser(leaver)),
      route('get', '/v1/users/me/export'),
      route('get', '/v1/users'),
      route('get', `/v1/users/${other.id}`),
      route('post', '/v1/chats'),
      route('get', '/v1/chats'),
      route('get', `/v1/chats/${chatId}`),
      route('patch', `/v1/chats/${chatId}`),
      route('post', `/v1/chats/${chatId}/members`),
      route('delete', `/v1/chats/${chatId}/members/${other.id}`),
      route('patch', `/v1/chats/${chatId}/members/${other.id}`),
      route('post', `/v1/chats/${chatId}/read`),
      route('post', `/v1/chats/${chatId}/messages`),
      route('get', `/v1/chats/${chatId}/messages`),
      route('get', `/v1/chats/${chatId}/messages/${m.id}`),
      route('patch', `/v1/chats/${chatId}/messages/${m.id}`),
      route('delete', `/v1/chats/${chatId}/messages/${m.id}`),
      route('get', '/v1/sync'),
      route('post', `/v1/chats/${chatId}/delivered`),
      route('get', `/v1/chats/${chatId}/messages/${m.id}/receipts`),
      route('put', `/v1/chats/${chatId}/messages/${kept.id}/reaction`),
      route('delete', `/v1/chats/${chatId}/messages/${kept.id}/reaction`),
      route('delete', `/v1/chats/${chatId}/messages/${kept.id}?for=me`),
      route('get', '/v1/users/me/blocks'),
      route('put', `/v1/users/me/blocks/${other.id}`),
      route('delete', `/v1/users/me/blocks/${other.id}`),
      route('get', '/v1/users/me/invitations'),
      route('post', '/v1/users/me/invitations/01ARZ3NDEKTSV4RRFFQ69G5FAV/accept'),
      route('post', '/v1/users/me/invitations/01ARZ3NDEKTSV4RRFFQ69G5FAV/decline'),
      route('post', `/v1/chats/${chatId}/invites`),
      route('get', `/v1/chats/${chatId}/invites`),
      route('delete', `/v1/chats/${chatId}/invites/${code}`),
      route('get', `/v1/chats/${chatId}/join-requests`),
      route('post', `/v1/chats/${chatId}/join-requests/${other.id}/approve`),
      route('post', `/v1/chats/${chatId}/join-requests/${other.id}/deny`),
      route('get', `/v1/invites/${code}`),
      route('post', `/v1/invites/${code}/join`),
      route('post', '/v1/reports'),
    ];
    const find = (method: string, path: string) =>
      routes.find((r) => r.method === method && r.path === path) as Route;
    templates = [
      // The session making a change stays: whatever password the fuzz sets, the token goes on.
      {
        route: find('post', '/v1/auth/password'),
        fields: { currentPassword: changer.password, newPassword: changer.password },
      },
      // A wrong password: a kept field must not erase the account the fuzz goes on using.
      { route: find('delete', '/v1/users/me'), fields: { password: 'not the password' } },
      { route: find('post', '/v1/auth/password-reset'), fields: { email: other.email } },
      {
        route: find('post', '/v1/auth/password-reset/confirm'),
        fields: {
          token: 'Zm9yZ2VkLXJlc2V0LXRva2VuLW9mLTQzLWNoYXJhY3Rlcg',
          newPassword: 'a brand new password',
        },
      },
      { route: find('get', '/v1/sync'), fields: { since: syncToken, limit: '100' } },
      { route: find('post', '/v1/auth/logout-all'), fields: {} },
      { route: find('post', `/v1/chats/${chatId}/delivered`), fields: { messageId: kept.id } },
      { route: find('put', `/v1/chats/${chatId}/messages/${kept.id}/reaction`), fields: { emoji: '👍' } },
      {
        route: find('post', `/v1/chats/${chatId}/messages`),
        fields: { clientMsgId: 'fuzz-reply', text: 'a reply', replyTo: kept.id, mentions: other.id },
      },
      { route: find('patch', '/v1/users/me'), fields: { lastSeen: 'chats', groupAdd: 'everyone' } },
      { route: find('post', '/v1/reports'), fields: { chatId, messageId: m.id, reason: 'spam' } },
    ];
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  /** Raw HTTP (fetch), so any bytes can be sent as a body; GET carries none. */
  const send = async (route: Route, body: string, type = 'application/json', query = '') => {
    const caller = route.as ? await route.as() : { token: user.accessToken };
    const path = caller.path ?? route.path;
    const url = `${base}${path}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`;
    const res = await fetch(url, {
      method: route.method.toUpperCase(),
      headers: { authorization: `Bearer ${caller.token}`, 'content-type': type },
      ...(route.method === 'get' ? {} : { body }),
    });
    const text = await res.text();
    cases += 1;
    expect(res.status).toBeLessThan(500);
    if (res.status >= 400) {
      const parsed = JSON.parse(text);
      expect(codes.has(parsed?.error?.code)).toBe(true);
      expect(typeof parsed.error.message).toBe('string');
      expect(text).not.toMatch(/at .*\.(ts|js):\d+/); // no stack traces
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    return res.status >= 400 ? (JSON.parse(text).error.code as string) : String(res.status);
  };

  it('answers random bodies on every route without a 500, in the documented error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
          deepText,
        ),
        async (route, body) => {
          await send(route, body);
        },
      ),
      { numRuns: 400 },
    );
    // Routes added for receipts and reactions: more requests than the default timeout allows when busy.
  }, 90_000);

  it('answers random query strings and raw bodies without a 500', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.dictionary(
          fc.oneof(hostileKey, fc.string()),
          fc.oneof(fc.string(), fc.array(fc.string(), { maxLength: 3 })),
        ),
        fc.string({ unit: 'binary' }),
        fc.constantFrom(
          'application/json',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json; charset=utf-16',
        ),
        async (route, query, raw, type) => {
          const pairs = Object.entries(query).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
          );
          await send(route, raw, type, new URLSearchParams(pairs).toString());
        },
      ),
      { numRuns: 300 },
    );
    expect(cases).toBeGreaterThanOrEqual(700);
  }, 90_000);

  it('answers mutated valid requests to the account and sync routes without a 500', async () => {
    const answers = new Set<string>();
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: templates.length - 1 }).chain((i) => {
          const { route, fields } = templates[i] as (typeof templates)[number];
          return route.method === 'get'
            ? // Query values are text, or repeated (an array in Express's parser).
              fc.tuple(
                fc.constant(route),
                mutated(fields, (v) =>
                  fc.oneof(fc.string(), fc.array(spliced(v), { minLength: 2, maxLength: 3 })),
                ),
              )
            : fc.tuple(
                fc.constant(route),
                mutated(fields, () => hostileJson),
              );
        }),
        async ([route, fields]) => {
          if (route.method !== 'get') return void answers.add(await send(route, JSON.stringify(fields)));
          const pairs = Object.entries(fields).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, String(x)]),
          );
          answers.add(await send(route, '', 'application/json', new URLSearchParams(pairs).toString()));
        },
      ),
      { numRuns: 300 },
    );
    // The mutations reach past validation: some are accepted, some refused by the handlers.
    expect([...answers].some((a) => a.startsWith('2'))).toBe(true);
    const fromHandlers = ['invalid_credentials', 'reset_token_invalid', 'sync_token_invalid'];
    expect(fromHandlers.filter((code) => answers.has(code))).not.toEqual([]);
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
