import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { postMessage, signUpAll } from '../helpers/app.js';
import { chatButton, DESKTOP, directChat, PHONE, reload, shot, signIn, texts } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Issue 18 in the web client: mute, pin and archive from a chat's menu; notifications on a click. */
describe('the web client keeps my chat settings', () => {
  useWebClient();

  const names = (page: Page) => page.locator('#chat-list button .name');
  async function menu(page: Page, chat: string, item: string): Promise<void> {
    await chatButton(page, chat).click();
    await page.locator('#chat-menu summary').click();
    await page.locator('#chat-menu').getByRole('button', { name: item, exact: true }).click();
  }

  it('pins chats to the top, marks muted ones and hides archived ones behind an entry, on every device', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob, cat, dan] = await signUpAll(srv.url, 'ann', 'bob', 'cat', 'dan');
    for (const [who, text] of [
      [bob, 'from bob'],
      [cat, 'from cat'],
      [dan, 'from dan'],
    ] as const)
      await postMessage(srv.url, who, await directChat(srv.url, ann, who), text);

    const a = await signIn(browser, srv.url, ann, DESKTOP);
    const a2 = await signIn(browser, srv.url, ann, PHONE); // Ann's other device
    await texts(names(a.page), [dan.userName, cat.userName, bob.userName]);

    await menu(a.page, bob.userName, 'Pin');
    await texts(names(a.page), [`${bob.userName} 📌`, dan.userName, cat.userName]);
    await menu(a.page, cat.userName, 'Mute');
    await texts(names(a.page), [`${bob.userName} 📌`, dan.userName, `${cat.userName} 🔕`]);
    await menu(a.page, dan.userName, 'Archive');
    await texts(names(a.page), [`${bob.userName} 📌`, `${cat.userName} 🔕`]);
    await texts(a.page.locator('#chat-list .archived-entry'), ['Archived (1)']);
    await shot(a.page, 'chat-settings');

    // The other device follows live.
    await texts(names(a2.page), [`${bob.userName} 📌`, `${cat.userName} 🔕`]);
    await a2.page.locator('#chat-list .archived-entry button').click();
    await texts(names(a2.page), [dan.userName]);
    await shot(a2.page, 'chat-settings-archived');

    // Undone from the menu, and kept over a reload.
    await menu(a.page, cat.userName, 'Unmute');
    await menu(a.page, bob.userName, 'Unpin');
    await reload(a.page);
    await texts(names(a.page), [cat.userName, bob.userName]);
    await a.page.locator('#chat-list .archived-entry button').click();
    await menu(a.page, dan.userName, 'Unarchive');
    await texts(a.page.locator('#chat-list .archived-entry'), []);
    await texts(names(a.page), [dan.userName, cat.userName, bob.userName]);
    await a.ctx.close();
    await a2.ctx.close();
  });

  it('asks for notifications only when the button is clicked', { timeout: 60_000 }, async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    expect(await a.page.evaluate('Notification.permission')).toBe('default'); // nothing asked on load
    await a.ctx.grantPermissions(['notifications']);
    await a.page.getByRole('button', { name: 'Turn on notifications' }).click();
    // This test server has no VAPID key: the control says so instead of failing silently.
    await texts(a.page.locator('.notify-status'), ['This server does not send notifications.']);
    await a.ctx.close();
  });
});
