import { ConflictError } from '@soestainable/bot/errors';
import { key } from '@soestainable/bot/storage/keys';
import { CheckInsRepository } from '@soestainable/bot/storage/repositories/checkIns';
import { checkIn } from '../../helpers/fixtures';
import { useTestTables } from '../../helpers/storage';

describe('CheckInsRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: CheckInsRepository;

  beforeAll(() => {
    repo = new CheckInsRepository(tables.store('CheckIns'));
  });

  it('round-trips a check-in, with and without an answer to the day question', async () => {
    const first = checkIn();
    const { etag, previous } = await repo.save(first, null);
    expect(previous).toBeUndefined();
    expect(await repo.get('u1', 'c1', '2026-05-11')).toEqual({ value: first, etag });
    const answered = checkIn({ date: '2026-05-12', day: 2, challengeAnswer: false, outcome: 'not_today', travelMode: 'thuis' });
    await repo.save(answered, null);
    expect((await repo.get('u1', 'c1', '2026-05-12'))?.value).toEqual(answered);
  });

  it('answers undefined for a missing check-in and 0 for deleting none', async () => {
    expect(await repo.get('u1', 'c1', '2026-01-01')).toBeUndefined();
    expect(await repo.get('nobody', 'c1', '2026-05-11')).toBeUndefined();
    expect(await repo.deleteAll('nobody')).toBe(0);
  });

  it('refuses a second first check-in and an edit over a stale etag, and returns the replaced version', async () => {
    const original = checkIn({ userId: 'u2' });
    const created = await repo.save(original, null);
    const dup: unknown = await repo.save(checkIn({ userId: 'u2', outcome: 'partly' }), null).catch((e: unknown) => e);
    expect(dup).toBeInstanceOf(ConflictError);
    expect((dup as ConflictError).reason).toBe('exists');

    const edited = checkIn({ userId: 'u2', outcome: 'partly', updatedAt: '2026-05-11T09:00:00.000Z' });
    const saved = await repo.save(edited, created.etag);
    expect(saved.previous).toEqual(original);
    expect(saved.etag).not.toBe(created.etag);
    await expect(repo.save(checkIn({ userId: 'u2', outcome: 'done' }), created.etag)).rejects.toMatchObject({
      code: 'STORAGE_CONFLICT',
      reason: 'changed',
    });
    expect((await repo.get('u2', 'c1', '2026-05-11'))?.value).toEqual(edited);
    await expect(repo.save(checkIn({ userId: 'u2', date: '2026-05-20' }), saved.etag)).rejects.toMatchObject({ code: 'NOT_FOUND' });

    // without an etag: create or replace, still reporting exactly what it replaced
    const replaced = await repo.save(checkIn({ userId: 'u2', outcome: 'not_today' }));
    expect(replaced.previous).toEqual(edited);
    expect((await repo.save(checkIn({ userId: 'u2', date: '2026-05-13' }))).previous).toBeUndefined();
  });

  it('two deleters of the same rows at once (an erasure and a retention run) both finish and remove each row once', async () => {
    const userId = 'u-two-deleters';
    for (let day = 0; day < 150; day++) {
      const date = new Date(Date.UTC(2026, 0, 1 + day)).toISOString().slice(0, 10);
      await repo.save(checkIn({ userId, campaignId: 'c-long', date }), null);
    }
    const [a, b] = await Promise.all([repo.deleteAll(userId), repo.deleteCampaign(userId, 'c-long')]);
    expect(a + b).toBe(150);
    expect(await repo.listAll(userId)).toEqual([]);
  });

  it('lists one campaign by date, not a campaign whose id merely starts the same', async () => {
    await repo.save(checkIn({ userId: 'u3', campaignId: 'c1', date: '2026-05-13' }));
    await repo.save(checkIn({ userId: 'u3', campaignId: 'c1', date: '2026-05-11' }));
    await repo.save(checkIn({ userId: 'u3', campaignId: 'c10', date: '2026-05-12' }));
    await repo.save(checkIn({ userId: 'u3', campaignId: 'c', date: '2026-05-12' }));
    expect((await repo.listForCampaign('u3', 'c1')).map((c) => c.date)).toEqual(['2026-05-11', '2026-05-13']);
    expect((await repo.listForCampaign('u3', 'c10')).map((c) => c.date)).toEqual(['2026-05-12']);
    // RowKey order: grouped by campaign ('|' sorts after digits, so c10 before c1), by date within one
    expect((await repo.listAll('u3')).map((c) => `${c.campaignId}:${c.date}`)).toEqual([
      'c10:2026-05-12', 'c1:2026-05-11', 'c1:2026-05-13', 'c:2026-05-12',
    ]);
    expect(await repo.deleteCampaign('u3', 'c1')).toBe(2);
    expect((await repo.listAll('u3')).map((c) => c.campaignId)).toEqual(['c10', 'c']);
    expect(await repo.deleteAll('u3')).toBe(2);
    expect(await repo.listAll('u3')).toEqual([]);
  });

  it('validates before writing', async () => {
    await expect(repo.save(checkIn({ userId: 'v', date: '11-05-2026' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.save(checkIn({ userId: 'v', date: '2026-02-30' }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.save(checkIn({ userId: 'v', impact: { low: 2, mid: 1, high: 3 } }))).rejects.toMatchObject({
      code: 'VALIDATION_FAILED',
    });
    await expect(repo.save(checkIn({ userId: 'v', cupsAvoided: 1.5 }))).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.listAll('v')).toEqual([]);
  });

  it('keeps ids with characters Table Storage forbids in keys', async () => {
    const odd = checkIn({ userId: 'u/\\#?\u0001', campaignId: 'camp|a/b?%', teamId: 'any/thing' });
    await repo.save(odd, null);
    expect((await repo.get(odd.userId, odd.campaignId, odd.date))?.value).toEqual(odd);
    expect(await repo.listForCampaign(odd.userId, odd.campaignId)).toEqual([odd]);
    expect(await repo.listForCampaign(odd.userId, 'camp')).toEqual([]);
    expect(await repo.deleteAll(odd.userId)).toBe(1);
  });

  describe('pending parts', () => {
    const work = {
      token: 'tok-00000001',
      orgId: 'soest',
      barrier: { id: '0000000001abcdef01', theme: 'circulariteit' as const, text: 'Geen bekers', contact: true },
    };
    const pendingUsers = async (): Promise<string[]> => {
      const users: string[] = [];
      for await (const s of repo.listPending()) users.push('unreadable' in s ? `unreadable:${s.unreadable}` : s.value.userId);
      return users;
    };

    it('stores the pending part in the same write, with the replaced version for an edit, and clears it on the etag', async () => {
      const first = checkIn({ userId: 'p1' });
      const created = await repo.save(first, null, work);
      expect(created.pending).toEqual(work);
      const read = await repo.get('p1', 'c1', '2026-05-11');
      expect(read).toEqual({ value: first, etag: created.etag, pending: work });
      expect(await pendingUsers()).toContain('p1');

      // an edit over an unfinished write is refused: its pending part would be lost
      await expect(repo.save(checkIn({ userId: 'p1', outcome: 'partly' }), created.etag, { token: 'tok-00000002', orgId: 'soest' })).rejects.toMatchObject({ reason: 'changed' });
      await expect(repo.save(checkIn({ userId: 'p1', outcome: 'partly' }))).rejects.toMatchObject({ code: 'STORAGE_CONFLICT' });

      if (!read) throw new Error('expected the check-in');
      const cleared = await repo.clearPending(read);
      expect(cleared).toBeDefined();
      expect(await repo.get('p1', 'c1', '2026-05-11')).toEqual({ value: first, etag: cleared });
      expect(await pendingUsers()).not.toContain('p1');
      // a second clear with the old etag leaves the row alone
      expect(await repo.clearPending(read)).toBeUndefined();

      const edited = checkIn({ userId: 'p1', outcome: 'partly', teamId: 'team-b' });
      const saved = await repo.save(edited, cleared, { token: 'tok-00000003', orgId: 'soest' });
      expect(saved.pending).toEqual({
        token: 'tok-00000003',
        orgId: 'soest',
        previous: { teamId: 'team-a', date: '2026-05-11', outcome: 'done', travelMode: 'fiets', wasteFree: true, cupsAvoided: 2, impact: first.impact },
      });
      expect((await repo.get('p1', 'c1', '2026-05-11'))?.pending).toEqual(saved.pending);
    });

    it('gives a row that went meanwhile nothing to clear, and validates the pending part before writing', async () => {
      const c = checkIn({ userId: 'p2' });
      const created = await repo.save(c, null, work);
      await repo.deleteAll('p2');
      expect(await repo.clearPending({ value: c, etag: created.etag })).toBeUndefined();
      await expect(repo.save(checkIn({ userId: 'p3' }), null, { ...work, token: 'has space' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      await expect(repo.save(checkIn({ userId: 'p3' }), null, { ...work, barrier: { ...work.barrier, text: '  ' } })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
      expect(await repo.listAll('p3')).toEqual([]);
    });

    it('lists a row with a garbled pending part as unreadable without stopping, and refuses to read it', async () => {
      const client = tables.client('CheckIns');
      await repo.save(checkIn({ userId: 'p4' }), null, work);
      await client.updateEntity({ partitionKey: 'p4', rowKey: key('c1', '2026-05-11'), pending: '{"token":1}' }, 'Merge');
      await repo.save(checkIn({ userId: 'p5' }), null, work);
      const users = await pendingUsers();
      expect(users).toContain(`unreadable:p4/${key('c1', '2026-05-11')}`);
      expect(users).toContain('p5');
      await expect(repo.get('p4', 'c1', '2026-05-11')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
      // the export (listAll) still reads the check-in itself
      expect(await repo.listAll('p4')).toHaveLength(1);
    });
  });

  it('reports a corrupted row as STORAGE_DATA_INVALID, an Int64 counter included', async () => {
    const client = tables.client('CheckIns');
    const rowKey = key('c1', '2026-05-11');
    const good = {
      partitionKey: 'broken', rowKey, teamId: 't', day: 1, challengeId: 'x', outcome: 'done', travelMode: 'fiets',
      distanceBand: '0-5', wasteFree: true, cupsAvoided: 0, impactLow: 0, impactMid: 0, impactHigh: 0,
      factorVersion: 'v', createdAt: 'x', updatedAt: 'x',
    };
    await client.upsertEntity(good);
    expect((await repo.get('broken', 'c1', '2026-05-11'))?.value.outcome).toBe('done');
    await client.upsertEntity({ ...good, outcome: 'maybe' });
    await expect(repo.get('broken', 'c1', '2026-05-11')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.upsertEntity({ ...good, cupsAvoided: { value: '3', type: 'Int64' } });
    await expect(repo.listAll('broken')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    await client.upsertEntity({ ...good, rowKey: 'no-separator' });
    await client.deleteEntity('broken', rowKey);
    await expect(repo.listAll('broken')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
  });
});
