import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoLocal, startDynamoLocal } from '../scripts/lib/dynamodb-local.js';
import { buildApp } from '../src/app.js';
import { createDb } from '../src/db/client.js';
import { createTables } from '../src/db/create-tables.js';
import { silentLogger, testConfig } from './helpers/config.js';
import { uniquePrefix } from './helpers/db.js';

describe('health and readiness', () => {
  // A DynamoDB Local of its own, because this test stops it.
  let local: DynamoLocal;
  beforeAll(async () => {
    local = await startDynamoLocal();
  });
  afterAll(async () => {
    await local.stop();
  });

  const appFor = (endpoint: string) => {
    const db = createDb({
      region: 'us-east-1',
      endpoint,
      tablePrefix: uniquePrefix(),
      requestTimeoutMs: 1_000,
    });
    const app = buildApp({
      config: testConfig(),
      logger: silentLogger(),
      readiness: [{ name: 'dynamodb', check: () => db.ping() }],
    });
    return { app, db };
  };

  it('GET /healthz answers 200 without touching the database', async () => {
    const { app } = appFor('http://127.0.0.1:9'); // nothing listens there
    const res = await request(app).get('/healthz');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('GET /readyz answers 200 when DynamoDB answers and 503 once it is stopped', async () => {
    const { app, db } = appFor(local.endpoint);
    await createTables(db.raw, db.tables);
    const ready = await request(app).get('/readyz');
    expect(ready.status).toBe(200);
    expect(ready.body).toEqual({ status: 'ok', checks: { dynamodb: 'ok' } });

    await local.stop();
    const down = await request(app).get('/readyz');
    expect(down.status).toBe(503);
    expect(down.body).toEqual({ status: 'unavailable', checks: { dynamodb: 'failing' } });
    db.destroy();
  });
});
