import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { a, b, redis, useTwoInstances } from '../helpers/cluster.js';
import { TestSocket } from '../helpers/ws.js';

// The attack: with Redis down, an owner on instance A removes a member whose socket is on B. B
// never hears of it, so its view of the member's chats is stale; durable membership must win.
describe('credentials and membership across instances', () => {
  useTwoInstances();

  it('refuses their sends and stops their live traffic, during the outage and after', {
    timeout: 60_000,
  }, async () => {
    const [owner, member] = await signUpAll(a.url, 'owner', 'member');
    const chatId = await createGroup(a.url, owner, [member]);
    const ws = `ws://127.0.0.1:${b.port}/v1/ws`;
    const onB = await TestSocket.ready(ws, member.accessToken);
    onB.send({ type: 'send', chatId, clientMsgId: 'before', text: 'still in' });
    await onB.next('ack');

    await redis.stop();
    await request(a.url).delete(`/v1/chats/${chatId}/members/${member.id}`).set(bearer(owner)).expect(204);
    onB.send({ type: 'send', chatId, clientMsgId: 'during', text: 'removed, on a stale socket' });
    expect(await onB.next('error', (e) => e.ref === 'during')).toMatchObject({ code: 'not_found' });

    await redis.restart();
    await onB.next('resync', () => true, 20_000);
    onB.send({ type: 'send', chatId, clientMsgId: 'after', text: 'removed, after the outage' });
    expect(await onB.next('error', (e) => e.ref === 'after')).toMatchObject({ code: 'not_found' });
    // Live traffic of the chat no longer reaches the removed member's socket.
    await new Promise((r) => setTimeout(r, 1_000)); // the view is rebuilt after the resync
    const secret = await postMessage(a.url, owner, chatId, 'not for removed members');
    const probe = await TestSocket.ready(ws, owner.accessToken); // a socket on B that should see it
    const other = await postMessage(a.url, owner, chatId, 'second');
    await probe.next('message', (f) => f.message.id === other.id, 10_000);
    expect(onB.of('message').map((f) => f.message.id)).not.toContain(secret.id);
    expect(onB.of('message').map((f) => f.message.id)).not.toContain(other.id);
    const history = await request(a.url).get(`/v1/chats/${chatId}/messages`).set(bearer(owner)).expect(200);
    expect(history.body.messages.map((m: { text: string }) => m.text)).not.toContain(
      'removed, on a stale socket',
    );
    onB.close();
    probe.close();
  });

  it('closes a socket on B when its session logs out on A', { timeout: 30_000 }, async () => {
    const [u] = await signUpAll(a.url, 'leaver');
    const onB = await TestSocket.ready(`ws://127.0.0.1:${b.port}/v1/ws`, u.accessToken);
    await request(a.url).post('/v1/auth/logout').send({ refreshToken: u.refreshToken }).expect(204);
    expect(await onB.closed).toMatchObject({ code: 4401, reason: 'session ended' });
    await request(b.url).get('/v1/users/me').set(bearer(u)).expect(401);
  });

  it("closes the other sessions' sockets on B when the password changes on A", {
    timeout: 30_000,
  }, async () => {
    const [u] = await signUpAll(a.url, 'changer');
    const phone = await request(a.url)
      .post('/v1/auth/login')
      .send({ email: u.email, password: u.password })
      .expect(200);
    const onB = await TestSocket.ready(`ws://127.0.0.1:${b.port}/v1/ws`, phone.body.accessToken);
    await request(a.url)
      .post('/v1/auth/password')
      .set(bearer(u))
      .send({ currentPassword: u.password, newPassword: 'a different secret' })
      .expect(204);
    expect(await onB.closed).toMatchObject({ code: 4401, reason: 'session ended' });
  });
});
