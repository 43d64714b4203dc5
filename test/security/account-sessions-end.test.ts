import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, signUp, type TestUser } from '../helpers/app.js';
import { resetLinkFor, tokenOf } from '../helpers/mail-sink.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('ending sessions from account controls closes their sockets', () => {
  const mailFile = join(mkdtempSync(join(tmpdir(), 'chatx-mail-')), 'mail.jsonl');
  let s: TestServer;
  beforeAll(async () => {
    s = await startTestServer({ env: { MAIL_SINK: 'file', MAIL_SINK_FILE: mailFile } });
  });
  afterAll(() => s.close());

  const secondSession = async (u: TestUser) =>
    (await request(s.url).post('/v1/auth/login').send({ email: u.email, password: u.password })).body as {
      accessToken: string;
    };

  it('a password change closes the other sessions’ sockets (4401) and keeps the current one', async () => {
    const u = await signUp(s.url, 'wschpw');
    const other = await TestSocket.ready(s.wsUrl, (await secondSession(u)).accessToken);
    const mine = await TestSocket.ready(s.wsUrl, u.accessToken);
    const res = await request(s.url)
      .post('/v1/auth/password')
      .set(bearer(u))
      .send({ currentPassword: u.password, newPassword: 'a fresh password' });
    expect(res.status).toBe(204);
    expect((await other.closed).code).toBe(4401);
    expect(mine.ws.readyState).toBe(mine.ws.OPEN);
    mine.close();
  });

  it('deleting a session closes its socket (4401)', async () => {
    const u = await signUp(s.url, 'wsdel');
    const other = await TestSocket.ready(s.wsUrl, (await secondSession(u)).accessToken);
    const list = await request(s.url).get('/v1/auth/sessions').set(bearer(u));
    const id = list.body.sessions.find((x: { current: boolean }) => !x.current).id;
    expect((await request(s.url).delete(`/v1/auth/sessions/${id}`).set(bearer(u))).status).toBe(204);
    expect((await other.closed).code).toBe(4401);
  });

  it('a password reset closes every socket of the account (4401)', async () => {
    const u = await signUp(s.url, 'wsreset');
    const a = await TestSocket.ready(s.wsUrl, u.accessToken);
    const b = await TestSocket.ready(s.wsUrl, (await secondSession(u)).accessToken);
    expect((await request(s.url).post('/v1/auth/password-reset').send({ email: u.email })).status).toBe(202);
    const token = tokenOf(await resetLinkFor(mailFile, u.email));
    const res = await request(s.url)
      .post('/v1/auth/password-reset/confirm')
      .send({ token, newPassword: 'reset password here' });
    expect(res.status).toBe(204);
    expect((await a.closed).code).toBe(4401);
    expect((await b.closed).code).toBe(4401);
  });

  it('logout-all closes every socket of the account (4401)', async () => {
    const u = await signUp(s.url, 'wsall');
    const a = await TestSocket.ready(s.wsUrl, u.accessToken);
    expect((await request(s.url).post('/v1/auth/logout-all').set(bearer(u))).status).toBe(204);
    expect((await a.closed).code).toBe(4401);
  });
});
