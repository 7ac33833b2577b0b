import type { TableClient } from '@azure/data-tables';
import { checkInAnswers, createCheckInService, type ActiveDay, type CheckInAnswers, type CheckInService } from '@soestainable/bot/services/checkin/service';
import { createRepairJob } from '@soestainable/bot/jobs/repair';
import { createLogger } from '@soestainable/bot/platform/logger';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { TableClients, type TableName } from '@soestainable/bot/storage/tables';
import type { Participant } from '@soestainable/shared/domain/organisation';
import { participant, seedOrg } from '../../helpers/orgFixture';
import { rawRows, testConnectionString } from '../../helpers/storage';

/*
 * "Nothing half-written, none twice": a check-in spans four tables (CheckIns, DailyAggregates, Barriers, Ideas).
 * Here storage fails at the Nth write of one submit, for every N, either before the write reaches storage or
 * after it did (the answer lost: the nastier case, as after a killed server). Then the client retries the same
 * submit, or the repair job runs, or both; afterwards the team-day counters count the stored check-in exactly
 * once, the barrier and idea exist exactly once, and no pending part is left. Real repositories on Azurite; the
 * fault is injected at the SDK client (a stand-in for an outside outage), so our error mapping is real too.
 */

type Mode = 'before' | 'after';
type Recovery = 'retry' | 'repair' | 'retry+repair';

/** Fails the `failAt`-th write (counted from `arm`) with a connection error, before or after it reaches storage. */
class Faults {
  writes = 0;
  failAt: number | undefined;
  mode: Mode = 'before';
  arm(failAt: number, mode: Mode): void {
    this.writes = 0;
    this.failAt = failAt;
    this.mode = mode;
  }
  disarm(): void {
    this.failAt = undefined;
  }
}

const WRITE_METHODS = new Set(['createEntity', 'updateEntity', 'upsertEntity', 'submitTransaction', 'deleteEntity']);

function refused(): Error {
  return Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:10002 (injected)'), { code: 'ECONNREFUSED' });
}

/** The SDK client of each table, with its writes passing through {@link Faults}. */
class FaultyClients extends TableClients {
  private readonly wrapped = new Map<TableName, TableClient>();
  constructor(
    prefix: string,
    private readonly faults: Faults,
  ) {
    super({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
  }

  override client(name: TableName): TableClient {
    let client = this.wrapped.get(name);
    if (!client) {
      const real = super.client(name);
      const faults = this.faults;
      client = new Proxy(real, {
        get(target, prop, receiver) {
          const value: unknown = Reflect.get(target, prop, receiver);
          if (typeof prop !== 'string' || !WRITE_METHODS.has(prop) || typeof value !== 'function') return value;
          return async (...args: unknown[]) => {
            if (faults.failAt === undefined) return (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            faults.writes += 1;
            const fail = faults.writes === faults.failAt;
            if (fail && faults.mode === 'before') throw refused();
            const result = await (value as (...a: unknown[]) => Promise<unknown>).apply(target, args);
            if (fail) throw refused();
            return result;
          };
        },
      });
      this.wrapped.set(name, client);
    }
    return client;
  }
}

const WEDNESDAY = new Date('2026-12-02T08:00:00Z');
const TODAY = '2026-12-02';
const ORG = 'soest';

let faults: Faults;
let clients: FaultyClients;
let repos: Repositories;
let service: CheckInService;
let day: ActiveDay;
let seq = 0;

beforeAll(async () => {
  faults = new Faults();
  clients = new FaultyClients('t' + Math.random().toString(36).slice(2, 10).replace(/[^a-z0-9]/g, 'x'), faults);
  await clients.ensureTables();
  repos = createRepositories(clients);
  service = createCheckInService({ repos, logger: createLogger('silent') });
  await seedOrg(repos);
  const open = await service.openDay(ORG, WEDNESDAY, TODAY);
  if (typeof open === 'string') throw new Error(`day not open: ${open}`);
  day = open;
});

afterAll(async () => {
  faults.disarm();
  await clients.dropTables();
});

/** A new participant, with their profile stored (the repair job sweeps the check-ins of people without one). */
async function person(teamId?: string): Promise<Participant> {
  seq += 1;
  const p = participant({ userId: `aad-crash-${seq}`, teamId: teamId ?? `team-crash-${seq}` });
  await repos.participants.save(p);
  return p;
}

function answers(over: { outcome?: 'done' | 'partly' | 'not_today'; barrier?: string; idea?: string; contact?: boolean } = {}): CheckInAnswers {
  return checkInAnswers(
    { outcome: over.outcome ?? 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: true, challengeAnswer: true, cupsAvoided: 0 },
    {
      theme: 'circulariteit',
      ...(over.barrier === undefined ? {} : { barrierText: over.barrier, barrierContact: over.contact ?? true }),
      ...(over.idea === undefined ? {} : { ideaText: over.idea }),
    },
  );
}

async function repair(): Promise<void> {
  const summary = await createRepairJob({ repos, logger: createLogger('silent') }).run({ at: WEDNESDAY, dryRun: false });
  expect(summary.counts['failed']).toBe(0);
}

/** Runs `write` with the `n`-th write failing; whether it threw. */
async function crashAt(n: number, mode: Mode, write: () => Promise<unknown>): Promise<boolean> {
  faults.arm(n, mode);
  try {
    await write();
    return false;
  } catch (err) {
    expect(err).toEqual(expect.objectContaining({ code: 'STORAGE_UNAVAILABLE' }));
    return true;
  } finally {
    faults.disarm();
  }
}

async function teamDay(teamId: string) {
  return repos.dailyAggregates.get(day.campaign.campaignId, teamId, TODAY);
}

async function reportsWith(text: string) {
  const [barriers, ideas] = await Promise.all([repos.barriers.list(ORG), repos.ideas.list(ORG)]);
  return { barriers: barriers.filter((b) => b.text === text), ideas: ideas.filter((i) => i.text === text) };
}

async function recover(recovery: Recovery, retry: () => Promise<unknown>): Promise<void> {
  if (recovery !== 'repair') await retry();
  if (recovery !== 'retry') await repair();
}

const MODES: readonly Mode[] = ['before', 'after'];
const RECOVERIES: readonly Recovery[] = ['retry', 'repair', 'retry+repair'];

describe('a first check-in cut off at every write', () => {
  // Writes of one submit: check-in, team-day row, barrier (+ reference), idea (+ reference), pending cleared.
  const WRITES = 5;
  const cases = MODES.flatMap((mode) => RECOVERIES.flatMap((recovery) => Array.from({ length: WRITES + 1 }, (_, i) => [i + 1, mode, recovery] as const)));

  it.each(cases)('write %i fails %s it is stored, then %s: counted once, filed once, nothing pending', async (n, mode, recovery) => {
    const p = await person();
    const text = `kapot bij schrijven ${n} ${mode} ${recovery} ${p.userId}`;
    const submit = () => service.record(p, day, answers({ barrier: text, idea: text }), null, WEDNESDAY);
    const threw = await crashAt(n, mode, submit);
    expect(threw).toBe(n <= WRITES);

    await recover(recovery, submit);

    const stored = await service.stored(p, day);
    const agg = await teamDay(p.teamId);
    const { barriers, ideas } = await reportsWith(text);
    // Only a write that never reached storage, with no retry, leaves nothing at all; then nothing is counted either.
    const expected = n === 1 && mode === 'before' && recovery === 'repair' ? 0 : 1;
    expect(stored === undefined ? 0 : 1).toBe(expected);
    expect(stored?.pending).toBeUndefined();
    expect(agg?.checkIns ?? 0).toBe(expected);
    expect(agg?.done ?? 0).toBe(expected);
    expect(barriers).toHaveLength(expected);
    expect(ideas).toHaveLength(expected);
    if (expected === 1) expect(barriers[0]?.contactUserId).toBe(p.userId);
  });
});

describe('an edit cut off at every write', () => {
  // Writes: check-in replaced, team-day row, barrier, pending cleared.
  const WRITES = 4;
  const cases = MODES.flatMap((mode) => RECOVERIES.flatMap((recovery) => Array.from({ length: WRITES + 1 }, (_, i) => [i + 1, mode, recovery] as const)));

  it.each(cases)('write %i fails %s it is stored, then %s: the old version subtracted once', async (n, mode, recovery) => {
    const p = await person();
    const first = await service.record(p, day, answers({ outcome: 'done' }), null, WEDNESDAY);
    if (first.kind !== 'saved') throw new Error('first check-in not saved');
    const text = `correctie ${n} ${mode} ${recovery} ${p.userId}`;
    const edit = () => service.record(p, day, answers({ outcome: 'partly', barrier: text }), first.etag, WEDNESDAY);
    expect(await crashAt(n, mode, edit)).toBe(n <= WRITES);

    await recover(recovery, edit);

    const stored = await service.stored(p, day);
    const agg = await teamDay(p.teamId);
    const { barriers } = await reportsWith(text);
    const editStored = !(n === 1 && mode === 'before' && recovery === 'repair');
    expect(stored?.pending).toBeUndefined();
    expect(stored?.value.outcome).toBe(editStored ? 'partly' : 'done');
    expect(agg?.checkIns).toBe(1);
    expect(agg?.done).toBe(editStored ? 0 : 1);
    expect(agg?.partly).toBe(editStored ? 1 : 0);
    expect(barriers).toHaveLength(editStored ? 1 : 0);
  });
});

describe('an edit that moves the check-in to another team, cut off at every write', () => {
  // Writes: check-in replaced, old team's row, new team's row, pending cleared.
  const WRITES = 4;
  const cases = MODES.flatMap((mode) => RECOVERIES.flatMap((recovery) => Array.from({ length: WRITES + 1 }, (_, i) => [i + 1, mode, recovery] as const)));

  it.each(cases)('write %i fails %s it is stored, then %s: leaves the old team once, joins the new once', async (n, mode, recovery) => {
    const before = await person();
    const after: Participant = { ...before, teamId: `${before.teamId}-nieuw` };
    const first = await service.record(before, day, answers(), null, WEDNESDAY);
    if (first.kind !== 'saved') throw new Error('first check-in not saved');
    const edit = () => service.record(after, day, answers({ outcome: 'partly' }), first.etag, WEDNESDAY);
    expect(await crashAt(n, mode, edit)).toBe(n <= WRITES);

    await recover(recovery, edit);

    const stored = await service.stored(after, day);
    const moved = !(n === 1 && mode === 'before' && recovery === 'repair');
    const [oldTeam, newTeam] = await Promise.all([teamDay(before.teamId), teamDay(after.teamId)]);
    expect(stored?.pending).toBeUndefined();
    expect(stored?.value.teamId).toBe(moved ? after.teamId : before.teamId);
    expect(oldTeam?.checkIns).toBe(moved ? 0 : 1);
    expect(newTeam?.checkIns ?? 0).toBe(moved ? 1 : 0);
    expect(newTeam?.partly ?? 0).toBe(moved ? 1 : 0);
  });
});

describe('pending parts', () => {
  it('a retry of a first check-in whose follow-up was cut off answers "exists" and finishes the first write', async () => {
    const p = await person();
    const text = `dubbel ${p.userId}`;
    const submit = () => service.record(p, day, answers({ barrier: text }), null, WEDNESDAY);
    await crashAt(2, 'before', submit);
    const half = await service.stored(p, day);
    expect(half?.pending?.barrier?.text).toBe(text); // kept on the reporter's own row until filed

    await expect(submit()).resolves.toEqual({ kind: 'exists' });
    expect((await teamDay(p.teamId))?.checkIns).toBe(1);
    expect((await reportsWith(text)).barriers).toHaveLength(1);
    expect((await service.stored(p, day))?.pending).toBeUndefined();
  });

  it('an edit of a version whose follow-up was cut off finishes that first, then corrects it', async () => {
    const p = await person();
    const text = `eerst afmaken ${p.userId}`;
    await crashAt(3, 'before', () => service.record(p, day, answers({ barrier: text }), null, WEDNESDAY));
    const half = await service.stored(p, day);
    if (!half?.pending) throw new Error('expected a pending part');
    // The tab read the half-finished version and corrects it with its etag.
    const result = await service.record(p, day, answers({ outcome: 'not_today' }), half.etag, WEDNESDAY);
    expect(result.kind).toBe('saved');
    const agg = await teamDay(p.teamId);
    expect(agg?.checkIns).toBe(1);
    expect(agg?.done).toBe(0);
    expect(agg?.notToday).toBe(1);
    expect((await reportsWith(text)).barriers).toHaveLength(1);
  });

  it('concurrent completions of one pending part count and file it once', async () => {
    const p = await person();
    const text = `gelijktijdig ${p.userId}`;
    await crashAt(2, 'before', () => service.record(p, day, answers({ barrier: text, idea: text }), null, WEDNESDAY));
    const half = await service.stored(p, day);
    if (!half) throw new Error('expected the check-in');
    await Promise.all([service.completePending(half), service.completePending(half), repair()]);
    expect((await teamDay(p.teamId))?.checkIns).toBe(1);
    const { barriers, ideas } = await reportsWith(text);
    expect(barriers).toHaveLength(1);
    expect(ideas).toHaveLength(1);
    expect((await service.stored(p, day))?.pending).toBeUndefined();
  });

  it('the repair job finds only unfinished rows; a dry run counts them and changes nothing', async () => {
    const done = await person();
    await service.record(done, day, answers(), null, WEDNESDAY);
    const cut = await person();
    await crashAt(2, 'before', () => service.record(cut, day, answers(), null, WEDNESDAY));
    const job = createRepairJob({ repos, logger: createLogger('silent') });
    const pendingUsers = async () => {
      const users: string[] = [];
      for await (const s of repos.checkIns.listPending()) if (!('unreadable' in s)) users.push(s.value.userId);
      return users;
    };
    expect(await pendingUsers()).toContain(cut.userId);
    expect(await pendingUsers()).not.toContain(done.userId);
    const dry = await job.run({ at: WEDNESDAY, dryRun: true });
    expect(dry.counts['pending']).toBeGreaterThanOrEqual(1);
    expect(await teamDay(cut.teamId)).toBeUndefined();
    await job.run({ at: WEDNESDAY, dryRun: false });
    expect(await pendingUsers()).not.toContain(cut.userId);
    expect((await teamDay(cut.teamId))?.checkIns).toBe(1);
  });

  it('the repair job sweeps, never finishes, an unfinished check-in of someone erased or being erased meanwhile', async () => {
    // A writer stopped after its check-in write and before the erasure fence's check after it: the erasure (on
    // another instance, its own sweeps done) did not see the row.
    const gone = await person();
    const erasing = await person();
    const text = `contact na verwijderen ${gone.userId}`;
    await crashAt(2, 'before', () => service.record(gone, day, answers({ barrier: text, contact: true }), null, WEDNESDAY));
    await crashAt(2, 'before', () => service.record(erasing, day, answers(), null, WEDNESDAY));
    await repos.participants.remove(gone.userId);
    await repos.participants.markErasing(erasing.userId);

    const summary = await createRepairJob({ repos, logger: createLogger('silent') }).run({ at: WEDNESDAY, dryRun: false });
    expect(summary.counts['erased']).toBeGreaterThanOrEqual(2);
    expect(summary.counts['failed']).toBe(0);
    for (const p of [gone, erasing]) expect(await repos.checkIns.listAll(p.userId)).toEqual([]);
    expect(await teamDay(erasing.teamId)).toBeUndefined(); // its cut-off write was the counting: not finished
    expect(await repos.barriers.listByContact(ORG, gone.userId)).toEqual([]);
    expect((await reportsWith(text)).barriers).toEqual([]);
  });

  it('the repair job counts a row it could not finish and one that does not parse, logs codes not texts, and finishes later', async () => {
    const lines: string[] = [];
    const job = createRepairJob({ repos, logger: createLogger('debug', (line) => lines.push(line)) });
    const p = await person();
    const text = `geheime melding ${p.userId}`;
    await crashAt(2, 'before', () => service.record(p, day, answers({ barrier: text }), null, WEDNESDAY));
    const garbled = await person();
    await crashAt(2, 'before', () => service.record(garbled, day, answers(), null, WEDNESDAY));
    await clients.client('CheckIns').updateEntity({ partitionKey: garbled.userId, rowKey: `${day.campaign.campaignId}|${TODAY}`, pending: '{"token":' }, 'Merge');

    faults.arm(1, 'before'); // storage refuses the first write of the run
    const first = await job.run({ at: WEDNESDAY, dryRun: false });
    faults.disarm();
    expect(first.counts['failed']).toBeGreaterThanOrEqual(1);
    expect(first.counts['unreadable']).toBe(1);
    const second = await job.run({ at: WEDNESDAY, dryRun: false });
    expect(second.counts).toMatchObject({ failed: 0, unreadable: 1 });
    expect((await teamDay(p.teamId))?.checkIns).toBe(1);
    expect((await reportsWith(text)).barriers).toHaveLength(1);
    expect(await teamDay(garbled.teamId)).toBeUndefined(); // never counted by guesswork
    const log = lines.join('\n');
    expect(log).toContain('STORAGE_UNAVAILABLE');
    expect(log).toContain('STORAGE_DATA_INVALID');
    expect(log).not.toContain('geheime melding');
    await clients.client('CheckIns').deleteEntity(garbled.userId, `${day.campaign.campaignId}|${TODAY}`); // leave no unreadable row to the other tests
  });

  it('an old row without a pending column reads, edits and counts as before', async () => {
    const p = await person();
    const client = clients.client('CheckIns');
    const first = await service.record(p, day, answers(), null, WEDNESDAY);
    if (first.kind !== 'saved') throw new Error('not saved');
    const row = (await rawRows(client)).find((r) => r['partitionKey'] === p.userId);
    expect(row).toBeDefined();
    expect(row?.['pending']).toBeUndefined(); // cleared rows look like rows written before pending parts existed
    const edited = await service.record(p, day, answers({ outcome: 'partly' }), first.etag, WEDNESDAY);
    expect(edited.kind).toBe('saved');
    expect((await teamDay(p.teamId))?.partly).toBe(1);
  });

  it('the aggregate rows hold tokens, nothing of the person', async () => {
    const p = await person();
    await service.record(p, day, answers({ barrier: `geheim ${p.userId}` }), null, WEDNESDAY);
    const rows = await rawRows(clients.client('DailyAggregates'));
    const row = rows.find((r) => typeof r['rowKey'] === 'string' && r['rowKey'].startsWith(`${p.teamId}|`));
    expect(String(row?.['applied'])).toMatch(/^[A-Za-z0-9_-]{12}$/);
    expect(JSON.stringify(row)).not.toContain(p.userId);
  });
});
