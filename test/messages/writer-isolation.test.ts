import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import { type MessageItem, MessageStore } from '../../src/messages/store.js';
import { defaultWriterOptions, MessageWriter } from '../../src/messages/writer.js';
import { createMetrics } from '../../src/metrics/registry.js';
import { createTestDb } from '../helpers/db.js';

/** The real store, except that any BatchWriteItem carrying one chat fails the way DynamoDB fails
 * it once that chat's item collection reached 10 GB: the whole call, every chat in it. */
class FullChatStore extends MessageStore {
  calls: string[][] = [];
  constructor(
    db: Db,
    private readonly fullChat: string,
  ) {
    super(db);
  }

  override async writeBatch(items: MessageItem[]): Promise<MessageItem[]> {
    this.calls.push(items.map((i) => String(i.chatId)));
    if (items.some((i) => i.chatId === this.fullChat))
      throw Object.assign(new Error('Item collection size limit exceeded'), {
        name: 'ItemCollectionSizeLimitExceededException',
        $metadata: { httpStatusCode: 400 },
      });
    return super.writeBatch(items);
  }
}

describe('MessageWriter with one chat that cannot be written', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.destroy());

  it("stores and acks the other chats' messages of the same batch, and fails only that chat's", async () => {
    const store = new FullChatStore(db, 'g_full');
    const metrics = createMetrics({ defaults: false });
    const acked: string[] = [];
    const writer = new MessageWriter(
      store,
      { onCommitted: () => {} },
      { ...defaultWriterOptions, maxDelayMs: 20 },
      metrics,
    );
    const drafts = ['g_full', 'g_a', 'g_b', 'g_full', 'g_a', 'g_c'].map((chatId, n) => ({
      chatId,
      senderId: 'u1',
      clientMsgId: `iso-${n}-${Math.random()}`,
      text: `t${n}`,
      onDurable: (m: { id: string }) => void acked.push(m.id),
    }));
    const results = await Promise.allSettled(drafts.map((d) => writer.submit(d)));

    // They shared one BatchWriteItem first: the failure really did hit a mixed batch.
    expect(new Set(store.calls[0])).toEqual(new Set(['g_full', 'g_a', 'g_b', 'g_c']));
    const byChat = (chatId: string) => results.filter((_, i) => drafts[i]?.chatId === chatId);
    for (const r of byChat('g_full'))
      expect(r).toMatchObject({ status: 'rejected', reason: { code: 'unavailable' } });
    for (const chatId of ['g_a', 'g_b', 'g_c']) {
      for (const r of byChat(chatId)) expect(r.status).toBe('fulfilled');
      const stored = await store.page(chatId, { after: '0'.repeat(26), limit: 10 });
      expect(stored.messages.map((m) => m.text)).toEqual(
        drafts.flatMap((d, i) => (d.chatId === chatId ? [`t${i}`] : [])),
      );
    }
    expect(acked).toHaveLength(4);
    expect(await store.page('g_full', { after: '0'.repeat(26), limit: 10 })).toMatchObject({ messages: [] });
    const page = await metrics.registry.metrics();
    expect(page).toContain(
      'chatx_writer_chat_failures_total{error="ItemCollectionSizeLimitExceededException"} 2',
    );
    expect(page).toContain('chatx_messages_persisted_total 4');
  });
});
