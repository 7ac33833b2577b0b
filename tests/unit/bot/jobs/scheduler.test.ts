import { createLogger } from '@soestainable/bot/platform/logger';
import { JOB_NAMES, type Job, type JobName } from '@soestainable/bot/jobs/job';
import { JobRegistry } from '@soestainable/bot/jobs/registry';
import { dueJobs, Scheduler, type SchedulerTimer } from '@soestainable/bot/jobs/scheduler';
import { AppError } from '@soestainable/bot/errors';

/** Instants as Amsterdam wall time: Monday 7 Dec 2026 is CET (UTC+1). */
const at = (iso: string) => new Date(iso);

describe('dueJobs: what a tick runs', () => {
  // The follow-up pulses (issue 15) run every minute beside the nudges; the test's name stays, docs/privacy.md cites it.
  it('nudges and "you said, we did" every minute; retention from 03:00 once a day; digests on Monday from 08:30 once', () => {
    expect(dueJobs(at('2026-12-07T02:59+01:00'), {})).toEqual(['nudges', 'followups', 'yousaid']);
    expect(dueJobs(at('2026-12-07T03:00+01:00'), {})).toEqual(['nudges', 'followups', 'yousaid', 'retention']);
    expect(dueJobs(at('2026-12-07T03:01+01:00'), { retention: '2026-12-07' })).toEqual(['nudges', 'followups', 'yousaid']);
    expect(dueJobs(at('2026-12-08T03:00+01:00'), { retention: '2026-12-07' })).toEqual(['nudges', 'followups', 'yousaid', 'retention']);
    expect(dueJobs(at('2026-12-07T08:29+01:00'), { retention: '2026-12-07' })).toEqual(['nudges', 'followups', 'yousaid']);
    expect(dueJobs(at('2026-12-07T08:30+01:00'), { retention: '2026-12-07' })).toEqual(['nudges', 'followups', 'digests', 'yousaid']);
    // The team channel cards (issue 16) run on Monday from 09:00 once, like the digests: here they ran already.
    expect(dueJobs(at('2026-12-07T15:00+01:00'), { retention: '2026-12-07', digests: '2026-12-07', teamcards: '2026-12-07' })).toEqual(['nudges', 'followups', 'yousaid']);
    expect(dueJobs(at('2026-12-08T08:30+01:00'), { retention: '2026-12-08' })).toEqual(['nudges', 'followups', 'yousaid']); // Tuesday
    // repair: every 10 minutes, at minute 5, 15, …, 55, any day
    expect(dueJobs(at('2026-12-08T08:35+01:00'), { retention: '2026-12-08' })).toEqual(['nudges', 'followups', 'yousaid', 'repair']);
    expect(dueJobs(at('2026-12-12T23:55+01:00'), { retention: '2026-12-12' })).toEqual(['nudges', 'followups', 'yousaid', 'repair']);
    expect(dueJobs(at('2026-12-08T08:36+01:00'), { retention: '2026-12-08' })).not.toContain('repair');
    // headcount: every 10 minutes, at minute 2, 12, …, 52, any day (the job itself skips days without a challenge)
    expect(dueJobs(at('2026-12-08T08:42+01:00'), { retention: '2026-12-08' })).toEqual(['nudges', 'followups', 'yousaid', 'headcount']);
    expect(dueJobs(at('2026-12-08T00:02+01:00'), { retention: '2026-12-08' })).toEqual(['nudges', 'followups', 'yousaid', 'headcount']);
    expect(dueJobs(at('2026-12-08T08:43+01:00'), { retention: '2026-12-08' })).not.toContain('headcount');
  });

  it('owners every 5 minutes at minute 3, 8, …; team channel cards on Monday from 09:00 once (issue 16)', () => {
    expect(dueJobs(at('2026-12-08T10:03+01:00'), { retention: '2026-12-08' })).toEqual(['nudges', 'followups', 'yousaid', 'owners']);
    expect(dueJobs(at('2026-12-08T10:58+01:00'), { retention: '2026-12-08' })).toContain('owners');
    expect(dueJobs(at('2026-12-08T10:04+01:00'), { retention: '2026-12-08' })).not.toContain('owners');
    expect(dueJobs(at('2026-12-07T08:59+01:00'), { retention: '2026-12-07', digests: '2026-12-07' })).not.toContain('teamcards');
    expect(dueJobs(at('2026-12-07T09:00+01:00'), { retention: '2026-12-07', digests: '2026-12-07' })).toEqual(['nudges', 'followups', 'yousaid', 'teamcards']);
    expect(dueJobs(at('2026-12-07T09:01+01:00'), { retention: '2026-12-07', digests: '2026-12-07', teamcards: '2026-12-07' })).not.toContain('teamcards');
    expect(dueJobs(at('2026-12-08T09:00+01:00'), { retention: '2026-12-08' })).not.toContain('teamcards'); // Tuesday
  });

  it('uses the local clock across DST: Monday 30 March 2026 08:30 CEST is 06:30 UTC', () => {
    expect(dueJobs(at('2026-03-30T06:29:00Z'), { retention: '2026-03-30' })).not.toContain('digests');
    expect(dueJobs(at('2026-03-30T06:30:00Z'), { retention: '2026-03-30' })).toContain('digests');
  });
});

/** A timer the test fires by hand. */
class ManualTimer implements SchedulerTimer {
  pending: { callback: () => void; ms: number; unrefed: boolean }[] = [];
  setTimeout(callback: () => void, ms: number) {
    const entry = { callback, ms, unrefed: false };
    this.pending.push(entry);
    return { unref: () => (entry.unrefed = true) };
  }
  clearTimeout(): void {
    this.pending = [];
  }
  fire(): void {
    const next = this.pending.shift();
    if (!next) throw new Error('no tick planned');
    next.callback();
  }
}

/** Jobs that record their runs; `behaviour` decides per job what a run does. */
function recordingJobs(behaviour: Partial<Record<JobName, () => Promise<void>>> = {}) {
  const runs: { name: JobName; at: string }[] = [];
  const jobs: Job[] = JOB_NAMES.map((name) => ({
    name,
    run: async (context) => {
      runs.push({ name, at: context.at.toISOString() });
      await behaviour[name]?.();
      return { job: name, at: context.at.toISOString(), dryRun: context.dryRun, runs: [], counts: {}, durationMs: 0 };
    },
  }));
  return { registry: new JobRegistry(jobs), runs };
}

describe('Scheduler', () => {
  const lines: string[] = [];
  const logger = createLogger('debug', (line) => lines.push(line));
  beforeEach(() => {
    lines.length = 0;
  });

  it('plans its first tick at the next full minute, unref\'d, and runs the due jobs in order', async () => {
    const timer = new ManualTimer();
    const { registry, runs } = recordingJobs();
    const now = at('2026-12-07T08:30:20+01:00');
    const s = new Scheduler({ registry, logger, now: () => now, timer });
    s.start();
    s.start(); // twice changes nothing
    expect(timer.pending).toHaveLength(1);
    expect(timer.pending[0]).toMatchObject({ ms: 40_050, unrefed: true });
    timer.fire();
    await s.stop();
    expect(runs.map((r) => r.name)).toEqual(['nudges', 'followups', 'digests', 'yousaid', 'retention']);
    expect(new Set(runs.map((r) => r.at))).toEqual(new Set([now.toISOString()]));
  });

  it('a job that throws is logged by code (never its text) and the others still run; the next tick comes', async () => {
    const timer = new ManualTimer();
    const { registry, runs } = recordingJobs({
      nudges: async () => {
        throw new AppError('STORAGE_UNAVAILABLE', 'secret token abc in the message');
      },
    });
    const s = new Scheduler({ registry, logger, now: () => at('2026-12-08T09:00+01:00'), timer });
    s.start();
    timer.fire();
    await s.tick();
    expect(runs.map((r) => r.name)).toEqual(['nudges', 'followups', 'yousaid', 'retention']);
    const error = lines.map((l) => JSON.parse(l) as Record<string, unknown>).find((l) => l['level'] === 'error');
    expect(error).toMatchObject({ job: 'nudges', code: 'STORAGE_UNAVAILABLE', error: 'AppError' });
    expect(lines.join('\n')).not.toContain('secret token');
    expect(timer.pending).toHaveLength(1); // the loop goes on
    timer.fire();
    await s.stop();
    expect(runs.map((r) => r.name)).toEqual(['nudges', 'followups', 'yousaid', 'retention', 'nudges', 'followups', 'yousaid']); // retention: once a day
  });

  it('never overlaps itself: a tick asked for while one runs joins it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { registry, runs } = recordingJobs({ nudges: () => gate });
    const timer = new ManualTimer();
    const s = new Scheduler({ registry, logger, now: () => at('2026-12-08T09:00+01:00'), timer });
    const first = s.tick();
    const second = s.tick();
    expect(second).toBe(first);
    await Promise.resolve();
    expect(runs.map((r) => r.name)).toEqual(['nudges']);
    release();
    await first;
    expect(runs.filter((r) => r.name === 'nudges')).toHaveLength(1);
  });

  it('stop() waits for the running tick, and no tick is planned after it', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const { registry, runs } = recordingJobs({ yousaid: () => gate });
    const timer = new ManualTimer();
    const s = new Scheduler({ registry, logger, now: () => at('2026-12-08T09:00+01:00'), timer });
    s.start();
    timer.fire();
    let stopped = false;
    const stopping = s.stop().then(() => (stopped = true));
    await new Promise((resolve) => setImmediate(resolve));
    expect(stopped).toBe(false);
    release();
    await stopping;
    expect(runs.map((r) => r.name)).toEqual(['nudges', 'followups', 'yousaid', 'retention']);
    expect(timer.pending).toEqual([]);
  });

  it('digests: once on Monday after a successful run; a failed run is tried again on the next tick', async () => {
    let fail = true;
    const { registry, runs } = recordingJobs({
      digests: async () => {
        if (fail) throw new Error('storage down');
      },
    });
    let now = at('2026-12-07T08:30+01:00');
    const s = new Scheduler({ registry, logger, now: () => now, timer: new ManualTimer() });
    await s.tick();
    fail = false;
    now = at('2026-12-07T08:31+01:00');
    await s.tick();
    now = at('2026-12-07T08:32+01:00');
    await s.tick();
    expect(runs.filter((r) => r.name === 'digests')).toHaveLength(2);
  });
});

describe('JobRegistry', () => {
  it('holds every job once', () => {
    const job = (name: JobName): Job => ({ name, run: async () => ({ job: name, at: '', dryRun: false, runs: [], counts: {}, durationMs: 0 }) });
    expect(() => new JobRegistry([job('nudges'), job('digests'), job('yousaid')])).toThrow(/missing.*retention/);
    expect(() => new JobRegistry([...JOB_NAMES.map(job), job('nudges')])).toThrow(/twice/);
    expect(new JobRegistry(JOB_NAMES.map(job)).names).toEqual(['nudges', 'followups', 'digests', 'yousaid', 'retention', 'repair', 'headcount', 'owners', 'teamcards']);
  });
});
