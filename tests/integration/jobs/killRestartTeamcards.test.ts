/**
 * Issue 16's crash test for the team channel cards: `npm run job -- teamcards --at <Monday 09:00>` (the built
 * bot/dist/src/cli/job.js) for 120 switched-on channels on Azurite, killed with SIGKILL twice while it sends
 * (the fake connector answers each card slowly) and started again: no channel gets the week's card twice, and every
 * channel ends with its card sent, or its claim left uncertain by a kill (never resent). Build first with `npx tsc -b`.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { participant } from '../../helpers/orgFixture';
import { JOB_CLI, startJobProcess, type JobProcess } from '../../helpers/jobProcess';
import { campaignOf, onlyCampaign, createJobWorld, type JobWorld } from './harness';

const CHANNELS = 120;
const AT = '2026-12-07T09:00+01:00';
/** The claim period: the week the card reports on (30 Nov – 6 Dec). */
const WEEK = '2026-W49';
const KILLS = 2;
const channelId = (i: number): string => `19:kill-${String(i).padStart(3, '0')}@thread.tacv2`;


describe('the teamcards job process killed with SIGKILL mid-run and restarted (120 channels)', () => {
  const connector = new LimitedConnector();
  const cwd = mkdtempSync(join(tmpdir(), 'teamcards-kill-'));
  let world: JobWorld | undefined;
  let tablePrefix = '';

  beforeAll(async () => {
    if (!existsSync(JOB_CLI)) throw new Error(`${JOB_CLI} is missing: run \`npx tsc -b\` (npm test does) first`);
    await connector.start();
    // Every card is answered after 40 ms: a run takes long enough to be killed in the middle.
    connector.fault = () => ({ delayMs: 40 });
    world = await createJobWorld();
    const { repos } = world;
    tablePrefix = world.client('SendClaims').tableName.slice(0, -'SendClaims'.length);
    await onlyCampaign(repos, campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' }));
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'groot', name: 'Publiekszaken', managerIds: ['m-1'], demo: false });
    for (let i = 1; i <= 6; i++) await repos.participants.save(participant({ userId: `g${i}`, teamId: 'groot' }));
    let next = 0;
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        while (next < CHANNELS) {
          const teamsTeamId = channelId(next++);
          const reference = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: teamsTeamId, conversationType: 'channel', tenantId: 'tenant-soest' }, bot: { id: '28:bot' } };
          await repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'channel', reference);
          await repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'teamcard', reference);
          await repos.teamCards.save({ orgId: 'soest', teamsTeamId, orgTeamId: 'groot', enabled: true, changedBy: 'm-1', changedAt: '2026-12-01T09:00:00.000Z' });
        }
      }),
    );
  }, 90_000);
  afterAll(async () => {
    await connector.stop();
    await world?.drop();
  });

  const startJob = (): JobProcess => startJobProcess({ job: 'teamcards', at: AT, tablePrefix, sendRate: 40, cwd });
  const until = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
  };

  it('no channel gets the week’s card twice; every channel ends sent or uncertain', async () => {
    const repos = (world as JobWorld).repos;
    for (let k = 0; k < KILLS; k++) {
      const job = startJob();
      const from = connector.deliveries.length;
      let exitedEarly = false;
      void job.exited.then(() => (exitedEarly = true));
      await until(() => exitedEarly || connector.deliveries.length >= from + 15);
      job.child.kill('SIGKILL');
      const exit = await job.exited;
      expect({ kill: k, signal: exit.signal, stderr: exit.stderr }).toEqual({ kill: k, signal: 'SIGKILL', stderr: '' });
    }
    const final = await startJob().exited;
    expect({ code: final.code, stderr: final.stderr }).toEqual({ code: 0, stderr: '' });

    expect(connector.duplicates()).toEqual([]);
    const claims = await repos.sendClaims.listRun('teamcard', WEEK);
    expect(claims).toHaveLength(CHANNELS);
    const delivered = new Set(connector.deliveries.map((d) => d.conversationId));
    const uncertain = claims.filter((c) => c.state === 'claimed');
    for (const claim of claims) {
      if (claim.state === 'claimed') continue;
      expect({ channel: claim.recipientId, state: claim.state, delivered: delivered.has(claim.recipientId) }).toEqual({ channel: claim.recipientId, state: 'sent', delivered: true });
    }
    // The kills landed mid-send, and a rerun in the same week sends nothing more.
    expect(uncertain.length).toBeGreaterThan(0);
    const count = connector.deliveries.length;
    const again = await startJob().exited;
    expect(again.code).toBe(0);
    expect(connector.deliveries).toHaveLength(count);
  }, 120_000);
});
