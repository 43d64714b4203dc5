import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SessionsEnded } from '../../src/auth/events.js';
import { createAuth } from '../../src/auth/index.js';
import type { AuthService } from '../../src/auth/service.js';
import { AccessTokens } from '../../src/auth/tokens.js';
import type { Db } from '../../src/db/client.js';
import { defaultLimits } from '../../src/lib/limits.js';
import { LogMailer } from '../../src/mail/sink.js';
import { bearer, createTestApp, signUp, type TestApp } from '../helpers/app.js';
import { silentLogger, testConfig } from '../helpers/config.js';
import { createTestDb } from '../helpers/db.js';

describe('concurrent refreshes with one token', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const refresh = (refreshToken: string) => request(t.app).post('/v1/auth/refresh').send({ refreshToken });

  it('answer both with 200 and the same new refresh token', async () => {
    const u = await signUp(t.app, 'twins');
    const [a, b] = await Promise.all([refresh(u.refreshToken), refresh(u.refreshToken)]);
    expect(a?.status).toBe(200);
    expect(b?.status).toBe(200);
    expect(a?.body.refreshToken).toBe(b?.body.refreshToken);
    expect((await request(t.app).get('/v1/users/me').set(bearer(a?.body))).status).toBe(200);
    expect((await request(t.app).get('/v1/users/me').set(bearer(b?.body))).status).toBe(200);
  });

  it('keep the session alive: the shared successor rotates normally', async () => {
    const u = await signUp(t.app, 'twins2');
    const [a] = await Promise.all([refresh(u.refreshToken), refresh(u.refreshToken)]);
    expect((await refresh(a?.body.refreshToken)).status).toBe(200);
  });
});

describe('the refresh grace window', () => {
  let db: Db;
  let auth: AuthService;
  let close: () => void;
  let clock = Date.now();
  const ended: SessionsEnded[] = [];

  beforeAll(async () => {
    db = await createTestDb();
    const config = testConfig();
    const built = createAuth({
      db,
      tokens: new AccessTokens(config.jwtSecret),
      bcryptRounds: 4,
      limits: defaultLimits,
      mailer: new LogMailer(silentLogger()),
      appUrl: config.appUrl,
      onSessionsEnded: (e) => ended.push(e),
      now: () => clock,
    });
    auth = built.auth;
    close = built.close;
  });
  afterAll(() => {
    close();
    db.destroy();
  });

  let n = 0;
  const signUpDirect = () => {
    n += 1;
    return auth.signup(
      { email: `grace${n}@example.com`, password: 'correct horse battery', userName: `grace${n}` },
      '127.0.0.1',
    );
  };

  it('returns the same successor to a repeat within 10 seconds', async () => {
    const s = await signUpDirect();
    const first = await auth.refresh(s.refreshToken, '127.0.0.1');
    clock += 9_000;
    const again = await auth.refresh(s.refreshToken, '127.0.0.1');
    expect(again.refreshToken).toBe(first.refreshToken);
  });

  it('treats a repeat after the window as theft: 401 and the family revoked', async () => {
    const s = await signUpDirect();
    const first = await auth.refresh(s.refreshToken, '127.0.0.1');
    clock += 11_000;
    await expect(auth.refresh(s.refreshToken, '127.0.0.1')).rejects.toMatchObject({ code: 'invalid_token' });
    await expect(auth.refresh(first.refreshToken, '127.0.0.1')).rejects.toMatchObject({
      code: 'invalid_token',
    });
    expect(ended.at(-1)?.sessionIds).toHaveLength(1);
  });

  it('gives nothing for a rotated token once its session was ended, even within the window', async () => {
    const s = await signUpDirect();
    const first = await auth.refresh(s.refreshToken, '127.0.0.1');
    await auth.logout(first.refreshToken);
    await expect(auth.refresh(s.refreshToken, '127.0.0.1')).rejects.toMatchObject({ code: 'invalid_token' });
  });
});
