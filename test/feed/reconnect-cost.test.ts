import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { onDynamoRequest } from '../helpers/dynamo-requests.js';
import { firstToken } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

/** Groups of `owner` with `member`, created 8 at a time. */
async function groups(url: string, owner: TestUser, member: TestUser, n: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < n; i += 8)
    ids.push(
      ...(await Promise.all(
        Array.from({ length: Math.min(8, n - i) }, () => createGroup(url, owner, [member])),
      )),
    );
  return ids;
}

describe('what a reconnect costs', () => {
  let srv: TestServer;
  const calls: string[] = [];
  let counting = false;
  beforeAll(async () => {
    // Two-second stamp buckets instead of minutes, so the test need not wait a minute (below).
    srv = await startTestServer({ inbox: { bucketMs: 2_000, marginMs: 200 } });
    onDynamoRequest(srv.running.db, (operation) => {
      if (counting) calls.push(operation);
    });
  });
  afterAll(() => srv.close());

  /** Requests made from connecting to the end of the sync, presence snapshot included. */
  async function reconnect(u: TestUser, since: string): Promise<{ requests: string[]; replayed: number }> {
    calls.length = 0;
    counting = true;
    const s = await TestSocket.ready(srv.wsUrl, u.accessToken);
    s.send({ type: 'sync', since });
    const synced = await s.next('synced');
    await new Promise((r) => setTimeout(r, 300)); // the presence snapshot runs beside the sync
    counting = false;
    const replayed = s.frames.slice(0, s.frames.indexOf(synced)).filter((f) => f.type === 'message').length;
    s.close();
    return { requests: [...calls], replayed };
  }

  it('costs the same for a user in 200 chats as in 20 when 2 of them changed', {
    timeout: 120_000,
  }, async () => {
    const [ann, many, few] = await signUpAll(srv.url, 'ann', 'many', 'few');
    const manyChats = await groups(srv.url, ann, many, 200);
    const fewChats = await groups(srv.url, ann, few, 20);
    // A sync re-reads the chats stamped in its token's own bucket, and a stamp near a bucket's end
    // covers the next one too (feed/inbox.ts): start the device's absence two buckets after the
    // chats' creation, as after any real time away.
    await new Promise((r) => setTimeout(r, 4_500));
    const sinceMany = await firstToken(srv.url, many);
    const sinceFew = await firstToken(srv.url, few);
    for (const chatId of [...manyChats.slice(0, 2), ...fewChats.slice(0, 2)])
      await postMessage(srv.url, ann, chatId, 'while you were away');
    // The chat list's activity is written behind the message path every 2 s: let it land
    // outside the measured window, which counts every request the server makes.
    await new Promise((r) => setTimeout(r, 2_500));

    const a = await reconnect(many, sinceMany);
    const b = await reconnect(few, sinceFew);
    expect([a.replayed, b.replayed]).toEqual([2, 2]);
    console.log(
      `reconnect + sync: 200 chats → ${a.requests.length} requests, 20 chats → ${b.requests.length}`,
    );
    // One membership query, the changed-chats query, one batched membership read, one log query
    // per changed chat, and a bounded presence snapshot: nothing per unchanged chat.
    expect(a.requests.length).toBeLessThanOrEqual(b.requests.length + 2);
    expect(a.requests.length).toBeLessThan(20);
    expect(b.requests.length).toBeGreaterThan(0); // the counting sees every path (test/helpers/dynamo-requests.ts)
  });
});
