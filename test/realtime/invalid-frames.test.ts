import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('invalid frames', () => {
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

  it.each([
    ['invalid JSON', '{"type":', 'malformed_json', 'Frames must be JSON text'],
    ['a JSON array', '[1,2]', 'validation_failed', undefined],
    ['an unknown type', '{"type":"launch"}', 'validation_failed', 'Unknown frame type'],
    [
      'a send without text',
      '{"type":"send","chatId":"g_01ARZ3NDEKTSV4RRFFQ69G5FAV","clientMsgId":"x"}',
      'validation_failed',
      'text: Invalid input: expected string, received undefined',
    ],
    [
      'an empty text',
      '{"type":"send","chatId":"g_01ARZ3NDEKTSV4RRFFQ69G5FAV","clientMsgId":"x","text":"  "}',
      'validation_failed',
      'text: must not be empty',
    ],
    ['an extra field', '{"type":"ping","admin":true}', 'validation_failed', undefined],
    ['a __proto__ key', '{"type":"ping","__proto__":{"polluted":true}}', 'validation_failed', undefined],
  ])('answers %s with an error frame and stays open', async (_name, text, code, message) => {
    const s = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    s.send(text);
    const err = await s.next('error');
    expect(err.code).toBe(code);
    if (message) expect(err.message).toBe(message);
    s.send({ type: 'ping' });
    await s.next('pong');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    s.close();
  });

  it('names the failed send by its clientMsgId', async () => {
    const s = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    s.send({ type: 'send', chatId, clientMsgId: 'too-long', text: 'x'.repeat(4001) });
    expect(await s.next('error')).toMatchObject({ code: 'validation_failed', ref: 'too-long' });
    s.close();
  });

  it('answers a binary frame with an error', async () => {
    const s = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    s.ws.send(Buffer.from([1, 2, 3]));
    expect((await s.next('error')).message).toBe('Frames must be JSON text');
    s.close();
  });

  it('closes with 1009 on a frame over 16 KiB, and keeps serving others', async () => {
    const [big, other] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    big.send({ type: 'send', chatId, clientMsgId: 'huge', text: 'x'.repeat(20_000) });
    expect((await big.closed).code).toBe(1009);
    other.send({ type: 'send', chatId, clientMsgId: 'still-fine', text: 'ok' });
    expect((await other.next('ack')).clientMsgId).toBe('still-fine');
    other.close();
  });

  it('closes with 1008 after repeated abuse', async () => {
    const s = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    for (let i = 0; i < 20; i++) s.send('nonsense');
    expect((await s.closed).code).toBe(1008);
    expect(s.of('error').length).toBeGreaterThanOrEqual(10);
  });

  it('rate-limits sends per connection with rate_limited errors', async () => {
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    for (let i = 0; i < 60; i++) s.send({ type: 'send', chatId, clientMsgId: `burst-${i}`, text: 'spam' });
    const limited = await s.next('error', (e) => e.code === 'rate_limited');
    expect(limited.ref).toMatch(/^burst-/);
    await s.until(() => (s.of('ack').length + s.of('error').length === 60 ? true : undefined));
    expect(s.of('ack').length).toBeGreaterThanOrEqual(30);
    expect(s.of('ack').length).toBeLessThan(60);
    s.close();
  });
});
