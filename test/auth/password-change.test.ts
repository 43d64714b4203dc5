import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, type TestApp } from '../helpers/app.js';

describe('POST /v1/auth/password', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ limits: { loginFailuresPerAccountIp: { capacity: 2, windowSeconds: 600 } } });
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    request(t.app).post('/v1/auth/login').send({ email, password });
  const change = (u: { accessToken: string }, body: object) =>
    request(t.app).post('/v1/auth/password').set(bearer(u)).send(body);

  it('changes the password: the old one stops working, the new one works', async () => {
    const u = await signUp(t.app, 'chpw');
    const res = await change(u, { currentPassword: u.password, newPassword: 'a brand new secret' });
    expect(res.status).toBe(204);
    expect((await login(u.email, u.password)).status).toBe(401);
    expect((await login(u.email, 'a brand new secret')).status).toBe(200);
  });

  it('ends every other session and keeps the current one', async () => {
    const u = await signUp(t.app, 'chpw2');
    const other = (await login(u.email, u.password)).body;
    expect((await change(u, { currentPassword: u.password, newPassword: 'another new secret' })).status).toBe(
      204,
    );
    expect((await request(t.app).get('/v1/users/me').set(bearer(other))).status).toBe(401);
    expect(
      (await request(t.app).post('/v1/auth/refresh').send({ refreshToken: other.refreshToken })).status,
    ).toBe(401);
    expect((await request(t.app).get('/v1/users/me').set(bearer(u))).status).toBe(200);
    expect(
      (await request(t.app).post('/v1/auth/refresh').send({ refreshToken: u.refreshToken })).status,
    ).toBe(200);
  });

  it('answers a wrong current password with 401 invalid_credentials, then 429 like sign-in', async () => {
    const u = await signUp(t.app, 'chpw3');
    const body = { currentPassword: 'not my password', newPassword: 'whatever new secret' };
    const first = await change(u, body);
    expect(first.status).toBe(401);
    expect(first.body.error.code).toBe('invalid_credentials');
    expect((await change(u, body)).status).toBe(401);
    expect((await change(u, body)).status).toBe(429);
  });

  it('refuses a new password over 72 bytes with a 400 naming newPassword', async () => {
    const u = await signUp(t.app, 'chpw4');
    const res = await change(u, { currentPassword: u.password, newPassword: 'x'.repeat(73) });
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('newPassword');
  });

  it('requires a bearer token', async () => {
    expect((await request(t.app).post('/v1/auth/password').send({})).status).toBe(401);
  });
});
