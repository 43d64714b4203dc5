import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('per-user chat settings: PATCH /v1/chats/{chatId}/settings', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv.close());

  const patch = (u: Parameters<typeof bearer>[0], chatId: string, body: object) =>
    request(srv.url).patch(`/v1/chats/${chatId}/settings`).set(bearer(u)).send(body);

  it('stores any subset and returns all three; the chat view carries them, for me only', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const fresh = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(bob)).expect(200);
    expect(fresh.body.settings).toEqual({ mutedUntil: null, archived: false, pinned: false });

    const until = '2031-01-01T10:00:00+02:00';
    const res = await patch(bob, chatId, { mutedUntil: until, pinned: true }).expect(200);
    expect(res.body).toEqual({ mutedUntil: '2031-01-01T08:00:00.000Z', archived: false, pinned: true });
    const next = await patch(bob, chatId, { archived: true }).expect(200);
    expect(next.body).toEqual({ mutedUntil: '2031-01-01T08:00:00.000Z', archived: true, pinned: true });

    const mine = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(bob)).expect(200);
    expect(mine.body.settings).toEqual(next.body);
    const theirs = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(ann)).expect(200);
    expect(theirs.body.settings).toEqual({ mutedUntil: null, archived: false, pinned: false });
  });

  it.each([
    ['an empty body', {}],
    ['an unknown field', { starred: true }],
    ['a date that is not ISO-8601', { mutedUntil: 'next tuesday' }],
    ['a number for archived', { archived: 1 }],
    ['a string for pinned', { pinned: 'yes' }],
  ])('refuses %s with 400', async (_what, body) => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const chatId = await createGroup(srv.url, ann, []);
    const res = await patch(ann, chatId, body).expect(400);
    expect(res.body.error.code).toBe('validation_failed');
    const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(ann)).expect(200);
    expect(chat.body.settings).toEqual({ mutedUntil: null, archived: false, pinned: false });
  });

  it('answers 404 to a non-member, like a chat that does not exist', async () => {
    const [ann, eve] = await signUpAll(srv.url, 'ann', 'eve');
    const chatId = await createGroup(srv.url, ann, []);
    expect((await patch(eve, chatId, { pinned: true }).expect(404)).body.error.code).toBe('not_found');
    await patch(eve, 'g_nonsense', { pinned: true }).expect(404);
  });

  it('puts pinned chats first and leaves archived ones out unless ?archived=true', async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const [old, archived, recent] = [
      await createGroup(srv.url, ann, []),
      await createGroup(srv.url, ann, []),
      await createGroup(srv.url, ann, []),
    ];
    await postMessage(srv.url, ann, old, 'first');
    await postMessage(srv.url, ann, archived, 'second');
    await postMessage(srv.url, ann, recent, 'third');
    await patch(ann, old, { pinned: true }).expect(200);
    await patch(ann, archived, { archived: true }).expect(200);

    const ids = async (query: string) =>
      (await request(srv.url).get(`/v1/chats${query}`).set(bearer(ann)).expect(200)).body.chats.map(
        (c: { id: string }) => c.id,
      );
    expect(await ids('')).toEqual([old, recent]);
    expect(await ids('?archived=true')).toEqual([old, recent, archived]);
    // Pages after the first carry no pins again.
    const first = await request(srv.url).get('/v1/chats?limit=1').set(bearer(ann)).expect(200);
    expect(first.body.chats.map((c: { id: string }) => c.id)).toEqual([old, recent]);
    const rest = await request(srv.url)
      .get(`/v1/chats?limit=1&cursor=${first.body.nextCursor}`)
      .set(bearer(ann))
      .expect(200);
    expect(rest.body.chats).toEqual([]);
  });

  it('reaches my other devices live, and no one else', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const [phone, annsSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, bob.accessToken),
      TestSocket.ready(srv.wsUrl, ann.accessToken),
    ]);
    await patch(bob, chatId, { archived: true }).expect(200);
    const frame = await phone.next('chat_settings');
    expect(frame).toEqual({
      type: 'chat_settings',
      chatId,
      settings: { mutedUntil: null, archived: true, pinned: false },
    });
    // Ann is in the chat's room: a later message reaches her, the settings never did.
    const sent = await postMessage(srv.url, bob, chatId, 'after');
    await annsSocket.next('message', (f) => f.message.id === sent.id);
    expect(annsSocket.of('chat_settings')).toEqual([]);
    phone.close();
    annsSocket.close();
  });

  it('replays to my device that was away, and to no one else', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    const [bobsToken, annsToken] = [await firstToken(srv.url, bob), await firstToken(srv.url, ann)];
    await patch(bob, chatId, { pinned: true, mutedUntil: '2030-05-05T00:00:00Z' }).expect(200);
    const { replay } = await wsSync(srv.wsUrl, bob, bobsToken);
    expect(replay).toEqual([
      {
        type: 'chat_settings',
        chatId,
        settings: { mutedUntil: '2030-05-05T00:00:00.000Z', archived: false, pinned: true },
      },
    ]);
    const rest = await request(srv.url).get(`/v1/sync?since=${bobsToken}`).set(bearer(bob)).expect(200);
    expect(rest.body.changes).toEqual(replay);
    const others = await request(srv.url).get(`/v1/sync?since=${annsToken}`).set(bearer(ann)).expect(200);
    expect(others.body.changes).toEqual([]);
  });
});
