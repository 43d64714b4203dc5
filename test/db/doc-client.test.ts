import {
  ConditionalCheckFailedException,
  ProvisionedThroughputExceededException,
  TransactionCanceledException,
} from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DeleteCommand,
  GetCommand,
  PutCommand,
  QueryCommand,
  TransactWriteCommand,
  UpdateCommand,
} from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { instrumentDynamo } from '../../src/metrics/dynamodb.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { createTestDb } from '../helpers/db.js';
import { dynamoStub } from '../helpers/dynamo-stub.js';

// The chats table: chatId (hash) + sk (range), as created by db/create-tables.ts.
describe('the document client’s direct path, against DynamoDB Local', () => {
  let db: Db;
  let table: string;
  beforeAll(async () => {
    db = await createTestDb();
    table = db.tables.chats;
  });
  afterAll(() => db?.destroy());

  const item = {
    chatId: 'c1',
    sk: 'a',
    text: 'héllo 👋',
    nested: { list: [1, 'two', { three: true }], empty: [] },
    n: 1.5,
    none: null,
    tags: new Set(['x', 'y']),
    gone: undefined,
  };

  it('puts and gets an item as written (nested values, sets, null; undefined dropped)', async () => {
    await db.doc.send(new PutCommand({ TableName: table, Item: item }));
    const back = await db.doc.send(new GetCommand({ TableName: table, Key: { chatId: 'c1', sk: 'a' } }));
    const { gone: _gone, ...stored } = item;
    expect(back.Item).toEqual(stored);
    const missing = await db.doc.send(new GetCommand({ TableName: table, Key: { chatId: 'c1', sk: 'zz' } }));
    expect(missing.Item).toBeUndefined();
  });

  it('updates with SET/ADD and a condition, returning attributes; a failed condition is the SDK’s exception', async () => {
    const res = await db.doc.send(
      new UpdateCommand({
        TableName: table,
        Key: { chatId: 'c1', sk: 'a' },
        UpdateExpression: 'SET #t = :t ADD n :one',
        ConditionExpression: 'attribute_exists(chatId)',
        ExpressionAttributeNames: { '#t': 'text' },
        ExpressionAttributeValues: { ':t': 'edited', ':one': 1 },
        ReturnValues: 'ALL_NEW',
      }),
    );
    expect(res.Attributes).toMatchObject({ text: 'edited', n: 2.5, nested: item.nested });
    const err = await db.doc
      .send(
        new UpdateCommand({
          TableName: table,
          Key: { chatId: 'c1', sk: 'nope' },
          UpdateExpression: 'SET #t = :t',
          ConditionExpression: 'attribute_exists(chatId)',
          ExpressionAttributeNames: { '#t': 'text' },
          ExpressionAttributeValues: { ':t': 'x' },
        }),
      )
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConditionalCheckFailedException);
    expect(err).toMatchObject({ $metadata: { httpStatusCode: 400 } });
    expect((err as { $retryable?: unknown }).$retryable).toBeUndefined();
  });

  it('queries page by page (Items, LastEvaluatedKey, ExclusiveStartKey) and counts', async () => {
    await db.doc.send(
      new BatchWriteCommand({
        RequestItems: {
          [table]: ['b', 'c', 'd'].map((sk) => ({ PutRequest: { Item: { chatId: 'c2', sk, v: sk } } })),
        },
      }),
    );
    const q = {
      TableName: table,
      KeyConditionExpression: 'chatId = :c',
      ExpressionAttributeValues: { ':c': 'c2' },
    };
    const first = await db.doc.send(new QueryCommand({ ...q, Limit: 2, ConsistentRead: true }));
    expect(first.Items).toEqual([
      { chatId: 'c2', sk: 'b', v: 'b' },
      { chatId: 'c2', sk: 'c', v: 'c' },
    ]);
    expect(first.LastEvaluatedKey).toEqual({ chatId: 'c2', sk: 'c' });
    const rest = await db.doc.send(
      new QueryCommand({ ...q, ExclusiveStartKey: first.LastEvaluatedKey, ConsistentRead: true }),
    );
    expect(rest.Items).toEqual([{ chatId: 'c2', sk: 'd', v: 'd' }]);
    const counted = await db.doc.send(new QueryCommand({ ...q, Select: 'COUNT', ConsistentRead: true }));
    expect(counted.Count).toBe(3);
  });

  it('batch-gets and batch-deletes by key; deletes return the old item', async () => {
    const got = await db.doc.send(
      new BatchGetCommand({
        RequestItems: {
          [table]: {
            Keys: [
              { chatId: 'c2', sk: 'b' },
              { chatId: 'c2', sk: 'zz' },
            ],
            ConsistentRead: true,
          },
        },
      }),
    );
    expect(got.Responses?.[table]).toEqual([{ chatId: 'c2', sk: 'b', v: 'b' }]);
    expect(got.UnprocessedKeys).toEqual({});
    await db.doc.send(
      new BatchWriteCommand({
        RequestItems: { [table]: [{ DeleteRequest: { Key: { chatId: 'c2', sk: 'b' } } }] },
      }),
    );
    const old = await db.doc.send(
      new DeleteCommand({ TableName: table, Key: { chatId: 'c2', sk: 'c' }, ReturnValues: 'ALL_OLD' }),
    );
    expect(old.Attributes).toEqual({ chatId: 'c2', sk: 'c', v: 'c' });
    const left = await db.doc.send(
      new QueryCommand({
        TableName: table,
        KeyConditionExpression: 'chatId = :c',
        ExpressionAttributeValues: { ':c': 'c2' },
        ConsistentRead: true,
      }),
    );
    expect(left.Items?.map((i) => i.sk)).toEqual(['d']);
  });

  it('leaves transactions to the SDK, whose cancellation is still its own exception', async () => {
    const put = {
      Put: {
        TableName: table,
        Item: { chatId: 'c3', sk: 'a' },
        ConditionExpression: 'attribute_not_exists(chatId)',
      },
    };
    await db.doc.send(new TransactWriteCommand({ TransactItems: [put] }));
    const stored = await db.doc.send(new GetCommand({ TableName: table, Key: { chatId: 'c3', sk: 'a' } }));
    expect(stored.Item).toEqual({ chatId: 'c3', sk: 'a' });
    const err = await db.doc
      .send(new TransactWriteCommand({ TransactItems: [put] }))
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TransactionCanceledException);
  });
});

describe('the document client’s direct path, against a stub of DynamoDB’s HTTP API', () => {
  const get = new GetCommand({ TableName: 'stub-chats', Key: { chatId: 'c', sk: 'a' } });
  const error = (type: string, message = 'no') => ({
    __type: `com.amazonaws.dynamodb.v20120810#${type}`,
    message,
  });

  it('retries a 5xx and succeeds, each attempt counted', async () => {
    const s = await dynamoStub((_, n) =>
      n < 3
        ? { status: 500, body: error('InternalServerError') }
        : { status: 200, body: { Item: { chatId: { S: 'c' }, sk: { S: 'a' } } } },
    );
    const metrics = createMetrics({ defaults: false });
    instrumentDynamo(s.db, metrics);
    const res = await s.db.doc.send(get);
    expect(res.Item).toEqual({ chatId: 'c', sk: 'a' });
    expect(s.seen).toHaveLength(3);
    expect(s.seen[0]?.headers['x-amz-target']).toBe('DynamoDB_20120810.GetItem');
    expect(s.seen[0]?.body).toEqual({ TableName: 'stub-chats', Key: { chatId: { S: 'c' }, sk: { S: 'a' } } });
    const page = await metrics.registry.metrics();
    expect(page).toContain('chatx_dynamodb_calls_total{operation="GetItem"} 3');
    expect(page).toContain('chatx_dynamodb_errors_total{operation="GetItem"} 2');
    s.close();
  });

  it('gives up after 3 attempts at throttling, with the SDK’s exception class', async () => {
    const s = await dynamoStub(() => ({
      status: 400,
      body: error('ProvisionedThroughputExceededException'),
    }));
    const err = await s.db.doc.send(get).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ProvisionedThroughputExceededException);
    expect(err).toMatchObject({ $retryable: { throttling: true }, $metadata: { httpStatusCode: 400 } });
    expect(s.seen).toHaveLength(3);
    s.close();
  });

  it('does not retry a client error', async () => {
    const s = await dynamoStub(() => ({ status: 400, body: error('ValidationException', 'bad key') }));
    await expect(s.db.doc.send(get)).rejects.toMatchObject({
      name: 'ValidationException',
      message: 'bad key',
    });
    expect(s.seen).toHaveLength(1);
    s.close();
  });

  it('does not retry a 501, nor a 200 whose body is not JSON (the write may have been done)', async () => {
    for (const answer of [
      { status: 501, body: error('NotImplemented') },
      { status: 200, raw: '<html>proxy</html>' },
    ]) {
      const s = await dynamoStub(() => answer);
      await expect(s.db.doc.send(get)).rejects.toThrow();
      expect(s.seen).toHaveLength(1);
      s.close();
    }
  });

  it('learns a skewed clock from the answer’s Date and signs the retry with it, as the SDK does', async () => {
    const ahead = Date.now() + 3_600_000; // DynamoDB's clock one hour ahead of ours
    const s = await dynamoStub((_, n) => ({
      ...(n === 1
        ? { status: 400, body: error('InvalidSignatureException', 'Signature expired') }
        : { status: 200, body: {} }),
      headers: { date: new Date(ahead).toUTCString() },
    }));
    await s.db.doc.send(get);
    expect(s.seen).toHaveLength(2);
    const signedAt = (i: number) => {
      const d = String(s.seen[i]?.headers['x-amz-date']);
      return Date.parse(
        `${d.slice(0, 4)}-${d.slice(4, 6)}-${d.slice(6, 8)}T${d.slice(9, 11)}:${d.slice(11, 13)}:${d.slice(13, 15)}Z`,
      );
    };
    expect(Math.abs(signedAt(0) - Date.now())).toBeLessThan(60_000);
    expect(Math.abs(signedAt(1) - ahead)).toBeLessThan(60_000);
    s.close();
  });
});
