import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/client.js';
import type { Message } from '../../src/messages/schemas.js';
import { type MessageItem, MessageStore } from '../../src/messages/store.js';
import { defaultWriterOptions, MessageWriter } from '../../src/messages/writer.js';
import { createTestDb } from '../helpers/db.js';

/** The real store, with a hook in front of each BatchWriteItem call for fault injection. */
class HookedStore extends MessageStore {
  calls: MessageItem[][] = [];
  before: (requests: MessageItem[], call: number) => MessageItem[] | 'throw' | undefined = () => undefined;

  override async writeBatch(requests: MessageItem[]): Promise<MessageItem[]> {
    this.calls.push(requests);
    const verdict = this.before(requests, this.calls.length);
    if (verdict === 'throw')
      throw Object.assign(new Error('injected'), { name: 'ProvisionedThroughputExceededException' });
    const left = await super.writeBatch(verdict ? requests.filter((r) => !verdict.includes(r)) : requests);
    return verdict ? [...left, ...verdict] : left;
  }
}

describe('MessageWriter (group commit)', () => {
  let db: Db;
  beforeAll(async () => {
    db = await createTestDb();
  });
  afterAll(() => db.destroy());

  const setup = (opts = {}) => {
    const store = new HookedStore(db);
    const committed: Message[] = [];
    const writer = new MessageWriter(
      store,
      {
        onCommitted: (m) => committed.push(m),
      },
      { ...defaultWriterOptions, ...opts },
    );
    return { store, writer, committed };
  };
  const draft = (chat: number, n: number) => ({
    chatId: `g_chat${chat}`,
    senderId: 'u1',
    clientMsgId: `m${chat}-${n}-${Math.random()}`,
    text: `t${n}`,
  });

  it('writes 400 concurrent sends over 50 chats in batches of at most 25 items, ids rising per chat', async () => {
    const { store, writer, committed } = setup();
    const drafts = Array.from({ length: 400 }, (_, i) => draft(i % 50, i));
    const sent = await Promise.all(drafts.map((d) => writer.submit(d)));
    expect(sent.every((s) => s.created)).toBe(true);
    expect(Math.max(...store.calls.map((c) => c.length))).toBeLessThanOrEqual(25);
    expect(store.calls.length).toBeLessThan(400 / 2); // batched, not one call per message
    for (let chat = 0; chat < 50; chat++) {
      const ids = sent.filter((s) => s.message.chatId === `g_chat${chat}`).map((s) => s.message.id);
      expect([...ids].sort()).toEqual(ids);
      const published = committed.filter((m) => m.chatId === `g_chat${chat}`).map((m) => m.id);
      expect(published).toEqual(ids);
    }
    const stored = await store.page('g_chat7', { after: '0'.repeat(26), limit: 100 });
    expect(stored.messages.map((m) => m.id)).toEqual(
      sent.filter((s) => s.message.chatId === 'g_chat7').map((s) => s.message.id),
    );
  });

  it('holds a part-full batch while a write is in flight, then writes what gathered in one call', async () => {
    const { store, writer } = setup();
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const write = store.writeBatch.bind(store);
    const sizes: number[] = [];
    store.writeBatch = async (reqs) => {
      sizes.push(reqs.length);
      if (sizes.length === 1) await gate; // the first call hangs until released
      return write(reqs);
    };
    const first = writer.submit(draft(907, 0));
    await new Promise((r) => setTimeout(r, 20));
    const more = Array.from({ length: 10 }, (_, i) => writer.submit(draft(908 + i, 1)));
    await new Promise((r) => setTimeout(r, 20));
    expect(sizes).toEqual([1]); // the ten wait for company instead of going out as ten small calls
    release();
    await Promise.all([first, ...more]);
    expect(sizes).toEqual([1, 10]);
  });

  it('retries items DynamoDB leaves unprocessed until they are written', async () => {
    const { store, writer } = setup();
    store.before = (reqs, call) => (call === 1 ? reqs.slice(0, Math.ceil(reqs.length / 2)) : undefined);
    const sent = await Promise.all(Array.from({ length: 20 }, (_, i) => writer.submit(draft(900, i))));
    expect(store.calls.length).toBeGreaterThan(1);
    const stored = await store.page('g_chat900', { after: '0'.repeat(26), limit: 100 });
    expect(stored.messages).toHaveLength(20);
    expect(sent.map((s) => s.message.id).sort()).toEqual(stored.messages.map((m) => m.id));
  });

  it('fails exactly the sends whose write failed, and publishes none of them', async () => {
    const { store, writer, committed } = setup({ maxAttempts: 2 });
    store.before = (reqs) => (reqs.some((r) => r.chatId === 'g_chat901') ? 'throw' : undefined);
    const results = await Promise.allSettled([
      ...Array.from({ length: 5 }, (_, i) => writer.submit(draft(901, i))),
      ...Array.from({ length: 5 }, (_, i) => writer.submit(draft(902, i))),
    ]);
    // Both chats may share a batch: then all ten fail together, never a partial lie.
    const ok = results
      .filter((r) => r.status === 'fulfilled')
      .map((r) => (r as PromiseFulfilledResult<{ message: Message }>).value.message);
    const failed = results.filter((r) => r.status === 'rejected') as PromiseRejectedResult[];
    expect(failed.length).toBeGreaterThanOrEqual(5);
    expect(failed.every((f) => f.reason.code === 'unavailable')).toBe(true);
    expect(ok.every((m) => m.chatId === 'g_chat902')).toBe(true);
    expect(committed.filter((m) => m.chatId === 'g_chat901')).toEqual([]);
    expect((await store.page('g_chat901', { limit: 10 })).messages).toEqual([]);
  });

  it('rides out throttling with backoff: every send still becomes durable', async () => {
    const { store, writer } = setup();
    store.before = (_reqs, call) => (call <= 3 ? 'throw' : undefined); // ProvisionedThroughputExceeded x3
    const sent = await Promise.all(Array.from({ length: 10 }, (_, i) => writer.submit(draft(906, i))));
    expect(store.calls.length).toBeGreaterThan(3);
    const stored = await store.page('g_chat906', { after: '0'.repeat(26), limit: 100 });
    expect(stored.messages.map((m) => m.id)).toEqual(sent.map((s) => s.message.id).sort());
  });

  it('answers the same send twice with one message', async () => {
    const { writer } = setup();
    const d = draft(903, 1);
    const [a, b] = await Promise.all([writer.submit(d), writer.submit(d)]);
    expect(a.message.id).toBe(b.message.id);
    expect([a.created, b.created].sort()).toEqual([false, true]);
    const later = await writer.submit(d);
    expect(later).toEqual({ message: a.message, created: false });
  });

  it('writes a first attempt without reading, and checks a retry against the table', async () => {
    const { store, writer } = setup();
    let reads = 0;
    const find = store.findExisting.bind(store);
    store.findExisting = async (keys) => {
      reads += 1;
      return find(keys);
    };
    const d = { ...draft(905, 1), mayBeRetry: false };
    const first = await writer.submit(d);
    expect(reads).toBe(0);
    // A retry reaching another instance (no local memory of it) finds the stored original.
    const { writer: elsewhere } = setup();
    const retry = await elsewhere.submit({ ...d, mayBeRetry: true });
    expect(retry).toEqual({ message: first.message, created: false });
  });

  it('refuses new sends once its queue is full instead of growing without bound', async () => {
    const { store, writer } = setup({ maxQueued: 10, concurrency: 1 });
    let release: () => void = () => {};
    const gate = new Promise<void>((r) => {
      release = r;
    });
    const slow = store.writeBatch.bind(store);
    store.writeBatch = async (reqs) => {
      await gate;
      return slow(reqs);
    };
    const all = Array.from({ length: 40 }, (_, i) =>
      writer.submit(draft(904, i)).then(
        () => 'ok',
        (e) => e.code,
      ),
    );
    await new Promise((r) => setTimeout(r, 20));
    release();
    const outcomes = await Promise.all(all);
    expect(outcomes.filter((o) => o === 'unavailable').length).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o === 'ok').length).toBeGreaterThan(0);
  });
});
