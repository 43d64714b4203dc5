import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type RedisServer, startRedis } from '../../scripts/lib/redis.js';
import type { ChatEvent } from '../../src/feed/events.js';
import { type BusEvent, chatTopic, userTopic } from '../../src/realtime/bus.js';
import { RedisBus } from '../../src/realtime/redis-bus.js';
import { silentLogger } from '../helpers/config.js';

/** A bus on its own instance id, recording what arrives from the others. */
function instance(redis: RedisServer, name: string) {
  const bus = new RedisBus({
    url: redis.url,
    namespace: 'chatx:routing-',
    instanceId: name,
    logger: silentLogger(),
  });
  const got: BusEvent[] = [];
  bus.subscribe((e, remote) => {
    if (remote) got.push(e);
  });
  return { bus, got };
}

const typing = (chatId: string): ChatEvent => ({ type: 'typing', chatId, userId: 'u1' });

describe('RedisBus routing', () => {
  let redis: RedisServer;
  let a: ReturnType<typeof instance>;
  let b: ReturnType<typeof instance>;
  beforeAll(async () => {
    redis = await startRedis();
    a = instance(redis, 'a');
    b = instance(redis, 'b');
    await Promise.all([a.bus.watch([]), b.bus.watch([])]);
    await waitUntil(() => a.bus.healthy() && b.bus.healthy());
  });
  afterAll(async () => {
    await Promise.all([a?.bus.close(), b?.bus.close()]);
    await redis?.stop();
  });

  it("sends a chat's events only to instances watching it, and stops when the last watch ends", async () => {
    await a.bus.watch([chatTopic('x'), chatTopic('x')]); // two rooms' worth: counted
    b.bus.publish(typing('x'));
    b.bus.publish(typing('y'));
    await waitUntil(() => a.got.length === 1);
    a.bus.unwatch([chatTopic('x')]);
    b.bus.publish(typing('x'));
    await waitUntil(() => a.got.length === 2); // still watched once
    a.bus.unwatch([chatTopic('x')]);
    await a.bus.watch([chatTopic('z')]); // a later command: the unsubscribe took effect before it
    b.bus.publish(typing('x'));
    b.bus.publish(typing('z'));
    await waitUntil(() => a.got.length === 3);
    expect(a.got.map((e) => 'chatId' in e && e.chatId)).toEqual(['x', 'x', 'z']);
    a.bus.unwatch([chatTopic('z')]);
    a.got.length = 0;
  });

  it('delivers an event routed to several watched topics once', async () => {
    await a.bus.watch([chatTopic('p1'), chatTopic('p2'), userTopic('newbie')]);
    b.bus.publish({ type: 'presence', userId: 'u9', online: true, chatIds: ['p1', 'p2', 'p3'] });
    b.bus.publish({
      type: 'member_added',
      chatId: 'p1',
      pos: '1',
      userId: 'newbie',
      role: 'member',
      by: 'u9',
    });
    b.bus.publish({
      type: 'member_added',
      chatId: 'q',
      pos: '2',
      userId: 'newbie',
      role: 'member',
      by: 'u9',
    });
    b.bus.publish(typing('p2')); // a marker: it follows the others on the same connection
    await waitUntil(() => a.got.some((e) => e.type === 'typing'));
    expect(a.got.map((e) => e.type)).toEqual(['presence', 'member_added', 'member_added', 'typing']);
    a.bus.unwatch([chatTopic('p1'), chatTopic('p2'), userTopic('newbie')]);
    a.got.length = 0;
  });

  it('sends session ends and removals to every instance, watched or not', async () => {
    b.bus.publish({ type: 'sessions_ended', userId: 'u5', sessionIds: ['s1'] });
    b.bus.publish({ type: 'member_removed', chatId: 'nobody-here', pos: '3', userId: 'u5', by: 'u6' });
    await waitUntil(() => a.got.length === 2);
    expect(a.got.map((e) => e.type)).toEqual(['sessions_ended', 'member_removed']);
    // The publisher never gets its own events back from Redis.
    expect(b.got).toEqual([]);
  });
});

async function waitUntil(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 10));
  }
}
