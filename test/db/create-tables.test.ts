import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { afterAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import { dynamoEndpoint, uniquePrefix } from '../helpers/db.js';

describe('createTables', () => {
  const db = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: uniquePrefix() });
  afterAll(() => db.destroy());

  it('creates every table on first run and finds them all on the second', async () => {
    const first = await createTables(db.raw, db.tables);
    expect(first.created.sort()).toEqual(Object.values(db.tables).sort());
    expect(first.existing).toEqual([]);

    const second = await createTables(db.raw, db.tables);
    expect(second.created).toEqual([]);
    expect(second.existing.sort()).toEqual(Object.values(db.tables).sort());
  });

  it('enables TTL on sessions, change-log items and feed stamps', async () => {
    for (const table of [db.tables.sessions, db.tables.messages, db.tables.feed]) {
      const ttl = await db.raw.send(new DescribeTimeToLiveCommand({ TableName: table }));
      expect(ttl.TimeToLiveDescription?.AttributeName).toBe('expiresAt');
      expect(ttl.TimeToLiveDescription?.TimeToLiveStatus).toBe('ENABLED');
    }
  });

  it('uses on-demand billing and the indexes the access patterns need', async () => {
    const messages = await db.raw.send(new DescribeTableCommand({ TableName: db.tables.messages }));
    expect(messages.Table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');
    expect(messages.Table?.LocalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['byId']);
    const feed = await db.raw.send(new DescribeTableCommand({ TableName: db.tables.feed }));
    expect(feed.Table?.LocalSecondaryIndexes?.map((i) => i.IndexName).sort()).toEqual(['byActivity']);
    const chats = await db.raw.send(new DescribeTableCommand({ TableName: db.tables.chats }));
    expect(chats.Table?.GlobalSecondaryIndexes?.map((i) => i.IndexName)).toEqual(['byMember']);
  });
});
