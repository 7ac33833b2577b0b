import { TeamCardsRepository } from '@soestainable/bot/storage/repositories/teamCards';
import { useTestTables } from '../../helpers/storage';

describe('TeamCardsRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: TeamCardsRepository;
  const channel = {
    orgId: 'soest',
    teamsTeamId: '19:abc/def#1@thread.tacv2',
    orgTeamId: 'publiekszaken',
    enabled: true,
    changedBy: 'aad-manager-1',
    changedAt: '2026-12-01T09:00:00.000Z',
  };

  beforeAll(() => {
    repo = new TeamCardsRepository(tables.store('TeamCards'));
  });

  it('round-trips a channel (a Teams team id with characters keys forbid) and lists the organisation', async () => {
    await repo.save(channel);
    await repo.save({ ...channel, orgId: 'other', teamsTeamId: '19:x@thread.tacv2' });
    expect(await repo.get('soest', channel.teamsTeamId)).toEqual(channel);
    expect((await repo.list('soest')).map((c) => c.teamsTeamId)).toEqual([channel.teamsTeamId]);
  });

  it('marks a channel inactive once; switching it on again clears the mark', async () => {
    await repo.save(channel);
    const stored = await repo.get('soest', channel.teamsTeamId);
    if (!stored) throw new Error('saved channel missing');
    await repo.markInactive(stored, '2026-12-07T08:00:00.000Z');
    const inactive = await repo.get('soest', channel.teamsTeamId);
    expect(inactive?.inactiveSince).toBe('2026-12-07T08:00:00.000Z');
    if (!inactive) throw new Error('inactive channel missing');
    await repo.markInactive(inactive, '2026-12-14T08:00:00.000Z');
    expect((await repo.get('soest', channel.teamsTeamId))?.inactiveSince).toBe('2026-12-07T08:00:00.000Z');
    await repo.save({ ...channel, changedAt: '2026-12-15T09:00:00.000Z' });
    expect(await repo.get('soest', channel.teamsTeamId)).not.toHaveProperty('inactiveSince');
  });

  it('refuses what it could not read back, and answers undefined / false for a missing channel', async () => {
    await expect(repo.save({ ...channel, orgTeamId: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    await expect(repo.save({ ...channel, changedBy: '' })).rejects.toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(await repo.get('soest', 'nope')).toBeUndefined();
    expect(await repo.remove('soest', 'nope')).toBe(false);
  });
});
