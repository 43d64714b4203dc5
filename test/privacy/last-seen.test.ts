import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('last seen and online privacy', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv.close());

  const setLastSeen = (u: TestUser, lastSeen: string) =>
    request(srv.url).patch('/v1/users/me').set(bearer(u)).send({ lastSeen }).expect(200);

  /** Connects both, then a message in `chatId` as a sync point; returns the sockets. */
  async function bothOnline(a: TestUser, b: TestUser, chatId: string) {
    const aSocket = await TestSocket.ready(srv.wsUrl, a.accessToken);
    const bSocket = await TestSocket.ready(srv.wsUrl, b.accessToken);
    const mark = await postMessage(srv.url, a, chatId, 'sync point');
    await Promise.all([aSocket, bSocket].map((s) => s.next('message', (f) => f.message.id === mark.id)));
    return [aSocket, bSocket] as const;
  }

  it('with nobody, hides my online status and last seen from others, and theirs from me', async () => {
    const [ann, bob, carol] = await signUpAll(srv.url, 'ann', 'bob', 'carol');
    const group = await createGroup(srv.url, ann, [bob, carol]);
    await postMessage(srv.url, ann, group, 'hi');
    const me = await setLastSeen(ann, 'nobody');
    expect(me.body).toMatchObject({ lastSeen: 'nobody', readReceipts: true, groupAdd: 'everyone' });
    expect((await request(srv.url).get('/v1/users/me').set(bearer(ann))).body.lastSeen).toBe('nobody');

    // Bob online first, then Ann: neither learns of the other (snapshot or live), going off neither.
    const [bobSocket, annSocket] = await bothOnline(bob, ann, group);
    const carolSocket = await TestSocket.ready(srv.wsUrl, carol.accessToken);
    // Carol (everyone) still sees Bob; Bob still sees Carol.
    await bobSocket.next('presence', (p) => p.userId === carol.id && p.online);
    annSocket.close();
    await annSocket.closed;
    carolSocket.close();
    await bobSocket.next('presence', (p) => p.userId === carol.id && !p.online);
    expect(bobSocket.of('presence').filter((p) => p.userId === ann.id)).toEqual([]);
    expect(annSocket.of('presence')).toEqual([]);
    bobSocket.close();
  });

  it('with chats, shows me only to people I share a chat with in which a message was sent', async () => {
    const [ann, bob, carol] = await signUpAll(srv.url, 'ann', 'bob', 'carol');
    await setLastSeen(ann, 'chats');
    // Bob started a direct chat with Ann but nothing was ever said; Carol and Ann talk in a group.
    await request(srv.url)
      .post('/v1/chats')
      .set(bearer(bob))
      .send({ type: 'direct', userId: ann.id })
      .expect(201);
    const group = await createGroup(srv.url, carol, [ann]);
    await postMessage(srv.url, carol, group, 'hello ann');
    const [bobSocket, carolSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, bob.accessToken),
      TestSocket.ready(srv.wsUrl, carol.accessToken),
    ]);
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    await carolSocket.next('presence', (p) => p.userId === ann.id && p.online);
    // Ann sees Carol (shared chat with messages) but, reciprocally, not Bob.
    await annSocket.next('presence', (p) => p.userId === carol.id && p.online);
    const mark = await postMessage(srv.url, carol, group, 'sync point');
    await annSocket.next('message', (f) => f.message.id === mark.id);
    annSocket.close();
    await carolSocket.next('presence', (p) => p.userId === ann.id && !p.online);
    expect(bobSocket.of('presence').filter((p) => p.userId === ann.id)).toEqual([]);
    expect(annSocket.of('presence').filter((p) => p.userId === bob.id)).toEqual([]);
    bobSocket.close();
    carolSocket.close();
  });

  it('reaches my other devices as privacy_updated, and refuses unknown values', async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const other = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    await request(srv.url)
      .patch('/v1/users/me')
      .set(bearer(ann))
      .send({ lastSeen: 'chats', readReceipts: false })
      .expect(200);
    expect(await other.next('privacy_updated')).toEqual({
      type: 'privacy_updated',
      settings: { lastSeen: 'chats', readReceipts: false, groupAdd: 'everyone' },
    });
    const bad = await request(srv.url).patch('/v1/users/me').set(bearer(ann)).send({ lastSeen: 'friends' });
    expect(bad.status).toBe(400);
    expect((await request(srv.url).patch('/v1/users/me').set(bearer(ann)).send({})).status).toBe(400);
    expect((await request(srv.url).get('/v1/users/me').set(bearer(ann))).body).toMatchObject({
      lastSeen: 'chats',
      readReceipts: false,
    });
    other.close();
  });
});
