import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import { createGroup, signUpAll } from '../helpers/app.js';
import { dynamoEndpoint, uniquePrefix } from '../helpers/db.js';
import { type ServerProcess, spawnServer } from '../helpers/process.js';
import { TestSocket } from '../helpers/ws.js';

describe('the server process', () => {
  let proc: ServerProcess;
  const prefix = uniquePrefix();
  beforeAll(async () => {
    const db = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: prefix });
    await createTables(db.raw, db.tables);
    db.destroy();
    proc = await spawnServer({ DYNAMODB_ENDPOINT: dynamoEndpoint(), TABLE_PREFIX: prefix });
  });
  afterAll(() => {
    if (proc.child.exitCode === null) proc.child.kill('SIGKILL');
  });

  it('serves health, readiness, REST and WebSocket on one port', async () => {
    expect((await fetch(`${proc.url}/healthz`)).status).toBe(200);
    expect(await (await fetch(`${proc.url}/readyz`)).json()).toEqual({
      status: 'ok',
      checks: { dynamodb: 'ok' },
    });
    const [ann, bob] = await signUpAll(proc.url, 'ann', 'bob');
    const chatId = await createGroup(proc.url, ann, [bob]);
    const [a, b] = await Promise.all([
      TestSocket.ready(`ws://127.0.0.1:${proc.port}/v1/ws`, ann.accessToken),
      TestSocket.ready(`ws://127.0.0.1:${proc.port}/v1/ws`, bob.accessToken),
    ]);
    a.send({ type: 'send', chatId, clientMsgId: 'e2e-1', text: 'over the wire' });
    const ack = await a.next('ack');
    expect((await b.next('message')).message).toEqual(ack.message);

    // A socket still authenticating (it has not sent its token yet) is the hub's too.
    const unsigned = TestSocket.connect(`ws://127.0.0.1:${proc.port}/v1/ws`);
    await unsigned.opened;

    // SIGTERM: sockets are told to reconnect elsewhere (1012) and the process exits 0 in time.
    const started = Date.now();
    proc.child.kill('SIGTERM');
    expect((await a.closed).code).toBe(1012);
    expect((await b.closed).code).toBe(1012);
    expect((await unsigned.closed).code).toBe(1012);
    expect(await proc.exited).toEqual({ code: 0, signal: null });
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(proc.output()).toContain('shutdown complete');
  });
});
