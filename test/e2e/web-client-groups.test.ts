import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, createGroup, signUpAll } from '../helpers/app.js';
import { chatButton, DESKTOP, PHONE, shot, signIn, T, textOf } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Group management through the UI, three people watching live. */
describe('the web client group info panel', () => {
  useWebClient();

  it('creates a group, renames it, adds, promotes and removes a member, and the others see each step live', {
    timeout: 150_000,
  }, async () => {
    const [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    const b = await signIn(browser, srv.url, bob, PHONE);
    const c = await signIn(browser, srv.url, cat, DESKTOP);

    await a.page.getByText('New group').click();
    await a.page.getByLabel('Group name').fill('Climbing');
    await a.page.getByLabel('Members').fill(bob.userName);
    await a.page.getByRole('button', { name: 'Create group' }).click();
    await chatButton(b.page, 'Climbing').waitFor(T);

    await a.page.getByRole('button', { name: 'Group info' }).click();
    const info = a.page.locator('#info');
    await info.getByLabel('Name').fill('Climbing crew');
    await info.getByRole('button', { name: 'Rename' }).click();
    await chatButton(b.page, 'Climbing crew').waitFor(T);

    await chatButton(b.page, 'Climbing crew').click();
    await b.page.getByRole('button', { name: 'Group info' }).click();
    const bobInfo = b.page.locator('#info');
    await textOf(bobInfo.locator('h3'), '2 members');

    await info.getByLabel('Add member').fill(cat.userName.slice(0, 6));
    await info.getByRole('button', { name: `Add ${cat.userName}` }).click();
    await chatButton(c.page, 'Climbing crew').waitFor(T);
    await textOf(bobInfo.locator('h3'), '3 members');

    await info.getByRole('button', { name: `Make ${bob.userName} admin` }).click();
    await textOf(bobInfo.locator(`li[data-user="${bob.id}"] .role`), 'Admin');
    await shot(b.page, 'groups-bob-promoted-phone');

    await info.getByRole('button', { name: `Remove ${cat.userName}` }).click();
    await chatButton(c.page, 'Climbing crew').waitFor({ state: 'detached', ...T });
    await textOf(bobInfo.locator('h3'), '2 members');
    await textOf(info.locator('h3'), '2 members');
    await shot(a.page, 'groups-ann-panel');
    expect(await info.locator(`li[data-user="${cat.id}"]`).count()).toBe(0);
    for (const p of [a, b, c]) await p.ctx.close();
  });

  // Seen once in CI under load: a member's list kept a group's old name after a rename, because
  // the reload started by member_added was answered after the one started by chat_updated.
  it('keeps the newer of two overlapping reloads of a chat when the older answer lands last', {
    timeout: 60_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const b = await signIn(browser, srv.url, bob, DESKTOP);
    let held = false;
    let release = () => {};
    const released = new Promise<void>((r) => {
      release = r;
    });
    let landed = () => {};
    const stale = new Promise<void>((r) => {
      landed = r;
    });
    // The first GET of the chat is answered as of its request, but only once released.
    await b.page.route(/\/v1\/chats\/[^/?]+(\?.*)?$/, async (route) => {
      if (route.request().method() !== 'GET' || held) return route.continue();
      held = true;
      const response = await route.fetch();
      await released;
      await route.fulfill({ response });
      landed();
    });
    const chatId = await createGroup(srv.url, ann, [bob], { name: 'Climbing' });
    await expect.poll(() => held, T).toBe(true);
    const renamed = await request(srv.url)
      .patch(`/v1/chats/${chatId}`)
      .set(bearer(ann))
      .send({ name: 'Climbing crew' });
    expect(renamed.status).toBe(200);
    await chatButton(b.page, 'Climbing crew').waitFor(T);
    release();
    await stale;
    await new Promise((r) => setTimeout(r, 500)); // the page has had the old answer
    expect(await chatButton(b.page, 'Climbing').locator('.name').textContent()).toBe('Climbing crew');
    await b.ctx.close();
  });
});
