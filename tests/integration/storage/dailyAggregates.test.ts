import type { TableEntity, UpdateMode } from '@azure/data-tables';
import { AppError, ConflictError } from '../../../bot/src/errors';
import { key } from '../../../bot/src/storage/keys';
import { CheckInsRepository } from '../../../bot/src/storage/repositories/checkIns';
import { DailyAggregatesRepository, type DailyAggregateRow } from '../../../bot/src/storage/repositories/dailyAggregates';
import { TableStore } from '../../../bot/src/storage/tableStore';
import { checkIn } from '../../helpers/fixtures';
import { useTestTables } from '../../helpers/storage';

/** Counts the writes that lost a race, to see how hard the retries work. */
class CountingStore extends TableStore<DailyAggregateRow> {
  conflicts = 0;
  writes = 0;
  override async create(entity: TableEntity<DailyAggregateRow>): Promise<string> {
    return this.count(() => super.create(entity));
  }
  override async update(entity: TableEntity<DailyAggregateRow>, etag: string, mode?: UpdateMode): Promise<string> {
    return this.count(() => super.update(entity, etag, mode));
  }
  private async count(write: () => Promise<string>): Promise<string> {
    this.writes++;
    try {
      return await write();
    } catch (err) {
      if (err instanceof ConflictError) this.conflicts++;
      throw err;
    }
  }
}

describe('DailyAggregatesRepository (Azurite)', () => {
  const tables = useTestTables();
  let store: CountingStore;
  let repo: DailyAggregatesRepository;

  beforeAll(() => {
    store = new CountingStore(tables.client('DailyAggregates'));
    repo = new DailyAggregatesRepository(store);
  });

  it('counts a check-in into its team-day row and reads it back', async () => {
    await repo.apply(checkIn({ campaignId: 'rt', cupsAvoided: 3, travelMode: 'ebike', impact: { low: 0.5, mid: 1, high: 2.25 } }));
    expect(await repo.get('rt', 'team-a', '2026-05-11')).toEqual({
      campaignId: 'rt',
      teamId: 'team-a',
      date: '2026-05-11',
      checkIns: 1,
      done: 1,
      partly: 0,
      notToday: 0,
      wasteFree: 1,
      travel: { fiets: 0, lopen: 0, ebike: 1, ov: 0, auto: 0, eauto: 0, thuis: 0 },
      cupsAvoided: 3,
      co2: { low: 0.5, mid: 1, high: 2.25 },
      participants: 0,
    });
    expect((await repo.recordParticipants('rt', 'team-a', '2026-05-11', 7)).participants).toBe(7);
    expect(await repo.get('rt', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 1, participants: 7 });
  });

  it('answers undefined for a missing row and empty lists for a missing campaign', async () => {
    expect(await repo.get('rt', 'team-a', '2026-01-01')).toBeUndefined();
    expect(await repo.listCampaign('nope')).toEqual([]);
    expect(await repo.listTeam('nope', 'team-a')).toEqual([]);
  });

  it('loses no update when 20 check-ins of one team-day arrive at once, and combines them into fewer writes', async () => {
    const before = { conflicts: store.conflicts, writes: store.writes };
    await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        repo.apply(checkIn({ campaignId: 'peak', userId: `u${i}`, travelMode: i % 2 === 0 ? 'fiets' : 'ov', wasteFree: i < 5 })),
      ),
    );
    const agg = await repo.get('peak', 'team-a', '2026-05-11');
    expect(agg).toMatchObject({ checkIns: 20, done: 20, wasteFree: 5, cupsAvoided: 40, co2: { low: 2, mid: 4, high: 6 } });
    expect(agg?.travel).toMatchObject({ fiets: 10, ov: 10 });
    // One instance never races itself: the changes queue behind the write in flight and go out together.
    expect(store.conflicts - before.conflicts).toBe(0);
    expect(store.writes - before.writes).toBeLessThan(20);
  });

  it('loses no update when two instances each write 40 check-ins of the same team-day at once', async () => {
    const second = new DailyAggregatesRepository(tables.store('DailyAggregates'));
    await Promise.all(
      Array.from({ length: 80 }, (_, i) =>
        (i % 2 === 0 ? repo : second).apply(checkIn({ campaignId: 'two', userId: `u${i}`, travelMode: 'fiets' })),
      ),
    );
    expect(await repo.get('two', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 80, done: 80, travel: { fiets: 80 } });
  });

  it('moves the counts of an edited check-in: same day, another date, another team', async () => {
    const checkIns = new CheckInsRepository(tables.store('CheckIns'));
    const other = checkIn({ campaignId: 'edit', userId: 'other', travelMode: 'auto', outcome: 'done' });
    await checkIns.save(other, null);
    await repo.apply(other);

    // first check-in (the other participant's one stays in the row throughout: waste-free, 2 cups, by car)
    const first = checkIn({ campaignId: 'edit', outcome: 'done', travelMode: 'auto', wasteFree: false, cupsAvoided: 0 });
    const created = await checkIns.save(first, null);
    await repo.apply(first, created.previous);

    // corrected on the same day: outcome, travel mode, waste-free, cups
    const fixed = { ...first, outcome: 'partly' as const, travelMode: 'fiets' as const, wasteFree: true, cupsAvoided: 2 };
    const edit = await checkIns.save(fixed, created.etag);
    expect(edit.previous).toEqual(first);
    await repo.apply(fixed, edit.previous);
    expect(await repo.get('edit', 'team-a', '2026-05-11')).toMatchObject({
      checkIns: 2, done: 1, partly: 1, wasteFree: 2, cupsAvoided: 4, travel: { auto: 1, fiets: 1 }, co2: { low: 0.2, mid: 0.4, high: 0.6 },
    });

    // re-applying an edit that changed nothing the counters see writes nothing
    const writes = store.writes;
    await repo.apply({ ...fixed, challengeAnswer: true }, fixed);
    expect(store.writes).toBe(writes);

    // moved to another date (e.g. a check-in booked on the wrong day), then to another team
    const moved = { ...fixed, date: '2026-05-12' };
    await repo.apply(moved, fixed);
    expect(await repo.get('edit', 'team-a', '2026-05-11')).toMatchObject({
      checkIns: 1, done: 1, partly: 0, wasteFree: 1, cupsAvoided: 2, travel: { auto: 1, fiets: 0 }, co2: { low: 0.1, mid: 0.2, high: 0.3 },
    });
    expect(await repo.get('edit', 'team-a', '2026-05-12')).toMatchObject({ checkIns: 1, partly: 1, wasteFree: 1, travel: { fiets: 1 } });
    const otherTeam = { ...moved, teamId: 'team-b' };
    await repo.apply(otherTeam, moved);
    expect(await repo.get('edit', 'team-a', '2026-05-12')).toMatchObject({ checkIns: 0, partly: 0, travel: { fiets: 0 }, co2: { low: 0, mid: 0, high: 0 } });
    expect(await repo.get('edit', 'team-b', '2026-05-12')).toMatchObject({ checkIns: 1, partly: 1 });

    await expect(repo.apply(checkIn({ userId: 'x' }), checkIn({ userId: 'y' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('lists a team by date and a campaign whole, not a team whose id merely starts the same', async () => {
    for (const [teamId, date] of [['t1', '2026-05-12'], ['t1', '2026-05-11'], ['t10', '2026-05-11'], ['t', '2026-05-11']] as const) {
      await repo.apply(checkIn({ campaignId: 'lists', teamId, date }));
    }
    expect((await repo.listTeam('lists', 't1')).map((a) => a.date)).toEqual(['2026-05-11', '2026-05-12']);
    expect((await repo.listTeam('lists', 't')).map((a) => `${a.teamId}:${a.date}`)).toEqual(['t:2026-05-11']);
    expect(await repo.listCampaign('lists')).toHaveLength(4);
  });

  it('deleting a person\'s check-ins leaves the aggregates alone', async () => {
    const checkIns = new CheckInsRepository(tables.store('CheckIns'));
    const c = checkIn({ campaignId: 'purge', userId: 'leaver' });
    await checkIns.save(c, null);
    await repo.apply(c);
    expect(await checkIns.deleteAll('leaver')).toBe(1);
    expect(await repo.get('purge', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 1 });
  });

  it('gives up with a plain STORAGE_CONFLICT when a row stays contended, and never loses a counted update', async () => {
    // Ten instances (one instance combines its own writes and never races itself), none of which retries.
    const impatient = () => new DailyAggregatesRepository(tables.store('DailyAggregates'), { maxAttempts: 1, baseDelayMs: 0, maxDelayMs: 0 });
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => impatient().apply(checkIn({ campaignId: 'contended', userId: `u${i}` }))),
    );
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(failed.length).toBeGreaterThan(0);
    for (const f of failed) {
      expect(f.reason).toBeInstanceOf(AppError);
      expect(f.reason).not.toBeInstanceOf(ConflictError);
      expect((f.reason as AppError).code).toBe('STORAGE_CONFLICT');
    }
    expect((await repo.get('contended', 'team-a', '2026-05-11'))?.checkIns).toBe(10 - failed.length);
  });

  it('keeps ids with characters Table Storage forbids in keys', async () => {
    const odd = checkIn({ campaignId: 'c/1#?\\', teamId: 'team|x/y%\u0006' });
    await repo.apply(odd);
    expect(await repo.get(odd.campaignId, odd.teamId, odd.date)).toMatchObject({ campaignId: odd.campaignId, teamId: odd.teamId, checkIns: 1 });
    expect(await repo.listTeam(odd.campaignId, odd.teamId)).toHaveLength(1);
    expect(await repo.listTeam(odd.campaignId, 'team')).toEqual([]);
  });

  it('reports a corrupted row as STORAGE_DATA_INVALID, an Int64 counter included', async () => {
    const client = tables.client('DailyAggregates');
    await repo.apply(checkIn({ campaignId: 'broken' }));
    const rowKey = key('team-a', '2026-05-11');
    await client.updateEntity({ partitionKey: 'broken', rowKey, checkIns: { value: '1', type: 'Int64' } }, 'Merge');
    await expect(repo.get('broken', 'team-a', '2026-05-11')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.updateEntity({ partitionKey: 'broken', rowKey, checkIns: 1, travelOv: 'many' }, 'Merge');
    await expect(repo.listCampaign('broken')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    // and an apply on a corrupted row fails rather than overwriting it with guesses
    await expect(repo.apply(checkIn({ campaignId: 'broken', userId: 'u2' }))).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });
});
