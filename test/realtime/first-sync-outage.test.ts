import { describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { a, b, redis, useTwoInstances } from '../helpers/cluster.js';
import { TestSocket } from '../helpers/ws.js';

// A device's first `sync` (no token) may reach a busy server well after `ready`: its token must
// start where the socket joined its rooms, or what fan-out missed in between is never replayed.
describe('a first sync that arrives late, while fan-out is down', () => {
  useTwoInstances();

  it('still replays, after the outage, what was sent since the socket was ready', {
    timeout: 60_000,
  }, async () => {
    const [alice, bob] = await signUpAll(a.url, 'alice', 'bob');
    const chatId = await createGroup(a.url, alice, [bob]);
    const onB = await TestSocket.ready(`ws://127.0.0.1:${b.port}/v1/ws`, bob.accessToken);

    await redis.stop();
    const missed = await postMessage(a.url, alice, chatId, 'sent on A while Redis is down');
    // Only now does Bob's first sync arrive (a slow phone, or a server whose event loop lagged).
    onB.send({ type: 'sync' });
    await onB.next('synced');

    await redis.restart();
    await onB.next('resync', () => true, 20_000);
    onB.send({ type: 'sync', since: onB.of('synced').at(-1)?.token });
    await onB.next('message', (f) => f.message.id === missed.id, 10_000);
    expect(onB.of('message').filter((f) => f.message.id === missed.id)).toHaveLength(1);
    onB.close();
  });
});
