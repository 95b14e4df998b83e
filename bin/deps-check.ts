/**
 * `npm run deps:check`: the dependency check CI runs before the tests, which works without network.
 * 1. package-lock.json against bin/deps/rules.json (advisories, versions that break Confide) and against the Node
 *    versions in package.json `engines` — see bin/deps/check.ts;
 * 2. `npm audit` (high and critical fail), when the registry's advisory service answers; when it does not, the
 *    reason is printed and the check still passes on step 1.
 * Exit 0: nothing wrong; 1: something is (each finding says what and why); 2: the check itself could not run.
 * `--offline` skips npm audit.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findProblems, installedPackages, readAudit, type Lockfile, type Rules } from './deps/check.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const readJson = <T>(file: string): T => JSON.parse(readFileSync(path.join(ROOT, file), 'utf8')) as T;
/** How long npm audit may take before it counts as no answer. */
const AUDIT_TIMEOUT_MS = 120_000;

function audit(): { failed: boolean } {
  const run = spawnSync('npm', ['audit', '--json'], { cwd: ROOT, encoding: 'utf8', timeout: AUDIT_TIMEOUT_MS });
  const outcome = run.error
    ? { answered: false as const, reason: `npm audit could not run: ${run.error.message}` }
    : readAudit(run.stdout);
  if (!outcome.answered) {
    console.log(`npm audit: skipped, the advisory service did not answer: ${outcome.reason}`);
    return { failed: false };
  }
  const counts = Object.entries(outcome.counts)
    .filter(([severity, n]) => n > 0 && severity !== 'total')
    .map(([severity, n]) => `${n} ${severity}`);
  console.log(`npm audit: ${counts.length ? counts.join(', ') : 'no known vulnerabilities'}`);
  for (const name of outcome.serious) console.log(`  ${name}: run npm audit for the advisory and its fix`);
  return { failed: outcome.serious.length > 0 };
}

function main(): number {
  const offline = process.argv.includes('--offline');
  const pkg = readJson<{ engines?: { node?: string } }>('package.json');
  const supported = pkg.engines?.node;
  if (!supported) {
    console.error('package.json has no engines.node: the check needs the Node versions Confide supports.');
    return 2;
  }
  const installed = installedPackages(readJson<Lockfile>('package-lock.json'));
  const findings = findProblems(installed, readJson<Rules>('bin/deps/rules.json'), supported);
  console.log(`Lockfile: ${installed.length} packages checked against bin/deps/rules.json and Node ${supported}.`);
  for (const f of findings) console.log(`  ${f.kind}: ${f.package}@${f.version} (${f.path}): ${f.message}`);
  if (findings.length === 0) console.log('Lockfile: nothing known to be wrong.');
  const audited = offline ? (console.log('npm audit: skipped (--offline).'), { failed: false }) : audit();
  return findings.length > 0 || audited.failed ? 1 : 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`The dependency check could not run: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 2;
}
