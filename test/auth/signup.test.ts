import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../helpers/app.js';

describe('POST /v1/auth/signup', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signup = (body: object) => request(t.app).post('/v1/auth/signup').send(body);

  it('creates a user and returns it with an access and a refresh token', async () => {
    const res = await signup({ email: '  Alice@Example.COM ', password: 'password123', userName: 'alice' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({ userName: 'alice', email: 'alice@example.com' });
    expect(res.body.user.id).toMatch(/^[0-9A-Z]{26}$/);
    expect(res.body.accessToken.split('.')).toHaveLength(3);
    expect(res.body.refreshToken.length).toBeGreaterThanOrEqual(43); // 256 bits, base64url
    expect(res.body.expiresIn).toBe(900);
  });

  it('refuses an email that differs only in case with 409', async () => {
    const res = await signup({ email: 'ALICE@example.com', password: 'password123', userName: 'alice2' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'conflict', message: 'Email or userName is already taken' } });
  });

  it('refuses a userName taken in another case with the same 409', async () => {
    const res = await signup({ email: 'other@example.com', password: 'password123', userName: 'ALICE' });
    expect(res.status).toBe(409);
    expect(res.body).toEqual({ error: { code: 'conflict', message: 'Email or userName is already taken' } });
  });

  it('lets exactly one of 10 concurrent sign-ups with one email through', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        signup({ email: 'race@example.com', password: 'password123', userName: `racer${i}` }),
      ),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(9);
  });

  it.each([
    [{ email: 'not-an-email', password: 'password123', userName: 'bob' }, 'email'],
    [{ email: 'bob@example.com', password: 'short', userName: 'bob' }, 'password'],
    [{ email: 'bob@example.com', password: 'x'.repeat(129), userName: 'bob' }, 'password'],
    [{ email: 'bob@example.com', password: 'password123', userName: 'bo' }, 'userName'],
    [{ email: 'bob@example.com', password: 'password123', userName: 'bob smith' }, 'userName'],
    [{ email: 'bob@example.com', password: 'password123', userName: 'b'.repeat(33) }, 'userName'],
    [{ email: 'bob@example.com', password: 'password123' }, 'userName'],
    [{ email: 'bob@example.com', password: 'password123', userName: 'bob', admin: true }, ''],
  ])('answers %o with 400 naming %s', async (body, field) => {
    const res = await signup(body);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details[0].path).toBe(field);
  });
});
