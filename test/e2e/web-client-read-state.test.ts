import { describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import {
  bubbles,
  chatButton,
  DESKTOP,
  directChat,
  PHONE,
  reload,
  shot,
  signIn,
  T,
  texts,
} from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Bug 2 of issue 20 (and the group ✓✓ of bug 6): read state right after page loads and reloads. */
describe('the web client keeps read state right', () => {
  useWebClient();

  const ticks = (page: import('playwright-core').Page) => page.locator('#messages li.msg.mine .tick');

  it('reads up to the newest message on opening a chat: the sender sees read, the badge stays cleared after a reload', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await directChat(srv.url, ann, bob);
    for (const t of ['one', 'two', 'three']) await postMessage(srv.url, ann, chatId, t);

    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, bob.userName).click();
    await texts(ticks(a.page), ['✓ sent', '✓ sent', '✓ sent']);

    const b = await signIn(browser, srv.url, bob, PHONE);
    await texts(chatButton(b.page, ann.userName).locator('.badge'), ['3']);
    expect(await b.page.title()).toBe('(3) Chat-X'); // a background tab shows it too
    await chatButton(b.page, ann.userName).click();
    await texts(bubbles(b.page), ['one', 'two', 'three']);
    await texts(ticks(a.page), ['✓✓ read', '✓✓ read', '✓✓ read']);
    await shot(a.page, 'read-state-sender');

    await reload(b.page);
    await chatButton(b.page, ann.userName).waitFor(T);
    expect(await chatButton(b.page, ann.userName).locator('.badge').count()).toBe(0);
    expect(await b.page.title()).toBe('Chat-X');
    await reload(a.page);
    await chatButton(a.page, bob.userName).click();
    await texts(ticks(a.page), ['✓✓ read', '✓✓ read', '✓✓ read']);
    await shot(b.page, 'read-state-reader-reloaded');
    await a.ctx.close();
    await b.ctx.close();
  });

  it('shows a group message read only once every other member has read it', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    const chatId = await createGroup(srv.url, ann, [bob, cat], { name: 'Trio' });
    await postMessage(srv.url, ann, chatId, 'hello both');

    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, 'Trio').click();
    await texts(ticks(a.page), ['✓ sent']);

    const b = await signIn(browser, srv.url, bob, PHONE);
    await chatButton(b.page, 'Trio').click();
    await texts(bubbles(b.page), ['hello both']);
    // Bob's read reaches Ann (the tick says who has read), yet Cat has not read: still one tick.
    await expect.poll(() => ticks(a.page).first().getAttribute('title'), T).toBe('Read by 1 of 2');
    await texts(ticks(a.page), ['✓ sent']);

    const c = await signIn(browser, srv.url, cat, PHONE);
    await chatButton(c.page, 'Trio').click();
    await texts(ticks(a.page), ['✓✓ read']);
    await shot(a.page, 'read-state-group');
    await reload(a.page);
    await chatButton(a.page, 'Trio').click();
    await texts(ticks(a.page), ['✓✓ read']);
    for (const p of [a, b, c]) await p.ctx.close();
  });
});
