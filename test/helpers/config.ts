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
    ...overrides,
  });
}

export const silentLogger = (): Logger => createLogger({ level: 'silent', pretty: false });
