import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import { createServices, type Services } from '../../src/services.js';
import { bearer, roomyLimits, signUp, type TestUser } from '../helpers/app.js';
import { silentLogger, testConfig } from '../helpers/config.js';
import { createTestDb } from '../helpers/db.js';
import { resetLinkFor, tokenOf } from '../helpers/mail-sink.js';

describe('password reset by email', () => {
  const mailFile = join(mkdtempSync(join(tmpdir(), 'chatx-mail-')), 'mail.jsonl');
  let db: Db;
  let services: Services;
  let app: ReturnType<typeof buildApp>;

  beforeAll(async () => {
    db = await createTestDb();
    const config = testConfig({
      MAIL_SINK: 'file',
      MAIL_SINK_FILE: mailFile,
      APP_URL: 'https://chat.example',
    });
    services = createServices({
      config,
      db,
      limits: { ...roomyLimits, passwordResetPerEmail: { capacity: 2, windowSeconds: 3600 } },
    });
    app = buildApp({ config, logger: silentLogger(), services, readiness: [] });
  });
  afterAll(async () => {
    await services.close();
    db.destroy();
  });

  const ask = (email: string) => request(app).post('/v1/auth/password-reset').send({ email });
  const confirm = (token: string, newPassword: string) =>
    request(app).post('/v1/auth/password-reset/confirm').send({ token, newPassword });
  const login = (u: TestUser, password: string) =>
    request(app).post('/v1/auth/login').send({ email: u.email, password });
  const mailsTo = (to: string) =>
    existsSync(mailFile)
      ? readFileSync(mailFile, 'utf8')
          .split('\n')
          .filter((l) => l.includes(`"to":"${to}"`))
      : [];

  it('mails a one-time link that sets a new password and ends every session', async () => {
    const u = await signUp(app, 'reset');
    expect((await ask(u.email.toUpperCase())).status).toBe(202);
    const link = await resetLinkFor(mailFile, u.email);
    expect(link.startsWith('https://chat.example/reset?token=')).toBe(true);

    expect((await confirm(tokenOf(link), 'my new password')).status).toBe(204);
    expect((await login(u, u.password)).status).toBe(401);
    expect((await login(u, 'my new password')).status).toBe(200);
    expect((await request(app).get('/v1/users/me').set(bearer(u))).status).toBe(401);
    expect((await request(app).post('/v1/auth/refresh').send({ refreshToken: u.refreshToken })).status).toBe(
      401,
    );
  });

  it('refuses a used link with 400 reset_token_invalid', async () => {
    const u = await signUp(app, 'reuse');
    await ask(u.email);
    const token = tokenOf(await resetLinkFor(mailFile, u.email));
    expect((await confirm(token, 'first new password')).status).toBe(204);
    const again = await confirm(token, 'second new password');
    expect(again.status).toBe(400);
    expect(again.body.error.code).toBe('reset_token_invalid');
    expect((await login(u, 'first new password')).status).toBe(200);
  });

  it('refuses an unknown token with 400 reset_token_invalid', async () => {
    const res = await confirm('made-up-token', 'some new password');
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('reset_token_invalid');
  });

  it('answers an unknown email with the same 202 and sends nothing', async () => {
    const res = await ask('nobody-here@example.com');
    expect(res.status).toBe(202);
    await services.account.settled();
    expect(mailsTo('nobody-here@example.com')).toEqual([]);
  });

  it('sends at most the per-email limit of mails, still answering 202', async () => {
    const u = await signUp(app, 'bomb');
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await ask(u.email)).status);
    expect(statuses).toEqual([202, 202, 202, 202]);
    await services.account.settled();
    expect(mailsTo(u.email)).toHaveLength(2);
  });

  it('refuses a new password over 72 bytes with a 400 naming newPassword', async () => {
    const res = await confirm('any-token', 'y'.repeat(80));
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe('newPassword');
  });
});
