import { mkdirSync } from 'node:fs';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium } from '../helpers/browser.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const T = { timeout: 10_000 };
/** Waits until a locator shows this text (or these texts, one per match). */
const text = (loc: Locator, want: string | RegExp | string[]) =>
  Array.isArray(want)
    ? expect.poll(() => loc.allTextContents(), T).toEqual(want)
    : typeof want === 'string'
      ? expect.poll(async () => (await loc.textContent()) ?? '', T).toBe(want)
      : expect.poll(async () => (await loc.textContent()) ?? '', T).toMatch(want);
const visible = (loc: Locator) => loc.waitFor({ state: 'visible', ...T });
const artifacts = new URL('../../test-artifacts/', import.meta.url).pathname;

/** Two people in two browser contexts (separate storage), through the real UI. */
describe('the web client in Chromium', () => {
  let srv: TestServer;
  let browser: Browser;
  beforeAll(async () => {
    mkdirSync(artifacts, { recursive: true });
    browser = await launchChromium(); // builds dist/web, which the server serves if it exists
    srv = await startTestServer();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  const tag = Math.random().toString(36).slice(2, 7);
  const ann = { email: `ann_${tag}@example.com`, password: 'correct horse 1', userName: `ann_${tag}` };
  const bob = { email: `bob_${tag}@example.com`, password: 'correct horse 2', userName: `bob_${tag}` };

  async function person(
    who: typeof ann,
    mode: 'signup' | 'login',
  ): Promise<{ ctx: BrowserContext; page: Page }> {
    const ctx = await browser.newContext({ viewport: { width: 1000, height: 700 } });
    const page = await ctx.newPage();
    const offsite: string[] = [];
    page.on('request', (r) => {
      if (!r.url().startsWith(srv.url) && !r.url().startsWith(srv.wsUrl)) offsite.push(r.url());
    });
    await page.goto(srv.url);
    if (mode === 'signup') await page.getByRole('button', { name: 'Create an account' }).click();
    await page.getByLabel('Email').fill(who.email);
    await page.getByLabel('Password', { exact: true }).fill(who.password);
    if (mode === 'signup') {
      await page.getByLabel('User name').fill(who.userName);
      await page.getByRole('button', { name: 'Sign up' }).click();
    } else {
      await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    }
    await visible(page.getByRole('button', { name: 'Sign out' }));
    expect(offsite).toEqual([]); // no CDN, no fonts, nothing off this server
    return { ctx, page };
  }

  const bubbles = (page: Page) => page.locator('#messages li.msg:not(.pending) .text');

  it('lets two people chat live with ticks, typing, edits and deletes, and catches up after being offline', {
    timeout: 120_000,
  }, async () => {
    const a = await person(ann, 'signup');
    const b = await person(bob, 'signup');

    // Ann finds Bob and starts a direct chat.
    await a.page.getByLabel('Find people').fill(bob.userName);
    await a.page.getByLabel('Find people').press('Enter');
    await a.page.getByRole('button', { name: `Message ${bob.userName}` }).click();
    await a.page.getByLabel('Message', { exact: true }).fill('hello bob');
    await a.page.getByLabel('Message', { exact: true }).press('Enter');
    // Bob is online: his page confirms delivery (issue 17), so one tick turns to two.
    await text(a.page.locator('li.msg.mine .tick').first(), '✓✓ delivered');

    // Bob sees the chat with an unread badge, opens it; Ann's tick turns to read.
    await text(b.page.locator('#chat-list .badge'), ['1']);
    await b.page.locator('#chat-list button').first().click();
    await text(bubbles(b.page), ['hello bob']);
    await text(a.page.locator('li.msg.mine .tick').first(), '✓✓ read');
    await text(a.page.locator('#presence'), 'online');

    // Typing shows on the other side; the reply arrives live.
    await b.page.getByLabel('Message', { exact: true }).pressSequentially('hi a');
    await text(a.page.locator('#typing'), `${bob.userName} is typing…`);
    await b.page.getByLabel('Message', { exact: true }).fill('hi ann');
    await b.page.getByLabel('Message', { exact: true }).press('Enter');
    await text(bubbles(a.page), ['hello bob', 'hi ann']);
    await a.page.screenshot({ path: `${artifacts}web-ann.png` });
    await b.page.screenshot({ path: `${artifacts}web-bob.png` });

    // Bob goes offline; Ann sends three more; Bob comes back and has everything, in order.
    await b.ctx.close();
    await text(a.page.locator('#presence'), /last seen/);
    for (const text of ['one', 'two', 'three']) {
      await a.page.getByLabel('Message', { exact: true }).fill(text);
      await a.page.getByLabel('Message', { exact: true }).press('Enter');
    }
    await text(a.page.locator('li.msg.mine .tick'), ['✓✓ read', '✓ sent', '✓ sent', '✓ sent']);

    const back = await person(bob, 'login');
    await back.page.locator('body[data-synced]').waitFor(T); // catch-up done: the count must hold
    await text(back.page.locator('#chat-list .badge'), ['3']);
    await back.page.locator('#chat-list button').first().click();
    await text(bubbles(back.page), ['hello bob', 'hi ann', 'one', 'two', 'three']);
    await back.page.screenshot({ path: `${artifacts}web-bob-back.png` });

    // Ann edits one message and deletes another; Bob sees both change live.
    const annSent = a.page.locator('li.msg.mine:not(.pending)');
    await annSent.filter({ hasText: 'three' }).getByRole('button', { name: 'Edit' }).click();
    await a.page.getByLabel('Edit message').fill('three, edited');
    await a.page.getByLabel('Edit message').press('Enter');
    await annSent.filter({ hasText: 'two' }).getByRole('button', { name: 'Delete' }).click();
    await annSent.filter({ hasText: 'two' }).getByRole('button', { name: 'Delete for everyone' }).click();
    await text(bubbles(back.page), [
      'hello bob',
      'hi ann',
      'one',
      'This message was deleted',
      'three, edited',
    ]);

    // Phone width: the list and the conversation take turns.
    await back.page.setViewportSize({ width: 380, height: 700 });
    await back.page.locator('#chat-list').waitFor({ state: 'hidden', ...T });
    await back.page.screenshot({ path: `${artifacts}web-bob-phone.png` });
    await back.page.getByRole('button', { name: 'Back' }).click();
    await back.page.locator('#chat-list').waitFor({ state: 'visible', ...T });
    await a.ctx.close();
    await back.ctx.close();
  });
});
