#!/usr/bin/env node
// `npx confide …`: the administration command line (TypeScript via tsx).
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/index.ts');
