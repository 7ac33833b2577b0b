import type { Campaign } from '@soestainable/shared/domain/campaign';
import { createRetentionJob, RETENTION_COUNTS } from '@soestainable/bot/jobs/retention';
import type { JobSummary } from '@soestainable/bot/jobs/job';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import { SendClaimsRepository } from '@soestainable/bot/storage/repositories/sendClaims';
import { TableStore } from '@soestainable/bot/storage/tableStore';
import { checkIn } from '../../helpers/fixtures';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { baselineSurvey, participant } from '../../helpers/orgFixture';
import { rawRows } from '../../helpers/storage';
import { createJobWorld, type JobWorld } from './digests.harness';

/*
 * What the retention job purges besides raw check-ins and surveys: barrier and idea texts (and an opted-in contact)
 * of campaigns past retention, send claims, the audit log after its own, longer retention, and the chat link and
 * profile of people who left more than RETENTION_DAYS ago. Real repositories on Azurite.
 *
 * 28 Nov 2026 in Amsterdam with RETENTION_DAYS 14: c-old (ended 13 Nov) is due, c-recent (ended 20 Nov) is not;
 * send claims from before 14 Nov go; the audit log (730 days by default) keeps October 2024's entries no longer.
 */
const AT = new Date('2026-11-28T02:00:00Z');
const ENV = { RETENTION_DAYS: '14' };

function campaign(orgId: string, campaignId: string, startDate: string, endDate: string): Campaign {
  return { orgId, campaignId, name: { nl: campaignId, en: campaignId }, startDate, endDate, dayPlan: ['dag1'], closingDays: [], status: 'ended', demo: false };
}

/** Every count the job reports, zero unless given. */
function counts(over: Record<string, number> = {}): Record<string, number> {
  return { ...Object.fromEntries(RETENTION_COUNTS.map((k) => [k, 0])), ...over };
}

/** A send-claims repository whose claims carry `claimedAt` (the app's one uses the real clock). */
function claimsAt(world: JobWorld, at: string): SendClaimsRepository {
  return new SendClaimsRepository(new TableStore(world.tables.client('SendClaims')), () => new Date(at));
}

/** Marks a stored participant as having left on `leftAt` (the column the repository writes when someone leaves). */
async function leftOn(world: JobWorld, userId: string, leftAt: string): Promise<void> {
  await world.tables.client('Participants').updateEntity({ partitionKey: encodeKeyPart(userId), rowKey: 'profile', leftAt }, 'Merge');
}

/** Seeds org `orgId`: campaigns, reports, claims, audit entries and three people (active, left long ago, left lately). */
async function seed(world: JobWorld, orgId: string, prefix: string): Promise<void> {
  const { repos } = world;
  const team = `${prefix}-team`;
  await repos.orgTeams.save({ orgId, teamId: team, name: team, managerIds: [], demo: false });
  await repos.campaigns.save(campaign(orgId, `${prefix}-c-old`, '2026-11-02', '2026-11-13'));
  await repos.campaigns.save(campaign(orgId, `${prefix}-c-recent`, '2026-11-09', '2026-11-20'));
  const [active, leftLongAgo, leftLately] = [`${prefix}-active`, `${prefix}-left-old`, `${prefix}-left-new`];
  await repos.participants.save(participant({ userId: active, orgId, teamId: team }));
  await repos.participants.save(participant({ userId: leftLongAgo, orgId, teamId: team, status: 'left' }));
  await leftOn(world, leftLongAgo, '2026-10-01T10:00:00.000Z');
  await repos.participants.save(participant({ userId: leftLately, orgId, teamId: team, status: 'left' }));
  await leftOn(world, leftLately, '2026-11-25T10:00:00.000Z');
  for (const userId of [active, leftLongAgo, leftLately]) {
    await repos.conversationRefs.save({ kind: 'user', userId }, 'personal', { conversation: { id: `conv-${userId}` } });
  }
  for (const date of ['2026-11-02', '2026-11-03']) await repos.checkIns.save(checkIn({ userId: active, teamId: team, campaignId: `${prefix}-c-old`, date }), null);
  await repos.checkIns.save(checkIn({ userId: leftLongAgo, teamId: team, campaignId: `${prefix}-c-recent`, date: '2026-11-10' }), null);
  await repos.surveys.save(baselineSurvey(leftLongAgo, { campaignId: `${prefix}-c-recent` }));

  // Filed during the challenges (a barrier filed after its campaign's end keeps its text until the follow-ups end:
  // tests/integration/jobs/retentionLateBarriers.test.ts).
  world.clock = new Date('2026-11-10T09:00:00Z');
  const report = (campaignId: string, text: string, contactUserId?: string) => ({
    orgId,
    campaignId,
    teamId: team,
    theme: 'energietransitie' as const,
    text,
    ...(contactUserId === undefined ? {} : { contactUserId }),
  });
  await repos.barriers.create(report(`${prefix}-c-old`, 'oude-prikkel-met-contact', active));
  await repos.barriers.create(report(`${prefix}-c-old`, 'oude-anonieme-prikkel'));
  await repos.barriers.create(report(`${prefix}-c-recent`, 'recente-prikkel', active));
  await repos.barriers.create(report(`${prefix}-c-recent`, 'recente-prikkel-van-vertrokken-collega', leftLongAgo));
  await repos.ideas.create(report(`${prefix}-c-old`, 'oud-idee', active));
  await repos.ideas.create(report(`${prefix}-c-recent`, 'recent-idee'));

  const old = claimsAt(world, '2026-11-01T06:00:00.000Z');
  await old.claim('nudge', '2026-11-01', active, 'run-old');
  await old.markSent('nudge', '2026-11-01', active, 'activity-old');
  await old.claim('nudge', '2026-11-01', leftLately, 'run-old');
  await old.claim('digest', `${prefix}-2026-W44`, `${team}|${active}`, 'run-old');
  await old.claim('yousaid', `${prefix}-update-old`, active, 'run-old');
  await claimsAt(world, '2026-11-20T06:00:00.000Z').claim('nudge', `${prefix}-2026-11-20`, active, 'run-new');

  // Someone asked to delete and never confirmed (the value expired); someone else is asking right now.
  await repos.erasureConfirmations.issue(`${prefix}-asked-long-ago`, new Date('2026-11-20T10:10:00.000Z'));
  await repos.erasureConfirmations.issue(`${prefix}-asking-now`, new Date(AT.getTime() + 10 * 60_000));

  for (const at of ['2024-10-15T10:00:00.000Z', '2024-10-31T21:00:00.000Z', '2024-11-30T10:00:00.000Z', '2026-11-01T10:00:00.000Z']) {
    await repos.auditLog.append({ orgId, at, actor: 'aad-coordinator', action: 'campaign.update', target: `${prefix}-c-old` });
  }
}

describe('retention job: texts, send claims, audit log and people who left (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;
  const run = (dryRun: boolean, env: Record<string, string> = ENV, at = AT): Promise<JobSummary> => createRetentionJob(world.deps(env)).run({ at, dryRun });

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    await seed(world, 'soest', 's');
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  const expected = counts({ CheckIns: 3, Surveys: 1, BarrierTexts: 2, IdeaTexts: 1, ReportContacts: 1, SendClaims: 4, AuditLog: 2, Participants: 1, ConversationRefs: 1, ErasureConfirmations: 1 });

  it('a dry run counts every purge and removes nothing', async () => {
    const tables = ['Barriers', 'Ideas', 'SendClaims', 'AuditLog', 'Participants', 'TeamMembers', 'ConversationRefs', 'ErasureConfirmations'] as const;
    const before = await Promise.all(tables.map((t) => rawRows(world.tables.client(t))));
    const summary = await run(true);
    expect(summary.counts).toEqual(expected);
    const after = await Promise.all(tables.map((t) => rawRows(world.tables.client(t))));
    expect(after.map((rows) => rows.map((r) => [r['partitionKey'], r['rowKey'], r['etag']]))).toEqual(
      before.map((rows) => rows.map((r) => [r['partitionKey'], r['rowKey'], r['etag']])),
    );
  });

  it('blanks the text and contact of barriers and ideas of campaigns past retention; theme, status, team and counts stay', async () => {
    const barriersBefore = await world.repos.barriers.list('soest');
    const ideasBefore = await world.repos.ideas.list('soest');
    const summary = await run(false);
    expect(summary.counts).toEqual(expected);

    const barriers = await world.repos.barriers.list('soest');
    const ideas = await world.repos.ideas.list('soest');
    expect(barriers.length).toBe(barriersBefore.length);
    expect(ideas.length).toBe(ideasBefore.length);
    const kept = (r: { campaignId: string; teamId: string; theme: string; status: string; reference: string; createdAt: string }) => [r.campaignId, r.teamId, r.theme, r.status, r.reference, r.createdAt];
    expect(barriers.map(kept)).toEqual(barriersBefore.map(kept));
    expect(ideas.map(kept)).toEqual(ideasBefore.map(kept));
    const stored = JSON.stringify([...(await rawRows(world.tables.client('Barriers'))), ...(await rawRows(world.tables.client('Ideas')))]);
    expect(stored).not.toMatch(/oude-prikkel-met-contact|oude-anonieme-prikkel|oud-idee/);
    expect(stored).toMatch(/recente-prikkel/);
    for (const r of [...barriers, ...ideas].filter((x) => x.campaignId === 's-c-old')) expect(r.contactUserId).toBeUndefined();
    // The person who left long ago is forgotten as a contact; the active one still is one on a recent report.
    expect(barriers.filter((b) => b.contactUserId !== undefined).map((b) => [b.text, b.contactUserId])).toEqual([['recente-prikkel', 's-active']]);
  });

  it('removed send claims older than the retention, the audit log\'s months older than two years and expired delete confirmations', async () => {
    const claims = (await rawRows(world.tables.client('SendClaims'))).map((r) => `${String(r['partitionKey'])} ${decodeURIComponent(String(r['rowKey']))}`);
    expect(claims).toEqual(['nudge|s-2026-11-20 s-active']);
    const audit = (await rawRows(world.tables.client('AuditLog'))).map((r) => String(r['at']));
    expect(audit.sort()).toEqual(['2024-11-30T10:00:00.000Z', '2026-11-01T10:00:00.000Z']);
    expect((await rawRows(world.tables.client('ErasureConfirmations'))).map((r) => r['partitionKey'])).toEqual(['s-asking-now']);
  });

  it('removed the profile, index rows, chat link and remaining data of someone who left more than RETENTION_DAYS ago, and no one else\'s', async () => {
    expect(await world.repos.participants.get('s-left-old')).toBeUndefined();
    expect((await world.repos.participants.listTeamMembers('s-team')).map((m) => m.userId).sort()).toEqual(['s-active', 's-left-new']);
    expect(await world.repos.conversationRefs.listAll({ kind: 'user', userId: 's-left-old' })).toEqual([]);
    expect(await world.repos.checkIns.listAll('s-left-old')).toEqual([]);
    expect(await world.repos.surveys.listAll('s-left-old')).toEqual([]);
    expect(await world.repos.participants.get('s-left-new')).toBeDefined();
    expect(await world.repos.conversationRefs.listAll({ kind: 'user', userId: 's-left-new' })).toHaveLength(1);
    expect((await world.repos.participants.get('s-active'))?.status).toBe('active');
    // Counts in the log, never content.
    expect(JSON.stringify(world.logs)).not.toMatch(/prikkel|idee/);
  });

  it('a second run removes nothing more', async () => {
    expect((await run(false)).counts).toEqual(counts());
  });

  it('AUDIT_RETENTION_DAYS sets the audit log\'s retention', async () => {
    const summary = await run(false, { ...ENV, AUDIT_RETENTION_DAYS: '365' });
    expect(summary.counts).toEqual(counts({ AuditLog: 1 }));
    expect((await rawRows(world.tables.client('AuditLog'))).map((r) => r['at'])).toEqual(['2026-11-01T10:00:00.000Z']);
  });
});

describe('retention job: two instances purging texts, claims, the audit log and people who left at once (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    await seed(world, 'tweede', 't');
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('remove every row once between them, and neither fails', async () => {
    const deps = world.deps({ ...ENV, ORG_ID: 'tweede' });
    const [a, b] = await Promise.all([createRetentionJob(deps).run({ at: AT, dryRun: false }), createRetentionJob(deps).run({ at: AT, dryRun: false })]);
    const sum = Object.fromEntries(Object.keys(counts()).map((k) => [k, (a.counts[k] ?? 0) + (b.counts[k] ?? 0)]));
    expect(sum).toEqual(counts({ CheckIns: 3, Surveys: 1, BarrierTexts: 2, IdeaTexts: 1, ReportContacts: 1, SendClaims: 4, AuditLog: 2, Participants: 1, ConversationRefs: 1, ErasureConfirmations: 1 }));
    expect(await world.repos.participants.get('t-left-old')).toBeUndefined();
    expect((await rawRows(world.tables.client('SendClaims'))).length).toBe(1);
  });
});

describe('retention job: someone who left long ago with a profile that no longer parses (Azurite)', () => {
  const connector = new LimitedConnector();
  let world: JobWorld;

  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld(connector);
    await world.repos.orgTeams.save({ orgId: 'kapot', teamId: 'k-team', name: 'K', managerIds: [], demo: false });
    await world.repos.participants.save(participant({ userId: 'k-left', orgId: 'kapot', teamId: 'k-team', status: 'left' }));
    await leftOn(world, 'k-left', '2026-10-01T10:00:00.000Z');
    await world.tables.client('Participants').updateEntity({ partitionKey: 'k-left', rowKey: 'profile', roles: 'geen json' }, 'Merge');
    await world.repos.conversationRefs.save({ kind: 'user', userId: 'k-left' }, 'personal', { conversation: { id: 'conv-k-left' } });
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });

  it('is still counted and erased, and the job does not fail', async () => {
    await expect(world.repos.participants.get('k-left')).rejects.toMatchObject({ code: 'STORAGE_DATA_INVALID' });
    const deps = world.deps({ ...ENV, ORG_ID: 'kapot' });
    expect((await createRetentionJob(deps).run({ at: AT, dryRun: true })).counts).toEqual(counts({ Participants: 1, ConversationRefs: 1 }));
    expect((await createRetentionJob(deps).run({ at: AT, dryRun: false })).counts).toEqual(counts({ Participants: 1, ConversationRefs: 1 }));
    expect(await rawRows(world.tables.client('Participants'))).toEqual([]);
    expect(await world.repos.participants.listTeamMembers('k-team')).toEqual([]);
  });
});
