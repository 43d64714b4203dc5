import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createGroup,
  createTestApp,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

describe('POST /v1/chats/:id/messages', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
    chatId = await createGroup(t.app, ann, [bob]);
  });
  afterAll(() => t.close());

  const send = (u: TestUser, body: object) =>
    request(t.app).post(`/v1/chats/${chatId}/messages`).set(bearer(u)).send(body);

  it('stores the message and returns it with 201', async () => {
    const res = await send(ann, { clientMsgId: 'first', text: '  hello world  ' });
    expect(res.status).toBe(201);
    expect(res.body).toEqual({
      id: expect.stringMatching(/^[0-9A-Z]{26}$/),
      chatId,
      senderId: ann.id,
      clientMsgId: 'first',
      text: 'hello world',
      createdAt: expect.any(String),
    });
    const stored = await request(t.app).get(`/v1/chats/${chatId}/messages/${res.body.id}`).set(bearer(bob));
    expect(stored.body).toEqual(res.body);
  });

  it('returns the original with 200 when the same clientMsgId comes again', async () => {
    const first = await send(ann, { clientMsgId: 'again', text: 'one' });
    const retry = await send(ann, { clientMsgId: 'again', text: 'one (retry)' });
    expect(retry.status).toBe(200);
    expect(retry.body).toEqual(first.body);
  });

  it('turns 10 parallel posts with one clientMsgId into one message', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, () => send(bob, { clientMsgId: 'burst', text: 'once' })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(1);
    expect(results.filter((r) => r.status === 200)).toHaveLength(9);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const history = await request(t.app)
      .get(`/v1/chats/${chatId}/messages`)
      .set(bearer(bob))
      .query({ limit: 100 });
    expect(
      history.body.messages.filter((m: { clientMsgId: string }) => m.clientMsgId === 'burst'),
    ).toHaveLength(1);
  });

  it('scopes clientMsgId to its sender', async () => {
    const a = await send(ann, { clientMsgId: 'shared-id', text: 'from ann' });
    const b = await send(bob, { clientMsgId: 'shared-id', text: 'from bob' });
    expect(a.status).toBe(201);
    expect(b.status).toBe(201);
    expect(a.body.id).not.toBe(b.body.id);
  });

  it.each([
    [{ clientMsgId: 'e1', text: '' }, 'text'],
    [{ clientMsgId: 'e2', text: '   ' }, 'text'],
    [{ clientMsgId: 'e3', text: 'x'.repeat(4001) }, 'text'],
    [{ clientMsgId: 'e4', text: 'bell\u0007' }, 'text'],
    [{ clientMsgId: 'has space', text: 'hi' }, 'clientMsgId'],
    [{ clientMsgId: 'x'.repeat(65), text: 'hi' }, 'clientMsgId'],
    [{ text: 'hi' }, 'clientMsgId'],
    [{ clientMsgId: 'e5', text: 42 }, 'text'],
  ])('refuses %o with 400 naming %s', async (body, field) => {
    const res = await send(ann, body);
    expect(res.status).toBe(400);
    expect(res.body.error.details[0].path).toBe(field);
  });

  it('accepts exactly 4000 characters and multi-line text', async () => {
    expect((await send(ann, { clientMsgId: 'long', text: 'y'.repeat(4000) })).status).toBe(201);
    expect((await send(ann, { clientMsgId: 'lines', text: 'a\nb\tc' })).body.text).toBe('a\nb\tc');
  });
});
