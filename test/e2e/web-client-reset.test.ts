import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { signUpAll } from '../helpers/app.js';
import { launchChromium } from '../helpers/browser.js';
import { resetLinkFor } from '../helpers/mail-sink.js';
import { startTestServer, type TestServer } from '../helpers/server.js';

const T = { timeout: 15_000 };

describe('a forgotten password in the web client', () => {
  let srv: TestServer;
  let browser: Browser;
  const mailFile = join(mkdtempSync(join(tmpdir(), 'chatx-mail-')), 'mail.jsonl');
  beforeAll(async () => {
    srv = await startTestServer({ env: { MAIL_SINK: 'file', MAIL_SINK_FILE: mailFile } });
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });

  it('asks for a link, follows it to choose a new password, and signs in with it', {
    timeout: 60_000,
  }, async () => {
    const [ann] = await signUpAll(srv.url, 'ann');
    const page = await (await browser.newContext()).newPage();
    await page.goto(srv.url);
    await page.getByLabel('Email').fill(ann.email);
    await page.getByRole('button', { name: 'Forgot password?' }).click();
    await page.getByRole('status').filter({ hasText: 'a link to choose a new password' }).waitFor(T);

    const link = new URL(await resetLinkFor(mailFile, ann.email));
    await page.goto(`${srv.url}${link.pathname}${link.search}`);
    await page.getByLabel('New password', { exact: true }).fill('a brand new secret');
    await page.getByRole('button', { name: 'Change password' }).click();
    await page.getByText('Your password was changed').waitFor(T);

    await page.getByLabel('Email').fill(ann.email);
    await page.getByLabel('Password', { exact: true }).fill('a brand new secret');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('button', { name: 'Sign out' }).waitFor(T);
  });
});
