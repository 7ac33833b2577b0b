import { createRetentionJob } from '@soestainable/bot/jobs/retention';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant } from '../../helpers/orgFixture';
import { createJobWorld, type JobWorld } from './digests.harness';

/*
 * An action owner who left long ago is erased by the retention job like anyone who asked: the actions naming them
 * lose the link (`ownerUserId`), keep the typed owner name, and stay (summary count `ActionOwners`); a dry run counts
 * the same and changes nothing. 28 Nov 2026 with RETENTION_DAYS 14: someone who left on 1 Oct is due.
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
});
