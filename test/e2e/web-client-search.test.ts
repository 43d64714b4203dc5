import { describe, expect, it } from 'vitest';
import { createGroup, signUpAll } from '../helpers/app.js';
import { chatButton, directChat, PHONE, shot, signIn, T } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Finding people as you type, and filtering my chats with the same box. */
describe('the web client search', () => {
  useWebClient();

  it('lists people while typing, filters my chats, and still searches on Enter', {
    timeout: 90_000,
  }, async () => {
    const [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    await createGroup(srv.url, ann, [cat], { name: 'Book club' });
    await directChat(srv.url, ann, cat);
    const a = await signIn(browser, srv.url, ann, PHONE);
    const box = a.page.getByLabel('Find people');
    await a.page.keyboard.press('Control+k'); // the shortcut to the search box
    await expect.poll(() => box.evaluate((el) => el === el.ownerDocument.activeElement), T).toBe(true);

    // Typed, not submitted: the result list appears by itself.
    await box.pressSequentially(bob.userName.slice(0, 6), { delay: 30 });
    const message = a.page.getByRole('button', { name: `Message ${bob.userName}` });
    await message.waitFor(T);
    await shot(a.page, 'search-as-you-type-phone');

    await box.fill('book');
    await expect.poll(() => a.page.locator('#chat-list .name').allTextContents(), T).toEqual(['Book club']);

    await box.fill(cat.userName);
    await box.press('Enter');
    await a.page.getByRole('button', { name: `Message ${cat.userName}` }).waitFor(T);
    await box.fill('');
    await expect.poll(() => a.page.locator('#chat-list .name').count(), T).toBe(2);

    await box.fill(bob.userName);
    await message.click();
    await a.page.getByLabel('Message', { exact: true }).waitFor(T);
    await chatButton(a.page, bob.userName).waitFor({ state: 'attached', ...T });
    await a.ctx.close();
  });
});
