#!/usr/bin/env node
// `npx confide …`: the administration command line (TypeScript via tsx).
import { existsSync } from 'node:fs';
import { register } from 'tsx/esm/api';

// Settings may also come from a .env file in the working folder (see .env.example); the environment wins.
if (existsSync('.env')) process.loadEnvFile('.env');

register();
await import('../src/cli/index.ts');
