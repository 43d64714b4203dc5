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

// Names and texts are shown to other people: nothing in them may hide, reorder or fake what is shown.
const bad: [string, string][] = [
  ['NUL', 'a\u0000b'],
  ['a C0 control', 'a\u0007b'],
  ['escape (terminal sequences)', 'a\u001b[31mb'],
  ['DEL', 'a\u007fb'],
  ['a C1 control', 'a\u0085b'],
  ['C1 CSI', 'a\u009bb'],
  ['left-to-right embedding', 'a\u202Ab'],
  ['right-to-left override', 'evil\u202Etxt.exe'],
  ['pop directional formatting', 'a\u202Cb'],
  ['left-to-right isolate', 'a\u2066b'],
  ['pop directional isolate', 'a\u2069b'],
  ['a lone high surrogate', 'a\uD800b'],
  ['a lone low surrogate', 'a\uDC00b'],
  ['zero-width spaces only', '\u200B\u200B'],
  ['a zero-width joiner and BOM only', '\u200D\uFEFF'],
  ['word joiner and spaces only', ' \u2060 '],
  ['Hangul filler only', '\u3164'],
];

const good: [string, string, string][] = [
  ['emoji with a zero-width joiner', '👩\u200D💻', '👩\u200D💻'],
  ['right-to-left script', 'שלום עולם', 'שלום עולם'],
  ['decomposed é, composed (NFC)', 'Cafe\u0301', 'Caf\u00E9'],
];

describe('text normalization', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let group: string;
  beforeAll(async () => {
    t = await createTestApp();
    [ann, bob] = await signUpAll(t.app, 'ann', 'bob');
    group = await createGroup(t.app, ann, [bob]);
  });
  afterAll(() => t.close());

  const expectRefused = (res: request.Response, field: string) => {
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    expect(res.body.error.details).toContainEqual(expect.objectContaining({ path: field }));
  };

  describe.each(bad)('refuses %s', (_label, value) => {
    it('in a displayName', async () => {
      expectRefused(
        await request(t.app).patch('/v1/users/me').set(bearer(ann)).send({ displayName: value }),
        'displayName',
      );
    });

    it('in a new group name', async () => {
      expectRefused(
        await request(t.app).post('/v1/chats').set(bearer(ann)).send({ type: 'group', name: value }),
        'name',
      );
    });

    it('in a group rename', async () => {
      expectRefused(
        await request(t.app).patch(`/v1/chats/${group}`).set(bearer(ann)).send({ name: value }),
        'name',
      );
    });

    it('in a message text', async () => {
      expectRefused(
        await request(t.app)
          .post(`/v1/chats/${group}/messages`)
          .set(bearer(ann))
          .send({ clientMsgId: 'bad-text', text: value }),
        'text',
      );
    });

    it('in an edited message text', async () => {
      const m = await postMessage(t.app, ann, group, 'fine');
      expectRefused(
        await request(t.app)
          .patch(`/v1/chats/${group}/messages/${m.id}`)
          .set(bearer(ann))
          .send({ text: value }),
        'text',
      );
    });
  });

  describe.each(good)('accepts %s', (_label, value, stored) => {
    it('as a displayName, stored NFC', async () => {
      const res = await request(t.app).patch('/v1/users/me').set(bearer(bob)).send({ displayName: value });
      expect(res.status).toBe(200);
      expect(res.body.displayName).toBe(stored);
    });

    it('as a message text, stored NFC', async () => {
      const m = await postMessage(t.app, bob, group, value);
      expect(m.text).toBe(stored);
    });
  });

  it('keeps tab, newline and carriage return in a message text', async () => {
    const m = await postMessage(t.app, ann, group, 'one\ttwo\r\nthree');
    expect(m.text).toBe('one\ttwo\r\nthree');
  });

  it('refuses a line break in a displayName or group name', async () => {
    expectRefused(
      await request(t.app).patch('/v1/users/me').set(bearer(ann)).send({ displayName: 'a\nb' }),
      'displayName',
    );
    expectRefused(
      await request(t.app).patch(`/v1/chats/${group}`).set(bearer(ann)).send({ name: 'a\tb' }),
      'name',
    );
  });

  describe('a displayName imitating someone', () => {
    it("is refused when it is another user's userName, in any case", async () => {
      const res = await request(t.app)
        .patch('/v1/users/me')
        .set(bearer(ann))
        .send({ displayName: bob.userName.toUpperCase() });
      expectRefused(res, 'displayName');
    });

    it("is refused when it is '@' and another user's userName", async () => {
      const res = await request(t.app)
        .patch('/v1/users/me')
        .set(bearer(ann))
        .send({ displayName: `@${bob.userName}` });
      expectRefused(res, 'displayName');
    });

    it('is allowed when it is my own userName', async () => {
      const res = await request(t.app)
        .patch('/v1/users/me')
        .set(bearer(ann))
        .send({ displayName: `@${ann.userName}` });
      expect(res.status).toBe(200);
    });
  });
});
