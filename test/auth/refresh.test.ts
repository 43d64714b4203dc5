import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, type TestApp } from '../helpers/app.js';

describe('refresh tokens', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const refresh = (refreshToken: string) => request(t.app).post('/v1/auth/refresh').send({ refreshToken });

  it('rotates: the new token works and the old one no longer does', async () => {
    const u = await signUp(t.app, 'rot');
    const first = await refresh(u.refreshToken);
    expect(first.status).toBe(200);
    expect(first.body.refreshToken).not.toBe(u.refreshToken);
    expect((await request(t.app).get('/v1/users/me').set(bearer(first.body))).status).toBe(200);

    const second = await refresh(first.body.refreshToken);
    expect(second.status).toBe(200);
  });

  it('answers a replay within the grace window with the same successor, never a second chain', async () => {
    // A replay after the window revokes the family: see refresh-grace.test.ts, which controls the clock.
    const u = await signUp(t.app, 'reuse');
    const rotated = await refresh(u.refreshToken);
    const replay = await refresh(u.refreshToken);
    expect(replay.status).toBe(200);
    expect(replay.body.refreshToken).toBe(rotated.body.refreshToken);
  });

  it('answers concurrent refreshes with one token alike, and keeps the session', async () => {
    const u = await signUp(t.app, 'race');
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(u.refreshToken)));
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200]);
    const successors = new Set(results.map((r) => r.body.refreshToken));
    expect(successors.size).toBe(1);
    expect((await refresh([...successors][0])).status).toBe(200);
  });

  it('logout answers 204 and kills the token', async () => {
    const u = await signUp(t.app, 'bye');
    const out = await request(t.app).post('/v1/auth/logout').send({ refreshToken: u.refreshToken });
    expect(out.status).toBe(204);
    expect((await refresh(u.refreshToken)).status).toBe(401);
    // Logging out twice is harmless.
    expect((await request(t.app).post('/v1/auth/logout').send({ refreshToken: u.refreshToken })).status).toBe(
      204,
    );
  });

  it('answers an unknown token with 401 and a missing one with 400', async () => {
    expect((await refresh('not-a-real-token')).status).toBe(401);
    expect((await request(t.app).post('/v1/auth/refresh').send({})).status).toBe(400);
  });
});
