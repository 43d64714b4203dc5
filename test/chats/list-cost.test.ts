import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bearer, createTestApp, signUpAll, type TestApp, type TestUser } from '../helpers/app.js';
import { onDynamoRequest } from '../helpers/dynamo-requests.js';

interface ListedChat {
  id: string;
  name: string;
  lastActivityAt: string;
  lastMessage: { id: string; text?: string; deleted?: true } | null;
  unreadCount: number;
  members: { userId: string }[];
}

describe('GET /v1/chats costs a constant number of DynamoDB requests', () => {
  let t: TestApp;
  let me: TestUser;
  let friend: TestUser;
  let few: TestUser;
  const mine: string[] = [];
  const commands: string[] = [];
  let counting = false;

  const group = async (owner: TestUser, member: TestUser, name: string) =>
    (
      await t.services.chats.create(owner.id, {
        type: 'group',
        name,
        memberIds: [member.id],
        addPolicy: 'admins',
      })
    ).chat.id;
  let sent = 0;
  const send = async (u: TestUser, chatId: string, text: string) => {
    const { message } = await t.services.messages.send(u.id, chatId, `cost-${++sent}`, text);
    await new Promise((r) => setTimeout(r, 3)); // distinct createdAt per message
    return message;
  };
  const list = (u: TestUser, query: object = {}) =>
    request(t.app)
      .get('/v1/chats')
      .set(bearer(u))
      .query({ limit: 20, ...query });
  /** The requests one list call makes (after this instance's activity is flushed). */
  const costOf = async (u: TestUser, query: object = {}) => {
    await list(u, query); // flushes pending activity, if any
    commands.length = 0;
    counting = true;
    const res = await list(u, query);
    counting = false;
    expect(res.status).toBe(200);
    return { res, commands: [...commands] };
  };

  beforeAll(async () => {
    t = await createTestApp();
    [me, friend, few] = await signUpAll(t.app, 'me', 'friend', 'few');
    onDynamoRequest(t.db, (operation) => {
      if (counting) commands.push(operation);
    });
    for (let i = 0; i < 60; i += 10) {
      const ids = await Promise.all(
        Array.from({ length: 10 }, (_, j) => group(friend, me, `g${String(i + j).padStart(2, '0')}`)),
      );
      mine.push(...ids);
    }
    await Promise.all(Array.from({ length: 10 }, (_, j) => group(friend, few, `f${j}`)));
  }, 120_000);
  afterAll(() => t.close());

  it('makes at most 6 requests for a page, the same for 60 chats as for 10', async () => {
    const many = await costOf(me);
    const some = await costOf(few);
    console.log(`list cost: 60 chats → ${many.commands.join(', ')}; 10 chats → ${some.commands.join(', ')}`);
    expect(many.res.body.chats).toHaveLength(20);
    expect(some.res.body.chats).toHaveLength(10);
    expect(many.commands.length).toBeGreaterThan(0); // the counting sees every path
    expect(many.commands.length).toBeLessThanOrEqual(6);
    expect(Math.abs(many.commands.length - some.commands.length)).toBeLessThanOrEqual(1);
    const next = await costOf(me, { cursor: many.res.body.nextCursor });
    expect(next.commands.length).toBe(many.commands.length);
  });

  it('orders by latest activity and pages over every chat once', async () => {
    const [a, b, c] = [mine[7], mine[23], mine[51]] as [string, string, string];
    await send(friend, a, 'a1');
    await send(me, b, 'b1');
    await send(friend, c, 'c1');
    const seen: ListedChat[] = [];
    let cursor: string | undefined;
    do {
      const res = await list(me, cursor ? { cursor } : {});
      expect(res.status).toBe(200);
      seen.push(...res.body.chats);
      cursor = res.body.nextCursor ?? undefined;
    } while (cursor);
    expect(seen.map((x) => x.id).sort()).toEqual([...mine].sort());
    expect(seen.slice(0, 3).map((x) => x.id)).toEqual([c, b, a]);
    const times = seen.map((x) => x.lastActivityAt);
    expect(times).toEqual([...times].sort().reverse());
    expect(seen[0]?.lastMessage?.text).toBe('c1');
    expect(seen[3]?.lastMessage).toBeNull();
  });

  it('counts unread messages from others only, and none after a read', async () => {
    const chatId = mine[33] as string;
    const unread = async (u: TestUser) =>
      ((await list(u)).body.chats as ListedChat[]).find((x) => x.id === chatId)?.unreadCount;
    const f1 = await send(friend, chatId, 'f1');
    await send(friend, chatId, 'f2');
    await send(me, chatId, 'mine');
    const f3 = await send(friend, chatId, 'f3');
    expect(await unread(me)).toBe(3);
    expect(await unread(friend)).toBe(1);

    await request(t.app)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(me))
      .send({ messageId: f1.id })
      .expect(200);
    expect(await unread(me)).toBe(2); // f2 and f3; my own message in between does not count

    await request(t.app)
      .post(`/v1/chats/${chatId}/read`)
      .set(bearer(me))
      .send({ messageId: f3.id })
      .expect(200);
    expect(await unread(me)).toBe(0);
    await send(me, chatId, 'mine again');
    expect(await unread(me)).toBe(0);
    await send(friend, chatId, 'f4');
    expect(await unread(me)).toBe(1);

    const single = await request(t.app).get(`/v1/chats/${chatId}`).set(bearer(me));
    expect(single.body).toMatchObject({ id: chatId, unreadCount: 1, lastMessage: { text: 'f4' } });
    expect(single.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [me.id, friend.id].sort(),
    );
  });

  it('shows the last message as edited or deleted since', async () => {
    const chatId = mine[12] as string;
    const m = await send(friend, chatId, 'before');
    const top = async () => ((await list(me)).body.chats as ListedChat[])[0];
    await request(t.app)
      .patch(`/v1/chats/${chatId}/messages/${m.id}`)
      .set(bearer(friend))
      .send({ text: 'after' })
      .expect(200);
    expect((await top())?.lastMessage).toMatchObject({ id: m.id, text: 'after' });
    await request(t.app).delete(`/v1/chats/${chatId}/messages/${m.id}`).set(bearer(friend)).expect(200);
    expect((await top())?.lastMessage).toMatchObject({ id: m.id, deleted: true });
  });

  it('adds a chat to a new member’s list at once, and drops it when they leave', async () => {
    const chatId = mine[40] as string;
    await request(t.app)
      .post(`/v1/chats/${chatId}/members`)
      .set(bearer(friend))
      .send({ userId: few.id })
      .expect(201);
    const ids = async () => ((await list(few, { limit: 50 })).body.chats as ListedChat[]).map((x) => x.id);
    expect(await ids()).toContain(chatId);
    await request(t.app).delete(`/v1/chats/${chatId}/members/${few.id}`).set(bearer(few)).expect(204);
    expect(await ids()).not.toContain(chatId);
  });

  it('costs the same with last messages and unread counts on the page', async () => {
    const { res, commands: used } = await costOf(me);
    console.log(`list cost with messages: ${used.join(', ')}`);
    expect((res.body.chats as ListedChat[]).filter((x) => x.lastMessage).length).toBeGreaterThanOrEqual(5);
    expect(used.length).toBeLessThanOrEqual(6);
  });
});
