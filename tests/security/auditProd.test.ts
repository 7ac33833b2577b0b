import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

/**
 * `npm run audit:prod` (bot/scripts/auditProd.cjs) judged on saved `npm audit --json` outputs: it fails on an
 * unexplained high or critical finding, passes an explained one, refuses an exception without a reason, and — the
 * case on this machine, whose registry answers 405 — says plainly that there is no result (exit 3) instead of
 * claiming "no findings".
 */
const SCRIPT = resolve(__dirname, '..', '..', 'bot', 'scripts', 'auditProd.cjs');
const dir = mkdtempSync(join(tmpdir(), 'audit-'));

function file(name: string, value: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof value === 'string' ? value : JSON.stringify(value));
  return path;
}

function run(report: unknown, exceptions: unknown = []): { status: number | null; out: string } {
  const res = spawnSync(process.execPath, [SCRIPT, '--input', file('report.json', report), '--exceptions', file('exceptions.json', exceptions)], { encoding: 'utf8' });
  return { status: res.status, out: `${res.stdout}${res.stderr}` };
}

const HIGH = {
  auditReportVersion: 2,
  vulnerabilities: {
    'some-lib': {
      name: 'some-lib',
      severity: 'high',
      isDirect: false,
      via: [{ source: 1, name: 'some-lib', title: 'Prototype pollution', url: 'https://github.com/advisories/GHSA-abcd-efgh-ijkl', severity: 'high' }],
      range: '<2.0.0',
      fixAvailable: true,
    },
    'other-lib': { name: 'other-lib', severity: 'moderate', via: ['some-lib'], range: '*', fixAvailable: true },
  },
  metadata: { vulnerabilities: { high: 1, moderate: 1, critical: 0 }, dependencies: { prod: 120 } },
};

describe('audit:prod', () => {
  it('exits 3 and says there is no result when the audit endpoint refuses (405), never "no findings"', () => {
    const { status, out } = run({ message: '405 Method Not Allowed - POST https://registry.npmjs.org/-/npm/v1/security/advisories/bulk', statusCode: 405, method: 'POST', uri: 'https://registry.npmjs.org/-/npm/v1/security/advisories/bulk' });
    expect(status).toBe(3);
    expect(out).toContain('NO RESULT');
    expect(out).not.toMatch(/no high or critical findings/i);
    expect(run('npm ERR! not json').status).toBe(3);
  });

  it('fails (exit 1) on a high finding that is not explained, naming it', () => {
    const { status, out } = run(HIGH);
    expect(status).toBe(1);
    expect(out).toContain('some-lib');
    expect(out).toContain('NOT EXPLAINED');
  });

  it('passes a high finding explained in the exceptions list, printing the reason', () => {
    const reason = 'Only reached from the build tooling, never with user input.';
    const { status, out } = run(HIGH, [{ package: 'some-lib', advisory: 'GHSA-abcd-efgh-ijkl', reason }]);
    expect(status).toBe(0);
    expect(out).toContain(reason);
    // An exception for another advisory does not cover it.
    expect(run(HIGH, [{ package: 'some-lib', advisory: 'GHSA-zzzz-zzzz-zzzz', reason }]).status).toBe(1);
  });

  it('counts a package that is only vulnerable through an explained one as explained', () => {
    const chained = {
      ...HIGH,
      vulnerabilities: { ...HIGH.vulnerabilities, 'some-framework': { name: 'some-framework', severity: 'high', isDirect: true, via: ['some-lib'], range: '*', fixAvailable: false } },
    };
    expect(run(chained).status).toBe(1);
    expect(run(chained, [{ package: 'some-lib', reason: 'Not reachable: we register no route of that shape.' }]).status).toBe(0);
  });

  it('refuses an exception without a reason (exit 2)', () => {
    expect(run(HIGH, [{ package: 'some-lib' }]).status).toBe(2);
  });

  it('passes a report without high or critical findings', () => {
    const { status, out } = run({ auditReportVersion: 2, vulnerabilities: {}, metadata: { vulnerabilities: { high: 0 }, dependencies: { prod: 120 } } });
    expect(status).toBe(0);
    expect(out).toContain('No high or critical findings');
  });

  it('keeps the real exceptions list valid', () => {
    const res = spawnSync(process.execPath, [SCRIPT, '--input', file('empty.json', { vulnerabilities: {}, metadata: {} })], { encoding: 'utf8' });
    expect(res.status).toBe(0);
  });
});
