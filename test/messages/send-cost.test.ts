import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { onDynamoRequest, type RequestInput } from '../helpers/dynamo-requests.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

/** What one WebSocket send costs in DynamoDB requests, from the frame to its ack. */
describe('the cost of a send', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  const calls: string[] = [];
  let counting = false;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    chatId = await createGroup(srv.url, ann, [bob]);
    const { tables } = srv.running.db;
    const count = (name: string, input: RequestInput) => {
      const table = input.TableName ?? Object.keys(input.RequestItems ?? {})[0];
      // The chat list's activity is written behind the message path every 2 s (chats/activity.ts):
      // its requests are not the send's.
      const behind =
        (table === tables.chats && (name === 'UpdateItem' || name === 'Query')) ||
        (table === tables.feed && name === 'BatchWriteItem');
      if (counting && !behind) calls.push(name);
    };
    onDynamoRequest(srv.running.db, count);
  });
  afterAll(() => srv.close());

  async function cost(ws: TestSocket, frame: Record<string, unknown>): Promise<string[]> {
    calls.length = 0;
    counting = true;
    ws.send({ type: 'send', chatId, text: 'hi', ...frame });
    await ws.next('ack', (f) => f.clientMsgId === frame.clientMsgId);
    counting = false;
    return [...calls].sort();
  }

  it('adds no request to a plain send; a reply reads and notes its original, mentions read the members', async () => {
    const ws = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    await cost(ws, { clientMsgId: 'warm-up' }); // membership and this minute's stamps, once
    const original = await postMessage(srv.url, bob, chatId, 'original');
    expect(await cost(ws, { clientMsgId: 'plain' })).toEqual(['BatchWriteItem']);
    expect(await cost(ws, { clientMsgId: 'reply', replyTo: original.id })).toEqual([
      'BatchWriteItem',
      'Query',
      'UpdateItem',
    ]);
    expect(await cost(ws, { clientMsgId: 'mention', mentions: [bob.id] })).toEqual([
      'BatchGetItem',
      'BatchWriteItem',
    ]);
    ws.close();
  });
});
