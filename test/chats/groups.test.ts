import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearer,
  createGroup,
  createTestApp,
  signUp,
  signUpAll,
  type TestApp,
  type TestUser,
} from '../helpers/app.js';

describe('groups, members and roles', () => {
  let t: TestApp;
  let owner: TestUser;
  let admin: TestUser;
  let member: TestUser;
  let outsider: TestUser;
  let chatId: string;
  beforeAll(async () => {
    t = await createTestApp({ limits: { groupMaxMembers: 5 } });
    [owner, admin, member, outsider] = await signUpAll(t.app, 'own', 'adm', 'mem', 'out');
    chatId = await createGroup(t.app, owner, [admin, member]);
    await request(t.app)
      .patch(`/v1/chats/${chatId}/members/${admin.id}`)
      .set(bearer(owner))
      .send({ role: 'admin' });
  });
  afterAll(() => t.close());

  const roles = async () => {
    const res = await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(owner));
    return Object.fromEntries(
      res.body.members.map((m: { userId: string; role: string }) => [m.userId, m.role]),
    );
  };
  const addAs = (u: TestUser, userId: string) =>
    request(t.app).post(`/v1/chats/${chatId}/members`).set(bearer(u)).send({ userId });

  it('makes the creator owner and the others members', async () => {
    expect(await roles()).toEqual({ [owner.id]: 'owner', [admin.id]: 'admin', [member.id]: 'member' });
  });

  it('lets owner and admin rename, not a member', async () => {
    expect(
      (await request(t.app).patch(`/v1/chats/${chatId}`).set(bearer(admin)).send({ name: 'Renamed' })).status,
    ).toBe(200);
    const res = await request(t.app).patch(`/v1/chats/${chatId}`).set(bearer(member)).send({ name: 'Nope' });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('forbidden');
  });

  it('lets only the owner decide who may add members', async () => {
    expect(
      (await request(t.app).patch(`/v1/chats/${chatId}`).set(bearer(admin)).send({ addPolicy: 'anyone' }))
        .status,
    ).toBe(403);
    expect(
      (await request(t.app).patch(`/v1/chats/${chatId}`).set(bearer(owner)).send({ addPolicy: 'admins' }))
        .status,
    ).toBe(200);
  });

  it('with addPolicy=admins, refuses a member adding and accepts an admin', async () => {
    expect((await addAs(member, outsider.id)).status).toBe(403);
    const res = await addAs(admin, outsider.id);
    expect(res.status).toBe(201);
    expect(res.body.members.map((m: { userId: string }) => m.userId)).toContain(outsider.id);
    expect((await addAs(admin, outsider.id)).status).toBe(409);
  });

  it('with addPolicy=anyone, lets a member add', async () => {
    await request(t.app).patch(`/v1/chats/${chatId}`).set(bearer(owner)).send({ addPolicy: 'anyone' });
    const extra = await signUp(t.app, 'extra');
    expect((await addAs(member, extra.id)).status).toBe(201);
  });

  it('refuses a member beyond the group cap with 422', async () => {
    const late = await signUp(t.app, 'late');
    const res = await addAs(owner, late.id);
    expect(res.status).toBe(422);
    expect(res.body.error.message).toBe('A group can have at most 5 members');
  });

  it('lets only the owner change roles', async () => {
    expect(
      (
        await request(t.app)
          .patch(`/v1/chats/${chatId}/members/${member.id}`)
          .set(bearer(admin))
          .send({ role: 'admin' })
      ).status,
    ).toBe(403);
    expect(
      (
        await request(t.app)
          .patch(`/v1/chats/${chatId}/members/${member.id}`)
          .set(bearer(owner))
          .send({ role: 'superuser' })
      ).status,
    ).toBe(400);
  });

  it('removes by rank: admin removes a member, not the owner; member removes nobody', async () => {
    expect(
      (await request(t.app).delete(`/v1/chats/${chatId}/members/${owner.id}`).set(bearer(admin))).status,
    ).toBe(403);
    expect(
      (await request(t.app).delete(`/v1/chats/${chatId}/members/${admin.id}`).set(bearer(member))).status,
    ).toBe(403);
    expect(
      (await request(t.app).delete(`/v1/chats/${chatId}/members/${outsider.id}`).set(bearer(admin))).status,
    ).toBe(204);
    expect(await roles()).not.toHaveProperty(outsider.id);
    // The removed user no longer sees the chat.
    expect((await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(outsider))).status).toBe(404);
  });

  it('keeps the owner until ownership is handed over, then lets them leave', async () => {
    const leave = () => request(t.app).delete(`/v1/chats/${chatId}/members/${owner.id}`).set(bearer(owner));
    const blocked = await leave();
    expect(blocked.status).toBe(409);
    expect(blocked.body.error.message).toBe('Make another member owner before leaving');

    const handover = await request(t.app)
      .patch(`/v1/chats/${chatId}/members/${admin.id}`)
      .set(bearer(owner))
      .send({ role: 'owner' });
    expect(handover.status).toBe(200);
    expect((await roles())[owner.id]).toBe('admin');
    expect((await roles())[admin.id]).toBe('owner');
    expect((await leave()).status).toBe(204);
  });

  it('lets a member leave', async () => {
    expect(
      (await request(t.app).delete(`/v1/chats/${chatId}/members/${member.id}`).set(bearer(member))).status,
    ).toBe(204);
    expect((await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(member))).status).toBe(404);
  });
});
