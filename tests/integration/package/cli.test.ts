import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { runPackageCli, parseArgs } from '@soestainable/bot/appPackage/cli';
import { isPackageError } from '@soestainable/bot/appPackage/errors';
import { PackageFixture, REPO_ROOT } from './fixture';

/** `npm run package [-- --env <name>]`: the command line's arguments, output and exit code. */

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { out: (t: string) => out.push(t), err: (t: string) => err.push(t) }, out, err };
}

let f: PackageFixture;
beforeEach(() => {
  f = new PackageFixture();
});
afterEach(() => f.remove());

describe('arguments', () => {
  it('defaults to dev; takes --env name, --env=name and --root', () => {
    expect(parseArgs([])).toEqual({ env: 'dev', root: undefined, help: false });
    expect(parseArgs(['--env', 'prod'])).toMatchObject({ env: 'prod' });
    expect(parseArgs(['--env=test', '--root', '/x'])).toMatchObject({ env: 'test', root: '/x' });
  });

  it('refuses an unknown argument or a missing value, showing the usage', () => {
    for (const argv of [['--bogus'], ['--env'], ['--env', '--root']]) {
      let caught: unknown;
      try {
        parseArgs(argv);
      } catch (err) {
        caught = err;
      }
      expect(isPackageError(caught, 'ARGS_INVALID')).toBe(true);
      expect((caught as Error).message).toMatch(/Usage: npm run package/);
    }
  });
});

describe('runPackageCli', () => {
  it('reports the package, its size, the schema version and the validation time; exit code 0', async () => {
    const c = capture();
    expect(await runPackageCli(['--root', f.root], REPO_ROOT, c.io)).toBe(0);
    const text = c.out.join('');
    expect(text).toMatch(/✔ manifest\/build\/appPackage\.dev\.zip: \d+\.\d KiB \(manifest\.json, color\.png, outline\.png, nl\.json, en\.json\)/);
    expect(text).toMatch(/valid against the Teams schema v1\.22 \(offline, \d+\.\d\d s\)/);
    expect(text).toMatch(/⚠ infra\/env\/\.env\.dev holds example ids/);
    expect(c.err).toEqual([]);
  });

  it('a failure: the problem, its code and "No zip was written" on stderr; exit code 1', async () => {
    const c = capture();
    expect(await runPackageCli(['--root', f.root, '--env', 'acceptatie'], REPO_ROOT, c.io)).toBe(1);
    const text = c.err.join('');
    expect(text).toMatch(/✖ App package not built: The environment file infra\/env\/\.env\.acceptatie does not exist/);
    expect(text).toMatch(/\(ENV_FILE_MISSING\) No zip was written \(manifest\/build\/appPackage\.acceptatie\.zip\)/);
    expect(c.out).toEqual([]);
  });
});

describe('the built command (bot/dist/src/cli/packageApp.js, as npm run package runs it)', () => {
  const cli = join(REPO_ROOT, 'bot/dist/src/cli/packageApp.js');
  const run = (...args: string[]) => spawnSync(process.execPath, [cli, '--root', f.root, ...args], { encoding: 'utf8', timeout: 20_000 });

  beforeAll(() => {
    if (!existsSync(cli)) throw new Error(`${cli} is missing: run \`npx tsc -b\` (npm test does) first`);
  });

  it('writes the zip and exits 0', () => {
    const res = run('--env', 'dev');
    expect({ status: res.status, stderr: res.stderr }).toEqual({ status: 0, stderr: '' });
    expect(existsSync(join(f.root, 'manifest/build/appPackage.dev.zip'))).toBe(true);
  });

  it('exits 1 naming the unfilled variable, without a zip', () => {
    f.setEnv('dev', 'AAD_APP_CLIENT_ID', '');
    const res = run();
    expect(res.status).toBe(1);
    expect(res.stderr).toMatch(/AAD_APP_CLIENT_ID \(used in manifest\/manifest\.json\)/);
    expect(existsSync(join(f.root, 'manifest/build/appPackage.dev.zip'))).toBe(false);
  });
});
