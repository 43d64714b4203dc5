import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/lib/errors.js';
import {
  createGroup,
  createTestApp,
  postMessage,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

// Hostile JSON: prototype-pollution keys, deep nesting, huge numbers, odd unicode.
const hostileKey = fc.constantFrom(
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'type',
  'text',
  'userId',
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

describe('REST fuzzing', () => {
  let t: TestApp;
  let user: TestUser;
  let routes: [string, string][];
  const codes = new Set(Object.keys(errorCatalogue));
  let cases = 0;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    t = await createTestApp();
    server = t.app.listen(0);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const [u, other] = await signUpAll(t.app, 'fuzz', 'peer');
    user = u;
    const chatId = await createGroup(t.app, user, [other]);
    const m = await postMessage(t.app, user, chatId, 'seed');
    routes = [
      ['post', '/v1/auth/signup'],
      ['post', '/v1/auth/login'],
      ['post', '/v1/auth/refresh'],
      ['post', '/v1/auth/logout'],
      ['patch', '/v1/users/me'],
      ['get', '/v1/users'],
      ['get', `/v1/users/${other.id}`],
      ['post', '/v1/chats'],
      ['get', '/v1/chats'],
      ['get', `/v1/chats/${chatId}`],
      ['patch', `/v1/chats/${chatId}`],
      ['post', `/v1/chats/${chatId}/members`],
      ['delete', `/v1/chats/${chatId}/members/${other.id}`],
      ['patch', `/v1/chats/${chatId}/members/${other.id}`],
      ['post', `/v1/chats/${chatId}/read`],
      ['post', `/v1/chats/${chatId}/messages`],
      ['get', `/v1/chats/${chatId}/messages`],
      ['get', `/v1/chats/${chatId}/messages/${m.id}`],
      ['patch', `/v1/chats/${chatId}/messages/${m.id}`],
      ['delete', `/v1/chats/${chatId}/messages/${m.id}`],
    ];
  });
  afterAll(async () => {
    server.close();
    await t.close();
  });

  /** Raw HTTP (fetch), so any bytes can be sent as a body; GET and DELETE carry none. */
  const send = async (method: string, path: string, body: string, type = 'application/json', query = '') => {
    const url = `${base}${path}${query ? `${path.includes('?') ? '&' : '?'}${query}` : ''}`;
    const withBody = method !== 'get' && method !== 'delete';
    const res = await fetch(url, {
      method: method.toUpperCase(),
      headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': type },
      ...(withBody ? { body } : {}),
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
  };

  it('answers random bodies on every route without a 500, in the documented error shape', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(
          hostileJson.map((v) => JSON.stringify(v) ?? 'null'),
          deepText,
        ),
        async ([method, path], body) => {
          await send(method, path, body);
        },
      ),
      { numRuns: 400 },
    );
  });

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
        async ([method, path], query, raw, type) => {
          const pairs = Object.entries(query).flatMap(([k, v]) =>
            (Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
          );
          await send(method, path, raw, type, new URLSearchParams(pairs).toString());
        },
      ),
      { numRuns: 300 },
    );
    expect(cases).toBeGreaterThanOrEqual(700);
  });
});
