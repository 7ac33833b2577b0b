import { OrgTeamsRepository } from '@soestainable/bot/storage/repositories/orgTeams';
import { useTestTables } from '../../helpers/storage';

describe('OrgTeamsRepository (Azurite)', () => {
  const tables = useTestTables();
  let repo: OrgTeamsRepository;

  beforeAll(() => {
    repo = new OrgTeamsRepository(tables.store('OrgTeams'));
  });

  it('round-trips a team and lists the organisation sorted by name', async () => {
    await repo.save({ orgId: 'soest', teamId: 'ro', name: 'Ruimtelijke Ontwikkeling', managerIds: ['m1'], demo: true });
    await repo.save({ orgId: 'soest', teamId: 'bv', name: 'Bedrijfsvoering', managerIds: [], demo: false });
    await repo.save({ orgId: 'other', teamId: 'x', name: 'Elders', managerIds: [], demo: false });

    expect(await repo.get('soest', 'ro')).toEqual({
      orgId: 'soest', teamId: 'ro', name: 'Ruimtelijke Ontwikkeling', managerIds: ['m1'], demo: true,
    });
    expect((await repo.list('soest')).map((t) => t.teamId)).toEqual(['bv', 'ro']);
  });

  it('answers undefined for a missing team and false for deleting one', async () => {
    expect(await repo.get('soest', 'nope')).toBeUndefined();
    expect(await repo.remove('soest', 'nope')).toBe(false);
  });

  it('stores ids with characters Table Storage forbids in keys', async () => {
    const teamId = 'a/b\\c#d?e%f|g\u0001';
    await repo.save({ orgId: 'soest', teamId, name: 'Vreemd', managerIds: [], demo: false });
    expect((await repo.get('soest', teamId))?.teamId).toBe(teamId);
    expect(await repo.remove('soest', teamId)).toBe(true);
  });
});
