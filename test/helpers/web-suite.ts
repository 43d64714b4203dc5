import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { launchChromium } from './browser.js';
import { startTestServer, type TestServer } from './server.js';

// A test file's web client setup. The bindings are live: a file that imports them and calls
// useWebClient() sees them set once its beforeAll has run (each test file has its own module; two
// describe blocks that each call it run one after the other).

/** The file's test server. */
export let srv: TestServer;
/** The file's Chromium. */
export let browser: Browser;

/** Starts Chromium (which builds dist/web, served by the server) and a test server before the file's tests; closes both after. */
export function useWebClient(opts?: Parameters<typeof startTestServer>[0]): void {
  beforeAll(async () => {
    browser = await launchChromium();
    srv = await startTestServer(opts);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await srv?.close();
  });
}
