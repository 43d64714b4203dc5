import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createGroup, signUpAll, type TestUser } from '../helpers/app.js';
import { firstToken, wsSync } from '../helpers/feed.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestSocket } from '../helpers/ws.js';

describe('invitations on the invitee\u2019s devices', () => {
  let srv: TestServer;
  let ann: TestUser;
  let bob: TestUser;
  beforeAll(async () => {
    srv = await startTestServer();
    [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    await request(srv.url).patch('/v1/users/me').set(bearer(ann)).send({ groupAdd: 'nobody' }).expect(200);
  });
  afterAll(() => srv.close());

  it('reach every device live and on sync, and an answer on one reaches the others', async () => {
    const since = await firstToken(srv.url, ann);
    const [phone, laptop, bobSocket] = await Promise.all([
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, ann.accessToken),
      TestSocket.ready(srv.wsUrl, bob.accessToken),
    ]);
    const group = await createGroup(srv.url, bob, []);
    const add = await request(srv.url)
      .post(`/v1/chats/${group}/members`)
      .set(bearer(bob))
      .send({ userId: ann.id });
    expect(add.status).toBe(202);
    const { invitation } = add.body;
    for (const s of [phone, laptop])
      expect(await s.next('invitation_added')).toEqual({ type: 'invitation_added', invitation });
    // Nothing of it reaches the group: Ann is not in it yet.
    expect(bobSocket.of('member_added').filter((f) => f.userId === ann.id)).toEqual([]);

    await request(srv.url)
      .post(`/v1/users/me/invitations/${invitation.id}/accept`)
      .set(bearer(ann))
      .expect(200);
    expect(await laptop.next('invitation_removed')).toEqual({
      type: 'invitation_removed',
      invitationId: invitation.id,
    });
    await laptop.next('member_added', (f) => f.chatId === group && f.userId === ann.id);
    await bobSocket.next('member_added', (f) => f.chatId === group && f.userId === ann.id);

    const { replay } = await wsSync(srv.wsUrl, ann, since);
    expect(replay.map((f) => f.type)).toEqual(
      expect.arrayContaining(['invitation_added', 'invitation_removed', 'member_added']),
    );
    for (const s of [phone, laptop, bobSocket]) s.close();
  });
});
