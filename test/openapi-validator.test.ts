import { describe, expect, it } from 'vitest';
import { type Exchange, ResponseValidator } from './helpers/openapi-validator.js';

// The response validator the suite runs over every HTTP response (test/helpers/record-responses.ts):
// what it accepts, and that what it refuses says what to change.

const validator = new ResponseValidator();
const json = (v: unknown) => Buffer.from(JSON.stringify(v));
const error = (code: string) => json({ error: { code, message: 'x' } });
const base = { 'x-request-id': 'req-12345678', 'content-type': 'application/json; charset=utf-8' };
const check = (x: Partial<Exchange> & Pick<Exchange, 'method' | 'url' | 'status'>) =>
  validator.check({ headers: base, body: Buffer.alloc(0), ...x });

describe('the response validator', () => {
  it('accepts a documented error with its required headers', () => {
    const unavailable = check({
      method: 'POST',
      url: '/v1/chats/g_01JD0000000000000000000000/messages',
      status: 503,
      headers: { ...base, 'retry-after': '1' },
      body: error('unavailable'),
    });
    expect(unavailable).toMatchObject({ kind: 'validated', operation: 'sendMessage', code: 'unavailable' });
  });

  it('refuses a 503 without Retry-After and a 401 without WWW-Authenticate', () => {
    const url = '/v1/chats/g_01JD0000000000000000000000/messages';
    expect(check({ method: 'POST', url, status: 503, body: error('unavailable') })).toMatchObject({
      kind: 'violation',
      message: expect.stringContaining('without its required header Retry-After'),
    });
    expect(check({ method: 'GET', url, status: 401, body: error('unauthorized') })).toMatchObject({
      kind: 'violation',
      message: expect.stringContaining('WWW-Authenticate'),
    });
  });

  it('names the entry and the code to add for an undocumented error code or status', () => {
    expect(check({ method: 'GET', url: '/v1/chats', status: 400, body: error('sync_expired') })).toEqual({
      kind: 'violation',
      message:
        "GET /v1/chats answered 400 (sync_expired), a code the document does not list for 400: add 'sync_expired' to `codes` of its entry in src/openapi/document.ts (operation listChats)",
    });
    expect(check({ method: 'GET', url: '/v1/chats', status: 409, body: error('conflict') })).toMatchObject({
      kind: 'violation',
      message: expect.stringContaining("add 'conflict' to `codes` of its entry in src/openapi/document.ts"),
    });
  });

  it('checks success bodies against the schema', () => {
    const page = { chats: [], nextCursor: null };
    expect(check({ method: 'GET', url: '/v1/chats', status: 200, body: json(page) }).kind).toBe('validated');
    expect(
      check({ method: 'GET', url: '/v1/chats', status: 200, body: json({ chats: 'no' }) }),
    ).toMatchObject({
      kind: 'violation',
      message: expect.stringContaining('body not as documented'),
    });
  });

  it('wants Allow on a 405 and the Error shape on a 404 for an unknown path', () => {
    expect(
      check({ method: 'PUT', url: '/v1/chats', status: 405, body: error('method_not_allowed') }),
    ).toMatchObject({
      kind: 'violation',
      message: expect.stringContaining('without an Allow header'),
    });
    const allowed = { ...base, allow: 'GET, HEAD, POST' };
    expect(
      check({
        method: 'PUT',
        url: '/v1/chats',
        status: 405,
        headers: allowed,
        body: error('method_not_allowed'),
      }),
    ).toEqual({ kind: 'unrouted' });
    expect(check({ method: 'GET', url: '/v1/nothing', status: 404, body: error('not_found') })).toEqual({
      kind: 'unrouted',
    });
    expect(check({ method: 'GET', url: '/v1/nothing', status: 404, body: json({ oops: 1 }) }).kind).toBe(
      'violation',
    );
  });

  it('wants X-Request-Id on every response', () => {
    const res = check({
      method: 'GET',
      url: '/healthz',
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
    expect(res).toMatchObject({ kind: 'violation', message: expect.stringContaining('X-Request-Id') });
  });
});
