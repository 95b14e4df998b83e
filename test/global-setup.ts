/**
 * Runs once before all test files: builds the staff workspace for the end-to-end tests (when a browser is there
 * to run them), so that parallel test files never build it at the same time.
 */
import fs from 'node:fs';
import { ensureWebBuilt } from '../bin/web-build.js';

export default function setup(): void {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!fs.existsSync(chromium)) return;
  const failure = ensureWebBuilt({ quiet: true });
  if (failure) throw new Error(`building the staff workspace failed:\n${failure}`);
}
