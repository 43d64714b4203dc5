import type { Page } from 'playwright-core';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, createGroup, postMessage, signUpAll } from '../helpers/app.js';
import {
  bubbles,
  chatButton,
  DESKTOP,
  directChat,
  PHONE,
  send,
  shot,
  signIn,
  T,
  texts,
} from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Issue 17 in the web client: delivered ticks, replies, reactions, delete for me, mentions. */
describe('the web client shows receipts, replies and reactions', () => {
  useWebClient();

  const ticks = (page: Page) => page.locator('#messages li.msg.mine .tick');
  const msg = (page: Page, text: string) => page.locator('#messages li.msg', { hasText: text });

  it('ticks once when stored, twice when delivered, and reads blue once read', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    await directChat(srv.url, ann, bob);
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, bob.userName).click();
    await send(a.page, 'are you there');
    await texts(ticks(a.page), ['✓ sent']);

    const b = await signIn(browser, srv.url, bob, PHONE); // loading the list delivers it
    await texts(ticks(a.page), ['✓✓ delivered']);
    await send(a.page, 'still there?'); // arrives live on Bob's list
    await texts(ticks(a.page), ['✓✓ delivered', '✓✓ delivered']);
    await shot(a.page, 'receipts-delivered');
    await chatButton(b.page, ann.userName).click();
    await texts(ticks(a.page), ['✓✓ read', '✓✓ read']);
    await expect.poll(() => ticks(a.page).first().getAttribute('class'), T).toContain('read');
    await a.ctx.close();
    await b.ctx.close();
  });

  it('replies with a quote, reacts with chips, and deletes for me or for everyone', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await directChat(srv.url, ann, bob);
    await postMessage(srv.url, ann, chatId, 'lunch at noon?');
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    const b = await signIn(browser, srv.url, bob, DESKTOP);
    await chatButton(a.page, bob.userName).click();
    await chatButton(b.page, ann.userName).click();

    // Bob replies: the quote sits above the box, then in the message on both sides.
    await msg(b.page, 'lunch at noon?').getByRole('button', { name: 'Reply' }).click();
    await texts(b.page.locator('#reply-bar .quote'), [`Replying to ${ann.userName} lunch at noon?`]);
    await send(b.page, 'sounds good');
    await texts(b.page.locator('#reply-bar .quote'), []);
    for (const p of [a.page, b.page])
      await texts(msg(p, 'sounds good').locator('.quote'), [
        `${p === a.page ? 'You' : ann.userName} lunch at noon?`,
      ]);

    // Ann reacts 👍 from the picker; Bob adds his; Ann's click on her chip takes hers back.
    await msg(a.page, 'sounds good').getByRole('button', { name: 'React' }).click();
    await a.page.getByRole('button', { name: 'React 👍' }).click();
    await texts(msg(b.page, 'sounds good').locator('.chip'), ['👍 1']);
    await msg(b.page, 'sounds good').getByRole('button', { name: 'React' }).click();
    await b.page.getByRole('button', { name: 'React 👍' }).click();
    await texts(msg(a.page, 'sounds good').locator('.chip'), ['👍 2']);
    await shot(a.page, 'reactions');
    await msg(a.page, 'sounds good').getByRole('button', { name: '👍 2, yours: remove' }).click();
    await texts(msg(b.page, 'sounds good').locator('.chip'), ['👍 1']);
    await texts(msg(a.page, 'sounds good').locator('.chip'), ['👍 1']);

    // Ann deletes her message for everyone: Bob's reply quotes a tombstone.
    const original = msg(a.page, 'lunch at noon?').first(); // the reply quotes it too
    await original.getByRole('button', { name: 'Delete', exact: true }).click();
    await a.page.getByRole('button', { name: 'Delete for everyone' }).click();
    await texts(msg(b.page, 'sounds good').locator('.quote'), [`${ann.userName} original deleted`]);
    await shot(b.page, 'reply-tombstone');

    // Bob deletes his reply for himself only: gone for him, still there for Ann.
    await msg(b.page, 'sounds good').getByRole('button', { name: 'Delete', exact: true }).click();
    expect(await b.page.getByRole('button', { name: 'Delete for me' }).count()).toBe(1);
    await b.page.getByRole('button', { name: 'Delete for me' }).click();
    await texts(bubbles(b.page), ['This message was deleted']);
    await texts(bubbles(a.page), ['This message was deleted', 'sounds good']);
    // ...and gone from his chat list's preview, which shows the message before it; not Ann's.
    const last = (p: Page, name: string) => chatButton(p, name).locator('.last');
    await texts(last(b.page, ann.userName), ['This message was deleted']);
    await texts(last(a.page, bob.userName), ['sounds good']);
    await a.ctx.close();
    await b.ctx.close();
  });

  it('offers only delete for me on messages of others, and badges chats that mention me', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob, cat] = await signUpAll(srv.url, 'ann', 'bob', 'cat');
    const chatId = await createGroup(srv.url, ann, [bob, cat], { name: 'Lunch' });
    await request(srv.url)
      .post(`/v1/chats/${chatId}/messages`)
      .set(bearer(ann))
      .send({ clientMsgId: 'mention-1', text: `@${cat.userName} you in?`, mentions: [cat.id] })
      .expect(201);
    const c = await signIn(browser, srv.url, cat, PHONE);
    const row = chatButton(c.page, 'Lunch');
    await texts(row.locator('.mention'), ['@']);
    await texts(row.locator('.badge'), ['1']);
    await shot(c.page, 'mention-badge');
    await row.click();
    await msg(c.page, 'you in?').getByRole('button', { name: 'Delete', exact: true }).click();
    expect(await c.page.getByRole('button', { name: 'Delete for everyone' }).count()).toBe(0);
    await c.page.getByRole('button', { name: 'Keep' }).click();
    await c.page.getByRole('button', { name: 'Back' }).click();
    await texts(row.locator('.mention'), []);
    await c.ctx.close();
  });
});

describe('the web client after the delete window', () => {
  useWebClient({ env: { DELETE_WINDOW_SECONDS: '1' } });

  it('shows the server refusing a late delete for everyone next to the message', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
    const chatId = await directChat(srv.url, ann, bob);
    await postMessage(srv.url, ann, chatId, 'too late to take back');
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, bob.userName).click();
    // The window is one second here; the page cannot know it, the server says so.
    await new Promise((r) => setTimeout(r, 1_100));
    const m = a.page.locator('#messages li.msg', { hasText: 'too late to take back' });
    await m.getByRole('button', { name: 'Delete', exact: true }).click();
    await a.page.getByRole('button', { name: 'Delete for everyone' }).click();
    await texts(m.locator('.error'), [expect.stringMatching(/^Not deleted: /) as unknown as string]);
    await shot(a.page, 'delete-window-expired');
    await texts(bubbles(a.page), ['too late to take back']);
    await a.ctx.close();
  });
});
