#!/usr/bin/env node
// `npm start`: builds the staff workspace when it is missing or out of date, then runs the server (TypeScript via tsx).
import { existsSync } from 'node:fs';
import os from 'node:os';
import { register } from 'tsx/esm/api';
import { ensureWebBuilt } from './web-build.js';

// Settings may also come from a .env file in the working folder (see .env.example); the environment wins.
if (existsSync('.env')) process.loadEnvFile('.env');

// libuv's threads run Argon2id (a thread per hash in progress): one per core, at least libuv's default of 4, unless
// set. Set before anything uses them; worker processes get their share of the cores (src/server/cluster.ts).
process.env.UV_THREADPOOL_SIZE ??= String(Math.max(4, os.availableParallelism()));

const failure = ensureWebBuilt();
if (failure) {
  console.error(`${failure}\nBuilding the staff workspace failed (see above). Fix the build and start again.`);
  process.exit(1);
}
register();
await import('../src/server/main.ts');
