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

describe('GET /v1/users/me/export', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let chatId: string;
  beforeAll(async () => {
    t = await createTestApp({ limits: { pageMaxSize: 3 } });
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
    chatId = await createGroup(t.app, ann, [bob], { name: 'Plans' });
  });
  afterAll(() => t.close());

  const exportOf = async (u: TestUser) => {
    const res = await request(t.app).get('/v1/users/me/export').set(bearer(u));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    return { res, doc: JSON.parse(res.text) };
  };

  it('holds my profile with my email, and my chats with their names and my role', async () => {
    const { doc } = await exportOf(ann);
    expect(doc.profile).toMatchObject({ id: ann.id, userName: ann.userName, email: ann.email });
    expect(doc.privacy).toEqual({
      lastSeen: 'everyone',
      readReceipts: true,
      groupAdd: 'everyone',
      blocked: [],
    });
    expect(doc.chats).toContainEqual(
      expect.objectContaining({ id: chatId, type: 'group', name: 'Plans', role: 'owner' }),
    );
  });

  it('holds every message I sent, across many pages of history, and none of theirs', async () => {
    const mine = [];
    for (let i = 0; i < 7; i++) {
      mine.push(await postMessage(t.app, ann, chatId, `mine ${i}`));
      await postMessage(t.app, bob, chatId, `theirs ${i}`);
    }
    const { doc } = await exportOf(ann);
    const texts = doc.messages.map((m: { text: string }) => m.text);
    for (const m of mine) expect(texts).toContain(m.text);
    expect(texts.some((x: string) => x.startsWith('theirs'))).toBe(false);
    expect(doc.messages.every((m: { chatId: string }) => m.chatId === chatId)).toBe(true);
  });

  it("leaves out other users' private data", async () => {
    const { res } = await exportOf(ann);
    expect(res.text).not.toContain(bob.email);
    expect(res.text).not.toContain('$2b$');
  });

  it('is streamed, not buffered', async () => {
    const { res } = await exportOf(ann);
    expect(res.headers['transfer-encoding']).toBe('chunked');
    expect(res.headers['content-disposition']).toMatch(/attachment/);
  });
});
