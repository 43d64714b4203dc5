import { afterAll, beforeAll } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/lib/redis.js';
import { createTestDb, dynamoEndpoint, uniquePrefix } from './db.js';
import { type ServerProcess, spawnServer } from './process.js';

export interface Cluster {
  redis: RedisServer;
  servers: ServerProcess[];
  /** Kills every server (SIGKILL) and stops Redis. */
  stop(): Promise<void>;
}

/**
 * `n` real server processes sharing one redis-server and one set of fresh tables in DynamoDB
 * Local: the smallest deployment where cross-instance behaviour shows.
 */
export async function startCluster(n: number, env: Record<string, string> = {}): Promise<Cluster> {
  const redis = await startRedis();
  const prefix = uniquePrefix();
  (await createTestDb(prefix)).destroy();
  const shared = {
    DYNAMODB_ENDPOINT: dynamoEndpoint(),
    TABLE_PREFIX: prefix,
    REDIS_URL: redis.url,
    LOG_LEVEL: 'warn',
    ...env,
  };
  const servers = await Promise.all(Array.from({ length: n }, () => spawnServer(shared)));
  return {
    redis,
    servers,
    async stop() {
      for (const s of servers) s.child.kill('SIGKILL');
      await redis.stop();
    },
  };
}

// A test file's two-instance cluster, as live bindings set by useTwoInstances's beforeAll.
/** Instance A. */
export let a: ServerProcess;
/** Instance B. */
export let b: ServerProcess;
/** The Redis both use (stop and restart it for outages). */
export let redis: RedisServer;

/** Two server processes on one Redis and fresh tables before the file's tests; all stopped after. */
export function useTwoInstances(env: Record<string, string> = {}): void {
  let cluster: Cluster | undefined;
  beforeAll(async () => {
    cluster = await startCluster(2, env);
    redis = cluster.redis;
    [a, b] = cluster.servers as [ServerProcess, ServerProcess];
  }, 60_000);
  afterAll(() => cluster?.stop());
}
