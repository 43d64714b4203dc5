import { DescribeTableCommand, DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { MARSHALL_OPTIONS } from './attribute-json.js';
import { BatchWriter } from './batch-write.js';
import { type DocClient, directDocClient } from './doc-client.js';
import { DynamoHttp } from './http-api.js';
import { type TableNames, tableNames } from './tables.js';

export interface Db {
  raw: DynamoDBClient;
  /** Item operations over the direct HTTP path, the rest through the SDK (doc-client.ts). */
  doc: DocClient;
  /** DynamoDB's HTTP API without the SDK's per-call machinery (metrics observe it). */
  http: DynamoHttp;
  /** BatchWriteItem of puts, one attempt (the message writer's hot call). */
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

/** Attempts per call, SDK and direct path alike, for throttling, 5xx and network errors. */
const MAX_ATTEMPTS = 3;

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
    maxAttempts: MAX_ATTEMPTS,
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
  // A copy: lib-dynamodb writes into the options it is given.
  const sdkDoc = DynamoDBDocumentClient.from(raw, { marshallOptions: { ...MARSHALL_OPTIONS } });
  const http = new DynamoHttp({
    client: raw,
    region: opts.region,
    endpoint: opts.endpoint,
    requestTimeoutMs: opts.requestTimeoutMs ?? 5_000,
  });
  const doc = directDocClient(sdkDoc, http, { maxAttempts: MAX_ATTEMPTS, marshall: MARSHALL_OPTIONS });
  const tables = tableNames(opts.tablePrefix);
  return {
    raw,
    doc,
    http,
    batchWriter: new BatchWriter(http),
    tables,
    async ping() {
      await raw.send(new DescribeTableCommand({ TableName: tables.messages }));
    },
    destroy() {
      raw.destroy();
      http.destroy();
    },
  };
}
