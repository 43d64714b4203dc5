import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createGroup,
  createTestApp,
  postMessage,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

interface Msg {
  id: string;
  text: string;
}

describe('history paging', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
    chatId = await createGroup(t.app, ann, [bob]);
  });
  afterAll(() => t.close());

  const page = (q: object) =>
    request(t.app)
      .get(`/v1/chats/${chatId}/messages`)
      .set(bearer(bob))
      .query(q)
      .then((r) => r.body as { messages: Msg[]; hasMore: boolean });

  it('covers every message exactly once, in order, while others are being inserted', async () => {
    for (let i = 0; i < 30; i++) await postMessage(t.app, ann, chatId, `seed ${i}`);
    let inserting = true;
    const writer = (async () => {
      let n = 0;
      while (inserting) await postMessage(t.app, n++ % 2 ? ann : bob, chatId, `live ${n}`);
    })();

    // Forward (catch-up direction): from the start until a page is not full.
    const seen: Msg[] = [];
    let after = '0'.repeat(26); // the smallest id: from the very start
    for (;;) {
      const p = await page({ limit: 7, after });
      seen.push(...p.messages);
      if (!p.hasMore) break;
      after = p.messages.at(-1)?.id as string;
    }
    inserting = false;
    await writer;

    const ids = seen.map((m) => m.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    // Everything stored up to the last id seen was seen: nothing was skipped.
    const all: Msg[] = [];
    let before: string | undefined;
    for (;;) {
      const p = await page({ limit: 100, ...(before ? { before } : {}) });
      all.push(...p.messages);
      if (!p.hasMore) break;
      before = p.messages.at(-1)?.id;
    }
    const last = ids.at(-1) as string;
    expect(
      all
        .map((m) => m.id)
        .filter((id) => id <= last)
        .reverse(),
    ).toEqual(ids);
    expect(seen.filter((m) => m.text.startsWith('seed'))).toHaveLength(30);
  });

  it('pages backwards newest first with before=', async () => {
    const first = await page({ limit: 5 });
    expect(first.messages).toHaveLength(5);
    const ids = first.messages.map((m) => m.id);
    expect([...ids].sort().reverse()).toEqual(ids);
    const next = await page({ limit: 5, before: ids.at(-1) });
    expect(next.messages[0]?.id.localeCompare(ids.at(-1) as string)).toBe(-1);
  });

  it.each([
    [{ limit: 0 }],
    [{ limit: 101 }],
    [{ limit: 'ten' }],
    [{ before: 'nope' }],
    [{ before: '01ARZ3NDEKTSV4RRFFQ69G5FAV', after: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
    [{ sort: 'asc' }],
  ])('refuses %o with 400', async (q) => {
    const res = await request(t.app).get(`/v1/chats/${chatId}/messages`).set(bearer(bob)).query(q);
    expect(res.status).toBe(400);
  });
});
