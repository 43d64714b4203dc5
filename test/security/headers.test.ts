import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import { createServices } from '../../src/services.js';
import { silentLogger, testConfig } from '../helpers/config.js';
import { createTestDb } from '../helpers/db.js';

describe('headers and transport', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.destroy());

  const appWith = (env: Record<string, string> = {}) => {
    const config = testConfig(env);
    const services = createServices({
      config,
      db,
      limits: { signupPerIp: { capacity: 1, windowSeconds: 3600 } },
    });
    return buildApp({ config, logger: silentLogger(), services, readiness: [] });
  };

  it('sends security headers and no X-Powered-By', async () => {
    const res = await request(appWith()).get('/healthz');
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toMatch(/max-age=/);
    expect(res.headers['x-frame-options']).toBe('SAMEORIGIN');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('lets pages open sockets only to this origin and to CORS_ORIGINS', async () => {
    const res = await request(appWith({ CORS_ORIGINS: 'http://allowed.example,https://app.example' })).get(
      '/healthz',
    );
    const connectSrc = /connect-src ([^;]*)/.exec(res.headers['content-security-policy'] ?? '')?.[1];
    expect(connectSrc?.split(' ')).toEqual([
      "'self'",
      'http://allowed.example',
      'ws://allowed.example',
      'https://app.example',
      'wss://app.example',
    ]);
  });

  it('allows CORS only for CORS_ORIGINS', async () => {
    const app = appWith();
    const ok = await request(app)
      .options('/v1/chats')
      .set('Origin', 'http://allowed.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(ok.headers['access-control-allow-origin']).toBe('http://allowed.example');
    const evil = await request(app)
      .options('/v1/chats')
      .set('Origin', 'https://evil.example')
      .set('Access-Control-Request-Method', 'POST');
    expect(evil.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('rate-limits by the client address the proxy saw, not one a client claims', async () => {
    const signup = (app: ReturnType<typeof appWith>, n: number, xff: string) =>
      request(app)
        .post('/v1/auth/signup')
        .set('X-Forwarded-For', xff)
        .send({
          email: `p${n}-${Math.random()}@example.com`,
          password: 'password123',
          userName: `proxy_${n}_${Math.floor(Math.random() * 1e6)}`,
        });
    // Behind one proxy (hops=1): each real client address has its own budget.
    const behindProxy = appWith({ TRUST_PROXY_HOPS: '1' });
    expect((await signup(behindProxy, 1, '203.0.113.1')).status).toBe(201);
    expect((await signup(behindProxy, 2, '203.0.113.2')).status).toBe(201);
    expect((await signup(behindProxy, 3, '203.0.113.2')).status).toBe(429);
    // A spoofed left-most entry changes nothing: the proxy appended the real one.
    expect((await signup(behindProxy, 4, '198.51.100.9, 203.0.113.2')).status).toBe(429);
    // Exposed directly (hops=0): X-Forwarded-For is ignored, so spoofing it cannot dodge the limit.
    const direct = appWith({ TRUST_PROXY_HOPS: '0' });
    expect((await signup(direct, 5, '203.0.113.7')).status).toBe(201);
    expect((await signup(direct, 6, '203.0.113.8')).status).toBe(429);
  });
});
