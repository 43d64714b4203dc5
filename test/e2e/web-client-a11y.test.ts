import axe from 'axe-core';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { createGroup, postMessage, signUpAll } from '../helpers/app.js';
import { chatButton, shot, T, WIDTHS } from '../helpers/web.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

type Violation = { id: string; impact: string | null; help: string; nodes: { target: string[] }[] };

/** Runs axe-core in the page; returns the serious and critical violations. */
async function serious(page: Page): Promise<string[]> {
  if (!(await page.evaluate('typeof window.axe !== "undefined"')))
    await page.addScriptTag({ content: axe.source });
  const found = (await page.evaluate('axe.run(document).then((r) => r.violations)')) as Violation[];
  return found
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** axe-core over each screen, light and dark, at both widths. */
describe('the web client accessibility', () => {
  useWebClient();

  for (const scheme of ['light', 'dark'] as const)
    for (const [width, viewport] of Object.entries(WIDTHS))
      it(`has no serious axe violations on any screen (${scheme}, ${width})`, {
        timeout: 90_000,
      }, async () => {
        const [ann, bob] = await signUpAll(srv.url, 'ann', 'bob');
        const group = await createGroup(srv.url, bob, [ann], { name: 'Axe club' });
        await postMessage(srv.url, bob, group, 'see https://example.com and reply');
        // The page's CSP allows only its own scripts: axe is injected past it, for the test only.
        const ctx = await browser.newContext({ viewport, colorScheme: scheme, bypassCSP: true });
        const page = await ctx.newPage();
        await page.goto(srv.url);
        await page.getByLabel('Email').waitFor(T);
        expect(await serious(page)).toEqual([]);

        await page.getByLabel('Email').fill(ann.email);
        await page.getByLabel('Password', { exact: true }).fill(ann.password);
        await page.getByRole('button', { name: 'Sign in', exact: true }).click();
        await page.locator('body[data-synced]').waitFor(T);
        expect(await serious(page)).toEqual([]);

        await chatButton(page, 'Axe club').click();
        await page.locator('#messages li.msg').first().waitFor(T);
        expect(await serious(page)).toEqual([]);

        // Issues 17–19: a reaction chip, the open picker, the chat's menu, the privacy page.
        const first = page.locator('#messages li.msg').first();
        await first.getByRole('button', { name: 'React' }).click();
        await page.getByRole('button', { name: 'React 👍' }).click();
        await first.locator('.chip').waitFor(T);
        await first.getByRole('button', { name: 'React' }).click();
        await page.locator('#chat-menu summary').click();
        expect(await serious(page)).toEqual([]);
        await page.locator('#chat-menu summary').click();

        await page.getByRole('button', { name: 'Group info' }).click();
        await page.locator('#info .members li').first().waitFor(T);
        expect(await serious(page)).toEqual([]);
        await shot(page, `a11y-${scheme}-${width}`);
        await ctx.close();
      });
});
