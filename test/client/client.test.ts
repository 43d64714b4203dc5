import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { ChatClient, type Message } from '../../src/client/index.js';
import { nodeConnect } from '../../src/client/node.js';
import { createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

describe('ChatClient', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  /** A client whose sockets the test can cut, as a network would. */
  const client = (u: TestUser, opts: { authHeader?: boolean; syncToken?: string } = {}) => {
    const sockets: WebSocket[] = [];
    const c = new ChatClient({
      ...(opts.syncToken ? { syncToken: opts.syncToken } : {}),
      url: srv.wsUrl,
      token: () => u.accessToken,
      authHeader: opts.authHeader ?? true,
      reconnect: { minMs: 20, maxMs: 100 },
      connect: (url, headers) => {
        const s = nodeConnect(url, headers);
        sockets.push(s as unknown as WebSocket);
        return s;
      },
    });
    return { c, cut: () => sockets.at(-1)?.terminate() };
  };

  it('sends and resolves with the acknowledged message; the peer receives it once', async () => {
    const a = client(ann);
    const b = client(bob, { authHeader: false });
    await Promise.all([a.c.open(), b.c.open()]);
    const received: Message[] = [];
    b.c.on('message', (m) => received.push(m));
    const m = await a.c.send(chatId, 'hi bob');
    expect(m).toMatchObject({ chatId, senderId: ann.id, text: 'hi bob' });
    await expect.poll(() => received.map((r) => r.id)).toEqual([m.id]);
    a.c.close();
    b.c.close();
  });

  it('re-sends unacked messages after the connection drops, creating each once', async () => {
    const earlier = client(bob);
    await earlier.c.open();
    await earlier.c.sync();
    earlier.c.close();
    const a = client(ann);
    await a.c.open();
    const sends = Array.from({ length: 10 }, (_, i) => a.c.send(chatId, `through the tunnel ${i}`));
    a.cut(); // the network goes away mid-send
    const acked = await Promise.all(sends);
    expect(new Set(acked.map((m) => m.id)).size).toBe(10);
    const b = client(bob, { ...(earlier.c.syncToken ? { syncToken: earlier.c.syncToken } : {}) });
    await b.c.open();
    const synced = new Set<string>();
    b.c.on('message', (m) => synced.add(m.id));
    await b.c.sync();
    for (const m of acked) expect(synced.has(m.id)).toBe(true);
    a.c.close();
    b.c.close();
  });

  it('catches up after being offline: everything, in order, once', async () => {
    const first = client(bob);
    await first.c.open();
    await first.c.sync();
    const syncToken = first.c.syncToken;
    first.c.close(); // the app is closed

    const sent = [];
    for (let i = 0; i < 15; i++) sent.push(await postMessage(srv.url, ann, chatId, `while offline ${i}`));

    const again = new ChatClient({
      url: srv.wsUrl,
      token: () => bob.accessToken,
      authHeader: true,
      connect: nodeConnect,
      ...(syncToken ? { syncToken } : {}),
    });
    const got: Message[] = [];
    again.on('message', (m) => got.push(m));
    const synced = new Promise((resolve) => again.on('synced', (e) => e.complete && resolve(e)));
    await again.open();
    await synced;
    expect(got.map((m) => m.id)).toEqual(sent.map((m) => m.id));
    again.close();
  });

  it('does not reconnect after a 4401', async () => {
    const c = new ChatClient({ url: srv.wsUrl, token: () => 'bad', authHeader: true, connect: nodeConnect });
    const closes: boolean[] = [];
    c.on('close', (e) => closes.push(e.willReconnect));
    await expect(c.open()).rejects.toThrow(/4401/);
    expect(closes).toEqual([false]);
  });
});
