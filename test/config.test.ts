import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';

const SECRET = 'x'.repeat(32);

describe('loadConfig', () => {
  it('applies defaults for a bare dev environment', () => {
    const c = loadConfig({});
    expect(c.port).toBe(8080);
    expect(c.stage).toBe('dev');
    expect(c.bcryptRounds).toBe(12);
    expect(c.dynamodbEndpoint).toBeUndefined();
    expect(c.corsOrigins).toEqual([]);
  });

  it('returns a frozen object', () => {
    const c = loadConfig({});
    expect(Object.isFrozen(c)).toBe(true);
    expect(Object.isFrozen(c.corsOrigins)).toBe(true);
  });

  it('parses CORS_ORIGINS as a comma-separated list', () => {
    expect(loadConfig({ CORS_ORIGINS: 'https://a.example, https://b.example' }).corsOrigins).toEqual([
      'https://a.example',
      'https://b.example',
    ]);
  });

  it.each([
    [{ PORT: 'abc' }, /PORT must be a whole number, got "abc"/],
    [{ PORT: '70000' }, /PORT must be between 0 and 65535/],
    [{ STAGE: 'qa' }, /STAGE/],
    [{ NODE_ENV: 'production' }, /STAGE must be set explicitly when NODE_ENV=production/],
    [{ NODE_ENV: 'production', STAGE: 'dev' }, /JWT_SECRET is required when NODE_ENV=production/],
    [{ STAGE: 'prod' }, /JWT_SECRET is required when STAGE=prod/],
    [{ STAGE: 'staging', JWT_SECRET: SECRET, BCRYPT_ROUNDS: '8' }, /BCRYPT_ROUNDS must be at least 10/],
    [{ JWT_SECRET: 'short' }, /JWT_SECRET must be at least 32 bytes/],
    [{ DYNAMODB_ENDPOINT: 'not a url' }, /DYNAMODB_ENDPOINT/],
    [{ TABLE_PREFIX: 'bad prefix!' }, /TABLE_PREFIX/],
    [{ LOG_LEVEL: 'loud' }, /LOG_LEVEL/],
  ])('rejects %o with a message naming the variable', (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });

  it('accepts a complete production environment', () => {
    const c = loadConfig({
      STAGE: 'prod',
      JWT_SECRET: SECRET,
      BCRYPT_ROUNDS: '12',
      PORT: '5000',
      APP_URL: 'https://chat.example.com',
      MAIL_FROM: 'no-reply@chat.example.com',
    });
    expect(c.stage).toBe('prod');
    expect(c.jwtSecret).toBe(SECRET);
    expect(c.port).toBe(5000);
  });
});

describe('server entry point', () => {
  const run = (env: Record<string, string>) =>
    spawnSync(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
      env: { PATH: process.env.PATH ?? '', ...env },
      encoding: 'utf8',
      timeout: 20_000,
    });

  it('exits non-zero with one clear line when PORT is not a number', () => {
    const r = run({ PORT: 'abc' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('Invalid configuration: PORT must be a whole number, got "abc"');
  });

  it('exits non-zero with one clear line when JWT_SECRET is missing in prod', () => {
    const r = run({ STAGE: 'prod' });
    expect(r.status).toBe(1);
    expect(r.stderr.trim()).toBe('Invalid configuration: JWT_SECRET is required when STAGE=prod');
  });
});
