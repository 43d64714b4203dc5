import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb, type Db } from '../../src/db/client.js';
import { instrumentDynamo } from '../../src/metrics/dynamodb.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { createTestDb } from '../helpers/db.js';
import { dynamoStub as stub } from '../helpers/dynamo-stub.js';

describe('the writer’s direct BatchWriteItem', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db?.destroy());

  it('stores items DynamoDB Local reads back as written, nested values included', async () => {
    const item = {
      pk: 'g_direct#000000000001',
      sk: 'u1#c1',
      chatId: 'g_direct',
      id: '01JDIRECT0000000000000000',
      text: 'héllo 👋',
      replyTo: { id: '01JORIG', senderId: 'u2', text: 'hi' },
      mentions: ['u2', 'u3'],
      n: 3,
      deleted: true,
      gone: undefined,
    };
    expect(await db.batchWriter.put(db.tables.messages, [item])).toEqual([]);
    const back = await db.doc.send(
      new GetCommand({ TableName: db.tables.messages, Key: { pk: 'g_direct#000000000001', sk: 'u1#c1' } }),
    );
    const { gone: _gone, ...stored } = item;
    expect(back.Item).toEqual(stored);
  });

  it('signs with SigV4 and returns the items DynamoDB left unprocessed, as plain objects', async () => {
    const s = await stub((body) => {
      const req = body as { RequestItems: Record<string, { PutRequest: { Item: unknown } }[]> };
      const [table, puts] = Object.entries(req.RequestItems)[0] as [string, { PutRequest: unknown }[]];
      return { status: 200, body: { UnprocessedItems: { [table]: puts.slice(1) } } };
    });
    const left = await s.db.batchWriter.put('stub-messages', [
      { chatId: 'a', msgKey: '1', n: 1 },
      { chatId: 'a', msgKey: '2', n: 2 },
    ]);
    expect(left).toEqual([{ chatId: 'a', msgKey: '2', n: 2 }]);
    const { headers } = s.seen[0] as (typeof s.seen)[number];
    expect(headers['x-amz-target']).toBe('DynamoDB_20120810.BatchWriteItem');
    expect(headers.authorization).toMatch(
      /^AWS4-HMAC-SHA256 Credential=local\/\d{8}\/us-east-1\/dynamodb\/aws4_request, SignedHeaders=.*host.*x-amz-target.*, Signature=[0-9a-f]{64}$/,
    );
    s.close();
  });

  it('fails a throttled call as the SDK would (name, status, retryable) and counts it', async () => {
    const s = await stub(() => ({
      status: 400,
      body: {
        __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
        message: 'The level of configured provisioned throughput for the table was exceeded.',
      },
    }));
    const metrics = createMetrics({ defaults: false });
    instrumentDynamo(s.db, metrics);
    await expect(s.db.batchWriter.put('stub-messages', [{ chatId: 'a', msgKey: '1' }])).rejects.toMatchObject(
      {
        name: 'ProvisionedThroughputExceededException',
        $metadata: { httpStatusCode: 400 },
        $retryable: { throttling: true },
      },
    );
    const page = await metrics.registry.metrics();
    expect(page).toContain('chatx_dynamodb_calls_total{operation="BatchWriteItem"} 1');
    expect(page).toContain('chatx_dynamodb_throttles_total{operation="BatchWriteItem"} 1');
    s.close();
  });

  it('fails a validation error as not retryable', async () => {
    const s = await stub(() => ({
      status: 400,
      body: { __type: 'com.amazon.coral.validate#ValidationException', message: 'bad item' },
    }));
    const err = await s.db.batchWriter.put('stub-messages', [{ chatId: 'a' }]).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ValidationException', message: 'bad item' });
    expect((err as { $retryable?: unknown }).$retryable).toBeUndefined();
    s.close();
  });

  it('gives up on a DynamoDB that accepts the connection and never answers, as a retryable timeout', async () => {
    const silent = createServer(() => {}); // reads the request, never responds
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const stalled = createDb({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${(silent.address() as AddressInfo).port}`,
      tablePrefix: 'stub-',
      requestTimeoutMs: 300,
    });
    const started = Date.now();
    const err = await stalled.batchWriter.put('stub-messages', [{ chatId: 'a' }]).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'TimeoutError', $retryable: {} });
    expect(Date.now() - started).toBeLessThan(5_000);
    stalled.destroy();
    silent.closeAllConnections();
    silent.close();
  });

  it('fails a refused connection and one reset mid-request as retryable network errors', async () => {
    // Reset: the server takes the request and drops the connection without an answer.
    const rude = createServer((req) => req.socket.destroy());
    await new Promise<void>((r) => rude.listen(0, '127.0.0.1', r));
    const port = (rude.address() as AddressInfo).port;
    const reset = createDb({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      tablePrefix: 'stub-',
    });
    const err = await reset.batchWriter.put('stub-messages', [{ chatId: 'a' }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Error);
    expect(err).toMatchObject({ $retryable: {} });
    reset.destroy();
    rude.closeAllConnections();
    await new Promise((r) => rude.close(r));
    // Refused: nothing listens there any more.
    const gone = createDb({
      region: 'us-east-1',
      endpoint: `http://127.0.0.1:${port}`,
      tablePrefix: 'stub-',
    });
    const refused = await gone.batchWriter.put('stub-messages', [{ chatId: 'a' }]).catch((e: unknown) => e);
    expect(refused).toMatchObject({ code: 'ECONNREFUSED', $retryable: {} });
    gone.destroy();
  });
});
