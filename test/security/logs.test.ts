import { Writable } from 'node:stream';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/lib/logger.js';
import { bearer, createGroup, signUpAll } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('logs of a full scenario', () => {
  let srv: TestServer;
  let lines = '';
  beforeAll(async () => {
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines += chunk;
        done();
      },
    });
    srv = await startTestServer({
      logger: createLogger({ level: 'trace', pretty: false, destination: sink }),
    });
  });
  afterAll(() => srv.close());

  it('never contain a password, an access token or a refresh token', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const login = await request(srv.url)
      .post('/v1/auth/login')
      .send({ email: ann.email, password: ann.password });
    await request(srv.url)
      .post('/v1/auth/login')
      .send({ email: ann.email, password: 'a-wrong-password-123' });
    const refreshed = await request(srv.url)
      .post('/v1/auth/refresh')
      .send({ refreshToken: login.body.refreshToken });
    await request(srv.url).post('/v1/auth/refresh').send({ refreshToken: login.body.refreshToken }); // reuse
    const chatId = await createGroup(srv.url, ann, [bob]);
    await request(srv.url).get('/v1/users/me').set('Authorization', 'Bearer not-a-valid-token');
    const header = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const frame = TestSocket.connect(srv.wsUrl);
    await frame.opened;
    frame.send({ type: 'auth', token: bob.accessToken });
    await frame.next('ready');
    header.send({ type: 'send', chatId, clientMsgId: 'log-1', text: 'hello' });
    await header.next('ack');
    const bad = TestSocket.connect(srv.wsUrl, { token: 'forged.token.value' });
    await bad.closed;
    await request(srv.url)
      .post('/v1/auth/logout')
      .send({ refreshToken: refreshed.body.refreshToken })
      .set(bearer(ann));
    header.close();
    frame.close();
    await new Promise((r) => setTimeout(r, 200));

    expect(lines.length).toBeGreaterThan(1000); // there were logs to search
    const secrets = [
      ann.password,
      bob.password,
      'a-wrong-password-123',
      ann.accessToken,
      bob.accessToken,
      ann.refreshToken,
      login.body.accessToken,
      login.body.refreshToken,
      refreshed.body.refreshToken,
      'forged.token.value',
    ];
    for (const secret of secrets)
      expect(lines.includes(secret), `log contains ${secret.slice(0, 12)}…`).toBe(false);
    expect(lines).not.toMatch(/\$2[aby]\$\d\d\$/); // no bcrypt hashes
  });
});
