import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

/**
 * The dependency direction bot → shared ← tab, and inside the bot the adapters (features, tabApi, jobs) side by side
 * over services, cards, server and the shared domain, are enforced by ESLint: these cases prove the rules fire where
 * they must (a rule that never fires would let a mistake through CI) and stay quiet where they must not.
 */
/** `../` n times: the probes below spell the forbidden relative paths this way so that a search of the repository for
 * such imports (`grep -rE "(\.\./)+shared/src"`) finds only real ones. */
const up = (n: number): string => '../'.repeat(n);

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
  [`import { THEMES } from '${up(2)}shared/src/domain/types';\nexport const y = THEMES;`, 'bot/src/probe.ts'],
  [`import { THEMES } from '${up(2)}shared/src/domain/types';\nexport const y = THEMES;`, 'tab/src/probe.ts'],
  [`import { THEMES } from '${up(3)}shared/src/domain/types';\nexport const y = THEMES;`, 'tests/unit/probe.test.ts'],
  [`import { loadConfig } from '${up(3)}bot/src/config';\nexport const y = loadConfig;`, 'tests/unit/probe.test.ts'],
  [`import { loadConfig } from '${up(1)}bot/src/config';\nexport const y = loadConfig;`, 'bench/probe.ts'],
  // Test doubles never reach the server.
  ["import { seededRandom } from '@soestainable/testing/seeded';\nexport const y = seededRandom;", 'bot/src/probe.ts'],
  // The bot's adapters (features, tabApi, jobs) never import one another; features/core is part of features.
  ["import { ApiError } from '../../tabApi/http';\nexport const y = ApiError;", 'bot/src/features/checkin/probe.ts'],
  ["import { JOB_NAMES } from '../../jobs/job';\nexport const y = JOB_NAMES;", 'bot/src/features/checkin/probe.ts'],
  ["import { buildDailyCard } from '../../features/checkin/cards';\nexport const y = buildDailyCard;", 'bot/src/tabApi/me/probe.ts'],
  ["import { noticeCard } from '../../features/core/cards';\nexport const y = noticeCard;", 'bot/src/tabApi/me/probe.ts'],
  ["import { JOB_NAMES } from '../../jobs/job';\nexport const y = JOB_NAMES;", 'bot/src/tabApi/me/probe.ts'],
  ["import { buildDailyCard } from '../../features/checkin/cards';\nexport const y = buildDailyCard;", 'bot/src/jobs/nudges/probe.ts'],
  ["import { textsIn } from '../features/core/cards';\nexport const y = textsIn;", 'bot/src/jobs/probe.ts'],
  ["import { ApiError } from '../tabApi/http';\nexport const y = ApiError;", 'bot/src/jobs/probe.ts'],
  // ... nor do the layers below them import any of them.
  ["import { noticeCard } from '../../features/core/cards';\nexport const y = noticeCard;", 'bot/src/services/checkin/probe.ts'],
  ["import { JOB_NAMES } from '../jobs/job';\nexport const y = JOB_NAMES;", 'bot/src/cards/probe.ts'],
  ["import { ApiError } from '../tabApi/http';\nexport const y = ApiError;", 'bot/src/server/probe.ts'],
  // The adapters' own blocks keep the rules every bot file follows.
  ["import { seededRandom } from '@soestainable/testing/seeded';\nexport const y = seededRandom;", 'bot/src/features/checkin/probe.ts'],
  ["import { x } from '../../../../tab/src/texts';\nexport const y = x;", 'bot/src/tabApi/me/probe.ts'],
  [`import { THEMES } from '${up(4)}shared/src/domain/types';\nexport const y = THEMES;`, 'bot/src/jobs/nudges/probe.ts'],
];
const allowed: Array<[string, string]> = [
  ["import { DateTime } from 'luxon';\nexport const y = DateTime;", 'shared/src/probe.ts'],
  ["import { THEMES } from '@soestainable/shared/domain/types';\nexport const y = THEMES;", 'bot/src/probe.ts'],
  ["import { THEMES } from '@soestainable/shared/domain/types';\nexport const y = THEMES;", 'tab/src/probe.ts'],
  ["import { loadConfig } from '@soestainable/bot/config';\nexport const y = loadConfig;", 'tests/unit/probe.test.ts'],
  ["import { seededRandom } from '@soestainable/testing/seeded';\nexport const y = seededRandom;", 'bench/probe.ts'],
  // Each adapter builds on the services, the shared domain and the neutral layers (cards/, server/).
  ["import { createCheckInService } from '../../services/checkin/service';\nexport const y = createCheckInService;", 'bot/src/features/checkin/probe.ts'],
  ["import { createCheckInService } from '../../services/checkin/service';\nexport const y = createCheckInService;", 'bot/src/tabApi/me/probe.ts'],
  ["import { createCheckInService } from '../../services/checkin/service';\nexport const y = createCheckInService;", 'bot/src/jobs/repair/probe.ts'],
  ["import { dayState } from '@soestainable/shared/domain/campaignDay';\nexport const y = dayState;", 'bot/src/features/checkin/probe.ts'],
  ["import { isJoined } from '@soestainable/shared/domain/organisation';\nexport const y = isJoined;", 'bot/src/tabApi/me/probe.ts'],
  ["import { dayState } from '@soestainable/shared/domain/campaignDay';\nexport const y = dayState;", 'bot/src/jobs/nudges/probe.ts'],
  ["import { renderCard } from '../../cards/render';\nexport const y = renderCard;", 'bot/src/jobs/digests/probe.ts'],
  ["import { sendJson } from '../server/json';\nexport const y = sendJson;", 'bot/src/jobs/probe.ts'],
  // Inside features, a feature uses the core and links to another feature's verbs.
  ["import { noticeCard } from '../core/cards';\nexport const y = noticeCard;", 'bot/src/features/settings/probe.ts'],
  ["import { ENROL_VERBS } from '../enrol/verbs';\nexport const y = ENROL_VERBS;", 'bot/src/features/help/probe.ts'],
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
