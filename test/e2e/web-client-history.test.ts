import { describe, expect, it } from 'vitest';
import { postMessage, signUpAll } from '../helpers/app.js';
import { bubbles, chatButton, directChat, PHONE, reload, shot, signIn, T, textOf } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Bug 1 of issue 20: a message arriving before a chat is opened hid the chat's earlier history. */
describe('the web client keeps a chat history whole', () => {
  useWebClient();

  it('shows the earlier history of a chat that received a message after the page loaded, and after a reload', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await directChat(srv.url, ann, bob);
    const earlier = Array.from({ length: 35 }, (_, i) => `m${i + 1}`);
    for (const t of earlier) await postMessage(srv.url, bob, chatId, t);

    const a = await signIn(browser, srv.url, ann, PHONE);
    await postMessage(srv.url, bob, chatId, 'ping');
    await textOf(chatButton(a.page, bob.userName).locator('.last'), /ping/);
    await chatButton(a.page, bob.userName).click();
    // The newest page (the last 30, 'ping' among them), then the rest when scrolled up.
    await expect.poll(() => bubbles(a.page).allTextContents(), T).toEqual([...earlier.slice(-29), 'ping']);
    await shot(a.page, 'history-after-new-message');
    await a.page.locator('#messages').evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect.poll(() => bubbles(a.page).allTextContents(), T).toEqual([...earlier, 'ping']);

    await reload(a.page);
    await chatButton(a.page, bob.userName).click();
    await expect.poll(() => bubbles(a.page).count(), T).toBe(30);
    await a.page.locator('#messages').evaluate((el) => {
      el.scrollTop = 0;
    });
    await expect.poll(() => bubbles(a.page).allTextContents(), T).toEqual([...earlier, 'ping']);
    await shot(a.page, 'history-after-reload');
    await a.ctx.close();
  });
});
