import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DynamoLocal, startDynamoLocal } from '../../scripts/lib/dynamodb-local.js';
import { ChatClient, type Message } from '../../src/client/index.js';
import { nodeConnect } from '../../src/client/node.js';
import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { uniquePrefix } from '../helpers/db.js';
import { type ServerProcess, spawnServer } from '../helpers/process.js';

describe('DynamoDB stops for a few seconds under load', () => {
  let dynamo: DynamoLocal;
  let server: ServerProcess;
  const dir = mkdtempSync(join(tmpdir(), 'chatx-ddb-'));
  const prefix = uniquePrefix();

  beforeAll(async () => {
    // On disk, so data survives the stop and start, as a real outage would leave it.
    dynamo = await startDynamoLocal({ dbPath: dir });
    const db = createDb({ region: 'us-east-1', endpoint: dynamo.endpoint, tablePrefix: prefix });
    await createTables(db.raw, db.tables);
    db.destroy();
    server = await spawnServer({
      DYNAMODB_ENDPOINT: dynamo.endpoint,
      TABLE_PREFIX: prefix,
      LOG_LEVEL: 'warn',
    });
  }, 60_000);

  afterAll(async () => {
    server?.child.kill('SIGKILL');
    await dynamo?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('never acks falsely, answers errors meanwhile, and recovers by itself', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob] = await signUpAll(server.url, 'ann', 'bob');
    const chatId = await createGroup(server.url, ann, [bob]);
    const ws = `ws://127.0.0.1:${server.port}/v1/ws`;
    const client = new ChatClient({
      url: ws,
      token: () => ann.accessToken,
      authHeader: true,
      connect: nodeConnect,
    });
    await client.open();
    const errors: string[] = [];
    client.on('error', (e) => errors.push(e.code));

    const acked: Message[] = [];
    const sends: Promise<void>[] = [];
    let stopped = false;
    const outageAt = Date.now() + 1_500;
    for (let i = 0; i < 80; i++) {
      if (!stopped && Date.now() > outageAt) {
        stopped = true;
        await dynamo.stop();
        setTimeout(() => {
          void startDynamoLocal({ port: dynamo.port, dbPath: dir }).then((d) => {
            dynamo = d;
          });
        }, 3_000);
      }
      sends.push(client.send(chatId, `msg ${i}`).then((m) => void acked.push(m)));
      await new Promise((r) => setTimeout(r, 60));
    }
    // The client keeps unacked sends in its outbox and retries them after retryable errors.
    await Promise.all(sends);

    expect(stopped).toBe(true);
    expect(errors.filter((c) => c === 'unavailable').length).toBeGreaterThan(0); // the outage was felt
    expect(errors.every((c) => c === 'unavailable' || c === 'rate_limited')).toBe(true);
    expect(acked).toHaveLength(80);

    const history: string[] = [];
    let after = '0'.repeat(26);
    for (;;) {
      const page = await request(server.url)
        .get(`/v1/chats/${chatId}/messages`)
        .set(bearer(bob as TestUser))
        .query({ after, limit: 100 });
      expect(page.status).toBe(200);
      history.push(...page.body.messages.map((m: Message) => m.id));
      if (!page.body.hasMore) break;
      after = history.at(-1) as string;
    }
    // Every ack was true: each acked message is in history, exactly once.
    expect(history.length).toBe(80);
    for (const m of acked) expect(history).toContain(m.id);
    expect(await (await fetch(`${server.url}/readyz`)).json()).toMatchObject({ status: 'ok' });
    client.close();
  });
});
