import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('catch-up with sync', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    srv = await startTestServer({ hub: { sync: { limitPerChat: 25, overlapMs: 0 } } });
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
  });
  afterAll(() => srv.close());

  it('gives an offline member everything after its cursor, in order, each id once', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    const bobSocket = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    const seen = await postMessage(srv.url, ann, chatId, 'seen live');
    await bobSocket.next('message', (f) => f.message.id === seen.id);
    bobSocket.close();
    await bobSocket.closed;

    const missed = [];
    for (let i = 0; i < 12; i++) missed.push(await postMessage(srv.url, ann, chatId, `while away ${i}`));

    const back = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    back.send({ type: 'sync', cursors: { [chatId]: seen.id } });
    const synced = await back.next('synced');
    expect(synced.complete[chatId]).toBe(true);
    const replayed = back.of('message').map((f) => f.message.id);
    expect(replayed).toEqual(missed.map((m) => m.id));
    back.close();
  });

  it('includes chats without a cursor from their start', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    const m = await postMessage(srv.url, ann, chatId, 'first ever');
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    s.send({ type: 'sync', cursors: {} });
    const synced = await s.next('synced');
    expect(synced.complete[chatId]).toBe(true);
    expect(s.of('message').map((f) => f.message.id)).toContain(m.id);
    s.close();
  });

  it('says complete:false when a chat has more than the catch-up bound', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    const sent = [];
    for (let i = 0; i < 30; i++) sent.push(await postMessage(srv.url, ann, chatId, `bulk ${i}`));
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    s.send({ type: 'sync', cursors: { [chatId]: sent[0]?.id } });
    const synced = await s.next('synced');
    expect(synced.complete[chatId]).toBe(false);
    const got = s
      .of('message')
      .filter((f) => f.message.chatId === chatId)
      .map((f) => f.message.id);
    expect(got).toEqual(sent.slice(1, 26).map((m) => m.id));
    s.close();
  });

  it('misses nothing sent while the replay is being read (live starts before replay)', async () => {
    const chatId = await createGroup(srv.url, ann, [bob]);
    for (let i = 0; i < 20; i++) await postMessage(srv.url, ann, chatId, `old ${i}`);
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    s.send({ type: 'sync', cursors: {} });
    for (let i = 0; i < 20; i++)
      annSocket.send({ type: 'send', chatId, clientMsgId: `during-${i}`, text: `during ${i}` });
    await annSocket.until(() => (annSocket.of('ack').length === 20 ? true : undefined));
    await s.next('synced');
    const ids = await s.until(() => {
      const got = new Set(
        s
          .of('message')
          .filter((f) => f.message.chatId === chatId)
          .map((f) => f.message.id),
      );
      return got.size === 40 ? got : undefined;
    });
    expect(ids.size).toBe(40);
    s.close();
    annSocket.close();
  });

  it('answers a malformed cursor with an error frame', async () => {
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    s.send({ type: 'sync', cursors: { not_a_chat: 'x' } });
    expect((await s.next('error')).code).toBe('validation_failed');
    s.close();
  });
});
