import { ConfigError, loadConfig } from './config.js';
import { createLogger } from './lib/logger.js';
import { start } from './start.js';

// Entry point: config → logger → start → graceful shutdown on SIGTERM/SIGINT.
async function main(): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(1);
    }
    throw err;
  }
  const logger = createLogger({ level: config.logLevel, pretty: config.stage === 'dev' });
  const running = await start(config, logger);

  const SHUTDOWN_DEADLINE_MS = 10_000;
  const shutdown = (signal: string) => {
    logger.info({ signal }, 'shutting down');
    // Hard stop if anything hangs: Elastic Beanstalk will SIGKILL soon after anyway.
    setTimeout(() => {
      logger.error('shutdown deadline passed, exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    running.close(SHUTDOWN_DEADLINE_MS - 2_000).then(
      () => {
        logger.info('shutdown complete');
        process.exit(0);
      },
      (err: unknown) => {
        logger.error({ err }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.on('unhandledRejection', (err) => logger.error({ err }, 'unhandled rejection'));
}

main().catch((err: unknown) => {
  process.stderr.write(`chat-x failed to start: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
