import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { instrumentDynamo } from '../../src/metrics/dynamodb.js';
import { createMetrics } from '../../src/metrics/registry.js';

describe('DynamoDB metrics', () => {
  it('counts every throttled attempt by operation, retries included', async () => {
    // DynamoDB's own wire answer to an over-capacity request, from a local stub of its HTTP API.
    const stub = createServer((req, res) => {
      req.resume();
      req.on('end', () =>
        res.writeHead(400, { 'content-type': 'application/x-amz-json-1.0' }).end(
          JSON.stringify({
            __type: 'com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException',
            message: 'The level of configured provisioned throughput for the table was exceeded.',
          }),
        ),
      );
    });
    await new Promise<void>((r) => stub.listen(0, '127.0.0.1', r));
    const endpoint = `http://127.0.0.1:${(stub.address() as AddressInfo).port}`;
    const db = createDb({ region: 'us-east-1', endpoint, tablePrefix: 'throttle-' });
    const metrics = createMetrics({ defaults: false });
    instrumentDynamo(db, metrics);

    await expect(
      db.raw.send(new GetItemCommand({ TableName: 'throttle-users', Key: { pk: { S: 'x' } } })),
    ).rejects.toMatchObject({ name: 'ProvisionedThroughputExceededException' });

    const page = await metrics.registry.metrics();
    // The client makes 3 attempts (db/client.ts maxAttempts): each one is counted.
    expect(page).toContain('chatx_dynamodb_calls_total{operation="GetItem"} 3');
    expect(page).toContain('chatx_dynamodb_errors_total{operation="GetItem"} 3');
    expect(page).toContain('chatx_dynamodb_throttles_total{operation="GetItem"} 3');
    db.destroy();
    stub.close();
  });
});
