import { describe, expect, it } from 'vitest';
import { personalLogId } from '../../src/feed/personal.js';
import { SmallSet } from '../../src/lib/small-set.js';
import type { Topic } from '../../src/realtime/bus.js';
import type { Connection } from '../../src/realtime/connection.js';
import { Registry } from '../../src/realtime/registry.js';

/** The registry reads a connection's user and chats only. */
const conn = (userId: string) => ({ userId, chats: new SmallSet<string>() }) as unknown as Connection;

/** Counts each topic's watches, as the bus does. */
function routing() {
  const watched = new Map<Topic, number>();
  return {
    watched,
    watch: async (topics: Iterable<Topic>) => {
      for (const t of topics) watched.set(t, (watched.get(t) ?? 0) + 1);
    },
    unwatch: (topics: Iterable<Topic>) => {
      for (const t of topics) {
        const n = (watched.get(t) ?? 0) - 1;
        if (n > 0) watched.set(t, n);
        else watched.delete(t);
      }
    },
  };
}

describe('a user’s own log in the registry', () => {
  const own = personalLogId('ann');

  it('reaches the user’s connections that joined it, not those still loading', () => {
    const registry = new Registry();
    const [a, b] = [conn('ann'), conn('ann')];
    registry.addUser(a);
    expect([...registry.room(own)]).toEqual([]);
    a.chats.add(own);
    registry.join(a, own);
    expect([...registry.room(own)]).toEqual([a]);
    registry.addUser(b); // authenticated, chats not loaded yet
    expect([...registry.room(own)]).toEqual([a]);
    expect(registry.room(own).size).toBe(1);
    b.chats.add(own);
    registry.join(b, own);
    expect(new Set(registry.room(own))).toEqual(new Set([a, b]));
    registry.remove(a);
    expect([...registry.room(own)]).toEqual([b]);
    expect([...registry.room(personalLogId('bob'))]).toEqual([]);
  });

  it('has its topic watched while the user has a connection here', () => {
    const r = routing();
    const registry = new Registry(r);
    const [a, b] = [conn('ann'), conn('ann')];
    registry.addUser(a);
    registry.addUser(b);
    const topics = [...r.watched.keys()];
    expect(topics).toHaveLength(2);
    expect(topics.some((t) => t.endsWith(own))).toBe(true);
    registry.remove(a);
    expect([...r.watched.keys()]).toEqual(topics);
    registry.remove(b);
    expect(r.watched.size).toBe(0);
  });
});
