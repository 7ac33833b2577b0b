import fc from 'fast-check';
import type { Activity, TestAdapter } from 'botbuilder';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { ENROL_VERBS } from '@soestainable/bot/features/enrol/verbs';
import { MY_DATA_VERBS } from '@soestainable/bot/features/myData/verbs';
import { REPORTS_VERBS } from '@soestainable/bot/features/reports/verbs';
import { SETTINGS_VERBS } from '@soestainable/bot/features/settings/verbs';
import { TABLE_NAMES } from '@soestainable/bot/storage/tables';
import { useBotHarness } from '../helpers/botHarness';
import { participant } from '../helpers/orgFixture';
import { anyJson, anyString, nastyString, objectOf, plausible, rejectionCounter } from './support/arbitraries';
import { readEverythingBack } from './support/readBack';

/**
 * Property-based fuzzing of the bot through botbuilder's TestAdapter (the real dispatcher, every feature, real
 * repositories on Azurite): card submits (Action.Execute invokes and Action.Submit messages) with arbitrary and
 * mutated `data`, and text commands of any unicode up to 2,000 characters. Properties: every turn completes (no
 * throw reaches the adapter, so in production no "something went wrong" turn and no 500), every invoke is answered
 * with 200 and a card, no unhandled rejection, and afterwards every stored row reads back through the repositories.
 * tests/security/fuzzHttp.test.ts does the same through the real HTTP server.
 */

const VERBS = [
  ...Object.values(CHECKIN_VERBS),
  ...Object.values(ENROL_VERBS),
  ...Object.values(MY_DATA_VERBS),
  ...Object.values(REPORTS_VERBS),
  ...Object.values(SETTINGS_VERBS),
];
/** Every input id of our cards (enrolment, check-in, reports, settings) and the data the cards carry. */
const CARD_FIELDS = [
  'campaignId', 'date', 'etag', 'outcome', 'travelMode', 'distanceBand', 'wasteFree', 'challenge', 'theme', 'barrierText',
  'barrierContact', 'ideaText', 'text', 'contact', 'teamId', 'nudgeTime', 'language', 'commuteMode', 'packaging', 'screensOff', 'lightsOff',
];
/** Verbs that end a participant's data: rarer, so that the fuzzing also builds up stored rows to read back. */
const DESTRUCTIVE: readonly string[] = [MY_DATA_VERBS.deleteConfirm, ENROL_VERBS.leaveConfirm];
/** The fields each verb's card sends when filled in properly: the start of the mutated, mostly-valid submits. */
const FIELDS_OF: Record<string, readonly string[]> = {
  [CHECKIN_VERBS.submit]: ['campaignId', 'date', 'outcome', 'travelMode', 'distanceBand', 'wasteFree', 'challenge', 'theme', 'barrierText', 'barrierContact', 'ideaText'],
  [CHECKIN_VERBS.change]: ['campaignId', 'date'],
  [CHECKIN_VERBS.open]: ['campaignId', 'date'],
  [REPORTS_VERBS.barrierSubmit]: ['text', 'theme', 'contact'],
  [REPORTS_VERBS.ideaSubmit]: ['text', 'theme', 'contact'],
  [ENROL_VERBS.submit]: ['teamId', 'nudgeTime', 'language', 'commuteMode', 'distanceBand', 'packaging', 'screensOff', 'lightsOff'],
  [SETTINGS_VERBS.time]: ['nudgeTime'],
  [SETTINGS_VERBS.language]: ['language'],
  [SETTINGS_VERBS.team]: ['teamId'],
};
const USERS = [
  { userId: 'fz-joined-1', teamId: 'publiekszaken', language: 'nl' as const },
  { userId: 'fz-joined-2', teamId: 'buitendienst', language: 'en' as const },
];
const NEWCOMERS = ['fz-new-1', 'fz-new-2', 'fz-new-3'];

export const CASES = { invokes: 500, submits: 300, commands: 500 };
/** Generous: the machine is shared; the figures are printed, not asserted. */
const FUZZ_TIMEOUT_MS = 180_000;

describe('fuzzing the bot (TestAdapter, Azurite)', () => {
  const h = useBotHarness();
  let adapters: Map<string, TestAdapter>;
  let rejections: ReturnType<typeof rejectionCounter>;
  const failures: string[] = [];
  let pools: Record<string, readonly unknown[]>;

  beforeAll(async () => {
    rejections = rejectionCounter();
    adapters = new Map();
    for (const u of USERS) adapters.set(u.userId, h.adapter({ userId: u.userId, locale: u.language === 'nl' ? 'nl-NL' : 'en-US' }));
    for (const userId of NEWCOMERS) adapters.set(userId, h.adapter({ userId, locale: 'nl-NL' }));
    pools = {
      campaignId: [h.campaign.campaignId, h.campaign.campaignId, 'c-2026-11-30x'],
      teamId: ['publiekszaken', 'buitendienst', 'nope'],
      date: ['2026-12-02', '2026-12-01', '2026-11-30', '2026-12-03', '2026-02-30'],
    };
  });
  afterAll(() => {
    rejections.uninstall();
  });

  /** Joined users stay joined (a fuzzed "leave" or "delete my data" would otherwise end their coverage). */
  async function rejoin(): Promise<void> {
    for (const u of USERS) {
      const p = await h.repos.participants.get(u.userId);
      if (!p || p.status !== 'active') await h.repos.participants.save(participant({ ...u, tenantId: 'tenant-soest' }));
    }
  }

  /** The two joined users never meet the destructive verbs, so their check-ins pile up; the newcomers meet all. */
  const verbFor = (userId: string, v: string): string => (USERS.some((u) => u.userId === userId) && DESTRUCTIVE.includes(v) ? MY_DATA_VERBS.deleteCancel : v);

  async function turn(userId: string, activity: Partial<Activity>, label: string): Promise<Partial<Activity>[]> {
    const adapter = adapters.get(userId);
    if (!adapter) throw new Error(`no adapter for ${userId}`);
    try {
      await adapter.send(activity);
    } catch (err) {
      failures.push(`${label}: turn threw ${err instanceof Error ? `${err.name} ${String((err as { code?: unknown }).code ?? '')} ${err.message.slice(0, 200)}` : String(err)}`);
      adapter.activeQueue.splice(0);
      return [];
    }
    return adapter.activeQueue.splice(0);
  }

  const user = fc.constantFrom(...USERS.map((u) => u.userId), ...NEWCOMERS);
  /** A verb and its data: mostly the verb's own fields filled in plausibly with up to two of them broken or left out. */
  const verbAndData = () =>
    fc
      .oneof(
        { weight: 40, arbitrary: fc.constantFrom(...VERBS.filter((v) => !DESTRUCTIVE.includes(v))) },
        { weight: 1, arbitrary: fc.constantFrom(...DESTRUCTIVE) },
        { weight: 3, arbitrary: anyString(40) },
      )
      .chain((v) => {
      const own = Object.hasOwn(FIELDS_OF, v) ? (FIELDS_OF[v] ?? []) : [];
      const mutated = fc
        .tuple(
          fc.record(Object.fromEntries(own.map((f) => [f, plausible(f, pools)] as const))),
          fc.subarray([...own], { maxLength: Math.min(2, own.length) }),
          fc.array(anyJson, { minLength: 2, maxLength: 2 }),
          fc.subarray([...own], { maxLength: Math.min(1, own.length) }),
        )
        .map(([valid, broken, values, dropped]) => {
          const out: Record<string, unknown> = { ...valid };
          broken.forEach((f, i) => (out[f] = values[i]));
          return Object.fromEntries(Object.entries(out).filter(([k]) => !dropped.includes(k)));
        });
      return fc.tuple(
        fc.constant(v),
        fc.oneof({ weight: 6, arbitrary: mutated }, { weight: 2, arbitrary: objectOf(CARD_FIELDS, pools) }, { weight: 1, arbitrary: anyJson }),
      );
    });

  it(`answers ${CASES.invokes} fuzzed Action.Execute invokes with 200 and a card, never a thrown turn`, async () => {
    await fc.assert(
      fc.asyncProperty(user, verbAndData(), async (userId, [fuzzedVerb, d]) => {
        await rejoin();
        const v = verbFor(userId, fuzzedVerb);
        const replies = await turn(userId, { type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: v, data: d } } }, `invoke ${v}`);
        const response = replies.find((r) => r.type === 'invokeResponse');
        const status = (response?.value as { status?: number; body?: { statusCode?: number } } | undefined)?.body?.statusCode;
        if (replies.length > 0 && status !== 200) failures.push(`invoke ${v}: answered ${String(status)}`);
      }),
      { numRuns: CASES.invokes, seed: 20261128 },
    );
    expect(failures).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  it(`completes ${CASES.submits} fuzzed Action.Submit messages (the fallback) without a thrown turn`, async () => {
    await fc.assert(
      fc.asyncProperty(user, verbAndData(), fc.option(anyString(40)), async (userId, [fuzzedVerb, d], replyToId) => {
        await rejoin();
        const v = verbFor(userId, fuzzedVerb);
        const value = typeof d === 'object' && d !== null && !Array.isArray(d) ? { ...d, verb: v } : d;
        await turn(userId, { type: 'message', value, ...(replyToId === null ? {} : { replyToId }) }, `submit ${v}`);
      }),
      { numRuns: CASES.submits, seed: 20261129 },
    );
    expect(failures).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  const commandPrefixes = ['', 'prikkel: ', 'idee: ', 'barrier: ', 'idea: ', 'tijd ', 'time ', 'taal ', 'team ', 'inchecken ', 'voortgang', 'pauze', 'hervat', 'mijn gegevens', 'verwijder mijn gegevens', 'hulp ', '<at>Soestainable</at> '];

  it(`answers ${CASES.commands} fuzzed text commands (any unicode, 0–2,000 characters) without a thrown turn`, async () => {
    const text = fc.oneof(
      { weight: 3, arbitrary: fc.tuple(fc.constantFrom(...commandPrefixes), anyString(300)).map(([p, s]) => p + s) },
      { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 2000 }) },
      { weight: 1, arbitrary: fc.string({ unit: 'binary', minLength: 1500, maxLength: 2000 }) },
      { weight: 1, arbitrary: nastyString },
    );
    await fc.assert(
      fc.asyncProperty(user, text, async (userId, t) => {
        await rejoin();
        const replies = await turn(userId, { type: 'message', text: t }, `command of ${t.length} chars`);
        if (replies.length === 0 && failures.length === 0) failures.push(`command of ${t.length} chars: no answer`);
      }),
      { numRuns: CASES.commands, seed: 20261130 },
    );
    expect(failures).toEqual([]);
  }, FUZZ_TIMEOUT_MS);

  it('has a read-back that does fail on a planted garbage row (the check below can fail)', async () => {
    const table = h.tables.client('Ideas');
    await table.createEntity({ partitionKey: 'soest', rowKey: '00000000garbage', text: 'x', status: 'not-a-status', theme: 'nope' });
    await expect(readEverythingBack(h.repos, h.tables, 'soest', ['Ideas'])).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await table.deleteEntity('soest', '00000000garbage');
  });

  it('leaves no unhandled rejection and no row the repositories cannot read', async () => {
    // Let stray promises settle before counting.
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(rejections.reasons).toEqual([]);
    const counts = await readEverythingBack(h.repos, h.tables, 'soest', TABLE_NAMES);
    console.log(`fuzzBot: ${CASES.invokes} invokes, ${CASES.submits} submits, ${CASES.commands} commands; rows read back: ${JSON.stringify(counts)}`);
    // The fuzzing reached storage (otherwise the read-back proves little).
    expect(counts['CheckIns']).toBeGreaterThan(0);
    expect(counts['Surveys']).toBeGreaterThan(0);
    expect((counts['Barriers'] ?? 0) + (counts['Ideas'] ?? 0)).toBeGreaterThan(0);
  });
});
