import bcrypt from 'bcrypt';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAuth } from '../../src/auth/index.js';
import { Passwords } from '../../src/auth/passwords.js';
import { AccessTokens } from '../../src/auth/tokens.js';
import type { Db } from '../../src/db/client.js';
import { defaultLimits } from '../../src/lib/limits.js';
import { LogMailer } from '../../src/mail/sink.js';
import { UserStore } from '../../src/users/store.js';
import { createTestApp, type TestApp } from '../helpers/app.js';
import { silentLogger, testConfig } from '../helpers/config.js';
import { createTestDb } from '../helpers/db.js';

/** bcrypt work of the compares `run` makes: a cost-c compare is 2^c rounds of the key schedule. */
async function bcryptWork(run: () => Promise<unknown>): Promise<number> {
  const spy = vi.spyOn(bcrypt, 'compare');
  try {
    await run();
    return spy.mock.calls.reduce((sum, [, hash]) => sum + 2 ** bcrypt.getRounds(String(hash)), 0);
  } finally {
    spy.mockRestore();
  }
}

describe('Passwords.verify', () => {
  const passwords = new Passwords(6);

  it('spends the same bcrypt work on an unknown email as on a wrong password', async () => {
    const stored = await bcrypt.hash('the real one', 6);
    const unknown = await bcryptWork(() => passwords.verify('guess', undefined));
    const wrong = await bcryptWork(() => passwords.verify('guess', stored));
    expect(unknown).toBe(2 ** 6);
    expect(wrong).toBe(unknown);
  });

  it('spends the same work when the stored hash has a lower cost than configured', async () => {
    const legacy = await bcrypt.hash('the real one', 4);
    const unknown = await bcryptWork(() => passwords.verify('guess', undefined));
    const wrong = await bcryptWork(() => passwords.verify('guess', legacy));
    expect(wrong).toBe(unknown);
    expect(await passwords.verify('the real one', legacy)).toBe(true);
  });
});

describe('signing in with a hash of an older cost', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.destroy());

  const authWith = (bcryptRounds: number) =>
    createAuth({
      db,
      tokens: new AccessTokens(testConfig().jwtSecret),
      bcryptRounds,
      limits: defaultLimits,
      mailer: new LogMailer(silentLogger()),
      appUrl: 'http://localhost',
    });

  it('re-hashes the password at the current cost', async () => {
    const before = authWith(4);
    const body = { email: 'legacy@example.com', password: 'correct horse battery', userName: 'legacy' };
    const { user } = await before.auth.signup(body, '127.0.0.1');
    before.close();

    const after = authWith(5);
    await after.auth.login({ email: body.email, password: body.password }, '127.0.0.1');
    const stored = await new UserStore(db).getById(user.id);
    expect(bcrypt.getRounds(stored?.passwordHash ?? '')).toBe(5);
    // Still the same password.
    await expect(
      after.auth.login({ email: body.email, password: body.password }, '127.0.0.1'),
    ).resolves.toBeDefined();
    after.close();
  });
});

describe('passwords longer than bcrypt reads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const signup = (userName: string, password: string) =>
    request(t.app)
      .post('/v1/auth/signup')
      .send({ email: `${userName}@example.com`, password, userName });

  it('are refused at sign-up with a 400 naming the field', async () => {
    const res = await signup('long1', 'a'.repeat(73));
    expect(res.status).toBe(400);
    expect(res.body.error.details).toEqual([
      { path: 'password', message: expect.stringMatching(/72 bytes/) },
    ]);
  });

  it('are counted in UTF-8 bytes, not characters', async () => {
    // 37 characters, 74 bytes: bcrypt would silently ignore the last two.
    expect((await signup('long2', 'é'.repeat(37))).status).toBe(400);
  });

  it('are accepted up to exactly 72 bytes', async () => {
    expect((await signup('long3', 'a'.repeat(72))).status).toBe(201);
  });
});
