import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- the gate is a CommonJS script run before any build
const gate = require(join(root, 'bot', 'scripts', 'checkNode.cjs')) as {
  nodeProblem(version?: string, range?: string): string | undefined;
};
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  engines: { node: string };
  scripts: Record<string, string>;
};

describe('the Node version gate', () => {
  // 22.12 is the first Node 22 that require()s ES modules without a flag (jose 6 ships only ES modules).
  it('package.json asks for Node 22.12 or newer and .nvmrc names 24 (the LTS line the product runs on)', () => {
    expect(pkg.engines.node).toBe('>=22.12');
    expect(readFileSync(join(root, '.nvmrc'), 'utf8').trim()).toBe('24');
  });

  it.each(['v22.12.0', 'v22.23.5', 'v24.22.3', 'v26.12.1'])('lets %s through', (version) => {
    expect(gate.nodeProblem(version)).toBeUndefined();
  });

  it.each(['v20.20.2', 'v18.20.8', 'v21.7.3', 'v22.11.0'])('refuses %s with one line naming the version found and the one needed', (version) => {
    const problem = gate.nodeProblem(version);
    expect(problem).toContain(version);
    expect(problem).toContain('>=22.12');
    expect(problem).not.toContain('\n');
  });

  it('runs before anything else in npm start, npm run serve and every script that builds first', () => {
    expect(pkg.scripts['serve']).toMatch(/^node bot\/scripts\/checkNode\.cjs && /);
    expect(pkg.scripts['start']).toMatch(/^node bot\/scripts\/build\.cjs /);
    const build = readFileSync(join(root, 'bot', 'scripts', 'build.cjs'), 'utf8');
    const firstRequireOfOurs = build.indexOf("require('./checkNode.cjs').exitIfUnsupported()");
    expect(firstRequireOfOurs).toBeGreaterThan(0);
    expect(build.slice(0, firstRequireOfOurs)).not.toMatch(/spawnSync\(|run\(/);
  });

  // The machines this project runs on ship Node 20 at /usr/bin/node: the real refusal, through npm, as a newcomer
  // with that Node would see it. (Skipped where no Node older than 22 is installed.)
  const oldNode = ['/usr/bin/node', '/usr/local/bin/node'].find((p) => {
    if (!existsSync(p)) return false;
    const v = spawnSync(p, ['--version'], { encoding: 'utf8' }).stdout.trim();
    return /^v(1\d|2[01])\./.test(v);
  });
  (oldNode === undefined ? it.skip : it).each(['start', 'serve'])('npm %s on an old Node stops at once with that one line', (script) => {
    const env = { ...process.env, PATH: `${dirname(oldNode ?? '')}:${process.env['PATH'] ?? ''}` };
    const res = spawnSync('npm', ['run', '--silent', script], { cwd: root, env, encoding: 'utf8', timeout: 60_000 });
    expect(res.status).toBe(1);
    const lines = res.stderr.split('\n').filter((l) => l.trim() !== '');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/needs Node >=22\.12 .* this is Node v(1\d|2[01])\./);
  });
});
