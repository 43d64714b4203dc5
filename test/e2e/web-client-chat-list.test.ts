import { describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { chatButton, directChat, shot, signIn, T, texts, WIDTHS } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

/** Bug 4 of issue 20 (the unread badge's layout) and what each chat-list row shows. */
describe('the web client chat list', () => {
  useWebClient();

  for (const [width, viewport] of Object.entries(WIDTHS)) {
    it(`keeps the unread badge small beside a readable preview at ${width} width`, {
      timeout: 90_000,
    }, async () => {
      const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
      const direct = await directChat(srv.url, ann, bob);
      const group = await createGroup(srv.url, bob, [ann], {
        name: 'Quarterly planning for the whole extended family and friends',
      });
      for (let i = 0; i < 11; i++) await postMessage(srv.url, bob, direct, `note ${i}`);
      await postMessage(
        srv.url,
        bob,
        direct,
        'Kindly review the attached quarterly numbers before the meeting on Monday morning',
      );
      await postMessage(srv.url, bob, group, 'Supercalifragilisticexpialidocious_without_any_spaces_at_all');

      const a = await signIn(browser, srv.url, ann, viewport);
      await texts(a.page.locator('#chat-list .badge'), ['1', '12']);
      for (const row of [chatButton(a.page, bob.userName), chatButton(a.page, 'Quarterly')]) {
        const [rowBox, badge, preview] = await Promise.all([
          row.boundingBox(),
          row.locator('.badge').boundingBox(),
          row.locator('.last').boundingBox(),
        ]);
        if (!rowBox || !badge || !preview) throw new Error('row, badge or preview not laid out');
        expect(badge.width).toBeLessThan(44);
        expect(badge.height).toBeLessThan(30);
        expect(preview.width).toBeGreaterThan(rowBox.width * 0.4);
        // Side by side: the badge sits right of the preview, inside the row.
        expect(badge.x).toBeGreaterThanOrEqual(preview.x + preview.width - 1);
        expect(badge.x + badge.width).toBeLessThanOrEqual(rowBox.x + rowBox.width);
      }
      // Groups prefix the last message with its sender.
      await expect
        .poll(() => chatButton(a.page, 'Quarterly').locator('.last').textContent(), T)
        .toContain(`${bob.userName}: Supercali`);
      await shot(a.page, `chat-list-${width}`);
      await a.ctx.close();
    });
  }
});
