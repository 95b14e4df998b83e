/**
 * Child process of bench/cores/run.ts: Argon2id hashes per second with the server's parameters, `--concurrency`
 * derivations in flight for `--duration` seconds, on the cores `taskset` gave it and a libuv pool of one thread per
 * core (UV_THREADPOOL_SIZE, set by the parent). Prints `{"perSecond":…,"hashes":…,"duration":…}`.
 */
import { parseArgs } from 'node:util';
import { loadConfig } from '../../src/server/core/config.ts';
import { argon2Throughput } from '../submit/argon2.ts';

const { values } = parseArgs({ options: { concurrency: { type: 'string' }, duration: { type: 'string' } } });
const result = await argon2Throughput(loadConfig({}).argon2, Number(values.concurrency), Number(values.duration));
console.log(JSON.stringify(result));
