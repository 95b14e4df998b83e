/**
 * Debian's Chromium for end-to-end tests, driven by playwright-core. Present → the tests run; absent → they are
 * skipped, except with CI=true, where a missing browser fails the run.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { ensureWebBuilt as buildWeb } from '../../bin/web-build.js';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const HAVE_CHROMIUM = fs.existsSync(CHROMIUM);
if (process.env.CI === 'true' && !HAVE_CHROMIUM)
  throw new Error(`CI=true but Chromium is missing at ${CHROMIUM} (apt-get install -y chromium)`);

const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/**
 * A fresh browser profile in the temporary folder `profileDir`; `close()` ends the browser and leaves the profile
 * on disk (a test may read it), `dispose()` ends the browser, then removes the profile.
 */
export async function freshContext(options: {
  javaScriptEnabled: boolean;
  /** The browser's language (default en-GB): the workspace starts in it. */
  locale?: string;
}): Promise<BrowserContext & { profileDir: string; dispose(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'confide-e2e-profile-'));
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROMIUM,
    headless: true,
    args: FLAGS,
    javaScriptEnabled: options.javaScriptEnabled,
    acceptDownloads: true,
    locale: options.locale ?? 'en-GB',
    timezoneId: 'America/Los_Angeles',
  });
  return Object.assign(context, {
    profileDir: dir,
    async dispose() {
      await context.close();
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 });
    },
  });
}

/** Builds the staff workspace when dist/web is missing or older than its sources. */
export function ensureWebBuilt(): void {
  const failure = buildWeb({ quiet: true });
  if (failure) throw new Error(`building the staff workspace failed:\n${failure}`);
}
