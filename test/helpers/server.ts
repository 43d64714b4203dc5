import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import type { InboxOptions } from '../../src/feed/inbox.js';
import type { Limits } from '../../src/lib/limits.js';
import type { Logger } from '../../src/lib/logger.js';
import type { PushOptions } from '../../src/push/service.js';
import type { HubOptions } from '../../src/realtime/hub.js';
import { type RunningServer, start } from '../../src/start.js';
import { roomyLimits } from './app.js';
import { silentLogger, testConfig } from './config.js';
import { dynamoEndpoint, uniquePrefix } from './db.js';

export interface TestServer {
  running: RunningServer;
  url: string;
  wsUrl: string;
  close(): Promise<void>;
}

/** The real server (HTTP + WebSocket on one port) on a free port, with its own tables. */
export async function startTestServer(
  opts: {
    hub?: Partial<HubOptions>;
    limits?: Partial<Limits>;
    inbox?: Partial<InboxOptions>;
    push?: Partial<PushOptions>;
    env?: Record<string, string>;
    logger?: Logger;
  } = {},
): Promise<TestServer> {
  const prefix = uniquePrefix();
  const setup = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: prefix });
  await createTables(setup.raw, setup.tables);
  setup.destroy();
  const config = testConfig({ DYNAMODB_ENDPOINT: dynamoEndpoint(), TABLE_PREFIX: prefix, ...opts.env });
  const running = await start(config, opts.logger ?? silentLogger(), {
    hub: { drainMs: 100, ...opts.hub },
    limits: { ...roomyLimits, ...opts.limits },
    ...(opts.inbox ? { inbox: opts.inbox } : {}),
    ...(opts.push ? { push: opts.push } : {}),
  });
  return {
    running,
    url: running.url,
    wsUrl: `ws://127.0.0.1:${running.port}/v1/ws`,
    close: () => running.close(1_000),
  };
}
