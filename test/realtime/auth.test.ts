import jwt from 'jsonwebtoken';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { signUp, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('WebSocket authentication', () => {
  let srv: TestServer;
  let user: TestUser;
  beforeAll(async () => {
    srv = await startTestServer({ hub: { authTimeoutMs: 300 } });
    user = await signUp(srv.url, 'ws');
  });
  afterAll(() => srv.close());

  it('accepts a Bearer header on the upgrade and says ready', async () => {
    const s = TestSocket.connect(srv.wsUrl, { token: user.accessToken });
    const ready = await s.next('ready');
    expect(ready).toEqual({
      type: 'ready',
      userId: user.id,
      connectionId: expect.any(String),
      expiresAt: expect.any(String),
    });
    s.close();
  });

  it('accepts an auth frame first (browsers)', async () => {
    const s = TestSocket.connect(srv.wsUrl);
    await s.opened;
    s.send({ type: 'auth', token: user.accessToken });
    expect((await s.next('ready')).userId).toBe(user.id);
    s.close();
  });

  it('queues frames sent right after the auth frame instead of dropping them', async () => {
    const s = TestSocket.connect(srv.wsUrl);
    await s.opened;
    s.send({ type: 'auth', token: user.accessToken });
    s.send({ type: 'ping' });
    await s.next('ready');
    await s.next('pong');
    s.close();
  });

  it('closes with 4401 when no auth frame comes in time', async () => {
    const s = TestSocket.connect(srv.wsUrl);
    expect((await s.closed).code).toBe(4401);
  });

  it('closes with 4401 for a bad header token', async () => {
    const s = TestSocket.connect(srv.wsUrl, { token: 'not.a.token' });
    expect(await s.closed).toEqual({ code: 4401, reason: 'invalid token' });
  });

  it('closes with 4401 for a token signed with another secret', async () => {
    const forged = jwt.sign({ sub: user.id, iss: 'chat-x', aud: 'chat-x-api' }, 'z'.repeat(40));
    const s = TestSocket.connect(srv.wsUrl);
    await s.opened;
    s.send({ type: 'auth', token: forged });
    expect((await s.closed).code).toBe(4401);
  });

  it('closes with 4401 when the first frame is not auth', async () => {
    const s = TestSocket.connect(srv.wsUrl);
    await s.opened;
    s.send({ type: 'ping' });
    expect(await s.closed).toEqual({ code: 4401, reason: 'authenticate first' });
  });

  it('refuses an Origin that is not in CORS_ORIGINS, accepts one that is', async () => {
    const bad = TestSocket.connect(srv.wsUrl, { token: user.accessToken, origin: 'https://evil.example' });
    await expect(bad.opened).rejects.toThrow(/403/);
    const good = TestSocket.connect(srv.wsUrl, { token: user.accessToken, origin: 'http://allowed.example' });
    await good.next('ready');
    good.close();
  });

  it('answers other paths with 404', async () => {
    const ws = new WebSocket(srv.wsUrl.replace('/v1/ws', '/elsewhere'));
    await expect(
      new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject)),
    ).rejects.toThrow(/404/);
  });
});
