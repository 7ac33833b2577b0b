#!/usr/bin/env node
// `npm run audit:prod`: `npm audit --omit=dev --json`, judged. Prints every high or critical finding in the
// production dependencies and fails unless each is listed, with a reason, in docs/security-audit-exceptions.json:
//   [{ "package": "name", "advisory": "GHSA-… or advisory URL (optional: all of the package's)", "reason": "why it does not apply / what mitigates it" }]
// When the audit endpoint cannot be asked (this machine's registry answers 405) it says so and exits 3: no answer
// is never reported as "no findings".
//
// Exit codes: 0 no unexplained high/critical finding; 1 unexplained findings; 2 the exceptions file is invalid;
// 3 the audit gave no usable answer (endpoint unreachable or refused, output not understood).
// `--input <file>` judges a saved `npm audit --json` output instead of running npm, `--exceptions <file>` reads
// another exceptions list (both for tests and offline review).
const { spawnSync } = require('node:child_process');
const { existsSync, readFileSync } = require('node:fs');
const { resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const SEVERE = new Set(['high', 'critical']);

function argValue(name) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const EXCEPTIONS_FILE = resolve(argValue('--exceptions') ?? resolve(root, 'docs', 'security-audit-exceptions.json'));

function readAudit() {
  const input = argValue('--input');
  if (input !== undefined) return { text: readFileSync(resolve(input), 'utf8'), stderr: '', status: null };
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const res = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, shell: process.platform === 'win32' });
  if (res.error) return { text: '', stderr: String(res.error.message), status: res.status };
  return { text: res.stdout ?? '', stderr: res.stderr ?? '', status: res.status };
}

function unusable(why) {
  console.error('npm audit --omit=dev: NO RESULT. ' + why);
  console.error('This is not "no findings": the advisory database was not consulted. Run it where the registry answers');
  console.error('(registry.npmjs.org), or review the production dependencies by hand (npm ls --omit=dev).');
  process.exit(3);
}

function loadExceptions() {
  if (!existsSync(EXCEPTIONS_FILE)) return [];
  let list;
  try {
    list = JSON.parse(readFileSync(EXCEPTIONS_FILE, 'utf8'));
  } catch (err) {
    console.error(`${EXCEPTIONS_FILE}: not valid JSON (${err.message})`);
    process.exit(2);
  }
  const problems = [];
  if (!Array.isArray(list)) problems.push('must be a JSON array');
  else {
    list.forEach((e, i) => {
      if (typeof e !== 'object' || e === null) problems.push(`entry ${i}: must be an object`);
      else {
        if (typeof e.package !== 'string' || e.package.trim() === '') problems.push(`entry ${i}: "package" is required`);
        if (typeof e.reason !== 'string' || e.reason.trim().length < 10) problems.push(`entry ${i}: "reason" is required (a sentence, not a placeholder)`);
        if (e.advisory !== undefined && typeof e.advisory !== 'string') problems.push(`entry ${i}: "advisory" must be a string`);
      }
    });
  }
  if (problems.length > 0) {
    console.error(`${EXCEPTIONS_FILE}:\n  - ${problems.join('\n  - ')}`);
    process.exit(2);
  }
  return list;
}

/** The advisories behind a vulnerable package (its `via` entries that are advisories, not other packages). */
function advisoriesOf(vuln) {
  return (Array.isArray(vuln.via) ? vuln.via : []).filter((v) => typeof v === 'object' && v !== null);
}

function ghsaOf(url) {
  const m = /GHSA-[a-z0-9]{4}-[a-z0-9]{4}-[a-z0-9]{4}/i.exec(String(url ?? ''));
  return m ? m[0] : undefined;
}

function main() {
  const { text, stderr, status } = readAudit();
  let report;
  try {
    report = JSON.parse(text);
  } catch {
    unusable(`npm printed no JSON report (exit ${status}). ${stderr.split('\n').filter(Boolean).slice(0, 3).join(' ')}`);
  }
  if (typeof report !== 'object' || report === null) unusable('npm printed something other than a report.');
  if (report.statusCode !== undefined || report.error !== undefined || report.vulnerabilities === undefined) {
    const what = report.statusCode !== undefined ? `the audit endpoint answered HTTP ${report.statusCode}` : 'npm reported an error';
    unusable(`${what}${report.uri ? ` (${report.method ?? 'POST'} ${report.uri})` : ''}${report.message ? `: ${report.message}` : ''}.`);
  }

  const exceptions = loadExceptions();
  const findings = [];
  for (const [name, vuln] of Object.entries(report.vulnerabilities)) {
    if (!SEVERE.has(vuln.severity)) continue;
    const advisories = advisoriesOf(vuln);
    const ids = advisories.map((a) => ghsaOf(a.url) ?? a.url ?? String(a.source ?? '')).filter(Boolean);
    const exception = exceptions.find(
      (e) => e.package === name && (e.advisory === undefined || ids.some((id) => id === e.advisory || String(id).includes(e.advisory))),
    );
    findings.push({
      name,
      severity: vuln.severity,
      range: vuln.range ?? '',
      direct: vuln.isDirect === true,
      titles: advisories.map((a) => `${a.title ?? 'advisory'}${a.url ? ` <${a.url}>` : ''}`),
      via: (Array.isArray(vuln.via) ? vuln.via : []).filter((v) => typeof v === 'string'),
      fix: vuln.fixAvailable === true ? 'fix available' : typeof vuln.fixAvailable === 'object' && vuln.fixAvailable ? `fix: ${vuln.fixAvailable.name}@${vuln.fixAvailable.version}` : 'no fix listed',
      exception,
    });
  }

  const counts = report.metadata?.vulnerabilities ?? {};
  const deps = report.metadata?.dependencies;
  const prod = typeof deps === 'object' && deps !== null ? (deps.prod ?? deps.total) : deps;
  console.log(`npm audit --omit=dev: ${prod ?? '?'} production dependencies; findings by severity: ${JSON.stringify(counts)}`);
  if (findings.length === 0) {
    console.log('No high or critical findings.');
    return 0;
  }
  // A package that is only vulnerable through others (npm lists it with `via: ['find-my-way']` and no advisory
  // of its own) is explained when everything it goes through is.
  const byName = new Map(findings.map((f) => [f.name, f]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const f of findings) {
      if (f.exception || f.titles.length > 0 || f.via.length === 0) continue;
      if (f.via.every((name) => byName.get(name)?.exception !== undefined || !byName.has(name))) {
        f.exception = { reason: `only through ${f.via.join(', ')}, explained above` };
        changed = true;
      }
    }
  }
  const unexplained = findings.filter((f) => !f.exception);
  for (const f of findings) {
    console.log(`\n${f.severity.toUpperCase()}  ${f.name} ${f.range}${f.direct ? ' (direct dependency)' : ''}  [${f.fix}]`);
    for (const t of f.titles) console.log(`  - ${t}`);
    if (f.via.length > 0) console.log(`  through: ${f.via.join(', ')}`);
    console.log(f.exception ? `  EXPLAINED: ${f.exception.reason}` : '  NOT EXPLAINED: fix it, or add it with a reason to docs/security-audit-exceptions.json');
  }
  console.log(`\n${findings.length} high/critical finding(s), ${unexplained.length} not explained.`);
  return unexplained.length > 0 ? 1 : 0;
}

process.exitCode = main();
