/** The offline dependency check (npm run deps:check): lockfile rules, engines, and reading npm audit's answer. */
import { readFileSync } from 'node:fs';
import semver from 'semver';
import { describe, expect, it } from 'vitest';
import { findProblems, installedPackages, readAudit, type Lockfile, type Rules } from '../bin/deps/check.ts';

const readJson = <T>(file: string): T => JSON.parse(readFileSync(new URL(`../${file}`, import.meta.url), 'utf8')) as T;
const RULES = readJson<Rules>('bin/deps/rules.json');
const SUPPORTED = readJson<{ engines: { node: string } }>('package.json').engines.node;

const lock = (packages: Lockfile['packages']): Lockfile => ({
  lockfileVersion: 3,
  packages: { '': { name: 'confide', version: '0.1.0' }, ...packages },
});

describe('the lockfile check', () => {
  it('passes the lockfile as committed', () => {
    expect(findProblems(installedPackages(readJson<Lockfile>('package-lock.json')), RULES, SUPPORTED)).toEqual([]);
  });

  it('has a valid range, and a reason, in every rule; an id for every advisory', () => {
    for (const rule of [...RULES.advisories, ...RULES.constraints, ...RULES.engineExceptions]) {
      expect(semver.validRange(rule.versions), rule.package).not.toBeNull();
      expect(rule.reason.length, rule.package).toBeGreaterThan(10);
    }
    for (const rule of RULES.advisories) expect(rule.id, rule.package).toMatch(/^GHSA(-[23456789cfghjmpqrvwx]{4}){3}$/);
  });

  it('names the versions Confide cannot use, wherever they are installed, and why', () => {
    const found = findProblems(
      installedPackages(
        lock({
          'node_modules/better-sqlite3': { version: '13.0.1' },
          'node_modules/kysely': { version: '0.29.0', engines: { node: '>=22' } },
          'node_modules/vitest/node_modules/vite': { version: '8.4.1' },
          'node_modules/vite': { version: '8.3.8' },
          'node_modules/vitest': { version: '4.1.12' },
          'node_modules/@scope/tool/node_modules/fastify': { version: '5.3.1' },
        }),
      ),
      RULES,
      SUPPORTED,
    );
    expect(found.map((f) => [f.kind, `${f.package}@${f.version}`, f.path])).toEqual([
      ['constraint', 'better-sqlite3@13.0.1', 'node_modules/better-sqlite3'],
      ['constraint', 'kysely@0.29.0', 'node_modules/kysely'],
      ['engine', 'kysely@0.29.0', 'node_modules/kysely'],
      ['constraint', 'vite@8.4.1', 'node_modules/vitest/node_modules/vite'],
      ['advisory', 'fastify@5.3.1', 'node_modules/@scope/tool/node_modules/fastify'],
    ]);
    expect(found[0]!.message).toBe('better-sqlite3 13 crashes on Node 20, which Confide supports; stay on 12.x');
    expect(found[2]!.message).toBe(
      'needs Node >=22, but Confide supports Node >=20.19 <21 || >=22 (from 20.19.0); choose a version that runs there, or list it in bin/deps/rules.json engineExceptions with the reason it does',
    );
    expect(found[4]!.message).toBe(
      'GHSA-mg2h-6x62-wpwc: a crafted Content-Type header bypasses body validation (affected: >=5.0.0 <5.3.2)',
    );
  });

  it('lets a package that needs Node 22 through only when excepted with a reason', () => {
    const installed = installedPackages(
      lock({
        'node_modules/cookie': { version: '2.0.2', engines: { node: '>=22' } },
        'node_modules/other': { version: '1.0.0', engines: { node: '>=22.12' } },
      }),
    );
    expect(findProblems(installed, RULES, SUPPORTED).map((f) => f.package)).toEqual(['other']);
  });

  it('refuses a lockfile older than npm 7', () => {
    expect(() => installedPackages({ lockfileVersion: 1, packages: undefined as never })).toThrow(
      'package-lock.json has lockfileVersion 1; run npm install with npm 7 or later',
    );
  });
});

describe("reading npm audit's answer", () => {
  it('says why there is none when the registry has no advisory endpoint', () => {
    const proxy = JSON.stringify({
      message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
      statusCode: 405,
    });
    expect(readAudit(proxy)).toEqual({
      answered: false,
      reason: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk',
    });
    expect(readAudit('')).toEqual({ answered: false, reason: 'npm audit printed no report (nothing)' });
  });

  it('lists the packages with high and critical advisories', () => {
    const report = JSON.stringify({
      auditReportVersion: 2,
      vulnerabilities: { a: { severity: 'low' }, b: { severity: 'high' }, c: { severity: 'critical' } },
      metadata: { vulnerabilities: { low: 1, moderate: 0, high: 1, critical: 1, total: 3 } },
    });
    expect(readAudit(report)).toEqual({
      answered: true,
      counts: { low: 1, moderate: 0, high: 1, critical: 1, total: 3 },
      serious: ['b (high)', 'c (critical)'],
    });
  });
});
