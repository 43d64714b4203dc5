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

describe('a non-member', () => {
  let t: TestApp;
  let owner: TestUser;
  let stranger: TestUser;
  let chatId: string;
  let messageId: string;
  beforeAll(async () => {
    t = await createTestApp();
    [owner, stranger] = await signUpAll(t.app, 'own', 'str');
    chatId = await createGroup(t.app, owner, [], { addPolicy: 'anyone' });
    messageId = (await postMessage(t.app, owner, chatId, 'secret')).id;
  });
  afterAll(() => t.close());

  const routes = () =>
    [
      ['GET', `/v1/chats/${chatId}`, undefined],
      ['PATCH', `/v1/chats/${chatId}`, { name: 'x' }],
      ['POST', `/v1/chats/${chatId}/members`, { userId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
      ['DELETE', `/v1/chats/${chatId}/members/${'01ARZ3NDEKTSV4RRFFQ69G5FAV'}`, undefined],
      ['PATCH', `/v1/chats/${chatId}/members/${'01ARZ3NDEKTSV4RRFFQ69G5FAV'}`, { role: 'admin' }],
      ['POST', `/v1/chats/${chatId}/read`, { messageId: '01ARZ3NDEKTSV4RRFFQ69G5FAV' }],
      ['GET', `/v1/chats/${chatId}/messages`, undefined],
      ['POST', `/v1/chats/${chatId}/messages`, { clientMsgId: 'x1', text: 'hi' }],
      ['GET', `/v1/chats/${chatId}/messages/MID`, undefined],
      ['PATCH', `/v1/chats/${chatId}/messages/MID`, { text: 'edited' }],
      ['DELETE', `/v1/chats/${chatId}/messages/MID`, undefined],
    ] as const;

  it('gets 404 with no chat data on every chat route', async () => {
    for (const [method, rawPath, body] of routes()) {
      const path = rawPath.replace('MID', messageId);
      let req = request(t.app)[method.toLowerCase() as 'get'](path).set(bearer(stranger));
      if (body) req = req.send(body);
      const res = await req;
      expect({ method, path, status: res.status }).toEqual({ method, path, status: 404 });
      expect(JSON.stringify(res.body)).not.toContain('secret');
      expect(res.body.error.code).toBe('not_found');
    }
  });

  it('gets the same 404 for a chat that does not exist', async () => {
    const res = await request(t.app).get('/v1/chats/g_01ARZ3NDEKTSV4RRFFQ69G5FAV').set(bearer(stranger));
    const real = await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(stranger));
    expect(res.status).toBe(404);
    expect(res.body).toEqual(real.body);
  });

  it('does not see the chat in its list, and nothing was changed', async () => {
    const list = await request(t.app).get('/v1/chats').set(bearer(stranger));
    expect(list.body.chats).toEqual([]);
    const chat = await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(owner));
    expect(chat.body.name).toBe('Team');
    expect(chat.body.members).toHaveLength(1);
    expect(chat.body.lastMessage.text).toBe('secret');
  });
});
