import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChatClient } from '../../src/client/index.js';
import { nodeConnect } from '../../src/client/node.js';
import { createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('ChatClient confirms delivery by itself', () => {
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

  const client = (u: TestUser, syncToken?: string) =>
    new ChatClient({
      url: srv.wsUrl,
      token: () => u.accessToken,
      authHeader: true,
      connect: nodeConnect,
      deliveredEveryMs: 1_000,
      ...(syncToken ? { syncToken } : {}),
    });

  it('sends one delivered per chat for a burst of live messages, and none for its own', async () => {
    const annWs = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const bobClient = client(bob);
    await bobClient.open();
    await bobClient.sync();
    const sent = await Promise.all(
      Array.from({ length: 6 }, (_, i) => postMessage(srv.url, ann, chatId, `burst ${i}`)),
    );
    const last = sent
      .map((m) => m.id)
      .sort()
      .at(-1) as string;
    await annWs.next('delivered', (f) => f.userId === bob.id && f.messageId === last);
    // The burst was confirmed in at most two frames (its timer may have split it), not one per message.
    expect(annWs.of('delivered').length).toBeLessThanOrEqual(2);
    const own = await bobClient.send(chatId, 'my own');
    const marker = await postMessage(srv.url, ann, chatId, 'after');
    await annWs.next('delivered', (f) => f.messageId === marker.id);
    expect(annWs.of('delivered').filter((f) => f.messageId === own.id)).toEqual([]);
    bobClient.close();
    annWs.close();
  });

  it('confirms what a sync replays after it was offline', async () => {
    const first = client(bob);
    await first.open();
    await first.sync();
    const token = first.syncToken;
    first.close();
    const annWs = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const missed = await postMessage(srv.url, ann, chatId, 'while bob was offline');
    const again = client(bob, token);
    await again.open();
    await annWs.next('delivered', (f) => f.userId === bob.id && f.messageId === missed.id);
    again.close();
    annWs.close();
  });
});
