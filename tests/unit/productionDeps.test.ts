import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, relative, resolve } from 'node:path';

/**
 * The production install (`npm run stage:webapp`, `npm ci --omit=dev`) holds only what the server loads at run
 * time: every package the server's code imports is a dependency, and libraries only the tab's bundle uses (React,
 * Fluent UI, charts, teams-js) are devDependencies, since Vite has already bundled them into dist/tab.
 */
const root = join(__dirname, '..', '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};
/** Dependencies the server needs without importing them itself, and why. */
const PEERS: Record<string, string> = { 'adaptive-expressions': 'peer dependency of adaptivecards-templating' };

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `import … from 'x'` and `import 'x'` that load code (type-only imports are erased and do not count). */
const IMPORT = /^\s*(?:import|export)\s+(?!type\s)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;

function packageName(spec: string): string | undefined {
  if (spec.startsWith('.') || spec.startsWith('node:') || builtinModules.includes(spec)) return undefined;
  return spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0];
}

/** A workspace package (`@soestainable/shared/x`): npm links it into every install; its sources are followed. */
const WORKSPACE = /^@soestainable\/(shared|bot)\/(.+)$/;

function resolveTs(from: string, spec: string): string {
  const workspace = WORKSPACE.exec(spec);
  const base = workspace ? join(root, workspace[1] ?? '', 'src', workspace[2] ?? '') : resolve(dirname(from), spec);
  const candidate = [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts')].find((p) => existsSync(p));
  if (candidate === undefined) throw new Error(`cannot resolve ${spec} from ${relative(root, from)}`);
  return candidate;
}

/** Packages loaded at run time by the code reachable from `entries` (following relative imports), or by `files`. */
function packagesLoaded(entries: string[], follow = true): Map<string, string> {
  const found = new Map<string, string>();
  const seen = new Set<string>();
  const queue = entries.map((e) => join(root, e));
  for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
    if (seen.has(file)) continue;
    seen.add(file);
    for (const m of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const spec = m[1] ?? '';
      const name = WORKSPACE.test(spec) ? undefined : packageName(spec);
      if (name !== undefined) {
        if (!found.has(name)) found.set(name, relative(root, file));
      } else if (follow && (spec.startsWith('.') || WORKSPACE.test(spec)) && !spec.endsWith('.json')) {
        queue.push(resolveTs(file, spec));
      }
    }
  }
  return found;
}

describe('the production install', () => {
  // What App Service runs (infra/azure.bicep's appCommandLine) and what the jobs' timer runs, with all they import.
  const server = packagesLoaded(['bot/src/index.ts', 'bot/src/cli/job.ts']);
  server.set('semver', 'bot/scripts/checkNode.cjs'); // the Node gate in front of `npm run serve`
  const tab = packagesLoaded(sources(join(root, 'tab/src')).map((p) => relative(root, p)), false);

  it('finds the packages the server loads (the scan works)', () => {
    expect([...server.keys()]).toEqual(expect.arrayContaining(['botbuilder', 'restify', '@azure/data-tables', 'zod', 'jose', 'luxon']));
    expect(server.has('jszip')).toBe(false); // the app package is built by `npm run package`, never by the server
    expect([...tab.keys()]).toEqual(expect.arrayContaining(['react', '@fluentui/react-components', 'recharts']));
  });

  it('every package the server loads at run time is a production dependency', () => {
    const missing = [...server].filter(([name]) => pkg.dependencies[name] === undefined).map(([name, file]) => `${name} (${file})`);
    expect(missing).toEqual([]);
  });

  it('libraries only the tab uses are devDependencies (Vite bundles them; the web app does not ship them)', () => {
    const tabOnly = [...tab.keys()].filter((name) => !server.has(name));
    expect(tabOnly.length).toBeGreaterThan(3);
    expect(tabOnly.filter((name) => pkg.dependencies[name] !== undefined)).toEqual([]);
    expect(tabOnly.filter((name) => pkg.devDependencies[name] === undefined)).toEqual([]);
  });

  it('every production dependency is loaded by the server, or is a peer it needs (no dead weight)', () => {
    const unused = Object.keys(pkg.dependencies).filter((name) => !server.has(name) && PEERS[name] === undefined);
    expect(unused).toEqual([]);
  });
});
