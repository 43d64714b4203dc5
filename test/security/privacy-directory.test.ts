import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUpAll, type TestApp, type TestUser } from '../helpers/app.js';

// The directory must not be walkable: short prefixes, unlimited queries and exact-email probes
// together listed every user and every registered email.
describe('user search privacy', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let eve: TestUser;
  beforeAll(async () => {
    t = await createTestApp({ limits: { userSearchPerUser: { capacity: 5, windowSeconds: 60 } } });
    [ann, bob, eve] = await signUpAll(t.app, 'ann', 'bob', 'eve');
  });
  afterAll(() => t.close());

  const search = (u: TestUser, query: string) =>
    request(t.app).get('/v1/users').query({ query }).set(bearer(u));

  describe('a prefix shorter than 3 characters', () => {
    it.each(['', 'a', 'ab', ' ab '])('is refused with 400 naming query (%j)', async (query) => {
      const res = await search(ann, query);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: 'query' }));
    });
  });

  describe('an exact email', () => {
    it('finds nobody when the owner shares no chat with me', async () => {
      const res = await search(eve, bob.email);
      expect(res.status).toBe(200);
      expect(res.body.users).toEqual([]);
    });

    it('answers a registered and an unregistered email the same way', async () => {
      const registered = await search(eve, ann.email);
      const unknown = await search(eve, 'nobody-here@example.com');
      expect(registered.status).toBe(unknown.status);
      expect(registered.body).toEqual(unknown.body);
    });

    it('finds a user I already share a chat with', async () => {
      await request(t.app)
        .post('/v1/chats')
        .set(bearer(ann))
        .send({ type: 'direct', userId: bob.id })
        .expect(201);
      const res = await search(ann, bob.email);
      expect(res.body.users).toEqual([{ id: bob.id, userName: bob.userName, createdAt: expect.any(String) }]);
    });
  });

  describe('per-user rate limit', () => {
    it('answers 429 with Retry-After once a user searches too often, and only for that user', async () => {
      const [carl, dora] = await signUpAll(t.app, 'carl', 'dora');
      for (let i = 0; i < 5; i++) expect((await search(carl, 'abc')).status).toBe(200);
      const over = await search(carl, 'abc');
      expect(over.status).toBe(429);
      expect(over.body.error.code).toBe('rate_limited');
      expect(Number(over.headers['retry-after'])).toBeGreaterThan(0);
      expect((await search(dora, 'abc')).status).toBe(200);
    });

    it('counts email lookups too', async () => {
      const [fay] = await signUpAll(t.app, 'fay');
      for (let i = 0; i < 5; i++) await search(fay, `probe${i}@example.com`);
      expect((await search(fay, 'probe@example.com')).status).toBe(429);
    });
  });
});
