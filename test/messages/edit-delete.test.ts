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

describe('editing and deleting messages', () => {
  let t: TestApp;
  let owner: TestUser;
  let alice: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, alice, bob] = await signUpAll(t.app, 'own', 'ali', 'bob');
    chatId = await createGroup(t.app, owner, [alice, bob]);
  });
  afterAll(() => t.close());

  const edit = (u: TestUser, id: string, text: string) =>
    request(t.app).patch(`/v1/chats/${chatId}/messages/${id}`).set(bearer(u)).send({ text });
  const del = (u: TestUser, id: string) =>
    request(t.app).delete(`/v1/chats/${chatId}/messages/${id}`).set(bearer(u));

  it('lets the sender edit, setting updatedAt', async () => {
    const m = await postMessage(t.app, alice, chatId, 'typo');
    const res = await edit(alice, m.id, 'fixed');
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: m.id, text: 'fixed', updatedAt: expect.any(String) });
  });

  it('refuses an edit by anyone else, even the owner', async () => {
    const m = await postMessage(t.app, alice, chatId, 'mine');
    expect((await edit(bob, m.id, 'hacked')).status).toBe(403);
    expect((await edit(owner, m.id, 'hacked')).status).toBe(403);
  });

  it('lets the sender delete, leaving a tombstone in place', async () => {
    const before = await postMessage(t.app, alice, chatId, 'before');
    const m = await postMessage(t.app, alice, chatId, 'regret');
    const res = await del(alice, m.id);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: m.id, deleted: true });
    expect(res.body).not.toHaveProperty('text');
    const history = await request(t.app)
      .get(`/v1/chats/${chatId}/messages`)
      .set(bearer(bob))
      .query({ after: before.id });
    expect(history.body.messages[0]).toMatchObject({ id: m.id, deleted: true });
    expect((await edit(alice, m.id, 'undo')).status).toBe(409);
  });

  it('lets an owner or admin delete others\u2019 messages, not a member', async () => {
    const m = await postMessage(t.app, alice, chatId, 'spam');
    expect((await del(bob, m.id)).status).toBe(403);
    expect((await del(owner, m.id)).status).toBe(200);
  });

  it('answers 404 for a message id from another chat', async () => {
    const other = await createGroup(t.app, bob, [alice]);
    const m = await postMessage(t.app, bob, other, 'elsewhere');
    expect((await edit(bob, m.id, 'x')).status).toBe(404);
    expect((await del(owner, m.id)).status).toBe(404);
  });
});
