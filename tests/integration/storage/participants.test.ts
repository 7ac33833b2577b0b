import type { TransactionAction } from '@azure/data-tables';
import type { Participant } from '@soestainable/shared/domain/organisation';
import { AppError, ConflictError } from '@soestainable/bot/errors';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import {
  ParticipantsRepository,
  type ParticipantRow,
  type TeamMemberRow,
} from '@soestainable/bot/storage/repositories/participants';
import { TableStore } from '@soestainable/bot/storage/tableStore';
import { useTestTables } from '../../helpers/storage';

function participant(over: Partial<Participant> = {}): Participant {
  return {
    userId: 'u1',
    tenantId: 'tenant',
    orgId: 'soest',
    teamId: 'ro',
    language: 'nl',
    nudgeTime: '08:30',
    status: 'active',
    roles: [],
    joinedAt: '2026-05-01T08:00:00.000Z',
    demo: false,
    ...over,
  };
}

/** A TeamMembers store whose next `failDeletes` deletes fail as if storage went away: a save stopped half-way. */
class FlakyStore extends TableStore<TeamMemberRow> {
  failDeletes = 0;
  override async delete(partitionKey: string, rowKey: string, etag?: string): Promise<boolean> {
    if (this.failDeletes > 0) {
      this.failDeletes--;
      throw new AppError('STORAGE_UNAVAILABLE', 'simulated outage');
    }
    return super.delete(partitionKey, rowKey, etag);
  }
}

describe('ParticipantsRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: ParticipantsRepository;
  let teamMembers: FlakyStore;

  const members = async (teamId: string) => (await repo.listTeamMembers(teamId)).map((m) => `${m.userId}:${m.status}`).sort();
  const slot = async (time: string) => (await repo.listNudgeSlot(time)).map((e) => e.userId).sort();

  beforeAll(() => {
    teamMembers = new FlakyStore(tables.client('TeamMembers'));
    repo = new ParticipantsRepository(
      tables.store('Participants'),
      teamMembers,
      tables.store('NudgeSlots'),
    );
  });

  it('round-trips a participant and indexes them by team and nudge minute', async () => {
    const p = participant({ userId: 'rt', roles: ['manager', 'coordinator'], language: 'en', demo: true });
    await repo.save(p);
    expect(await repo.get('rt')).toEqual(p);
    expect(await members('ro')).toContain('rt:active');
    expect(await repo.listNudgeSlot('08:30')).toContainEqual({ userId: 'rt', orgId: 'soest', language: 'en', demo: true });
  });

  it('answers undefined for a missing participant, false for removing one, undefined for updating one', async () => {
    expect(await repo.get('nobody')).toBeUndefined();
    expect(await repo.remove('nobody')).toBe(false);
    expect(await repo.update('nobody', (p) => p)).toBeUndefined();
  });

  it('moves the index rows when team or nudge time change, and saving again changes nothing', async () => {
    await repo.save(participant({ userId: 'mv', teamId: 'team-a', nudgeTime: '09:00' }));
    await repo.save(participant({ userId: 'mv', teamId: 'team-b', nudgeTime: '09:15' }));
    await repo.save(participant({ userId: 'mv', teamId: 'team-b', nudgeTime: '09:15' }));
    expect(await members('team-a')).toEqual([]);
    expect(await members('team-b')).toEqual(['mv:active']);
    expect(await slot('09:00')).toEqual([]);
    expect(await slot('09:15')).toEqual(['mv']);
    const row = await tables.client('Participants').getEntity<ParticipantRow>('mv', 'profile');
    expect(row.staleIndex).toBe('[]');
  });

  it('takes paused and left participants out of their nudge slot but keeps them in the team with their status', async () => {
    await repo.save(participant({ userId: 'ps', teamId: 'team-p', nudgeTime: '10:00' }));
    expect(await slot('10:00')).toEqual(['ps']);
    await repo.update('ps', (p) => ({ ...p, status: 'paused' }));
    expect(await slot('10:00')).toEqual([]);
    expect(await members('team-p')).toEqual(['ps:paused']);
    await repo.update('ps', (p) => ({ ...p, status: 'active', nudgeTime: '10:30' }));
    expect(await slot('10:30')).toEqual(['ps']);
    await repo.update('ps', (p) => ({ ...p, status: 'left' }));
    expect(await slot('10:30')).toEqual([]);
    expect(await members('team-p')).toEqual(['ps:left']);
  });

  it('remove deletes the profile and every index row', async () => {
    await repo.save(participant({ userId: 'rm', teamId: 'team-r', nudgeTime: '11:00' }));
    expect(await repo.remove('rm')).toBe(true);
    expect(await repo.get('rm')).toBeUndefined();
    expect(await members('team-r')).toEqual([]);
    expect(await slot('11:00')).toEqual([]);
    expect(await repo.remove('rm')).toBe(false);
  });

  it('two removes of one participant at once (two instances erasing): exactly one of them answers true', async () => {
    for (let round = 0; round < 10; round++) {
      const userId = `rm-twice-${round}`;
      await repo.save(participant({ userId }));
      const answers = await Promise.all([repo.remove(userId), repo.remove(userId)]);
      expect(answers.sort()).toEqual([false, true]);
      expect(await repo.get(userId)).toBeUndefined();
    }
  });

  it('finishes a save that stopped half-way when it is run again', async () => {
    await repo.save(participant({ userId: 'half', teamId: 'team-old' }));
    teamMembers.failDeletes = 1;
    await expect(repo.save(participant({ userId: 'half', teamId: 'team-new' }))).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
    });
    // profile written, new index row written, old one still there: the profile remembers it
    expect((await repo.get('half'))?.teamId).toBe('team-new');
    expect(await members('team-old')).toEqual(['half:active']);

    await repo.save(participant({ userId: 'half', teamId: 'team-new' }));
    expect(await members('team-old')).toEqual([]);
    expect(await members('team-new')).toEqual(['half:active']);

    // the same for remove: a half-done remove is finished by running it again
    teamMembers.failDeletes = 1;
    await expect(repo.remove('half')).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
    expect(await repo.remove('half')).toBe(true);
    expect(await members('team-new')).toEqual([]);
  });

  it('update retries on a concurrent change, so concurrent updates of different fields all land', async () => {
    await repo.save(participant({ userId: 'cc', teamId: 'team-c', nudgeTime: '12:00' }));
    await Promise.all([
      repo.update('cc', (p) => ({ ...p, language: 'en' })),
      repo.update('cc', (p) => ({ ...p, nudgeTime: '12:45' })),
      repo.update('cc', (p) => ({ ...p, roles: ['coordinator'] })),
      repo.update('cc', (p) => ({ ...p, teamId: 'team-d' })),
    ]);
    expect(await repo.get('cc')).toEqual(
      participant({ userId: 'cc', teamId: 'team-d', nudgeTime: '12:45', language: 'en', roles: ['coordinator'] }),
    );
    expect(await members('team-c')).toEqual([]);
    expect(await members('team-d')).toEqual(['cc:active']);
    expect(await slot('12:00')).toEqual([]);
    expect(await slot('12:45')).toEqual(['cc']);
  });

  it('gives up with STORAGE_CONFLICT (not a retryable ConflictError) when the row keeps changing', async () => {
    const client = tables.client('Participants');
    let writes = 0;
    /** Someone else writes the profile between every read and write of ours. */
    class AlwaysChanged extends TableStore<ParticipantRow> {
      override async update(...args: Parameters<TableStore<ParticipantRow>['update']>): Promise<string> {
        writes++;
        await client.updateEntity({ partitionKey: 'busy', rowKey: 'profile', demo: writes % 2 === 0 }, 'Merge');
        return super.update(...args);
      }
    }
    const impatient = new ParticipantsRepository(
      new AlwaysChanged(client),
      tables.store('TeamMembers'),
      tables.store('NudgeSlots'),
      { maxAttempts: 3, baseDelayMs: 1, maxDelayMs: 2 },
    );
    await impatient.save(participant({ userId: 'busy' }));
    const err: unknown = await impatient.update('busy', (p) => ({ ...p, language: 'en' })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).not.toBeInstanceOf(ConflictError);
    expect((err as AppError).code).toBe('STORAGE_CONFLICT');
    expect(writes).toBe(3);
    expect((await repo.get('busy'))?.language).toBe('nl');
  });

  it('lists a team of more than 1,000 members across result pages', async () => {
    const store = tables.store('TeamMembers');
    const actions = Array.from({ length: 1_050 }, (_, i): TransactionAction => [
      'upsert',
      { partitionKey: 'big-team', rowKey: `user-${String(i).padStart(4, '0')}`, status: i % 10 === 0 ? 'paused' : 'active' },
    ]);
    const started = performance.now();
    await store.batch(actions);
    const written = performance.now();
    const list = await repo.listTeamMembers('big-team');
    const read = performance.now();
    expect(list).toHaveLength(1_050);
    expect(new Set(list.map((m) => m.userId)).size).toBe(1_050);
    expect(list.filter((m) => m.status === 'paused')).toHaveLength(105);
    console.info(`TeamMembers: 1,050 rows written in 11 batches in ${Math.round(written - started)} ms, listed in ${Math.round(read - written)} ms`);
  });

  it('keeps ids with characters Table Storage forbids in keys', async () => {
    const userId = 'a/b\\c#d?e%f|g\u0001h\u007f';
    const teamId = 'team/x#y?z\\\u0002';
    const p = participant({ userId, teamId, nudgeTime: '07:05' });
    await repo.save(p);
    expect(await repo.get(userId)).toEqual(p);
    expect(await repo.listTeamMembers(teamId)).toEqual([{ userId, status: 'active' }]);
    expect((await repo.listNudgeSlot('07:05')).map((e) => e.userId)).toEqual([userId]);
    expect(await repo.remove(userId)).toBe(true);
    expect(await repo.listTeamMembers(teamId)).toEqual([]);
  });

  it('rejects invalid participants and nudge times before writing anything', async () => {
    await expect(repo.save(participant({ userId: 'bad', nudgeTime: '8:30' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.save(participant({ userId: '' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.listNudgeSlot('24:00')).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.update('rt', (p) => ({ ...p, userId: 'other' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.get('bad')).toBeUndefined();
  });

  it('reports a corrupted profile as STORAGE_DATA_INVALID', async () => {
    const client = tables.client('Participants');
    const good = { partitionKey: encodeKeyPart('corrupt'), rowKey: 'profile', tenantId: 't', orgId: 'soest', teamId: 'ro',
      language: 'nl', nudgeTime: '08:30', status: 'active', roles: '[]', joinedAt: 'x', demo: false, staleIndex: '[]' };
    await client.upsertEntity({ ...good, roles: '{not json' });
    await expect(repo.get('corrupt')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.upsertEntity({ ...good, status: 'sleeping' });
    await expect(repo.get('corrupt')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.upsertEntity({ ...good, roles: '["admin"]' });
    await expect(repo.get('corrupt')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.upsertEntity(good);
    expect((await repo.get('corrupt'))?.teamId).toBe('ro');
  });

  it('removes a participant whose profile no longer parses, index rows included', async () => {
    await repo.save(participant({ userId: 'erase', teamId: 'team-e', nudgeTime: '13:00' }));
    await tables.client('Participants').updateEntity({ partitionKey: 'erase', rowKey: 'profile', roles: 'garbage', status: '?' }, 'Merge');
    await expect(repo.get('erase')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    expect(await repo.remove('erase')).toBe(true);
    expect(await repo.get('erase')).toBeUndefined();
    expect(await members('team-e')).toEqual([]);
    expect(await slot('13:00')).toEqual([]);
  });

  it('getForNudge tells an impossible nudge time apart from a profile that does not parse', async () => {
    await repo.save(participant({ userId: 'n-ok', nudgeTime: '07:45' }));
    expect(await repo.getForNudge('n-ok')).toEqual({ participant: participant({ userId: 'n-ok', nudgeTime: '07:45' }) });
    expect(await repo.getForNudge('n-nobody')).toBeUndefined();

    const profiles = tables.client('Participants');
    await repo.save(participant({ userId: 'n-time' }));
    await profiles.updateEntity({ partitionKey: encodeKeyPart('n-time'), rowKey: 'profile', nudgeTime: '25:99' }, 'Merge');
    await expect(repo.get('n-time')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    expect(await repo.getForNudge('n-time')).toEqual({ invalid: 'nudge_time' });

    // Another column broken (with or without a bad time too): the profile as a whole.
    await repo.save(participant({ userId: 'n-roles' }));
    await profiles.updateEntity({ partitionKey: encodeKeyPart('n-roles'), rowKey: 'profile', roles: '["baas"' }, 'Merge');
    expect(await repo.getForNudge('n-roles')).toEqual({ invalid: 'profile' });
    await repo.save(participant({ userId: 'n-both' }));
    await profiles.updateEntity({ partitionKey: encodeKeyPart('n-both'), rowKey: 'profile', nudgeTime: '9 uur', status: 'weg' }, 'Merge');
    expect(await repo.getForNudge('n-both')).toEqual({ invalid: 'profile' });
  });

  describe('erasure mark and leaving date', () => {
    const clock = { now: new Date('2026-12-01T10:00:00Z') };
    let dated: ParticipantsRepository;
    beforeAll(() => {
      dated = new ParticipantsRepository(tables.store('Participants'), tables.store('TeamMembers'), tables.store('NudgeSlots'), undefined, () => clock.now);
    });

    it('once marked as erasing, refuses every save and update of the profile, and remove still deletes it', async () => {
      await dated.save(participant({ userId: 'er-1' }));
      expect(await dated.erasureState('er-1')).toBe('present');
      expect(await dated.markErasing('er-1')).toBe('marked');
      expect(await dated.markErasing('er-1')).toBe('marked');
      expect(await dated.erasureState('er-1')).toBe('erasing');
      await expect(dated.save(participant({ userId: 'er-1', status: 'paused' }))).rejects.toMatchObject({ code: 'ERASURE_IN_PROGRESS' });
      await expect(dated.update('er-1', (p) => ({ ...p, nudgeTime: '10:00' }))).rejects.toMatchObject({ code: 'ERASURE_IN_PROGRESS' });
      expect(await dated.get('er-1')).toEqual(participant({ userId: 'er-1' }));
      expect(await dated.remove('er-1')).toBe(true);
      expect(await dated.erasureState('er-1')).toBe('absent');
      expect(await dated.markErasing('er-1')).toBe('absent');
    });

    it('records when someone left, keeps that date while they stay away, and drops it when they come back', async () => {
      await dated.save(participant({ userId: 'lv-1' }));
      expect(await dated.departure('lv-1')).toEqual({ status: 'active', leftAt: undefined });
      await dated.update('lv-1', (p) => ({ ...p, status: 'left' }));
      expect(await dated.departure('lv-1')).toEqual({ status: 'left', leftAt: '2026-12-01T10:00:00.000Z' });
      clock.now = new Date('2026-12-20T10:00:00Z');
      await dated.update('lv-1', (p) => ({ ...p, roles: ['manager'] }));
      expect(await dated.departure('lv-1')).toEqual({ status: 'left', leftAt: '2026-12-01T10:00:00.000Z' });
      await dated.update('lv-1', (p) => ({ ...p, status: 'active' }));
      expect(await dated.departure('lv-1')).toEqual({ status: 'active', leftAt: undefined });
    });

    it('dates a profile that left before leaving dates were kept by its last change', async () => {
      await dated.save(participant({ userId: 'lv-old', status: 'left' }));
      const raw = tables.client('Participants');
      const { leftAt: _dropped, ...row } = await raw.getEntity<Record<string, unknown>>(encodeKeyPart('lv-old'), 'profile');
      await raw.updateEntity({ ...row, partitionKey: encodeKeyPart('lv-old'), rowKey: 'profile' }, 'Replace');
      const stored = await raw.getEntity(encodeKeyPart('lv-old'), 'profile');
      expect(stored['leftAt']).toBeUndefined();
      expect(await dated.departure('lv-old')).toEqual({ status: 'left', leftAt: stored.timestamp });
    });

    it('marks someone who left only while they still have left since before the cutoff', async () => {
      const leftLongAgo = (d: { status: string | undefined; leftAt: string | undefined }) => d.status === 'left' && d.leftAt !== undefined && d.leftAt < '2026-12-15';
      clock.now = new Date('2026-12-01T10:00:00Z');
      await dated.save(participant({ userId: 'lv-2', status: 'left' }));
      await dated.save(participant({ userId: 'lv-3', status: 'left' }));
      await dated.update('lv-3', (p) => ({ ...p, status: 'active' }));
      expect(await dated.markErasing('lv-3', leftLongAgo)).toBe('declined');
      expect(await dated.erasureState('lv-3')).toBe('present');
      expect(await dated.markErasing('lv-2', leftLongAgo)).toBe('marked');
    });
  });
});
