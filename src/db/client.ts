import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { BatchWriter } from './batch-write.js';
import { type TableNames, tableNames } from './tables.js';

export interface Db {
  raw: DynamoDBClient;
  doc: DynamoDBDocumentClient;
  /** BatchWriteItem of puts without the SDK's per-call overhead (the message writer's hot call). */
  batchWriter: BatchWriter;
  tables: TableNames;
  /** One cheap call that proves DynamoDB answers and our tables exist (readiness). */
  ping(): Promise<void>;
  destroy(): void;
}

export interface DbOptions {
  region: string;
  endpoint: string | undefined;
  tablePrefix: string;
  /** Per-attempt timeout; a stalled database must surface as an error, not a hung request. */
  requestTimeoutMs?: number;
}

export function createDb(opts: DbOptions): Db {
  const raw = new DynamoDBClient({
    region: opts.region,
    ...(opts.endpoint
      ? {
          endpoint: opts.endpoint,
          // DynamoDB Local accepts any credentials; real AWS uses the instance profile.
          credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        }
      : {}),
    maxAttempts: 3,
    requestHandler: {
      requestTimeout: opts.requestTimeoutMs ?? 5_000,
      connectionTimeout: 2_000,
      httpAgent: { keepAlive: true, maxSockets: 64 },
    },
  });
  // The SDK logs to a no-op logger unless given one, yet its logger middleware still builds a
  // redacted copy of every request and response for it (~3% of a BatchWriteItem's CPU). Our own
  // code logs failures, so the middleware goes. The document client shares this stack.
  raw.middlewareStack.remove('loggerMiddleware');
  const doc = DynamoDBDocumentClient.from(raw, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
  const tables = tableNames(opts.tablePrefix);
  const batchWriter = new BatchWriter({
    client: raw,
    region: opts.region,
    endpoint: opts.endpoint,
    requestTimeoutMs: opts.requestTimeoutMs ?? 5_000,
  });
  return {
    raw,
    doc,
    batchWriter,
    tables,
    async ping() {
      await raw.send(new DescribeTableCommand({ TableName: tables.messages }));
    },
    destroy() {
      raw.destroy();
      batchWriter.destroy();
    },
  };
}
