#!/usr/bin/env node
// `npm start`: builds the staff workspace when it is not built yet, then runs the server (TypeScript via tsx).
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { register } from 'tsx/esm/api';

// Settings may also come from a .env file in the working folder (see .env.example); the environment wins.
if (existsSync('.env')) process.loadEnvFile('.env');

const root = fileURLToPath(new URL('..', import.meta.url));
if (!existsSync(`${root}dist/web/index.html`)) {
  console.log('Building the staff workspace (first start only)…');
  const vite = fileURLToPath(new URL('../node_modules/vite/bin/vite.js', import.meta.url));
  const result = spawnSync(
    process.execPath,
    [vite, 'build', '--config', 'src/web/vite.config.ts', '--logLevel', 'warn'],
    { cwd: root, stdio: 'inherit' },
  );
  if (result.status !== 0) {
    console.error(
      'Building the staff workspace failed (see above). The public site would still work; fix the build and start again.',
    );
    process.exit(result.status ?? 1);
  }
}
register();
await import('../src/server/main.ts');
