import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, createGroup, signUpAll } from '../helpers/app.js';
import { chatButton, composer, DESKTOP, inputHas, shot, signIn, T } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Mentions in a group's composer: "@" offers the members, and the sent message names them. */
describe('the web client’s mentions', () => {
  useWebClient();

  it('offers matching members after "@", writes the picked one, and sends the mention', {
    timeout: 120_000,
  }, async () => {
    const [ann, bob, bea, cat] = await signUpAll(srv.url, 'ann', 'bob', 'bea', 'cat');
    const chatId = await createGroup(srv.url, ann, [bob, bea, cat], { name: 'Crew' });
    const a = await signIn(browser, srv.url, ann, DESKTOP);
    await chatButton(a.page, 'Crew').click();
    const box = composer(a.page);
    await box.fill('lunch? @b');
    await box.press('End'); // an input event at the caret, as typing gives
    await box.type('e');
    const picker = a.page.getByRole('listbox', { name: 'Mention a member' });
    await expect.poll(() => picker.getByRole('option').allTextContents(), T).toEqual([bea.userName]);
    await box.press('Backspace'); // "@b": both b… members
    await expect.poll(() => picker.getByRole('option').count(), T).toBe(2);
    await shot(a.page, 'mention-picker');
    await box.press('ArrowDown');
    const second = (await picker.getByRole('option').nth(1).textContent()) as string;
    await box.press('Enter'); // picks, does not send
    await inputHas(box, `lunch? @${second} `);
    await expect.poll(() => picker.isHidden(), T).toBe(true);
    await box.type('at noon');
    await box.press('Enter');

    const picked = second === bob.userName ? bob : bea;
    await expect
      .poll(async () => {
        const page = await request(srv.url).get(`/v1/chats/${chatId}/messages`).set(bearer(ann));
        return page.body.messages.map((m: { text: string; mentions?: string[] }) => [m.text, m.mentions]);
      }, T)
      .toEqual([[`lunch? @${picked.userName} at noon`, [picked.id]]]);
    const chat = await request(srv.url).get(`/v1/chats/${chatId}`).set(bearer(picked));
    expect(chat.body.mentionCount).toBe(1);
    await a.ctx.close();
  });
});
