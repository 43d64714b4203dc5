import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { ChatClient, type Message } from '../../src/client/index.js';
import { nodeConnect } from '../../src/client/node.js';
import { createDb } from '../../src/db/client.js';
import { createTables } from '../../src/db/create-tables.js';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { dynamoEndpoint, uniquePrefix } from '../helpers/db.js';
import { type ServerProcess, spawnServer } from '../helpers/process.js';

/**
 * The server process dies (SIGKILL) or is told to stop (SIGTERM) while a sender keeps sending and
 * two peers listen; a new process starts on the same port. Counted: sent, acked, seen by peers.
 */
describe.each(['SIGKILL', 'SIGTERM'] as const)('server %s under load', (signal) => {
  let server: ServerProcess | undefined;
  afterEach(() => {
    if (server?.child.exitCode === null) server.child.kill('SIGKILL');
  });

  it('loses no acknowledged message and duplicates none; clients resume with sync', {
    timeout: 120_000,
  }, async () => {
    const prefix = uniquePrefix();
    const db = createDb({ region: 'us-east-1', endpoint: dynamoEndpoint(), tablePrefix: prefix });
    await createTables(db.raw, db.tables);
    db.destroy();
    const env = { DYNAMODB_ENDPOINT: dynamoEndpoint(), TABLE_PREFIX: prefix, LOG_LEVEL: 'warn' };
    server = await spawnServer(env);
    const port = server.port;
    const [ann, bob, cat] = await signUpAll(server.url, 'ann', 'bob', 'cat');
    const chatId = await createGroup(server.url, ann, [bob, cat]);

    const client = (u: TestUser) => {
      const c = new ChatClient({
        url: `ws://127.0.0.1:${port}/v1/ws`,
        token: () => u.accessToken,
        authHeader: true,
        connect: nodeConnect,
        reconnect: { minMs: 100, maxMs: 1_000 },
      });
      const seen = new Set<string>();
      const closes: number[] = [];
      c.on('message', (m) => seen.add(m.id));
      c.on('ack', (a) => seen.add(a.message.id));
      c.on('close', (e) => closes.push(e.code));
      return { c, seen, closes };
    };
    const [a, b, c] = [client(ann), client(bob), client(cat)];
    await Promise.all([a.c.open(), b.c.open(), c.c.open()]);

    const acked: Message[] = [];
    const sends: Promise<void>[] = [];
    const first = server;
    for (let i = 0; i < 60; i++) {
      if (i === 20) {
        first.child.kill(signal);
        void first.exited.then(async () => {
          server = await spawnServer(env, { port });
        });
      }
      sends.push(a.c.send(chatId, `m${i}`).then((m) => void acked.push(m)));
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all(sends);
    const exit = await first.exited;
    if (signal === 'SIGTERM') {
      expect(exit).toEqual({ code: 0, signal: null }); // drained and exited by itself
      expect(b.closes).toContain(1012); // told to reconnect, not cut off
    } else {
      expect(exit.signal).toBe('SIGKILL');
    }

    await Promise.all([b.c.sync(), c.c.sync()]);
    expect(acked).toHaveLength(60);
    const history = await request(`http://127.0.0.1:${port}`)
      .get(`/v1/chats/${chatId}/messages`)
      .set(bearer(bob))
      .query({ after: '0'.repeat(26), limit: 100 });
    const ids = history.body.messages.map((m: Message) => m.id);
    expect(new Set(history.body.messages.map((m: Message) => m.clientMsgId)).size).toBe(ids.length); // no duplicates
    expect(ids).toHaveLength(60);
    for (const m of acked) expect(ids).toContain(m.id); // lost = 0
    for (const peer of [b, c]) expect(acked.filter((m) => !peer.seen.has(m.id))).toEqual([]);
    for (const x of [a, b, c]) x.c.close();
  });
});
