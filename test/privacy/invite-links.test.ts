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

describe('invite links', () => {
  let t: TestApp;
  let owner: TestUser;
  let member: TestUser;
  let guest: TestUser;
  let group: string;
  beforeAll(async () => {
    // Low enough to reach in a test: 8 lookups, then one more every 60 / 8 s.
    t = await createTestApp({ limits: { inviteLookupsPerUser: { capacity: 8, windowSeconds: 60 } } });
    [owner, member, guest] = await signUpAll(t.app, 'own', 'mem', 'guest');
    group = await createGroup(t.app, owner, [member]);
  });
  afterAll(() => t.close());

  const createLink = (u: TestUser, body: object = {}) =>
    request(t.app).post(`/v1/chats/${group}/invites`).set(bearer(u)).send(body);
  const memberIds = async () =>
    (await request(t.app).get(`/v1/chats/${group}`).set(bearer(owner)).expect(200)).body.members.map(
      (m: { userId: string }) => m.userId,
    );

  it('lets admins create links with 128-bit+ codes that anyone signed in previews (name and size only) and joins', async () => {
    const link = await createLink(owner, { expiresInSeconds: 3600 }).expect(201);
    expect(link.body).toEqual({
      code: expect.any(String),
      url: expect.any(String),
      expiresAt: expect.any(String),
    });
    expect(Buffer.from(link.body.code, 'base64url').length).toBeGreaterThanOrEqual(16);
    expect(link.body.url.endsWith(`/invite/${link.body.code}`)).toBe(true);
    expect((await createLink(member)).status).toBe(403);
    expect((await createLink(guest)).status).toBe(404);

    const preview = await request(t.app).get(`/v1/invites/${link.body.code}`).set(bearer(guest)).expect(200);
    expect(preview.body).toEqual({ name: 'Team', memberCount: 2, approveMembers: false });
    expect(preview.text).not.toContain(owner.id);

    const joined = await request(t.app)
      .post(`/v1/invites/${link.body.code}/join`)
      .set(bearer(guest))
      .expect(200);
    expect(joined.body.id).toBe(group);
    expect(await memberIds()).toContain(guest.id);
    // Joining again changes nothing.
    await request(t.app).post(`/v1/invites/${link.body.code}/join`).set(bearer(guest)).expect(200);
    await request(t.app).delete(`/v1/chats/${group}/members/${guest.id}`).set(bearer(guest)).expect(204);
  });

  it('lists links to admins, and a revoked link answers 404', async () => {
    const { code } = (await createLink(owner).expect(201)).body;
    const list = await request(t.app).get(`/v1/chats/${group}/invites`).set(bearer(owner)).expect(200);
    expect(list.body.invites.map((i: { code: string }) => i.code)).toContain(code);
    expect((await request(t.app).get(`/v1/chats/${group}/invites`).set(bearer(member))).status).toBe(403);
    expect(
      (await request(t.app).delete(`/v1/chats/${group}/invites/${code}`).set(bearer(member))).status,
    ).toBe(403);
    await request(t.app).delete(`/v1/chats/${group}/invites/${code}`).set(bearer(owner)).expect(204);
    expect((await request(t.app).get(`/v1/invites/${code}`).set(bearer(guest))).status).toBe(404);
    expect((await request(t.app).post(`/v1/invites/${code}/join`).set(bearer(guest))).status).toBe(404);
    expect(
      (await request(t.app).delete(`/v1/chats/${group}/invites/${code}`).set(bearer(owner))).status,
    ).toBe(404);
    const after = await request(t.app).get(`/v1/chats/${group}/invites`).set(bearer(owner)).expect(200);
    expect(after.body.invites.map((i: { code: string }) => i.code)).not.toContain(code);
  });

  it('turns joins into requests that admins approve or deny when the group approves new members', async () => {
    await request(t.app)
      .patch(`/v1/chats/${group}`)
      .set(bearer(owner))
      .send({ approveMembers: true })
      .expect(200);
    const { code } = (await createLink(owner).expect(201)).body;
    const [asker, other] = await signUpAll(t.app, 'asker', 'other');
    for (const u of [asker, other]) {
      const res = await request(t.app).post(`/v1/invites/${code}/join`).set(bearer(u)).expect(202);
      expect(res.body).toEqual({ requested: true });
    }
    expect(await memberIds()).not.toContain(asker.id);
    const requests = await request(t.app)
      .get(`/v1/chats/${group}/join-requests`)
      .set(bearer(owner))
      .expect(200);
    expect(requests.body.requests.map((r: { userId: string }) => r.userId).sort()).toEqual(
      [asker.id, other.id].sort(),
    );
    expect((await request(t.app).get(`/v1/chats/${group}/join-requests`).set(bearer(member))).status).toBe(
      403,
    );
    expect(
      (await request(t.app).post(`/v1/chats/${group}/join-requests/${asker.id}/approve`).set(bearer(member)))
        .status,
    ).toBe(403);

    await request(t.app)
      .post(`/v1/chats/${group}/join-requests/${asker.id}/approve`)
      .set(bearer(owner))
      .expect(204);
    await request(t.app)
      .post(`/v1/chats/${group}/join-requests/${other.id}/deny`)
      .set(bearer(owner))
      .expect(204);
    const ids = await memberIds();
    expect(ids).toContain(asker.id);
    expect(ids).not.toContain(other.id);
    const left = await request(t.app).get(`/v1/chats/${group}/join-requests`).set(bearer(owner)).expect(200);
    expect(left.body.requests).toEqual([]);
    expect(
      (await request(t.app).post(`/v1/chats/${group}/join-requests/${other.id}/approve`).set(bearer(owner)))
        .status,
    ).toBe(404);
    await request(t.app)
      .patch(`/v1/chats/${group}`)
      .set(bearer(owner))
      .send({ approveMembers: false })
      .expect(200);
  });

  it('limits guessing: past the budget every lookup is 429, found or not', async () => {
    const [guesser] = await signUpAll(t.app, 'guesser');
    const { code } = (await createLink(owner).expect(201)).body;
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const guess = `${'A'.repeat(20)}${String(i).padStart(4, '0')}`;
      statuses.push((await request(t.app).get(`/v1/invites/${guess}`).set(bearer(guesser))).status);
    }
    expect(statuses).toEqual(Array(8).fill(404));
    const real = await request(t.app).get(`/v1/invites/${code}`).set(bearer(guesser));
    expect(real.status).toBe(429);
    expect(real.headers['retry-after']).toBeDefined();
    expect((await request(t.app).post(`/v1/invites/${code}/join`).set(bearer(guesser))).status).toBe(429);
  });
});
