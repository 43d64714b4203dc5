import fc from 'fast-check';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorCatalogue } from '../../src/lib/errors.js';
import { defaultConnectionLimits } from '../../src/realtime/connection.js';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('WebSocket frame fuzzing', () => {
  let srv: TestServer;
  let user: TestUser;
  let chatId: string;
  /** A direct chat whose other member blocked the fuzzing user: sends there reach the block check. */
  let blockedChat: string;
  beforeAll(async () => {
    // Tolerate unlimited invalid frames here: the point is what each one gets back.
    srv = await startTestServer({
      limits: { sendsPerUser: { capacity: 1e6, windowSeconds: 1 } },
      hub: {
        connection: {
          ...defaultConnectionLimits,
          maxQueuedFrames: 64,
          maxBufferedBytes: 1 << 20,
          sendBurst: 1e6,
          sendsPerSecond: 1e6,
          maxInvalidFrames: 1e9,
          typingIntervalMs: 0,
        },
      },
    });
    const [u, peer, blocker] = await signUpAll(srv.url, 'fuzz', 'peer', 'blocker');
    user = u;
    chatId = await createGroup(srv.url, user, [peer, blocker]);
    blockedChat = (
      await request(srv.url)
        .post('/v1/chats')
        .set(bearer(user))
        .send({ type: 'direct', userId: blocker.id })
        .expect(201)
    ).body.id;
    await request(srv.url).put(`/v1/users/me/blocks/${user.id}`).set(bearer(blocker)).expect(204);
    // The fuzzing user's own privacy filters are on the path of every frame it gets back.
    await request(srv.url)
      .patch('/v1/users/me')
      .set(bearer(user))
      .send({ lastSeen: 'nobody', readReceipts: false })
      .expect(200);
  });
  afterAll(() => srv.close());

  const valid = () =>
    fc.constantFrom<Record<string, unknown>>(
      { type: 'send', chatId, clientMsgId: 'f1', text: 'hello' },
      { type: 'send', chatId: blockedChat, clientMsgId: 'f2', text: 'hello' },
      { type: 'typing', chatId: blockedChat },
      { type: 'read', chatId: blockedChat, messageId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      { type: 'sync', cursors: {} },
      { type: 'typing', chatId },
      { type: 'read', chatId, messageId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      { type: 'ping' },
      { type: 'auth', token: 'x' },
      { type: 'delivered', chatId, messageId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' },
      { type: 'react', chatId, messageId: '01ARZ3NDEKTSV4RRFFQ69G5FAV', emoji: '👍' },
      {
        type: 'send',
        chatId,
        clientMsgId: 'f2',
        text: 're',
        replyTo: '01ARZ3NDEKTSV4RRFFQ69G5FAV',
        mentions: [],
      },
    );
  // Take a valid frame and break one field: wrong type, huge value, hostile key, unicode.
  const mutated = () =>
    fc
      .tuple(
        valid(),
        fc.constantFrom(
          'type',
          'chatId',
          'clientMsgId',
          'text',
          'cursors',
          'messageId',
          'emoji',
          'replyTo',
          'mentions',
          '__proto__',
          'constructor',
        ),
        fc.oneof(
          fc.anything(),
          fc.constant(1e308),
          fc.string({ unit: 'binary', maxLength: 20_000 }),
          fc.constant({ polluted: true }),
        ),
      )
      .map(([frame, key, value]) => JSON.stringify({ ...frame, [key]: value }));
  const frames = () =>
    fc.oneof(
      fc.string({ unit: 'binary' }),
      fc.json(),
      mutated(),
      fc.integer({ min: 50, max: 3000 }).map((n) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`),
      valid().map((f) => JSON.stringify(f)),
    );

  it('answers thousands of random and mutated frames with documented frames, never crashing', async () => {
    const s = await TestSocket.ready(srv.wsUrl, user.accessToken);
    const codes = new Set(Object.keys(errorCatalogue));
    const before = process.memoryUsage().rss;
    let sent = 0;
    await fc.assert(
      fc.asyncProperty(fc.array(frames(), { minLength: 1, maxLength: 20 }), async (batch) => {
        for (const f of batch) if (Buffer.byteLength(f) < 16 * 1024) s.send(f);
        sent += batch.length;
        s.send({ type: 'ping' });
        await s.next('pong');
      }),
      { numRuns: 250 },
    );
    for (const f of s.frames) {
      expect([
        'error',
        'ack',
        'synced',
        'pong',
        'message',
        'read',
        'ready',
        'presence',
        'delivered',
        'reaction',
        'message_updated',
      ]).toContain(f.type);
      if (f.type === 'error') expect(codes.has(f.code)).toBe(true);
    }
    expect(s.ws.readyState).toBe(s.ws.OPEN);
    expect(s.of('error').some((e) => e.code === 'blocked')).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(sent).toBeGreaterThan(1000);
    // The server (same process here) did not balloon while digesting them.
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 2 ** 20);
    s.close();
    // Receipts, reactions and replies make more of the frames reach the database: more time.
  }, 60_000);
});
