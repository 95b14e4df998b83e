/**
 * The app under test served on a free local port for one describe block of end-to-end tests, with fresh browser
 * profiles that are all closed after the block, and the staff sign-in the tests share.
 */
import type { AddressInfo } from 'node:net';
import type { BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { buildTestApp, PASSWORD, type TestApp, type TestAppOptions } from '../helpers/app.ts';
import { ensureWebBuilt, freshContext } from './browser.ts';

/** What {@link servedApp} gives a describe block; `t` and `base` are there once its beforeAll has run. */
export interface ServedApp {
  /** The test app behind the server. */
  readonly t: TestApp;
  /** The server's origin, e.g. `http://127.0.0.1:41234`. */
  readonly base: string;
  /** A fresh browser profile, closed after the block. */
  context(javaScriptEnabled: boolean, locale?: string): Promise<BrowserContext>;
  /** A new page in a fresh browser profile, closed after the block. */
  page(javaScriptEnabled: boolean): Promise<Page>;
  /** A new page in a fresh profile with JavaScript, at the workspace's sign-in. */
  staffPage(): Promise<Page>;
  /** Fills in the staff sign-in form on a page that shows it and sends it. */
  fillSignIn(page: Page, username: string, password?: string): Promise<void>;
  /** A page in a fresh profile with JavaScript, signed in to the workspace as `username`, once `heading` shows. */
  signedIn(username: string, heading?: string): Promise<Page>;
}

/**
 * Builds the staff workspace and a test app before the calling describe block and serves it on a free port;
 * closes every browser profile it opened, then the app, after the block.
 * @param options passed to buildTestApp
 */
export function servedApp(options: TestAppOptions = {}): ServedApp {
  let app: TestApp | undefined;
  let origin = '';
  const contexts: Awaited<ReturnType<typeof freshContext>>[] = [];

  beforeAll(async () => {
    ensureWebBuilt();
    app = await buildTestApp(options);
    await app.app.listen({ host: '127.0.0.1', port: 0 });
    origin = `http://127.0.0.1:${(app.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    // Closed here, not in the test, so that a failing step never leaves a browser running.
    for (const c of contexts) await c.dispose();
    await app?.close();
  });

  const served: ServedApp = {
    get t() {
      if (!app) throw new Error('the test app is not started yet (use it inside a test or hook)');
      return app;
    },
    get base() {
      return origin;
    },
    async context(javaScriptEnabled, locale) {
      const context = await freshContext({ javaScriptEnabled, ...(locale ? { locale } : {}) });
      contexts.push(context);
      return context;
    },
    async page(javaScriptEnabled) {
      return (await served.context(javaScriptEnabled)).newPage();
    },
    async fillSignIn(page, username, password = PASSWORD) {
      await page.getByRole('textbox', { name: 'Username' }).fill(username);
      await page.getByLabel('Password', { exact: true }).fill(password);
      await page.getByRole('button', { name: 'Sign in' }).click();
    },
    async staffPage() {
      const page = await served.page(true);
      await page.goto(`${origin}/staff/`);
      return page;
    },
    async signedIn(username, heading = 'Cases') {
      const page = await served.staffPage();
      await served.fillSignIn(page, username);
      await page.getByRole('heading', { name: heading }).waitFor();
      return page;
    },
  };
  return served;
}

/**
 * Opens the case view's action panel named `name` (its button in "Actions on this case") unless it is open, and
 * returns the panel. Only one panel shows at a time.
 */
export async function openPanel(page: Page, name: string): Promise<Locator> {
  const actions = page.getByRole('complementary', { name: 'Actions on this case' });
  // The button's name is the panel's title and any state shown on it (e.g. "notice due").
  const button = actions.getByRole('button', { name }).first();
  if ((await button.getAttribute('aria-expanded')) !== 'true') await button.click();
  const panel = actions.getByRole('region', { name, exact: true });
  await panel.waitFor();
  return panel;
}
