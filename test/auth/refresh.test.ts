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

  it('revokes the whole family when a rotated token is presented again', async () => {
    const u = await signUp(t.app, 'reuse');
    const rotated = await refresh(u.refreshToken);
    expect(rotated.status).toBe(200);

    const replay = await refresh(u.refreshToken);
    expect(replay.status).toBe(401);
    expect(replay.body.error.code).toBe('invalid_token');
    // The legitimate holder's newer token died with the family.
    expect((await refresh(rotated.body.refreshToken)).status).toBe(401);
  });

  it('lets only one of concurrent refreshes with one token win, and revokes the family', async () => {
    const u = await signUp(t.app, 'race');
    const results = await Promise.all(Array.from({ length: 5 }, () => refresh(u.refreshToken)));
    const winners = results.filter((r) => r.status === 200);
    expect(winners.length).toBeLessThanOrEqual(1);
    expect(results.filter((r) => r.status === 401).length).toBeGreaterThanOrEqual(4);
    for (const w of winners) expect((await refresh(w.body.refreshToken)).status).toBe(401);
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
