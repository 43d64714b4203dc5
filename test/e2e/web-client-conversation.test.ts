import { describe, expect, it } from 'vitest';
import { postMessage, signUpAll } from '../helpers/app.js';
import {
  attrOf,
  bubbles,
  chatButton,
  composer,
  cuttableProxy,
  DESKTOP,
  directChat,
  inputHas,
  PHONE,
  reload,
  send,
  shot,
  signIn,
  T,
  textOf,
  texts,
} from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Bug 6 of issue 20: the conversation's smaller faults, each seen in the browser. */
describe('the web client conversation', () => {
  useWebClient();

  it('keeps the place of someone reading history and offers a jump to the new messages', {
    timeout: 90_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await directChat(srv.url, ann, bob);
    for (let i = 1; i <= 30; i++) await postMessage(srv.url, bob, chatId, `line ${i}\nsecond row`);
    const a = await signIn(browser, srv.url, ann, PHONE);
    await chatButton(a.page, bob.userName).click();
    await expect.poll(() => bubbles(a.page).count(), T).toBe(30);
    const list = a.page.locator('#messages');
    await list.evaluate((el) => {
      el.scrollTop = 40; // reading, away from the newest (and not at the very top, which loads more)
    });
    await postMessage(srv.url, bob, chatId, 'new one');
    await postMessage(srv.url, bob, chatId, 'new two');
    await textOf(a.page.locator('.to-bottom'), /2/);
    expect(await list.evaluate((el) => el.scrollTop)).toBe(40);
    await shot(a.page, 'conversation-new-below');
    await a.page.locator('.to-bottom').click();
    await expect
      .poll(() => list.evaluate((el) => el.scrollHeight - el.scrollTop - el.clientHeight), T)
      .toBeLessThan(5);
    await a.ctx.close();
  });

  it('clears typing when the message lands, keeps drafts per chat, links URLs safely, aligns any script and spaces "edited"', {
    timeout: 90_000,
  }, async () => {
    const [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    const withBob = await directChat(srv.url, ann, bob);
    await directChat(srv.url, ann, cat);
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    const b = await signIn(browser, srv.url, bob, DESKTOP);
    await chatButton(a.page, bob.userName).click();
    await chatButton(b.page, ann.userName).click();

    await composer(b.page).pressSequentially('on my w');
    await textOf(a.page.locator('#typing'), `${bob.userName} is typing…`);
    await send(b.page, 'on my way');
    await texts(bubbles(a.page), ['on my way']);
    // At once, in the same update as the message, not after the typing timeout.
    expect(await a.page.locator('#typing').textContent()).toBe('');

    await composer(a.page).fill('half a thought');
    await chatButton(a.page, cat.userName).click();
    await inputHas(composer(a.page), '');
    await chatButton(a.page, bob.userName).click();
    await inputHas(composer(a.page), 'half a thought');

    await send(a.page, 'see https://example.com/a?b=1 and javascript:alert(1) and مرحبا بالعالم');
    await postMessage(srv.url, bob, withBob, 'שלום עולם');
    const links = a.page.locator('#messages li.msg .text a');
    await expect.poll(() => links.count(), T).toBe(1);
    await attrOf(links, 'href', 'https://example.com/a?b=1');
    await attrOf(links, 'rel', 'noopener noreferrer');
    await attrOf(links, 'target', '_blank');
    for (const dir of await a.page
      .locator('#messages li.msg .text')
      .evaluateAll((els) => els.map((e) => e.dir)))
      expect(dir).toBe('auto');

    await composer(b.page).press('ArrowUp'); // ↑ in the empty box edits my last message
    await b.page.getByLabel('Edit message').fill('on my way, 5 min');
    await b.page.getByLabel('Edit message').press('Enter');
    const edited = a.page.locator('#messages li.msg', { hasText: 'on my way, 5 min' });
    // The rendered text, as read on screen and by a screen reader: that is where 'edited02:50' showed.
    // biome-ignore lint/performance/useDomNodeTextContent: the rendered text is the point
    await expect.poll(() => edited.locator('.meta').innerText(), T).toMatch(/edited \d/);
    await shot(a.page, 'conversation-links-rtl-edited');
    await a.ctx.close();
    await b.ctx.close();
  });

  it('keeps the header usable while reconnecting, drops "online" meanwhile and dates "last seen", after a reload too', {
    timeout: 90_000,
  }, async () => {
    const [ann, bob, dan] = await signUpAll(srv.url, 'ann', 'bob', 'dan');
    await directChat(srv.url, ann, bob);
    const proxy = await cuttableProxy(srv.running.port);
    const a = await signIn(browser, proxy.url, ann, PHONE);
    const b = await signIn(browser, srv.url, bob, PHONE);
    await chatButton(a.page, bob.userName).click();
    await textOf(a.page.locator('#presence'), 'online');

    proxy.cut();
    await a.page.locator('#banner').waitFor({ state: 'visible', ...T });
    await expect.poll(() => a.page.locator('#presence').textContent(), T).not.toBe('online');
    const back = a.page.getByRole('button', { name: 'Back' });
    const box = await back.boundingBox();
    if (!box) throw new Error('Back is not laid out');
    const hit = await a.page.evaluate(
      `document.elementFromPoint(${box.x + box.width / 2}, ${box.y + box.height / 2})?.textContent`,
    );
    expect(hit).toBe('Back');
    await shot(a.page, 'conversation-reconnecting-phone');
    proxy.restore();
    await a.page.locator('#banner').waitFor({ state: 'hidden', ...T });
    await textOf(a.page.locator('#presence'), 'online');

    await b.ctx.close();
    await textOf(a.page.locator('#presence'), /^last seen today at \d/);
    await reload(a.page);
    await chatButton(a.page, bob.userName).click();
    await textOf(a.page.locator('#presence'), /^last seen today at \d/);
    await a.ctx.close();
    proxy.close();

    // Someone new sees what to do first, not an empty list.
    const d = await signIn(browser, srv.url, dan, PHONE);
    await textOf(d.page.locator('#chat-list'), /No chats yet/);
    await shot(d.page, 'chat-list-empty-phone');
    await d.ctx.close();
  });
});
