import { PutCommand } from '@aws-sdk/lib-dynamodb';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createGroup,
  createTestApp,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

describe('consent before being added to a group', () => {
  let t: TestApp;
  let ann: TestUser;
  let bob: TestUser;
  let carol: TestUser;
  beforeAll(async () => {
    t = await createTestApp();
    [ann, bob, carol] = await signUpAll(t.app, 'ann', 'bob', 'carol');
    await request(t.app).patch('/v1/users/me').set(bearer(ann)).send({ groupAdd: 'nobody' }).expect(200);
  });
  afterAll(() => t.close());

  const invitations = async (u: TestUser) =>
    (await request(t.app).get('/v1/users/me/invitations').set(bearer(u)).expect(200)).body.invitations;
  const memberIds = async (chatId: string, viewer: TestUser) =>
    (await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(viewer)).expect(200)).body.members.map(
      (m: { userId: string }) => m.userId,
    );

  it('turns an add at creation into an invitation, and accepting it joins the group', async () => {
    const res = await request(t.app)
      .post('/v1/chats')
      .set(bearer(bob))
      .send({ type: 'group', name: 'Book club', memberIds: [ann.id, carol.id] })
      .expect(201);
    expect(res.body.invited).toEqual([ann.id]);
    expect(res.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [bob.id, carol.id].sort(),
    );
    const [inv] = await invitations(ann);
    expect(inv).toEqual({
      id: expect.any(String),
      chatId: res.body.id,
      chatName: 'Book club',
      invitedBy: bob.id,
      expiresAt: expect.any(String),
    });
    const days = (Date.parse(inv.expiresAt) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(2.99);
    expect(days).toBeLessThanOrEqual(3);
    expect((await request(t.app).get(`/v1/chats/${res.body.id}`).set(bearer(ann))).status).toBe(404);

    const accepted = await request(t.app)
      .post(`/v1/users/me/invitations/${inv.id}/accept`)
      .set(bearer(ann))
      .expect(200);
    expect(accepted.body.id).toBe(res.body.id);
    expect(await memberIds(res.body.id, bob)).toContain(ann.id);
    expect(await invitations(ann)).toEqual([]);
    expect(
      (await request(t.app).post(`/v1/users/me/invitations/${inv.id}/accept`).set(bearer(ann))).status,
    ).toBe(404);
  });

  it('turns a later add into an invitation (202), and declining it joins nothing', async () => {
    const group = await createGroup(t.app, carol, []);
    const add = await request(t.app)
      .post(`/v1/chats/${group}/members`)
      .set(bearer(carol))
      .send({ userId: ann.id });
    expect(add.status).toBe(202);
    expect(add.body.invitation).toMatchObject({ chatId: group, invitedBy: carol.id, chatName: 'Team' });
    expect(await memberIds(group, carol)).toEqual([carol.id]);
    await request(t.app)
      .post(`/v1/users/me/invitations/${add.body.invitation.id}/decline`)
      .set(bearer(ann))
      .expect(204);
    expect(await invitations(ann)).toEqual([]);
    expect(await memberIds(group, carol)).toEqual([carol.id]);
    expect((await request(t.app).get(`/v1/chats/${group}`).set(bearer(ann))).status).toBe(404);
  });

  it('lets nobody accept or decline an invitation that is not theirs, and forgets expired ones', async () => {
    const group = await createGroup(t.app, carol, []);
    const add = await request(t.app)
      .post(`/v1/chats/${group}/members`)
      .set(bearer(carol))
      .send({ userId: ann.id });
    const id = add.body.invitation.id;
    expect((await request(t.app).post(`/v1/users/me/invitations/${id}/accept`).set(bearer(bob))).status).toBe(
      404,
    );
    expect(
      (await request(t.app).post('/v1/users/me/invitations/nonsense/accept').set(bearer(ann))).status,
    ).toBe(404);

    // An invitation past its expiry that TTL has not deleted yet is neither listed nor accepted.
    const old = await createGroup(t.app, carol, []);
    const past = new Date(Date.now() - 60_000).toISOString();
    const stale = { id: '01ARZ3NDEKTSV4RRFFQ69G5FAV', chatId: old, chatName: 'Old', invitedBy: carol.id };
    await t.db.doc.send(
      new PutCommand({
        TableName: t.db.tables.safety,
        Item: { pk: `user#${ann.id}`, sk: `inv#${old}`, ...stale, expiresAt: 1, expiresAtIso: past },
      }),
    );
    expect((await invitations(ann)).map((i: { id: string }) => i.id)).toEqual([id]);
    expect(
      (await request(t.app).post(`/v1/users/me/invitations/${stale.id}/accept`).set(bearer(ann))).status,
    ).toBe(404);
    expect(await memberIds(old, carol)).toEqual([carol.id]);
  });

  it('adds directly again once groupAdd is everyone', async () => {
    await request(t.app).patch('/v1/users/me').set(bearer(ann)).send({ groupAdd: 'everyone' }).expect(200);
    const group = await createGroup(t.app, bob, [ann]);
    expect(await memberIds(group, bob)).toContain(ann.id);
    await request(t.app).patch('/v1/users/me').set(bearer(ann)).send({ groupAdd: 'nobody' }).expect(200);
  });
});
