import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, type TestApp, type TestUser } from '../helpers/app.js';

describe('users', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    ann = await signUp(t.app, 'ann');
    bob = await signUp(t.app, 'bob');
  });
  afterAll(() => t.close());

  it('GET /me returns my profile with my email', async () => {
    const res = await request(t.app).get('/v1/users/me').set(bearer(ann));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: ann.id,
      userName: ann.userName,
      email: ann.email,
      createdAt: expect.any(String),
      // Privacy settings (src/privacy), at their defaults.
      lastSeen: 'everyone',
      readReceipts: true,
      groupAdd: 'everyone',
      pushPreviews: true,
    });
  });

  it('GET /:id returns another user without their email', async () => {
    const res = await request(t.app).get(`/v1/users/${bob.id}`).set(bearer(ann));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ id: bob.id, userName: bob.userName, createdAt: expect.any(String) });
  });

  it('GET /:id answers 404 for an unknown id and 400 for a malformed one', async () => {
    expect((await request(t.app).get('/v1/users/01ARZ3NDEKTSV4RRFFQ69G5FAV').set(bearer(ann))).status).toBe(
      404,
    );
    expect((await request(t.app).get('/v1/users/nope').set(bearer(ann))).status).toBe(400);
  });

  it('PATCH /me renames, frees the old name, and refuses a taken one', async () => {
    const carl = await signUp(t.app, 'carl');
    const newName = `${carl.userName}_x`.slice(0, 32);
    const res = await request(t.app)
      .patch('/v1/users/me')
      .set(bearer(carl))
      .send({ userName: newName, displayName: 'Carl' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ userName: newName, displayName: 'Carl' });

    const taken = await request(t.app)
      .patch('/v1/users/me')
      .set(bearer(ann))
      .send({ userName: newName.toUpperCase() });
    expect(taken.status).toBe(409);

    // The old name is free again.
    const reuse = await request(t.app)
      .patch('/v1/users/me')
      .set(bearer(ann))
      .send({ userName: carl.userName });
    expect(reuse.status).toBe(200);
    ann.userName = carl.userName;
  });

  it('PATCH /me refuses an empty or unknown patch', async () => {
    expect((await request(t.app).patch('/v1/users/me').set(bearer(bob)).send({})).status).toBe(400);
    expect(
      (await request(t.app).patch('/v1/users/me').set(bearer(bob)).send({ email: 'x@y.z' })).status,
    ).toBe(400);
  });

  it('searches by userName prefix, case-insensitively, without emails', async () => {
    const prefix = bob.userName.slice(0, 5).toUpperCase();
    const res = await request(t.app).get('/v1/users').query({ query: prefix }).set(bearer(ann));
    expect(res.status).toBe(200);
    expect(res.body.users.map((u: { id: string }) => u.id)).toContain(bob.id);
    for (const u of res.body.users) {
      expect(u.userName.toLowerCase().startsWith(prefix.toLowerCase())).toBe(true);
      expect(u).not.toHaveProperty('email');
    }
  });

  it('finds a user I share a chat with by exact email only', async () => {
    await request(t.app).post('/v1/chats').set(bearer(ann)).send({ type: 'direct', userId: bob.id });
    const exact = await request(t.app).get('/v1/users').query({ query: bob.email }).set(bearer(ann));
    expect(exact.body.users).toEqual([{ id: bob.id, userName: bob.userName, createdAt: expect.any(String) }]);
    const partial = await request(t.app)
      .get('/v1/users')
      .query({ query: bob.email.slice(0, -4) })
      .set(bearer(ann));
    expect(partial.body.users).toEqual([]);
  });

  it('returns at most 20 users', async () => {
    await Promise.all(Array.from({ length: 22 }, () => signUp(t.app, 'many')));
    const res = await request(t.app).get('/v1/users').query({ query: 'many', limit: '50' }).set(bearer(ann));
    expect(res.status).toBe(400);
    const ok = await request(t.app).get('/v1/users').query({ query: 'many' }).set(bearer(ann));
    expect(ok.body.users).toHaveLength(20);
  });

  it('requires a token', async () => {
    expect((await request(t.app).get('/v1/users/me')).status).toBe(401);
  });
});
