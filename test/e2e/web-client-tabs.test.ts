import { describe, expect, it } from 'vitest';
import { signUpAll } from '../helpers/app.js';
import { browser, srv, useWebClient } from '../helpers/web-suite.js';

const T = { timeout: 15_000 };

describe('the web client in several tabs', () => {
  useWebClient();

  it('keeps every tab signed in when tabs refresh the shared session at once', {
    timeout: 60_000,
  }, async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const ctx = await browser.newContext(); // one browser profile: tabs share localStorage
    const first = await ctx.newPage();
    await first.goto(srv.url);
    await first.getByLabel('Email').fill(ann.email);
    await first.getByLabel('Password').fill(ann.password);
    await first.getByRole('button', { name: 'Sign in' }).click();
    await first.getByRole('button', { name: 'Sign out' }).waitFor(T);

    // Three more tabs open at once: each restores the session with the stored refresh token.
    const tabs = await Promise.all([1, 2, 3].map(() => ctx.newPage()));
    await Promise.all(tabs.map((t) => t.goto(srv.url)));
    for (const t of [...tabs, first]) await t.reload();
    for (const t of [first, ...tabs]) await t.getByRole('button', { name: 'Sign out' }).waitFor(T);
    expect(await Promise.all(tabs.map((t) => t.getByLabel('Password').count()))).toEqual([0, 0, 0]);
    await ctx.close();
  });
});
