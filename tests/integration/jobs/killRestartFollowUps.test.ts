/**
 * Issue 15's crash test on the real operator job, beside the nudge's (killRestart.test.ts): `npm run job --
 * followups --at …` (the built bot/dist/src/cli/job.js) on wave 1's day for 2,000 participants with pledges on
 * Azurite, killed with SIGKILL at random moments mid-wave and started again, sending through the real botbuilder
 * adapter over HTTP to a fake Bot Connector in this process, whose record survives every kill. Nobody gets the wave
 * twice; everyone with a pledge ends with one claim: sent exactly once, skipped (never sent), or left uncertain by a
 * kill (delivered at most once, never resent). Build first with `npx tsc -b` (`npm test` does).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { SendClaim } from '@soestainable/shared/domain/sending';
import { DEFAULT_CONCURRENCY, minConcurrency } from '@soestainable/bot/jobs';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { seededRandom } from '@soestainable/testing/seeded';
import { JOB_CLI, startJobProcess, type JobProcess } from '../../helpers/jobProcess';
import { createJobWorld, type JobWorld } from './harness';
import { NUDGE_CAMPAIGN, participantId, seedNudgeDay } from './killRestart.seed';

const N = 2_000;
const SEND_RATE = 400;
const CONCURRENCY = Math.max(DEFAULT_CONCURRENCY, minConcurrency(SEND_RATE));
/** The campaign ends Friday 11 Dec 2026: wave 1 (+2 weeks, Christmas Day) goes out Monday 28 Dec; five past everyone's 09:00. */
const AT = '2026-12-28T09:05+01:00';
const PERIOD = `${NUDGE_CAMPAIGN.campaignId}|w1`;
const KILLS = 3;
const [A, B] = CATALOGUE.map((c) => c.id) as [string, string];

/**
 * What participant `i` should get. The seed (shared with the nudge's test) makes every 200th from 17 paused and
 * from 133 without a conversation; here every 200th from 89 has no pledge (not asked, no claim) and from 151 has
 * answered wave 1 already. The nudge's "already checked in" ones (61) are ordinary recipients of a pulse.
 */
function expected(i: number): 'pulse' | 'none' | 'paused' | 'no_conversation' | 'already_answered' {
  switch (i % 200) {
    case 17:
      return 'paused';
    case 133:
      return 'no_conversation';
    case 89:
      return 'none';
    case 151:
      return 'already_answered';
    default:
      return 'pulse';
  }
}


async function forEachBounded(count: number, limit: number, work: (i: number) => Promise<unknown>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

describe('the followups job process killed with SIGKILL mid-wave and restarted (2,000 people with pledges)', () => {
  const connector = new LimitedConnector({ keepBodies: false });
  const cwd = mkdtempSync(join(tmpdir(), 'followups-kill-'));
  let world: JobWorld | undefined;
  let tablePrefix: string;
  let ids: string[];

  beforeAll(async () => {
    if (!existsSync(JOB_CLI)) throw new Error(`${JOB_CLI} is missing: run \`npx tsc -b\` (npm test does) first`);
    await connector.start();
    world = await createJobWorld();
    const { repos } = world;
    tablePrefix = world.client('SendClaims').tableName.slice(0, -'SendClaims'.length);
    ids = await seedNudgeDay(world, connector, N);
    const stamp = '2026-12-11T09:00:00.000Z';
    await forEachBounded(N, 32, async (i) => {
      const userId = participantId(i);
      const what = expected(i);
      if (what === 'none') return;
      await repos.pledges.save({ userId, campaignId: NUDGE_CAMPAIGN.campaignId, challengeIds: [A, B], createdAt: stamp, updatedAt: stamp });
      if (what === 'already_answered') {
        await repos.followUpAnswers.create({ userId, campaignId: NUDGE_CAMPAIGN.campaignId, wave: 1, answers: [{ challengeId: A, kept: 'ja' }, { challengeId: B, kept: 'soms' }], answeredAt: '2026-12-28T07:30:00.000Z' });
      }
    });
  }, 120_000);
  afterAll(async () => {
    await connector.stop();
    await world?.drop();
  });

  const startJob = (): JobProcess => startJobProcess({ job: 'followups', at: AT, tablePrefix, sendRate: SEND_RATE, cwd });

  const until = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
  };

  it('nobody gets the wave twice; everyone with a pledge ends sent once, skipped or uncertain; a kill leaves at most the concurrency uncertain', async () => {
    const repos = (world as JobWorld).repos;
    const random = seededRandom(15);
    const killed: { pid: number; inFlight: number }[] = [];
    for (let k = 0; k < KILLS; k++) {
      const job = startJob();
      const from = connector.deliveries.length;
      const after = 1 + Math.floor(random() * 300);
      let exitedEarly = false;
      void job.exited.then(() => (exitedEarly = true));
      await until(() => exitedEarly || connector.deliveries.length >= from + after);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20)));
      job.child.kill('SIGKILL');
      const exit = await job.exited;
      expect({ kill: k, signal: exit.signal, stderr: exit.stderr }).toEqual({ kill: k, signal: 'SIGKILL', stderr: '' });
      killed.push({ pid: job.child.pid as number, inFlight: (await repos.sendClaims.inFlight('followup', PERIOD)).length });
    }
    const final = await startJob().exited;
    expect({ code: final.code, stderr: final.stderr }).toEqual({ code: 0, stderr: '' });
    // A run after the wave is done sends nothing more.
    const again = await startJob().exited;
    expect(again.code).toBe(0);

    const delivered = new Map<string, number>();
    for (const d of connector.deliveries) delivered.set(d.conversationId, (delivered.get(d.conversationId) ?? 0) + 1);
    expect([...delivered].filter(([, n]) => n > 1).map(([c]) => c)).toEqual([]);

    const claims = new Map<string, SendClaim>((await repos.sendClaims.listRun('followup', PERIOD)).map((c) => [c.recipientId, c]));
    const uncertain: string[] = [];
    const outcome = { pulse: 0, skipped: 0, none: 0 };
    ids.forEach((id, i) => {
      const what = expected(i);
      const claim = claims.get(id);
      const got = delivered.get(`conv-${id}`) ?? 0;
      if (what === 'none') {
        outcome.none++;
        expect({ id, claim, got }).toEqual({ id, claim: undefined, got: 0 });
      } else if (claim?.state === 'claimed') {
        uncertain.push(id);
        if (what !== 'pulse') expect({ id, got }).toEqual({ id, got: 0 });
      } else if (what === 'pulse') {
        outcome.pulse++;
        expect({ id, state: claim?.state, got }).toEqual({ id, state: 'sent', got: 1 });
      } else {
        outcome.skipped++;
        expect({ id, state: claim?.state, reason: claim?.skipReason, got }).toEqual({ id, state: 'skipped', reason: what, got: 0 });
      }
    });
    expect(claims.size).toBe(N - outcome.none);
    expect(outcome.pulse + outcome.skipped + uncertain.length + outcome.none).toBe(N);
    const byPid = new Map<number, number>();
    for (const id of uncertain) {
      const pid = Number(/-(\d+)-[0-9a-f]{8}$/.exec(claims.get(id)?.claimedBy.split('.')[0] ?? '')?.[1]);
      byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
    }
    expect([...byPid.keys()].filter((pid) => !killed.some((k) => k.pid === pid))).toEqual([]);
    killed.forEach(({ pid, inFlight }, k) => {
      const left = byPid.get(pid) ?? 0;
      expect({ kill: k, left }).toEqual({ kill: k, left: inFlight - (killed[k - 1]?.inFlight ?? 0) });
      expect(left).toBeLessThanOrEqual(CONCURRENCY);
    });
    expect(uncertain.length).toBeGreaterThan(0);
    const runs = await repos.sendRuns.latest('followup', 10);
    expect(runs.slice(2).map((r) => r.finishedAt)).toEqual(runs.slice(2).map(() => undefined));
    expect(runs[1]).toMatchObject({ failed: 0, uncertain: uncertain.length, finishedAt: expect.any(String) });
  }, 200_000);
});
