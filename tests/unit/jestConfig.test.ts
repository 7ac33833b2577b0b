import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a CommonJS config file shared by the Jest configs
const esm = require(join(root, 'tests', 'helpers', 'esmPackages.cjs')) as {
  transform: Record<string, unknown>;
  transformIgnorePatterns: string[];
  moduleNameMapper: Record<string, string>;
};

describe('Jest configs and ESM-only packages', () => {
  const main = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { jest: Record<string, unknown> }).jest;

  it('the main config (package.json) transpiles the same ESM-only packages as the fault and e2e configs', () => {
    expect(main['transformIgnorePatterns']).toEqual(esm.transformIgnorePatterns);
    for (const [pattern, transformer] of Object.entries(esm.transform)) {
      expect((main['transform'] as Record<string, unknown>)[pattern]).toEqual(transformer);
    }
  });

  it.each(['e2e', 'faults', 'smoke'])('tests/%s/jest.config.cjs uses the shared entries', (suite) => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- the config under test is CommonJS
    const config = require(join(root, 'tests', suite, 'jest.config.cjs')) as Record<string, unknown>;
    expect(config['transformIgnorePatterns']).toEqual(esm.transformIgnorePatterns);
    expect(config['transform']).toMatchObject(esm.transform);
    expect(config['moduleNameMapper']).toEqual(esm.moduleNameMapper);
  });

  it('the main config maps the workspace packages to their sources as the other configs do', () => {
    expect(main['moduleNameMapper']).toMatchObject(esm.moduleNameMapper);
  });

  it('every package listed really ships ES modules only (else the entry is dead weight)', () => {
    const names = /\(\?!\(([^)]+)\)/.exec(esm.transformIgnorePatterns[0] ?? '')?.[1]?.split('|') ?? [];
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) {
      const pkg = JSON.parse(readFileSync(join(root, 'node_modules', name, 'package.json'), 'utf8')) as { type?: string };
      expect(pkg.type).toBe('module');
    }
  });
});
