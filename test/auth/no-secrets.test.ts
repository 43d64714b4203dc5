import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, type TestApp } from '../helpers/app.js';

describe('responses never carry passwords or hashes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('holds across every account route', async () => {
    const a = await signUp(t.app, 'sec');
    const b = await signUp(t.app, 'sec');
    const bodies = await Promise.all([
      request(t.app).post('/v1/auth/login').send({ email: a.email, password: a.password }),
      request(t.app).post('/v1/auth/login').send({ email: a.email, password: 'wrong-password' }),
      request(t.app)
        .post('/v1/auth/signup')
        .send({ email: a.email, password: 'password123', userName: 'fresh_name' }),
      request(t.app).post('/v1/auth/refresh').send({ refreshToken: b.refreshToken }),
      request(t.app).get('/v1/users/me').set(bearer(a)),
      request(t.app).get(`/v1/users/${b.id}`).set(bearer(a)),
      request(t.app).get('/v1/users').query({ query: 'sec' }).set(bearer(a)),
      request(t.app).get('/v1/users').query({ query: b.email }).set(bearer(a)),
      request(t.app).patch('/v1/users/me').set(bearer(a)).send({ displayName: 'A' }),
    ]);
    for (const res of bodies) {
      const text = JSON.stringify(res.body);
      expect(text).not.toMatch(/"password(hash)?"\s*:/i);
      expect(text).not.toContain('$2b$');
      expect(text).not.toContain(a.password);
    }
  });
});
