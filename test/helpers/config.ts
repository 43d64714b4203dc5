import { type Config, loadConfig } from '../../src/config.js';
import { createLogger, type Logger } from '../../src/lib/logger.js';

export function testConfig(overrides: Record<string, string> = {}): Config {
  return loadConfig({
    STAGE: 'test',
    NODE_ENV: 'test',
    PORT: '0',
    BCRYPT_ROUNDS: '4',
    LOG_LEVEL: 'silent',
    CORS_ORIGINS: 'http://allowed.example',
    // Tests that want the metrics listener ask for a port; the default (9464) would clash.
    METRICS_PORT: '0',
    ...overrides,
  });
}

/** Silent unless TEST_LOG_LEVEL is set (e.g. TEST_LOG_LEVEL=error pnpm test) to debug a failure. */
export const silentLogger = (): Logger =>
  createLogger({ level: process.env.TEST_LOG_LEVEL ?? 'silent', pretty: false });
