import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUp, type TestApp, type TestUser } from '../helpers/app.js';

describe('unknown paths and wrong methods', () => {
  let t: TestApp;
  let me: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    me = await signUp(t.app, 'guard');
  });
  afterAll(() => t.close());

  const unknown = ['/v1/nothing', '/v1/users/me/nothing', '/v1/chats/g_x/nothing', '/v1'];
  for (const path of unknown) {
    it(`answers ${path} with the same 404 with or without a token`, async () => {
      const anonymous = await request(t.app).get(path);
      const signedIn = await request(t.app).get(path).set(bearer(me));
      const expired = await request(t.app).get(path).set('Authorization', 'Bearer not.a.token');
      for (const res of [anonymous, signedIn, expired]) {
        expect(res.status).toBe(404);
        expect(res.body.error.code).toBe('not_found');
      }
    });
  }

  const wrong: [string, string, string][] = [
    ['put', '/v1/chats', 'GET, HEAD, POST'],
    ['delete', '/v1/chats', 'GET, HEAD, POST'],
    ['post', '/v1/users/me', 'DELETE, GET, HEAD, PATCH'],
    ['get', '/v1/auth/login', 'POST'],
    ['post', '/healthz', 'GET, HEAD'],
    ['delete', '/v1/openapi.json', 'GET, HEAD'],
  ];
  for (const [method, path, allow] of wrong) {
    it(`answers ${method.toUpperCase()} ${path} with 405 and Allow: ${allow}, with or without a token`, async () => {
      for (const auth of [{}, bearer(me)]) {
        const res = await request(t.app)[method as 'put'](path).set(auth);
        expect(res.status).toBe(405);
        expect(res.body.error.code).toBe('method_not_allowed');
        expect(String(res.headers.allow).split(', ').sort().join(', ')).toBe(allow);
      }
    });
  }

  it('still serves the known methods of those paths', async () => {
    expect((await request(t.app).get('/v1/chats').set(bearer(me))).status).toBe(200);
    expect((await request(t.app).get('/v1/chats')).status).toBe(401);
    expect((await request(t.app).head('/healthz')).status).toBe(200);
  });
});
