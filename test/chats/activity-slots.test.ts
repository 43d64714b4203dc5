import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatStore } from '../../src/chats/store.js';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// Chat lists' activity is written behind the message path at most once per chat per 2 s. Busy
// chats are written in their own tenth of that interval, not all at once: message writes queue
// behind whatever a flush has in flight.
describe('chat activity writes', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv?.close());

  it('writes each busy chat within the interval, spread over its slots rather than in one burst', async () => {
    const [ann, ...others] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    const chats = await Promise.all(Array.from({ length: 20 }, () => createGroup(srv.url, ann, others)));
    // Reaching in: when each chat's activity is written is what this is about.
    const inner = srv.running.services.chats as unknown as { chats: ChatStore };
    const lists = inner.chats.lists;
    const record = lists.recordActivity.bind(lists);
    const written = new Map<string, number>();
    lists.recordActivity = (last, ...rest) => {
      written.set(last.chatId, Date.now());
      return record(last, ...rest);
    };
    try {
      const sentAt = Date.now();
      await Promise.all(chats.map((chatId) => postMessage(srv.url, ann, chatId, 'hi')));
      const deadline = Date.now() + 5_000;
      while (written.size < chats.length && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
      expect([...written.keys()].sort()).toEqual([...chats].sort());
      const times = [...written.values()];
      // Within one interval (2 s, plus the messages' own writes and a tick of slack)...
      expect(Math.max(...times) - sentAt).toBeLessThan(3_000);
      // ...and over several of its tenths (20 chats over 10 slots), not in one tick.
      const ticks = new Set(times.map((t) => Math.floor((t - sentAt) / 200)));
      expect(ticks.size).toBeGreaterThanOrEqual(3);
    } finally {
      lists.recordActivity = record;
    }
  });
});
