import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, postMessage, signUpAll } from '../helpers/app.js';
import { a, b, redis, useTwoInstances } from '../helpers/cluster.js';
import { TestSocket } from '../helpers/ws.js';

// A block made on instance A must stop the blocked user's socket on instance B: over Redis at once,
// and even when Redis is down (the message writer checks blocks where they are durable).
describe('blocks across instances', () => {
  useTwoInstances();

  it("refuses the blocked user's sends on another instance, with Redis up and with it down", {
    timeout: 60_000,
  }, async () => {
    const [ann, bob, carol] = await signUpAll(a.url, 'ann', 'bob', 'carol');
    const direct = (
      await request(a.url)
        .post('/v1/chats')
        .set(bearer(bob))
        .send({ type: 'direct', userId: ann.id })
        .expect(201)
    ).body.id;
    const other = (
      await request(a.url)
        .post('/v1/chats')
        .set(bearer(bob))
        .send({ type: 'direct', userId: carol.id })
        .expect(201)
    ).body.id;
    await postMessage(a.url, bob, direct, 'hi');
    const ws = `ws://127.0.0.1:${b.port}/v1/ws`;
    const [bobOnB, annOnB] = await Promise.all([
      TestSocket.ready(ws, bob.accessToken),
      TestSocket.ready(ws, ann.accessToken),
    ]);

    await request(a.url).put(`/v1/users/me/blocks/${bob.id}`).set(bearer(ann)).expect(204);
    // The block event has reached B over Redis once Ann's other device there hears of it.
    await annOnB.next('block_updated', (f) => f.blocked);
    bobOnB.send({ type: 'send', chatId: direct, clientMsgId: 'up', text: 'blocked, Redis up' });
    expect(await bobOnB.next('error', (e) => e.ref === 'up')).toMatchObject({ code: 'blocked' });

    await request(a.url).delete(`/v1/users/me/blocks/${bob.id}`).set(bearer(ann)).expect(204);
    bobOnB.send({ type: 'send', chatId: other, clientMsgId: 'probe', text: 'to carol' });
    await bobOnB.next('ack', (f) => f.clientMsgId === 'probe');
    await redis.stop();
    await request(a.url).put(`/v1/users/me/blocks/${bob.id}`).set(bearer(ann)).expect(204);
    bobOnB.send({ type: 'send', chatId: direct, clientMsgId: 'down', text: 'blocked, Redis down' });
    const refused = await bobOnB.next('error', (e) => e.ref === 'down', 10_000);
    expect(['blocked', 'not_found']).toContain(refused.code);
    const history = await request(a.url).get(`/v1/chats/${direct}/messages`).set(bearer(ann)).expect(200);
    expect(history.body.messages.map((m: { text: string }) => m.text)).not.toContain('blocked, Redis down');
    await redis.restart();
    bobOnB.close();
    annOnB.close();
  });
});
