import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, type TestApp, type TestUser } from '../helpers/app.js';

describe('GET /v1/chats with a cursor the server did not issue', () => {
  let t: TestApp;
  let me: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    me = await signUp(t.app, 'cursor');
  });
  afterAll(() => t.close());

  for (const cursor of ['garbage', Buffer.from('{"sk":"x"}').toString('base64url'), '%E2%82']) {
    it(`answers cursor=${cursor} with 400 validation_failed and the field in details`, async () => {
      const res = await request(t.app).get(`/v1/chats?cursor=${cursor}`).set(bearer(me));
      expect(res.status).toBe(400);
      expect(res.body.error).toMatchObject({
        code: 'validation_failed',
        details: [{ path: 'cursor', message: expect.any(String) }],
      });
    });
  }
});
