import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * Short functions (issue 14, item 6) are enforced by ESLint's max-lines-per-function in the packages' sources:
 * 80 lines (blank lines and comments not counted) in .ts, 150 in the tab's .tsx components, whose JSX tree counts.
 * These cases prove the limit fires one line past it and stays quiet at it.
 */

/** A function of exactly `lines` lines, header and closing brace included; `extra` adds lines that do not count. */
function fn(lines: number, extra = ''): string {
  const body = Array.from({ length: lines - 4 }, () => '  x += 1;');
  return ['export function f(): number {', '  let x = 0;', ...body, `${extra}  return x;`, '}', ''].join('\n');
}

/** A component of exactly `lines` lines whose length is its JSX tree. */
function component(lines: number): string {
  const items = Array.from({ length: lines - 6 }, (_, i) => `      <p>${i}</p>`);
  return ['export function C() {', '  return (', '    <div>', ...items, '    </div>', '  );', '}', ''].join('\n');
}

const rejected: Array<[string, string, string]> = [
  ['a function of 81 lines', fn(81), 'bot/src/features/probe.ts'],
  ['a function of 81 lines', fn(81), 'bot/src/probe.ts'],
  ['a function of 81 lines', fn(81), 'shared/src/probe.ts'],
  ['a function of 81 lines', fn(81), 'tab/src/probe.ts'],
  ['a component of 151 lines', component(151), 'tab/src/pages/probe.tsx'],
];
const allowed: Array<[string, string, string]> = [
  ['a function of 80 lines', fn(80), 'bot/src/features/probe.ts'],
  ['a function of 80 lines', fn(80), 'bot/src/probe.ts'],
  ['a function of 80 lines', fn(80), 'shared/src/probe.ts'],
  ['a function of 80 lines', fn(80), 'tab/src/probe.ts'],
  ['a function of 80 lines of code, with blank lines and comments besides', fn(80, '\n  // a comment\n  /* and another */\n\n'), 'bot/src/probe.ts'],
  ['a component of 150 lines', component(150), 'tab/src/pages/probe.tsx'],
  // Tests and scripts are free.
  ['a function of 81 lines', fn(81), 'tests/unit/probe.test.ts'],
];

let results: string[][] = [];

beforeAll(() => {
  const input = JSON.stringify([...rejected, ...allowed].map(([, code, file]) => ({ code, file })));
  const stdout = execFileSync(process.execPath, [join(__dirname, '..', 'helpers', 'lintProbe.cjs')], { input, encoding: 'utf8' });
  results = JSON.parse(stdout) as string[][];
}, 60_000);

describe('function length', () => {
  it('counts the probes as they say (the helpers make functions of exactly that many lines)', () => {
    expect(fn(81).trimEnd().split('\n')).toHaveLength(81);
    expect(fn(80, '\n  // a comment\n\n').trimEnd().split('\n')).toHaveLength(83);
    expect(component(151).trimEnd().split('\n')).toHaveLength(151);
  });

  it.each(rejected.map((c, i) => [c[0], c[2], i] as const))('rejects %s in %s', (_what, _file, i) => {
    expect(results[i]).toContain('max-lines-per-function');
  });

  it.each(allowed.map((c, i) => [c[0], c[2], rejected.length + i] as const))('allows %s in %s', (_what, _file, i) => {
    expect(results[i]).toEqual([]);
  });
});
