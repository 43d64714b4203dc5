import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signUp, type TestApp, type TestUser } from '../helpers/app.js';

describe('POST /v1/auth/login', () => {
  let t: TestApp;
  let user: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ limits: { loginFailuresPerAccountIp: { capacity: 3, windowSeconds: 600 } } });
    user = await signUp(t.app, 'login');
  });
  afterAll(() => t.close());

  const login = (email: string, password: string) =>
    request(t.app).post('/v1/auth/login').send({ email, password });

  it('signs in with the right password, whatever the email case', async () => {
    const res = await login(user.email.toUpperCase(), user.password);
    expect(res.status).toBe(200);
    expect(res.body.user.id).toBe(user.id);
    expect(res.body.accessToken).toBeTruthy();
  });

  it('answers a wrong password and an unknown email with the same 401', async () => {
    const wrong = await login(user.email, 'wrong password');
    const unknown = await login('nobody@example.com', user.password);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe('invalid_credentials');
    expect(wrong.headers['www-authenticate']).toMatch(/^Bearer/);
  });

  it('answers 429 with Retry-After after repeated failures on one account from one address', async () => {
    const victim = await signUp(t.app, 'victim');
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await login(victim.email, 'guess')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const blocked = await login(victim.email, victim.password);
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe('rate_limited');
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('per-IP limits', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({
      limits: {
        signupPerIp: { capacity: 2, windowSeconds: 3600 },
        loginPerIp: { capacity: 2, windowSeconds: 60 },
      },
    });
  });
  afterAll(() => t.close());

  it('answers the third sign-up from one address with 429', async () => {
    const bodies = [1, 2, 3].map((i) => ({
      email: `ip${i}@example.com`,
      password: 'password123',
      userName: `ipuser${i}`,
    }));
    const statuses = [];
    for (const b of bodies) statuses.push((await request(t.app).post('/v1/auth/signup').send(b)).status);
    expect(statuses).toEqual([201, 201, 429]);
  });

  it('answers the third login from one address with 429', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) {
      statuses.push(
        (await request(t.app).post('/v1/auth/login').send({ email: 'ip1@example.com', password: 'x' }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 429]);
  });
});
