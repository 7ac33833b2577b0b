import { formatJobSummary, JOB_USAGE, parseJobArgs } from '@soestainable/bot/jobs/cli';
import { keyMatches, parseInstant } from '@soestainable/bot/jobs/route';

describe('parseJobArgs', () => {
  it('takes a job, --at (two spellings) and --dry-run', () => {
    expect(parseJobArgs(['nudges'])).toEqual({ job: 'nudges', at: undefined, dryRun: false });
    expect(parseJobArgs(['digests', '--at', '2026-12-07T09:00+01:00', '--dry-run'])).toEqual({ job: 'digests', at: new Date('2026-12-07T08:00:00Z'), dryRun: true });
    expect(parseJobArgs(['--dry-run', '--at=2026-12-07T08:00Z', 'retention'])).toMatchObject({ job: 'retention', dryRun: true });
  });

  it.each([
    [[], /Which job/],
    [['reboot'], /Unknown job "reboot"/],
    [['nudges', 'digests'], /One job at a time/],
    [['nudges', '--force'], /Unknown option --force/],
    [['nudges', '--at'], /--at needs a value/],
    [['nudges', '--at', '--dry-run'], /--at needs a value/],
    [['nudges', '--at', '2026-12-07T09:00'], /not an ISO instant with an offset/],
    [['nudges', '--at', '2026-12-07'], /not an ISO instant/],
    [['nudges', '--at', '2026-02-30T09:00+01:00'], /not an ISO instant/],
    [['nudges', '--at', 'tomorrow'], /not an ISO instant/],
  ])('%j is refused with exit code 2 and the usage line', (argv, message) => {
    let caught: unknown;
    try {
      parseJobArgs(argv);
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ exitCode: 2 });
    expect((caught as Error).message).toMatch(message);
    expect((caught as Error).message).toContain(JOB_USAGE);
  });
});

describe('parseInstant and keyMatches', () => {
  it('needs an offset and a real date and time', () => {
    expect(parseInstant('2026-12-07T09:00+01:00')?.toISOString()).toBe('2026-12-07T08:00:00.000Z');
    expect(parseInstant('2026-12-07T09:00:30.5Z')?.toISOString()).toBe('2026-12-07T09:00:30.500Z');
    for (const bad of ['2026-12-07T09:00', '2026-12-07T24:00+01:00', '2026-12-07T09:60Z', '2026-13-01T09:00Z', '2026-02-29T09:00Z', ' 2026-12-07T09:00Z']) expect(parseInstant(bad)).toBeUndefined();
  });

  it('matches only the configured, non-empty key', () => {
    const key = 'x'.repeat(32);
    expect(keyMatches(key, key)).toBe(true);
    expect(keyMatches(key + 'y', key)).toBe(false);
    expect(keyMatches(key.slice(1), key)).toBe(false);
    expect(keyMatches(undefined, key)).toBe(false);
    expect(keyMatches('', '')).toBe(false);
    expect(keyMatches(key, undefined)).toBe(false);
  });
});

describe('formatJobSummary', () => {
  const run = (over: object) => ({ kind: 'nudge' as const, runId: 'r', startedAt: '', queued: 10, sent: 6, retried: 1, throttled: 2, failed: 1, skipped: 3, uncertain: 0, skippedByReason: { paused: 2, already_claimed: 1 }, durationMs: 2300, ...over });

  it('one row per run with every counter, skips by reason, counts and the duration', () => {
    const text = formatJobSummary({ job: 'nudges', at: '2026-12-07T08:00:00.000Z', dryRun: false, runs: [run({})], counts: { slots: 541 }, durationMs: 2500 });
    expect(text.split('\n')).toEqual([
      'nudges at 2026-12-07T08:00:00.000Z',
      '  run    queued  sent  retried  throttled  failed  skipped  uncertain  duration',
      '  -----  ------  ----  -------  ---------  ------  -------  ---------  --------',
      '  nudge      10     6        1          2       1        3          0     2.3 s',
      '  skipped by reason: already_claimed 1, paused 2',
      '  counts: slots 541',
      '  took 2.5 s',
      '',
    ]);
  });

  it('totals several runs; says why nothing was done; marks a dry run', () => {
    const text = formatJobSummary({ job: 'digests', at: 'x', dryRun: true, runs: [run({}), run({ sent: 4 })], counts: {}, durationMs: 0 });
    expect(text).toMatch(/digests \(dry run: nothing sent, no claims taken\)/);
    expect(text).toMatch(/^ {2}total +20 +10 /m);
    expect(formatJobSummary({ job: 'nudges', at: 'x', dryRun: false, runs: [], counts: {}, skippedBecause: 'weekend', durationMs: 0 })).toMatch(/nothing to do: weekend/);
  });
});
