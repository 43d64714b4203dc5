import type { Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, createGroup, signUpAll } from '../helpers/app.js';
import { chatButton, DESKTOP, directChat, shot, signIn, T, texts } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Issue 19 in the web client: block and report, privacy, invitations, invite links. */
describe('the web client keeps people safe', () => {
  useWebClient();

  const menuItem = async (page: Page, name: string) => {
    const menu = page.locator('#chat-menu');
    if ((await menu.getAttribute('open')) === null) await menu.locator('summary').click();
    return menu.getByRole('button', { name, exact: true });
  };

  it('blocks, reports with a block, and unblocks from the chat menu', { timeout: 120_000 }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await directChat(srv.url, ann, bob);
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, bob.userName).click();

    await (await menuItem(a.page, 'Block')).click();
    await (await menuItem(a.page, 'Unblock')).waitFor(T);
    const refused = await request(srv.url)
      .post(`/v1/chats/${chatId}/messages`)
      .set(bearer(bob))
      .send({ clientMsgId: 'blocked-1', text: 'hey' });
    expect(refused.status).toBe(403);
    await (await menuItem(a.page, 'Unblock')).click();

    await (await menuItem(a.page, 'Report')).click();
    await a.page.getByLabel('What is wrong?').fill('spam links');
    await a.page.getByLabel('Also block').check();
    await a.page.getByRole('button', { name: 'Send report' }).click();
    await texts(a.page.locator('#chat-menu .error'), ['Reported. Thank you.']);
    await (await menuItem(a.page, 'Unblock')).waitFor(T);
    await shot(a.page, 'safety-reported');
    const blocks = await request(srv.url).get('/v1/users/me/blocks').set(bearer(ann));
    expect(blocks.body.blocks.map((b: { userId: string }) => b.userId)).toEqual([bob.id]);
    await a.ctx.close();
  });

  it('saves privacy settings, and turns a group add into an invitation to accept', {
    timeout: 120_000,
  }, async () => {
    const [ann, cat] = await signUpAll(srv.url, 'ann', 'cat');
    const c = await signIn(browser, srv.url, cat, DESKTOP);
    await c.page.getByText('Privacy', { exact: true }).click();
    await c.page.getByLabel('Who may add me to groups').selectOption('nobody');
    await texts(c.page.locator('#privacy-status'), ['Saved.']);
    await c.page.getByLabel('Send read receipts').uncheck();
    await c.page.getByLabel('Who sees my last seen').selectOption('chats');
    await expect
      .poll(async () => (await request(srv.url).get('/v1/users/me').set(bearer(cat))).body, T)
      .toMatchObject({ groupAdd: 'nobody', readReceipts: false, lastSeen: 'chats' });
    await shot(c.page, 'privacy');

    await createGroup(srv.url, ann, [cat], { name: 'Book club' });
    await texts(c.page.locator('#invitations li span'), ['Join “Book club”']);
    await shot(c.page, 'invitation');
    await c.page.locator('#invitations').getByRole('button', { name: 'Accept' }).click();
    await chatButton(c.page, 'Book club').waitFor(T);
    await expect.poll(() => c.page.locator('#invitations').isHidden(), T).toBe(true);
    await c.ctx.close();
  });

  it('lets an admin make, copy and revoke invite links, and others join by one', {
    timeout: 120_000,
  }, async () => {
    const [ann, dan] = await signUpAll(srv.url, 'ann', 'dan');
    await createGroup(srv.url, ann, [], { name: 'Hikers' });
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, 'Hikers').click();
    await (await menuItem(a.page, 'Invite links')).click();
    await a.page.getByRole('button', { name: 'Create link' }).click();
    const link = a.page.locator('#chat-menu .invite-url');
    await expect.poll(() => link.count(), T).toBe(1);
    const code = (await link.inputValue()).match(/[A-Za-z0-9_-]{24}$/)?.[0];
    expect(code).toBeDefined();
    await shot(a.page, 'invite-links');

    const ctx = await browser.newContext({ viewport: DESKTOP });
    const page = await ctx.newPage();
    await page.goto(`${srv.url}/?invite=${code}`);
    await page.getByLabel('Email').fill(dan.email);
    await page.getByLabel('Password', { exact: true }).fill(dan.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await texts(page.locator('.invite-card p').first(), ['Join “Hikers”? 1 members.']);
    await page.getByRole('button', { name: 'Join', exact: true }).click();
    await chatButton(page, 'Hikers').waitFor(T);
    await expect.poll(() => page.locator('#conversation h2').textContent(), T).toBe('Hikers');

    await a.page.locator('#chat-menu').getByRole('button', { name: 'Revoke' }).click();
    await expect.poll(() => link.count(), T).toBe(0);
    const gone = await request(srv.url).get(`/v1/invites/${code}`).set(bearer(dan));
    expect(gone.status).toBe(404);
    await ctx.close();
    await a.ctx.close();
  });

  it('lets an admin require approval, then approve one join request and deny another', {
    timeout: 120_000,
  }, async () => {
    const [ann, eve, fay] = await signUpAll(srv.url, 'ann', 'eve', 'fay');
    const chatId = await createGroup(srv.url, ann, [], { name: 'Climbers' });
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, 'Climbers').click();
    await (await menuItem(a.page, 'Invite links')).click();
    await a.page.getByLabel('Admins approve new members').check();
    await expect
      .poll(
        async () => (await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(ann))).body.approveMembers,
        T,
      )
      .toBe(true);
    const link = await request(srv.url).post(`/v1/chats/${chatId}/invites`).set(bearer(ann)).send({});
    for (const u of [eve, fay])
      expect((await request(srv.url).post(`/v1/invites/${link.body.code}/join`).set(bearer(u))).body).toEqual(
        {
          requested: true,
        },
      );

    const requests = a.page.getByRole('list', { name: 'Join requests' });
    await expect.poll(() => requests.getByRole('listitem').count(), T).toBe(2);
    await shot(a.page, 'join-requests');
    await requests
      .getByRole('listitem')
      .filter({ hasText: eve.userName })
      .getByRole('button', { name: 'Approve' })
      .click();
    await requests
      .getByRole('listitem')
      .filter({ hasText: fay.userName })
      .getByRole('button', { name: 'Deny' })
      .click();
    await expect.poll(() => requests.getByRole('listitem').count(), T).toBe(0);
    const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(ann));
    expect(chat.body.members.map((m: { userId: string }) => m.userId).sort()).toEqual(
      [ann.id, eve.id].sort(),
    );
    await a.ctx.close();
  });
});
