import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('sending over WebSocket', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let eve: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob, eve] = await signUpAll(srv.url, 'ann', 'bob', 'eve');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  it('acks only once the message is readable over REST', async () => {
    const s = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    s.send({ type: 'send', chatId, clientMsgId: 'durable-1', text: 'hello' });
    const ack = await s.next('ack');
    expect(ack.clientMsgId).toBe('durable-1');
    const rest = await request(srv.url)
      .get(`/v1/chats/${chatId}/messages/${ack.message.id}`)
      .set(bearer(bob));
    expect(rest.status).toBe(200);
    expect(rest.body).toEqual(ack.message);
    s.close();
  });

  it('delivers to every device of every member, the sender\u2019s other devices included', async () => {
    const [annPhone, annLaptop, bobPhone, bobLaptop] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    annPhone.send({ type: 'send', chatId, clientMsgId: 'fan-1', text: 'to all' });
    const ack = await annPhone.next('ack');
    for (const s of [annLaptop, bobPhone, bobLaptop]) {
      expect((await s.next('message', (f) => f.message.id === ack.message.id)).message).toEqual(ack.message);
    }
    // The sending connection has its ack; it gets no second copy.
    await new Promise((r) => setTimeout(r, 100));
    expect(annPhone.of('message').filter((f) => f.message.id === ack.message.id)).toEqual([]);
    for (const s of [annPhone, annLaptop, bobPhone, bobLaptop]) s.close();
  });

  it('refuses a non-member with an error frame carrying the clientMsgId, and never delivers to them', async () => {
    const [intruder, member] = await Promise.all([
      TestSocket.ready(srv.wsUrl, eve.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    intruder.send({ type: 'send', chatId, clientMsgId: 'sneaky', text: 'let me in' });
    expect(await intruder.next('error')).toEqual({
      type: 'error',
      code: 'not_found',
      message: 'Chat not found',
      ref: 'sneaky',
    });

    const annSocket = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    annSocket.send({ type: 'send', chatId, clientMsgId: 'private-1', text: 'members only' });
    const ack = await annSocket.next('ack');
    await member.next('message', (f) => f.message.id === ack.message.id);
    expect(intruder.of('message')).toEqual([]);
    for (const s of [intruder, member, annSocket]) s.close();
  });

  it('acks a re-sent clientMsgId with the original message, after a reconnect too', async () => {
    const first = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    first.send({ type: 'send', chatId, clientMsgId: 'resend-1', text: 'once' });
    first.close(); // gone before (or just after) the ack
    await first.closed;

    const second = await TestSocket.ready(srv.wsUrl, ann.accessToken);
    second.send({ type: 'send', chatId, clientMsgId: 'resend-1', text: 'once', retry: true });
    const ack = await second.next('ack');
    second.send({ type: 'send', chatId, clientMsgId: 'resend-1', text: 'once', retry: true });
    expect((await second.next('ack')).message).toEqual(ack.message);

    const history = await request(srv.url)
      .get(`/v1/chats/${chatId}/messages`)
      .set(bearer(ann))
      .query({ limit: 100 });
    expect(
      history.body.messages.filter((m: { clientMsgId: string }) => m.clientMsgId === 'resend-1'),
    ).toHaveLength(1);
    second.close();
  });

  it('shows REST sends, edits and deletes live', async () => {
    const s = await TestSocket.ready(srv.wsUrl, bob.accessToken);
    const sent = await request(srv.url)
      .post(`/v1/chats/${chatId}/messages`)
      .set(bearer(ann))
      .send({ clientMsgId: 'rest-1', text: 'via REST' });
    expect((await s.next('message', (f) => f.message.id === sent.body.id)).message.text).toBe('via REST');
    await request(srv.url)
      .patch(`/v1/chats/${chatId}/messages/${sent.body.id}`)
      .set(bearer(ann))
      .send({ text: 'edited' });
    expect((await s.next('message_updated')).message).toMatchObject({ id: sent.body.id, text: 'edited' });
    await request(srv.url).delete(`/v1/chats/${chatId}/messages/${sent.body.id}`).set(bearer(ann));
    expect((await s.next('message_deleted')).message).toMatchObject({ id: sent.body.id, deleted: true });
    await request(srv.url).patch(`/v1/chats/${chatId}`).set(bearer(ann)).send({ name: 'Renamed' });
    expect(await s.next('chat_updated')).toEqual({ type: 'chat_updated', chatId, name: 'Renamed' });
    s.close();
  });
});
