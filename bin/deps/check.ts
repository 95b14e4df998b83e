/**
 * The offline part of `npm run deps:check`: what package-lock.json installs, held against bin/deps/rules.json (known
 * advisories, versions that break Confide, engine exceptions) and against the Node versions Confide supports
 * (package.json `engines.node`). Pure functions: bin/deps-check.ts reads the files and runs npm audit.
 */
import semver from 'semver';

/** One rule of bin/deps/rules.json; `versions` is an npm semver range of the versions it is about. */
export interface VersionRule {
  package: string;
  versions: string;
  reason: string;
  /** An advisory's id (GHSA-…), for advisories. */
  id?: string;
}

export interface Rules {
  advisories: VersionRule[];
  constraints: VersionRule[];
  engineExceptions: VersionRule[];
}

/** package-lock.json (lockfileVersion 2 or 3): installed packages by their path under node_modules. */
export interface Lockfile {
  lockfileVersion: number;
  packages: Record<string, { name?: string; version?: string; engines?: { node?: string } | string[]; link?: boolean }>;
}

export interface Installed {
  name: string;
  version: string;
  /** Where it is installed, e.g. `node_modules/vitest/node_modules/vite`. */
  path: string;
  /** Its `engines.node` range, if it declares one. */
  node: string | null;
}

export interface Finding {
  kind: 'advisory' | 'constraint' | 'engine';
  package: string;
  version: string;
  path: string;
  /** What is wrong and why, in one line. */
  message: string;
}

/**
 * Every package the lockfile installs (not the root project, not workspace links).
 * @throws Error when the lockfile is older than lockfileVersion 2 (npm 7), which has no `packages` map
 */
export function installedPackages(lock: Lockfile): Installed[] {
  if (!(lock.lockfileVersion >= 2) || typeof lock.packages !== 'object')
    throw new Error(
      `package-lock.json has lockfileVersion ${lock.lockfileVersion}; run npm install with npm 7 or later`,
    );
  return Object.entries(lock.packages).flatMap(([path, entry]) => {
    if (path === '' || entry.link || !entry.version) return [];
    const name = entry.name ?? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
    const engines = entry.engines;
    const node = engines && !Array.isArray(engines) && typeof engines.node === 'string' ? engines.node : null;
    return [{ name, version: entry.version, path, node }];
  });
}

const matches = (rule: VersionRule, pkg: Installed) =>
  rule.package === pkg.name && semver.satisfies(pkg.version, rule.versions, { includePrerelease: true });

/**
 * What is wrong with `installed`: versions named by an advisory or a constraint, and packages whose `engines.node`
 * leaves out the oldest Node version Confide supports (`supportedNode`, package.json's range), unless excepted.
 * @throws Error when `supportedNode` is not a valid range
 */
export function findProblems(installed: readonly Installed[], rules: Rules, supportedNode: string): Finding[] {
  const oldest = semver.minVersion(supportedNode);
  if (!oldest) throw new Error(`package.json engines.node "${supportedNode}" is not a valid range`);
  const findings: Finding[] = [];
  for (const pkg of installed) {
    const at = { package: pkg.name, version: pkg.version, path: pkg.path };
    for (const rule of rules.advisories.filter((r) => matches(r, pkg)))
      findings.push({ kind: 'advisory', ...at, message: `${rule.id}: ${rule.reason} (affected: ${rule.versions})` });
    for (const rule of rules.constraints.filter((r) => matches(r, pkg)))
      findings.push({ kind: 'constraint', ...at, message: rule.reason });
    if (
      pkg.node &&
      semver.validRange(pkg.node) &&
      !semver.satisfies(oldest, pkg.node) &&
      !rules.engineExceptions.some((r) => matches(r, pkg))
    )
      findings.push({
        kind: 'engine',
        ...at,
        message: `needs Node ${pkg.node}, but Confide supports Node ${supportedNode} (from ${oldest.version}); choose a version that runs there, or list it in bin/deps/rules.json engineExceptions with the reason it does`,
      });
  }
  return findings;
}

/** What `npm audit --json` printed, read: the advisories found, or why there is no answer. */
export type AuditOutcome =
  { answered: true; counts: Record<string, number>; serious: string[] } | { answered: false; reason: string };

/**
 * Reads the output of `npm audit --json`. `serious` lists the packages with a high or critical advisory.
 * An error object (the registry has no advisory endpoint: 404, 405, a proxy; no network) is "no answer" with its
 * message; so is output that is not JSON.
 */
export function readAudit(stdout: string): AuditOutcome {
  let report: unknown;
  try {
    report = JSON.parse(stdout);
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    return { answered: false, reason: `npm audit printed no report (${stdout.trim().split('\n')[0] || 'nothing'})` };
  }
  const r = report as {
    vulnerabilities?: Record<string, { severity?: string }>;
    metadata?: { vulnerabilities?: Record<string, number> };
    message?: string;
    error?: { summary?: string };
  };
  if (!r.vulnerabilities || typeof r.vulnerabilities !== 'object')
    return { answered: false, reason: r.message ?? r.error?.summary ?? 'npm audit answered without a report' };
  const serious = Object.entries(r.vulnerabilities)
    .filter(([, v]) => v.severity === 'high' || v.severity === 'critical')
    .map(([name, v]) => `${name} (${v.severity})`);
  return { answered: true, counts: r.metadata?.vulnerabilities ?? {}, serious };
}
