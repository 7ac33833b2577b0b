import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The dependency direction bot → shared ← tab is enforced by ESLint: these cases prove the rules fire where they
 * must (a rule that never fires would let a mistake through CI) and stay quiet where they must not.
 */
const rejected: Array<[string, string]> = [
  ["import { x } from '../../tab/src/texts';\nexport const y = x;", 'bot/src/probe.ts'],
  ["import { x } from '@soestainable/bot/config';\nexport const y = x;", 'tab/src/probe.ts'],
  ["import { readFileSync } from 'node:fs';\nexport const y = readFileSync;", 'tab/src/probe.ts'],
  ["import { readFileSync } from 'node:fs';\nexport const y = readFileSync;", 'shared/src/probe.ts'],
  ["import { TableClient } from '@azure/data-tables';\nexport const y = TableClient;", 'shared/src/probe.ts'],
  ["import { TurnContext } from 'botbuilder';\nexport const y = TurnContext;", 'shared/src/probe.ts'],
  ["import { x } from '@soestainable/bot/config';\nexport const y = x;", 'shared/src/probe.ts'],
  ['export const y = window.location;', 'shared/src/probe.ts'],
  ['export const y = process.env;', 'shared/src/probe.ts'],
  // The packages by name, not by a path into their sources.
  ["import { THEMES } from '../../shared/src/domain/types';\nexport const y = THEMES;", 'bot/src/probe.ts'],
  ["import { THEMES } from '../../shared/src/domain/types';\nexport const y = THEMES;", 'tab/src/probe.ts'],
  ["import { THEMES } from '../../../shared/src/domain/types';\nexport const y = THEMES;", 'tests/unit/probe.test.ts'],
  ["import { loadConfig } from '../../../bot/src/config';\nexport const y = loadConfig;", 'tests/unit/probe.test.ts'],
  ["import { loadConfig } from '../bot/src/config';\nexport const y = loadConfig;", 'bench/probe.ts'],
  // Test doubles never reach the server.
  ["import { seededRandom } from '@soestainable/testing/seeded';\nexport const y = seededRandom;", 'bot/src/probe.ts'],
];
const allowed: Array<[string, string]> = [
  ["import { DateTime } from 'luxon';\nexport const y = DateTime;", 'shared/src/probe.ts'],
  ["import { THEMES } from '@soestainable/shared/domain/types';\nexport const y = THEMES;", 'bot/src/probe.ts'],
  ["import { THEMES } from '@soestainable/shared/domain/types';\nexport const y = THEMES;", 'tab/src/probe.ts'],
  ["import { loadConfig } from '@soestainable/bot/config';\nexport const y = loadConfig;", 'tests/unit/probe.test.ts'],
  ["import { seededRandom } from '@soestainable/testing/seeded';\nexport const y = seededRandom;", 'bench/probe.ts'],
];

let results: string[][] = [];

beforeAll(() => {
  const input = JSON.stringify([...rejected, ...allowed].map(([code, file]) => ({ code, file })));
  const stdout = execFileSync(process.execPath, [join(__dirname, '..', 'helpers', 'lintProbe.cjs')], { input, encoding: 'utf8' });
  results = JSON.parse(stdout) as string[][];
}, 60_000);

describe('import boundaries', () => {
  it.each(rejected.map((c, i) => [c[1], c[0], i] as const))('rejects in %s: %s', (_file, _code, i) => {
    expect(results[i]?.some((rule) => rule === 'no-restricted-imports' || rule === 'no-restricted-globals')).toBe(true);
  });

  it.each(allowed.map((c, i) => [c[1], c[0], rejected.length + i] as const))('allows in %s: %s', (_file, _code, i) => {
    expect(results[i]?.filter((rule) => rule.startsWith('no-restricted'))).toEqual([]);
  });
});
