import type { TableEntity, UpdateMode } from '@azure/data-tables';
import { AppError, ConflictError } from '@soestainable/bot/errors';
import { key } from '@soestainable/bot/storage/keys';
import { CheckInsRepository } from '@soestainable/bot/storage/repositories/checkIns';
import { APPLIED_TOKENS_KEPT, DailyAggregatesRepository, type DailyAggregateRow } from '@soestainable/bot/storage/repositories/dailyAggregates';
import { TableStore } from '@soestainable/bot/storage/tableStore';
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

/** Fails its `failWrite`-th write with STORAGE_UNAVAILABLE, as an outage would (a stand-in for an outside fault). */
class FailingStore extends TableStore<DailyAggregateRow> {
  failWrite = 0;
  private writes = 0;
  override async create(entity: TableEntity<DailyAggregateRow>): Promise<string> {
    this.fail();
    return super.create(entity);
  }
  override async update(entity: TableEntity<DailyAggregateRow>, etag: string, mode?: UpdateMode): Promise<string> {
    this.fail();
    return super.update(entity, etag, mode);
  }
  private fail(): void {
    this.writes++;
    if (this.writes === this.failWrite) throw new AppError('STORAGE_UNAVAILABLE', 'injected outage');
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

  it('counts a token once: a retry of the same apply changes nothing and writes nothing', async () => {
    const c = checkIn({ campaignId: 'tok', userId: 'u-tok' });
    await repo.apply(c, undefined, 'tok-aaaaaaaa');
    const writes = store.writes;
    await repo.apply(c, undefined, 'tok-aaaaaaaa');
    expect(store.writes).toBe(writes);
    await repo.apply(checkIn({ campaignId: 'tok', userId: 'u-tok2' }), undefined, 'tok-bbbbbbbb');
    expect(await repo.get('tok', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 2, done: 2, cupsAvoided: 4 });
    const row = await tables.client('DailyAggregates').getEntity<Record<string, unknown>>('tok', key('team-a', '2026-05-11'));
    expect(row['applied']).toBe('tok-aaaaaaaa tok-bbbbbbbb');
    await expect(repo.apply(c, undefined, 'with space')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.hasApplied('tok', 'team-a', '2026-05-11', 'tok-bbbbbbbb')).toBe(true);
    expect(await repo.hasApplied('tok', 'team-a', '2026-05-11', 'tok-cccccccc')).toBe(false);
  });

  it('counts each of many concurrent tokens once, retries included, inside one combined write', async () => {
    const tokens = Array.from({ length: 30 }, (_, i) => `conc-${String(i).padStart(4, '0')}`);
    const apply = (i: number) => repo.apply(checkIn({ campaignId: 'tokc', userId: `u${i}` }), undefined, tokens[i]);
    // every check-in applied twice at once (a client retry meeting the original), from two instances
    const second = new DailyAggregatesRepository(tables.store('DailyAggregates'));
    await Promise.all(tokens.flatMap((t, i) => [apply(i), second.apply(checkIn({ campaignId: 'tokc', userId: `u${i}` }), undefined, t)]));
    expect(await repo.get('tokc', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 30, done: 30 });
  });

  it('records the token on both rows of a moved check-in, so a retry after the first row only finishes the second', async () => {
    const before = checkIn({ campaignId: 'tokm', userId: 'mover' });
    await repo.apply(before, undefined, 'first-000000');
    const after = { ...before, teamId: 'team-b', outcome: 'partly' as const };
    // storage goes away after the old row was written: the old row has the token, the new row not yet
    const failing = new FailingStore(tables.client('DailyAggregates'));
    const cut = new DailyAggregatesRepository(failing);
    failing.failWrite = 2;
    await expect(cut.apply(after, before, 'move-0000000')).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(await repo.get('tokm', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 0 });
    expect(await repo.get('tokm', 'team-b', '2026-05-11')).toBeUndefined();
    await repo.apply(after, before, 'move-0000000');
    expect(await repo.get('tokm', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 0, done: 0 });
    expect(await repo.get('tokm', 'team-b', '2026-05-11')).toMatchObject({ checkIns: 1, partly: 1 });
    expect(await repo.hasApplied('tokm', 'team-a', '2026-05-11', 'move-0000000')).toBe(true);
    expect(await repo.hasApplied('tokm', 'team-b', '2026-05-11', 'move-0000000')).toBe(true);
  });

  it('remembers the latest APPLIED_TOKENS_KEPT tokens, dropping the oldest', async () => {
    const client = tables.client('DailyAggregates');
    const old = Array.from({ length: APPLIED_TOKENS_KEPT }, (_, i) => `old-${String(i).padStart(8, '0')}`);
    await repo.apply(checkIn({ campaignId: 'cap', userId: 'u0' }), undefined, 'seed-0000000');
    await client.updateEntity({ partitionKey: 'cap', rowKey: key('team-a', '2026-05-11'), applied: old.join(' ') }, 'Merge');
    await repo.apply(checkIn({ campaignId: 'cap', userId: 'u1' }), undefined, 'new-00000000');
    const row = await client.getEntity<Record<string, unknown>>('cap', key('team-a', '2026-05-11'));
    const kept = String(row['applied']).split(' ');
    expect(kept).toHaveLength(APPLIED_TOKENS_KEPT);
    expect(kept[0]).toBe(old[1]);
    expect(kept[kept.length - 1]).toBe('new-00000000');
    expect(await repo.get('cap', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 2 });
  });

  it('reads rows written before tokens existed, and refuses a garbled token list', async () => {
    const client = tables.client('DailyAggregates');
    await repo.apply(checkIn({ campaignId: 'legacy', userId: 'u0' }));
    const row = await client.getEntity<Record<string, unknown>>('legacy', key('team-a', '2026-05-11'));
    expect(row['applied']).toBeUndefined();
    await repo.apply(checkIn({ campaignId: 'legacy', userId: 'u1' }), undefined, 'later-000000');
    expect(await repo.get('legacy', 'team-a', '2026-05-11')).toMatchObject({ checkIns: 2 });
    await client.updateEntity({ partitionKey: 'legacy', rowKey: key('team-a', '2026-05-11'), applied: 'ok-00000000 bad/token' }, 'Merge');
    await expect(repo.get('legacy', 'team-a', '2026-05-11')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
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
