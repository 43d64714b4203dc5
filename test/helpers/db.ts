import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { createDb, type Db } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';

export const dynamoEndpoint = () => inject('dynamoEndpoint');

export const uniquePrefix = () => `t${randomBytes(4).toString('hex')}-`;

/** Fresh tables under a unique prefix, so test files never see each other's data. */
export async function createTestDb(prefix = uniquePrefix()): Promise<Db> {
  const db = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: prefix });
  await createTables(db.raw, db.tables);
  return db;
}
