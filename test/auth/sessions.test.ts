import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, type TestApp, type TestUser } from '../helpers/app.js';

describe('sessions of the signed-in user', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const loginAs = async (u: TestUser, userAgent?: string) => {
    const req = request(t.app).post('/v1/auth/login');
    if (userAgent) req.set('User-Agent', userAgent);
    return (await req.send({ email: u.email, password: u.password })).body;
  };
  const list = (u: { accessToken: string }) => request(t.app).get('/v1/auth/sessions').set(bearer(u));
  const me = (u: { accessToken: string }) => request(t.app).get('/v1/users/me').set(bearer(u));

  it('lists each sign-in with its device label, marking the current one', async () => {
    const u = await signUp(t.app, 'sess');
    await loginAs(u, `Phone/1.0 ${'x'.repeat(300)}`);
    const res = await list(u);
    expect(res.status).toBe(200);
    expect(res.body.sessions).toHaveLength(2);
    const [first, second] = res.body.sessions;
    expect(first).toMatchObject({ current: true, label: expect.any(String) });
    expect(second.current).toBe(false);
    expect(second.label.startsWith('Phone/1.0')).toBe(true);
    expect(second.label.length).toBeLessThanOrEqual(120);
    expect(Date.parse(second.createdAt)).not.toBeNaN();
  });

  it('labels a sign-in without a User-Agent "Unknown device"', async () => {
    const u = await signUp(t.app, 'sessua');
    await request(t.app)
      .post('/v1/auth/login')
      .unset('User-Agent')
      .send({ email: u.email, password: u.password });
    const labels = (await list(u)).body.sessions.map((s: { label: string }) => s.label);
    expect(labels).toContain('Unknown device');
  });

  it('moves lastUsedAt forward when the session refreshes', async () => {
    const u = await signUp(t.app, 'sessused');
    const before = (await list(u)).body.sessions[0].lastUsedAt;
    await new Promise((r) => setTimeout(r, 5));
    const fresh = (await request(t.app).post('/v1/auth/refresh').send({ refreshToken: u.refreshToken })).body;
    const after = (await list(fresh)).body.sessions[0].lastUsedAt;
    expect(after > before).toBe(true);
  });

  it('ends one session with DELETE, which then no longer lists nor works', async () => {
    const u = await signUp(t.app, 'sessdel');
    const other = await loginAs(u);
    const otherId = (await list(u)).body.sessions.find((s: { current: boolean }) => !s.current).id;
    expect((await request(t.app).delete(`/v1/auth/sessions/${otherId}`).set(bearer(u))).status).toBe(204);
    expect((await me(other)).status).toBe(401);
    expect(
      (await request(t.app).post('/v1/auth/refresh').send({ refreshToken: other.refreshToken })).status,
    ).toBe(401);
    expect((await list(u)).body.sessions.map((s: { id: string }) => s.id)).not.toContain(otherId);
  });

  it("answers 404 for another user's session and leaves it alone", async () => {
    const [a, b] = [await signUp(t.app, 'sessa'), await signUp(t.app, 'sessb')];
    const bId = (await list(b)).body.sessions[0].id;
    const res = await request(t.app).delete(`/v1/auth/sessions/${bId}`).set(bearer(a));
    expect(res.status).toBe(404);
    expect((await me(b)).status).toBe(200);
  });

  it('signs out everywhere with logout-all, the current session included', async () => {
    const u = await signUp(t.app, 'sessall');
    const other = await loginAs(u);
    expect((await request(t.app).post('/v1/auth/logout-all').set(bearer(u))).status).toBe(204);
    expect((await me(u)).status).toBe(401);
    expect((await me(other)).status).toBe(401);
    expect(
      (await request(t.app).post('/v1/auth/refresh').send({ refreshToken: u.refreshToken })).status,
    ).toBe(401);
  });
});
