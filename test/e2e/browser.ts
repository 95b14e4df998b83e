/**
 * Debian's Chromium for end-to-end tests, driven by playwright-core. Present → the tests run; absent → they are
 * skipped, except with CI=true, where a missing browser fails the run.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
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

const AXE = fs.readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The rule ids axe-core finds violated on `page` (WCAG 2 A and AA), each with the elements at fault. */
export async function axeViolations(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  const result = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run(o: unknown): Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }> };
      }
    ).axe;
    return axe.run({ runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
  });
  return result.violations.map((v) => `${v.id} ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Where the end-to-end tests save their screenshots (a CI artifact; git-ignored). */
export const SCREENSHOTS = path.resolve('test-results/screenshots');

/** The widths each main screen is saved at: a 1280 px screen and a 390 px phone. */
const WIDTHS = [1280, 390] as const;

/**
 * Saves the whole of `page` as `test-results/screenshots/<name>-<width>.png` at each of WIDTHS, then restores the
 * viewport. @returns the document's height in CSS pixels at each width
 */
export async function saveScreens(page: Page, name: string): Promise<Record<number, number>> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  const heights: Record<number, number> = {};
  for (const width of WIDTHS) {
    await page.setViewportSize({ width, height: 900 });
    heights[width] = await page.evaluate(() => document.documentElement.scrollHeight);
    await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${width}.png`), fullPage: true });
  }
  if (before) await page.setViewportSize(before);
  return heights;
}
