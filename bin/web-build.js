// Builds the staff workspace (dist/web) when it is missing or older than its sources (src/web, src/shared).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));

function newestUnder(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) newest = Math.max(newest, statSync(path.join(entry.parentPath, entry.name)).mtimeMs);
  }
  return newest;
}

/** @returns null when the build is fresh or was made, else the build's output for an error message */
export function ensureWebBuilt({ quiet = false } = {}) {
  const index = path.join(root, 'dist/web/index.html');
  const sources = Math.max(newestUnder(path.join(root, 'src/web')), newestUnder(path.join(root, 'src/shared')));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return null;
  if (!quiet) console.log('Building the staff workspace…');
  const vite = path.join(root, 'node_modules/vite/bin/vite.js');
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'error'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  return result.status === 0 ? null : `${result.stdout}\n${result.stderr}`;
}
