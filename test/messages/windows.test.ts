import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll, type TestUser } from '../helpers/app.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

/** The windows are about time passing: there is no event to await, only the clock. */
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('edit and delete windows', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    srv = await startTestServer({ env: { EDIT_WINDOW_SECONDS: '1', DELETE_WINDOW_SECONDS: '2' } });
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    chatId = await createGroup(srv.url, ann, [bob]);
  });
  afterAll(() => srv.close());

  const edit = (u: TestUser, id: string, text: string) =>
    request(srv.url).patch(`/v1/chats/${chatId}/messages/${id}`).set(bearer(u)).send({ text });
  const del = (u: TestUser, id: string, query = '') =>
    request(srv.url).delete(`/v1/chats/${chatId}/messages/${id}${query}`).set(bearer(u));
  const get = async (id: string) =>
    (await request(srv.url).get(`/v1/chats/${chatId}/messages/${id}`).set(bearer(ann)).expect(200)).body;

  it('lets the sender edit within EDIT_WINDOW_SECONDS and refuses later with 409, changing nothing', async () => {
    const m = await postMessage(srv.url, bob, chatId, 'first');
    await edit(bob, m.id, 'second').expect(200);
    await pause(1_200);
    const late = await edit(bob, m.id, 'third');
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('edit_window_expired');
    expect(await get(m.id)).toMatchObject({ text: 'second' });
  });

  it('lets the sender delete for everyone within DELETE_WINDOW_SECONDS and refuses later with 409', async () => {
    const quick = await postMessage(srv.url, bob, chatId, 'quick');
    const slow = await postMessage(srv.url, bob, chatId, 'slow');
    await del(bob, quick.id).expect(200);
    await pause(2_200);
    const late = await del(bob, slow.id);
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('delete_window_expired');
    expect(await get(slow.id)).toMatchObject({ text: 'slow' });
    expect(await get(slow.id)).not.toHaveProperty('deleted');
    // Delete for me has no window; a group owner may still remove it (moderation).
    await del(bob, slow.id, '?for=me').expect(204);
    expect(await del(ann, slow.id).expect(200)).toBeTruthy();
    expect(await get(slow.id)).toMatchObject({ deleted: true });
  });

  it('refuses an unknown value of ?for', async () => {
    const m = await postMessage(srv.url, bob, chatId, 'whatever');
    expect((await del(bob, m.id, '?for=them')).status).toBe(400);
    expect(await get(m.id)).toMatchObject({ text: 'whatever' });
  });
});
