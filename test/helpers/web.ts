import { mkdirSync } from 'node:fs';
import { connect, createServer, type Server, type Socket } from 'node:net';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import request from 'supertest';
import { expect } from 'vitest';
import { bearer, type TestUser } from './app.js';

// What the web client's browser tests share: widths, sign-in, waits on what the page shows.

export const T = { timeout: 15_000 };
export const DESKTOP = { width: 1280, height: 800 };
export const PHONE = { width: 390, height: 844 };
export const WIDTHS = { desktop: DESKTOP, phone: PHONE } as const;

const artifacts = new URL('../../test-artifacts/', import.meta.url).pathname;
/** Saves a screenshot under test-artifacts/ (not committed). */
export async function shot(page: Page, name: string): Promise<void> {
  mkdirSync(artifacts, { recursive: true });
  await page.screenshot({ path: `${artifacts}${name}.png` });
}

export interface Person {
  ctx: BrowserContext;
  page: Page;
}

/** Opens the client in its own profile and signs in through the form; resolves once caught up. */
export async function signIn(
  browser: Browser,
  baseUrl: string,
  who: { email: string; password: string },
  viewport: { width: number; height: number } = DESKTOP,
): Promise<Person> {
  const ctx = await browser.newContext({ viewport });
  const page = await ctx.newPage();
  await page.goto(baseUrl);
  await page.getByLabel('Email').fill(who.email);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.locator('body[data-synced]').waitFor(T);
  return { ctx, page };
}

/** Reloads and waits until the client has caught up again. */
export async function reload(page: Page): Promise<void> {
  await page.evaluate('delete document.body.dataset.synced');
  await page.reload();
  await page.locator('body[data-synced]').waitFor(T);
}

export const bubbles = (page: Page) => page.locator('#messages li.msg:not(.pending) .text');
/** A chat's row in the list, by the chat's name (not by its preview, which may name people too). */
export const chatButton = (page: Page, name: string) =>
  page.locator('#chat-list button').filter({ has: page.locator('.name', { hasText: name }) });
export const composer = (page: Page) => page.getByLabel('Message', { exact: true });

/** Waits until the locator's matches read exactly these texts. */
export const texts = (loc: Locator, want: string[]) =>
  expect.poll(() => loc.allTextContents(), T).toEqual(want);
/** Waits until the locator's (first match's) text matches. */
export const textOf = (loc: Locator, want: string | RegExp) =>
  typeof want === 'string'
    ? expect.poll(async () => (await loc.first().textContent()) ?? '', T).toBe(want)
    : expect.poll(async () => (await loc.first().textContent()) ?? '', T).toMatch(want);

/** Waits until an input or textarea holds this value. */
export const inputHas = (loc: Locator, want: string) => expect.poll(() => loc.inputValue(), T).toBe(want);
/** Waits until the element's attribute has this value. */
export const attrOf = (loc: Locator, name: string, want: string | null) =>
  expect.poll(() => loc.getAttribute(name), T).toBe(want);

export async function send(page: Page, text: string): Promise<void> {
  await composer(page).fill(text);
  await composer(page).press('Enter');
}

/** A direct chat between two users, made over REST; returns its id. */
export async function directChat(url: string, a: TestUser, b: TestUser): Promise<string> {
  const res = await request(url).post('/v1/chats').set(bearer(a)).send({ type: 'direct', userId: b.id });
  return res.body.id as string;
}

/** A TCP hop between the browser and the server that the test can cut, as a network would. */
export function cuttableProxy(
  targetPort: number,
): Promise<{ url: string; cut(): void; restore(): void; close(): void }> {
  const open = new Set<Socket>();
  let down = false;
  const server: Server = createServer((client) => {
    if (down) return client.destroy();
    const upstream = connect(targetPort, '127.0.0.1');
    open.add(client).add(upstream);
    const drop = () => {
      client.destroy();
      upstream.destroy();
      open.delete(client);
      open.delete(upstream);
    };
    client.on('error', drop).on('close', drop);
    upstream.on('error', drop).on('close', drop);
    client.pipe(upstream).pipe(client);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
        cut() {
          down = true;
          for (const s of open) s.destroy();
        },
        restore() {
          down = false;
        },
        close() {
          server.close();
          for (const s of open) s.destroy();
        },
      }),
    ),
  );
}
