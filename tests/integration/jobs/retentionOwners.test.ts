import { CHANGED_BY_UNKNOWN } from '@soestainable/shared/domain/owners';
import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, type JobWorld } from './digests.harness';

/*
 * An action owner who left long ago is erased by the retention job like anyone who asked: the actions naming them
 * lose the link (`ownerUserId`), keep the typed owner name, and stay (summary count `ActionOwners`); a dry run counts
 * the same and changes nothing. So is a manager who left: the team cards they switched keep the switch but not their
 * id, and the teams they managed drop them (`TeamCardChangers`, `TeamManagers`). 28 Nov 2026 with RETENTION_DAYS 14: someone who left on 1 Oct is due.
 */
const AT = new Date('2026-11-28T02:00:00Z');
const ENV = { RETENTION_DAYS: '14' };

describe('retention job: action owners who left long ago (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('unlinks their actions, keeps the actions and the typed owner name; a dry run counts what the run unlinks', async () => {
    const { repos } = world;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'team', name: 'team', managerIds: [], demo: false });
    await repos.participants.save(participant({ userId: 'active', teamId: 'team' }));
    await repos.participants.save(participant({ userId: 'left', teamId: 'team', status: 'left' }));
    await world.tables.client('Participants').updateEntity({ partitionKey: encodeKeyPart('left'), rowKey: 'profile', leftAt: '2026-10-01T10:00:00.000Z' }, 'Merge');
    const action = (ownerUserId: string, owner: string) =>
      repos.actions.create(
        { orgId: 'soest', title: { nl: `Actie van ${owner}`, en: `Action of ${owner}` }, description: { nl: '', en: '' }, theme: 'mvoi', dimension: 'uitvoering', owner, ownerUserId },
        'coordinator-1',
      );
    const gone = await action('left', 'Team Inkoop');
    const kept = await action('active', 'Facilitair');

    const job = createRetentionJob(world.deps(ENV));
    const dry = await job.run({ at: AT, dryRun: true });
    expect(dry.counts).toMatchObject({ Participants: 1, ActionOwners: 1 });
    expect((await repos.actions.get('soest', gone.action.actionId))?.action.ownerUserId).toBe('left');

    const real = await job.run({ at: AT, dryRun: false });
    expect(real.counts).toMatchObject({ Participants: 1, ActionOwners: 1 });
    const after = (await repos.actions.get('soest', gone.action.actionId))?.action;
    expect(after).toMatchObject({ owner: 'Team Inkoop', title: gone.action.title });
    expect(after).not.toHaveProperty('ownerUserId');
    expect((await repos.actions.get('soest', kept.action.actionId))?.action).toMatchObject({ ownerUserId: 'active', owner: 'Facilitair' });
    expect((await job.run({ at: AT, dryRun: false })).counts['ActionOwners']).toBe(0);
  });

  it('makes a manager who left unknown on the team cards they switched and takes them out of the managers; a dry run counts the same', async () => {
    const { repos } = world;
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'managed', name: 'managed', managerIds: ['manager-left', 'manager-stays'], demo: false });
    await repos.participants.save(participant({ userId: 'manager-left', teamId: 'managed', status: 'left' }));
    await world.tables.client('Participants').updateEntity({ partitionKey: encodeKeyPart('manager-left'), rowKey: 'profile', leftAt: '2026-10-01T10:00:00.000Z' }, 'Merge');
    const switched = { orgId: 'soest', teamsTeamId: '19:managed@thread', orgTeamId: 'managed', enabled: true, changedBy: 'manager-left', changedAt: '2026-09-01T07:00:00.000Z' };
    await repos.teamCards.save(switched);

    const job = createRetentionJob(world.deps(ENV));
    const dry = await job.run({ at: AT, dryRun: true });
    expect(dry.counts).toMatchObject({ Participants: 1, TeamCardChangers: 1, TeamManagers: 1 });
    expect(await repos.teamCards.get('soest', switched.teamsTeamId)).toEqual(switched);

    const real = await job.run({ at: AT, dryRun: false });
    expect(real.counts).toMatchObject({ Participants: 1, TeamCardChangers: 1, TeamManagers: 1 });
    expect(await repos.teamCards.get('soest', switched.teamsTeamId)).toEqual({ ...switched, changedBy: CHANGED_BY_UNKNOWN });
    expect((await repos.orgTeams.get('soest', 'managed'))?.managerIds).toEqual(['manager-stays']);
    expect((await job.run({ at: AT, dryRun: false })).counts).toMatchObject({ TeamCardChangers: 0, TeamManagers: 0 });
  });
});
