#!/usr/bin/env node
// `npm start`: builds the staff workspace when it is missing or out of date, then runs the server (TypeScript via tsx).
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';
import { ensureWebBuilt } from './web-build.js';

// Settings may also come from a .env file in the working folder (see .env.example); the environment wins.
if (existsSync('.env')) process.loadEnvFile('.env');

const failure = ensureWebBuilt();
if (failure) {
  console.error(`${failure}\nBuilding the staff workspace failed (see above). Fix the build and start again.`);
  process.exit(1);
}
register();
await import('../src/server/main.ts');
