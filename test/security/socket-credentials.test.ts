import jwt from 'jsonwebtoken';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, type TestUser } from '../helpers/app.js';
import { testConfig } from '../helpers/config.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

/** The same session's token, expiring in `seconds` (as the server would sign it, sooner). */
function expiringSoon(u: TestUser, seconds: number): string {
  const claims = jwt.decode(u.accessToken) as Record<string, unknown>;
  const { iat: _iat, exp: _exp, ...rest } = claims;
  return jwt.sign({ ...rest, exp: Math.floor(Date.now() / 1000) + seconds }, testConfig().jwtSecret, {
    algorithm: 'HS256',
  });
}

describe('sockets and tokens end with the session', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv.close());

  it('refuses an access token on REST and for new sockets once its session logged out', async () => {
    const u = await signUp(srv.url, 'leaver');
    await request(srv.url).get('/v1/users/me').set(bearer(u)).expect(200);
    await request(srv.url).post('/v1/auth/logout').send({ refreshToken: u.refreshToken }).expect(204);
    const res = await request(srv.url).get('/v1/users/me').set(bearer(u)).expect(401);
    expect(res.body.error.code).toBe('invalid_token');
    const s = TestSocket.connect(srv.wsUrl, { token: u.accessToken });
    expect((await s.closed).code).toBe(4401);
  });

  it('closes an open socket with 4401 when its session logs out', async () => {
    const u = await signUp(srv.url, 'phone');
    const s = await TestSocket.ready(srv.wsUrl, u.accessToken);
    await request(srv.url).post('/v1/auth/logout').send({ refreshToken: u.refreshToken }).expect(204);
    expect(await s.closed).toMatchObject({ code: 4401, reason: 'session ended' });
  });

  it('closes a socket with 4401 when its token expires', async () => {
    const u = await signUp(srv.url, 'sleepy');
    const s = await TestSocket.ready(srv.wsUrl, expiringSoon(u, 2));
    const started = Date.now();
    expect(await s.closed).toMatchObject({ code: 4401, reason: 'token expired' });
    expect(Date.now() - started).toBeGreaterThan(1_000);
  });

  it('keeps a socket open past the old expiry when it re-authenticates with a fresh token', async () => {
    const u = await signUp(srv.url, 'renewer');
    const s = await TestSocket.ready(srv.wsUrl, expiringSoon(u, 2));
    s.send({ type: 'auth', token: u.accessToken });
    const authed = await s.next('authed');
    expect(Date.parse(authed.expiresAt)).toBeGreaterThan(Date.now() + 60_000);
    await new Promise((r) => setTimeout(r, 3_000));
    s.send({ type: 'ping' });
    await s.next('pong');
    s.close();
  });

  it('answers a bad token in a re-authentication with invalid_token and goes on', async () => {
    const u = await signUp(srv.url, 'typo');
    const s = await TestSocket.ready(srv.wsUrl, u.accessToken);
    s.send({ type: 'auth', token: 'not-a-token' });
    expect(await s.next('error')).toMatchObject({ code: 'invalid_token' });
    s.send({ type: 'ping' });
    await s.next('pong');
    s.close();
  });

  it('refuses re-authentication as someone else and closes the socket', async () => {
    const [a, b] = [await signUp(srv.url, 'a'), await signUp(srv.url, 'b')];
    const s = await TestSocket.ready(srv.wsUrl, a.accessToken);
    s.send({ type: 'auth', token: b.accessToken });
    expect((await s.closed).code).toBe(4401);
  });
});
