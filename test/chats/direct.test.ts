import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, signUpAll, type TestApp, type TestUser } from '../helpers/app.js';

describe('direct chats', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
  });
  afterAll(() => t.close());

  const create = (as: TestUser, userId: string) =>
    request(t.app).post('/v1/chats').set(bearer(as)).send({ type: 'direct', userId });

  it('creates one chat with 201 and returns it with 200 afterwards, from either side', async () => {
    const first = await create(ann, bob.id);
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ type: 'direct', unreadCount: 0, lastMessage: null });
    expect(first.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [ann.id, bob.id].sort(),
    );

    const again = await create(ann, bob.id);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const reverse = await create(bob, ann.id);
    expect(reverse.status).toBe(200);
    expect(reverse.body.id).toBe(first.body.id);
  });

  it('yields exactly one chat under 20 concurrent creates', async () => {
    const [c, d] = await signUpAll(t.app, 'cat', 'dan');
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) => (i % 2 === 0 ? create(c, d.id) : create(d, c.id))),
    );
    expect(results.map((r) => r.status).filter((s) => s !== 200 && s !== 201)).toEqual([]);
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const list = await request(t.app).get('/v1/chats').set(bearer(c));
    expect(list.body.chats.filter((ch: { type: string }) => ch.type === 'direct')).toHaveLength(1);
  });

  it('refuses a chat with myself or an unknown user', async () => {
    expect((await create(ann, ann.id)).status).toBe(422);
    const unknown = await create(ann, '01ARZ3NDEKTSV4RRFFQ69G5FAV');
    expect(unknown.status).toBe(422);
    expect(unknown.body.error.details).toEqual({ userIds: ['01ARZ3NDEKTSV4RRFFQ69G5FAV'] });
  });

  it('cannot gain members', async () => {
    const chat = await create(ann, bob.id);
    const carl = await signUp(t.app, 'carl');
    const res = await request(t.app)
      .post(`/v1/chats/${chat.body.id}/members`)
      .set(bearer(ann))
      .send({ userId: carl.id });
    expect(res.status).toBe(422);
    expect(res.body.error.message).toMatch(/Direct chats cannot gain members/);
  });
});
