import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatStore } from '../../src/chats/store.js';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

// The push badge: stored counts plus what this instance has noted and not flushed yet. A flush
// that lands while the stored counts are being read must be counted once, not zero times.
describe('a user total unread (push badge)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer();
  });
  afterAll(() => srv?.close());

  it('counts a message whose activity write lands while the counts are read', async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await createGroup(srv.url, ann, [bob]);
    await postMessage(srv.url, ann, chatId, 'one');
    const { chats } = srv.running.services;
    // Reaching in: the race needs the flush to land between the store's answer and its use.
    const inner = chats as unknown as { chats: ChatStore; activity: { flush(): Promise<void> } };
    const lists = inner.chats.lists;
    const getActivities = lists.getActivities.bind(lists);
    let raced = 0;
    lists.getActivities = async (ids) => {
      const read = await getActivities(ids);
      if (raced++ === 0) await inner.activity.flush();
      return read;
    };
    try {
      expect(await chats.totalUnread(bob.id)).toBe(1);
      expect(raced).toBeGreaterThan(0);
    } finally {
      lists.getActivities = getActivities;
    }
    expect(await chats.totalUnread(bob.id)).toBe(1);
  });
});
