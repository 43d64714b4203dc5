import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/app.js';
import type { Db } from '../../src/db/client.js';
import { createServices, type Services } from '../../src/services.js';
import { roomyLimits, signUp, type TestUser } from '../helpers/app.js';
import { silentLogger, testConfig } from '../helpers/config.js';
import { createTestDb } from '../helpers/db.js';

// One proxy hop is trusted here, so X-Forwarded-For stands for the client's address.
describe('failed sign-ins are throttled per account and address', () => {
  const SLOWDOWN_MS = 300;
  let db: Db;
  let services: Services;
  let app: ReturnType<typeof buildApp>;
  let victim: TestUser;

  beforeAll(async () => {
    db = await createTestDb();
    const config = testConfig({ TRUST_PROXY_HOPS: '1' });
    services = createServices({
      config,
      db,
      limits: {
        ...roomyLimits,
        loginFailuresPerAccountIp: { capacity: 3, windowSeconds: 600 },
        loginFailuresPerAccount: { capacity: 6, windowSeconds: 600 },
        loginSlowdownMs: SLOWDOWN_MS,
      },
    });
    app = buildApp({ config, logger: silentLogger(), services, readiness: [] });
    victim = await signUp(app, 'throttle');
  });
  afterAll(async () => {
    await services.close();
    db.destroy();
  });

  const loginFrom = (ip: string, password: string, email = victim.email) =>
    request(app).post('/v1/auth/login').set('X-Forwarded-For', ip).send({ email, password });

  it('lets the right password in from another address after wrong ones from one address', async () => {
    const statuses = [];
    for (let i = 0; i < 5; i++) statuses.push((await loginFrom('203.0.113.1', 'guess')).status);
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    expect((await loginFrom('198.51.100.7', victim.password)).status).toBe(200);
  });

  it('keeps the failing address locked out of that account, even with the right password', async () => {
    const blocked = await loginFrom('203.0.113.1', victim.password);
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('does not lock the failing address out of other accounts', async () => {
    const other = await signUp(app, 'bystander');
    expect((await loginFrom('203.0.113.1', other.password, other.email)).status).toBe(200);
  });

  it('slows, but never refuses, the right password once an account passes its failure ceiling', async () => {
    // Failures from many addresses, as a distributed guesser would: past the ceiling of 6.
    for (let i = 0; i < 8; i++) expect((await loginFrom(`192.0.2.${i + 10}`, 'guess')).status).toBe(401);
    const started = Date.now();
    const res = await loginFrom('198.51.100.99', victim.password);
    expect(res.status).toBe(200);
    expect(Date.now() - started).toBeGreaterThanOrEqual(SLOWDOWN_MS - 20);
  });
});
