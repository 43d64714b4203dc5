import { execFileSync } from 'node:child_process';
import { type Browser, chromium } from 'playwright-core';

const repo = new URL('../../', import.meta.url).pathname;

/** Builds the web client, then starts Debian's Chromium headless, quiet and offline-safe. */
export function launchChromium(): Promise<Browser> {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/build-web.ts'], { cwd: repo, stdio: 'ignore' });
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
