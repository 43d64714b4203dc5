import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp, type TestUser } from '../helpers/app.js';
import { testConfig } from '../helpers/config.js';

describe('access tokens', () => {
  let t: TestApp;
  let user: TestUser;
  const secret = testConfig().jwtSecret;
  beforeAll(async () => {
    t = await createTestApp();
    user = await signUp(t.app, 'jwt');
  });
  afterAll(() => t.close());

  const me = (authorization?: string) => {
    const r = request(t.app).get('/v1/users/me');
    return authorization === undefined ? r : r.set('Authorization', authorization);
  };
  const claims = () => ({ sub: user.id, iss: 'chat-x', aud: 'chat-x-api' });

  it('accepts its own token', async () => {
    expect((await me(`Bearer ${user.accessToken}`)).status).toBe(200);
  });

  it.each([
    ['no header', undefined],
    ['a non-bearer scheme', 'Basic dXNlcjpwYXNz'],
    ['garbage', 'Bearer not.a.jwt'],
    ['another secret', () => `Bearer ${jwt.sign(claims(), 'y'.repeat(40), { algorithm: 'HS256' })}`],
    ['alg none', () => `Bearer ${jwt.sign(claims(), '', { algorithm: 'none' })}`],
    ['HS512', () => `Bearer ${jwt.sign(claims(), secret, { algorithm: 'HS512' })}`],
    [
      'an expired token',
      () => `Bearer ${jwt.sign({ ...claims(), exp: Math.floor(Date.now() / 1000) - 10 }, secret)}`,
    ],
    ['a wrong audience', () => `Bearer ${jwt.sign({ ...claims(), aud: 'other' }, secret)}`],
    ['a wrong issuer', () => `Bearer ${jwt.sign({ ...claims(), iss: 'other' }, secret)}`],
    ['no subject', () => `Bearer ${jwt.sign({ iss: 'chat-x', aud: 'chat-x-api' }, secret)}`],
    ['no expiry', () => `Bearer ${jwt.sign(claims(), secret, { algorithm: 'HS256' })}`],
  ])('answers %s with 401 and WWW-Authenticate', async (_name, header) => {
    const res = await me(typeof header === 'function' ? header() : header);
    expect(res.status).toBe(401);
    expect(res.headers['www-authenticate']).toBe('Bearer realm="chat-x"');
    expect(['unauthorized', 'invalid_token']).toContain(res.body.error.code);
  });
});
