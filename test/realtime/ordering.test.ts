import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { defaultConnectionLimits } from '../../src/realtime/connection.js';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('per-chat order', () => {
  let srv: TestServer;
  let users: readonly TestUser[];
  let chatId: string;
  beforeAll(async () => {
    // Senders here go far past a human's rate: lift the per-connection bucket.
    srv = await startTestServer({
      limits: { sendsPerUser: { capacity: 1_000, windowSeconds: 1 } },
      hub: {
        connection: {
          ...defaultConnectionLimits,
          maxQueuedFrames: 64,
          maxBufferedBytes: 8 << 20,
          sendBurst: 1_000,
          sendsPerSecond: 1_000,
          maxInvalidFrames: 10,
          typingIntervalMs: 2_000,
        },
      },
    });
    users = await signUpAll(srv.url, 's1', 's2', 's3', 's4', 's5', 'r1', 'r2');
    chatId = await createGroup(srv.url, users[0] as TestUser, users.slice(1));
  });
  afterAll(() => srv.close());

  it('delivers 1,000 messages from 5 concurrent senders to every member in history order', {
    timeout: 90_000,
  }, async () => {
    const sockets = await Promise.all(users.map((u) => TestSocket.ready(srv.wsUrl, u.accessToken)));
    const senders = sockets.slice(0, 5);
    await Promise.all(
      senders.map(async (s, i) => {
        for (let n = 0; n < 200; n++)
          s.send({ type: 'send', chatId, clientMsgId: `s${i}-${n}`, text: `${i}:${n}` });
      }),
    );
    for (const s of senders)
      await s.until(() => (s.of('ack').length === 200 ? true : undefined), 60_000, 'acks');
    expect(senders.flatMap((s) => s.of('error'))).toEqual([]);

    const history: string[] = [];
    let after = '0'.repeat(26);
    for (;;) {
      const page = await request(srv.url)
        .get(`/v1/chats/${chatId}/messages`)
        .set(bearer(users[5] as TestUser))
        .query({ after, limit: 100 });
      history.push(...page.body.messages.map((m: { id: string }) => m.id));
      if (!page.body.hasMore) break;
      after = history.at(-1) as string;
    }
    expect(history).toHaveLength(1000);

    sockets.forEach((s, i) => {
      // What each connection saw: live messages, plus its own acks at the point they arrived.
      const seen = s.frames.flatMap((f) => (f.type === 'message' || f.type === 'ack' ? [f.message.id] : []));
      expect({ member: i, order: seen }).toEqual({ member: i, order: history });
    });
    for (const s of sockets) s.close();
  });
});
