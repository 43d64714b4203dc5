import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('presence, typing, read receipts and liveness', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let stranger: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer({ hub: { pingIntervalMs: 200 } });
    [ann, bob, stranger] = await signUpAll(srv.url, 'ann', 'bob', 'str');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  it('tells chat peers when a user comes online and goes offline, and no one else', async () => {
    const [annSocket, strangerSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, stranger.accessToken),
    ]);
    const bobSocket = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    expect(await annSocket.next('presence', (p) => p.userId === bob.id)).toMatchObject({ online: true });
    // Bob learns on connect that Ann is already online.
    expect(await bobSocket.next('presence', (p) => p.userId === ann.id)).toMatchObject({ online: true });

    bobSocket.close();
    const offline = await annSocket.next('presence', (p) => p.userId === bob.id && !p.online);
    expect(offline.lastSeenAt).toEqual(expect.any(String));
    expect(strangerSocket.of('presence')).toEqual([]);
    annSocket.close();
    strangerSocket.close();
  });

  it('stays online while another device is connected', async () => {
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const [phone, laptop] = await Promise.all([
      TestSocket.ready(srv.wsUrl, bob.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    phone.close();
    await phone.closed;
    const m = await postMessage(srv.url, ann, chatId, 'sync point');
    await laptop.next('message', (f) => f.message.id === m.id);
    expect(annSocket.of('presence').filter((p) => p.userId === bob.id && !p.online)).toEqual([]);
    laptop.close();
    annSocket.close();
  });

  it('relays typing to the other members only, throttled', async () => {
    const [annSocket, bobSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    for (let i = 0; i < 5; i++) annSocket.send({ type: 'typing', chatId });
    expect(await bobSocket.next('typing')).toEqual({ type: 'typing', chatId, userId: ann.id });
    const m = await postMessage(srv.url, ann, chatId, 'sync point');
    await bobSocket.next('message', (f) => f.message.id === m.id);
    expect(bobSocket.of('typing')).toHaveLength(1);
    expect(annSocket.of('typing')).toEqual([]);
    annSocket.close();
    bobSocket.close();
  });

  it('stores read markers sent as frames and tells the members', async () => {
    const [annSocket, bobSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    const m = await postMessage(srv.url, ann, chatId, 'read me');
    bobSocket.send({ type: 'read', chatId, messageId: m.id });
    expect(await annSocket.next('read')).toEqual({ type: 'read', chatId, userId: bob.id, messageId: m.id });
    const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(bob));
    expect(chat.body.unreadCount).toBe(0);
    annSocket.close();
    bobSocket.close();
  });

  it('refuses typing and read for a chat the user is not in', async () => {
    const s = await TestSocket.ready(srv.wsUrl, stranger.accessToken);
    s.send({ type: 'typing', chatId });
    expect((await s.next('error')).code).toBe('not_found');
    s.send({ type: 'read', chatId, messageId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' });
    expect((await s.next('error')).code).toBe('not_found');
    s.close();
  });

  it('reaps a connection that stops answering pings, and its peers see it go offline', async () => {
    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    const dead = TestSocket.connect(srv.wsUrl, { token: bob.accessToken, autoPong: false });
    await dead.next('ready');
    await annSocket.next('presence', (p) => p.userId === bob.id && p.online);
    expect((await dead.closed).code).toBe(1006);
    await annSocket.next('presence', (p) => p.userId === bob.id && !p.online);
    // The socket that answers was pinged as often, and its pongs kept it.
    await new Promise((r) => setTimeout(r, 600));
    expect(annSocket.ws.readyState).toBe(annSocket.ws.OPEN);
    annSocket.close();
  });

  it("introduces a new member and the chat's online members to each other", async () => {
    const [annSocket, strangerSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, stranger.accessToken),
    ]);
    const group = await createGroup(srv.url, ann, [bob]);
    await request(srv.url).post(`/v1/chats/${group}/members`).set(bearer(ann)).send({ userId: stranger.id });
    expect(await annSocket.next('presence', (p) => p.userId === stranger.id)).toMatchObject({ online: true });
    expect(await strangerSocket.next('presence', (p) => p.userId === ann.id)).toMatchObject({ online: true });
    annSocket.close();
    strangerSocket.close();
  });
});
