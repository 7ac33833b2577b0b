import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * `shared` and `bot` are npm workspaces (`@soestainable/shared`, `@soestainable/bot`): TypeScript reads the
 * "types" export (the sources), Vite the "source" condition, Node the "default" (the build in `<package>/dist`).
 * Folder entry points (`index.ts`) need their own export, since an export pattern maps to one file.
 */
const root = join(__dirname, '..', '..');

interface PackageJson {
  name: string;
  typesVersions?: Record<string, Record<string, string[]>>;
  exports: Record<string, { types: string; source: string; default: string }>;
}

function folderEntries(srcDir: string): string[] {
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(dir, entry.name));
      else if (entry.name === 'index.ts' && dir !== srcDir) found.push(relative(srcDir, dir));
    }
  };
  walk(srcDir);
  return found.sort();
}

describe.each([
  ['shared', 'shared'],
  ['bot', 'bot'],
  ['testing', 'tests/testing'],
])('the %s workspace package', (name, folder) => {
  const pkg = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as PackageJson;

  it('is named @soestainable/<name> and linked into node_modules by npm', () => {
    expect(pkg.name).toBe(`@soestainable/${name}`);
    expect(existsSync(join(root, 'node_modules', '@soestainable', name, 'package.json'))).toBe(true);
  });

  it('exports every folder entry point (index.ts), so `@soestainable/<package>/<folder>` resolves', () => {
    const exported = Object.keys(pkg.exports).filter((key) => !key.includes('*')).map((key) => key.slice(2));
    expect(exported.sort()).toEqual(folderEntries(join(root, folder, 'src')));
  });

  it('maps types and source to src/ and default to the build in dist/src/', () => {
    for (const [key, target] of Object.entries(pkg.exports)) {
      const sub = key.slice(2).replace(/\.json$/, '');
      const file = key.endsWith('.json') ? `${sub}.json` : key.includes('*') ? '*.ts' : `${sub}/index.ts`;
      expect(target.types).toBe(`./src/${file}`);
      expect(target.source).toBe(target.types);
      expect(target.default).toBe(target.types.replace('./src/', './dist/src/').replace(/\.ts$/, '.js'));
    }
  });
});

describe.each(['shared', 'bot'])('the %s package for TypeScript without "exports" (the tab tests\' node10 resolution)', (folder) => {
  it('maps every sub-path to src/ through "typesVersions"', () => {
    const pkg = JSON.parse(readFileSync(join(root, folder, 'package.json'), 'utf8')) as PackageJson;
    expect(pkg.typesVersions).toEqual({ '*': { '*': ['src/*', 'src/*/index.ts'] } });
  });
});

describe('Node resolves the package names to the build (what `npm start` and the benches run)', () => {
  it('a folder entry point and a module, from outside the packages', () => {
    const script = [
      "console.log(require.resolve('@soestainable/shared/calendar'));",
      "console.log(require.resolve('@soestainable/shared/privacy/disclosure'));",
      "console.log(require.resolve('@soestainable/bot/storage/repositories'));",
      "console.log(require.resolve('@soestainable/testing/seeded'));",
    ].join('');
    const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8' }).trim().split('\n');
    expect(out.map((path) => relative(root, path))).toEqual([
      'shared/dist/src/calendar/index.js',
      'shared/dist/src/privacy/disclosure.js',
      'bot/dist/src/storage/repositories/index.js',
      'tests/testing/dist/src/seeded.js',
    ]);
  });

  it('nothing test-only is compiled into the server (bot/dist)', () => {
    const walk = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? walk(join(dir, e.name)) : [join(dir, e.name)]));
    const built = walk(join(root, 'bot', 'dist', 'src')).filter((file) => file.endsWith('.js'));
    expect(built.length).toBeGreaterThan(100);
    expect(built.filter((file) => /[\\/](testing|tests?)[\\/]/.test(relative(root, file)))).toEqual([]);
    expect(built.filter((file) => readFileSync(file, 'utf8').includes('@soestainable/testing'))).toEqual([]);
  });
});
