/**
 * Issue 4's crash test on the real operator job: `npm run job -- nudges --at …` (the built
 * bot/dist/src/cli/job.js, as operators run it) for 2,000 participants on Azurite, killed with SIGKILL at random
 * moments mid-run and started again, sending through the real botbuilder adapter over HTTP to a fake Bot
 * Connector in this process, whose record survives every kill. Build first with `npx tsc -b` (`npm test` does).
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_CONCURRENCY, minConcurrency } from '@soestainable/bot/jobs';
import { seededRandom } from '@soestainable/testing/seeded';
import type { SendClaim } from '@soestainable/shared/domain/sending';
import { LimitedConnector } from '@soestainable/testing/limitedConnector';
import { JOB_CLI, startJobProcess, type JobProcess } from '../../helpers/jobProcess';
import { createJobWorld, type JobWorld } from './harness';
import { expectedSkip, NUDGE_DAY, seedNudgeDay } from './killRestart.seed';

const N = 2_000;
const SEND_RATE = 400;
/** The job process's engine concurrency, as `createJobs` sets it: the most claims one crash can leave in flight. */
const CONCURRENCY = Math.max(DEFAULT_CONCURRENCY, minConcurrency(SEND_RATE));
/** Five minutes after everyone's nudge time, on a working day of the campaign. */
const AT = `${NUDGE_DAY}T09:05+01:00`;
const KILLS = 3;


describe('the nudge job process killed with SIGKILL mid-run and restarted (2,000 recipients)', () => {
  const connector = new LimitedConnector({ keepBodies: false });
  const cwd = mkdtempSync(join(tmpdir(), 'job-kill-')); // no .env there
  let world: JobWorld | undefined;
  let tablePrefix: string;
  let ids: string[];

  beforeAll(async () => {
    if (!existsSync(JOB_CLI)) throw new Error(`${JOB_CLI} is missing: run \`npx tsc -b\` (npm test does) first`);
    await connector.start();
    world = await createJobWorld();
    tablePrefix = world.client('SendClaims').tableName.slice(0, -'SendClaims'.length);
    ids = await seedNudgeDay(world, connector, N);
  }, 90_000);
  afterAll(async () => {
    await connector.stop();
    await world?.drop();
  });

  const startJob = (): JobProcess => startJobProcess({ job: 'nudges', at: AT, tablePrefix, sendRate: SEND_RATE, cwd });

  const until = async (condition: () => boolean): Promise<void> => {
    while (!condition()) await new Promise((resolve) => setTimeout(resolve, 2));
  };
  const inFlight = async (): Promise<number> => (await (world as JobWorld).repos.sendClaims.inFlight('nudge', NUDGE_DAY)).length;

  it('nobody gets two nudges; everyone ends sent, skipped or uncertain; each kill leaves at most the concurrency uncertain', async () => {
    const repos = (world as JobWorld).repos;
    const random = seededRandom(6);
    /** Per kill: the killed process's pid (part of every claim it took) and the claims left in flight after it. */
    const killed: { pid: number; inFlight: number }[] = [];
    for (let k = 0; k < KILLS; k++) {
      const job = startJob();
      // A random moment while it sends: after 1–300 more deliveries, plus 0–20 ms.
      const from = connector.deliveries.length;
      const after = 1 + Math.floor(random() * 300);
      let exitedEarly = false;
      void job.exited.then(() => (exitedEarly = true));
      await until(() => exitedEarly || connector.deliveries.length >= from + after);
      await new Promise((resolve) => setTimeout(resolve, Math.floor(random() * 20)));
      job.child.kill('SIGKILL');
      const exit = await job.exited;
      // Killed while sending, not after it had finished (or died) on its own.
      expect({ kill: k, signal: exit.signal, stderr: exit.stderr }).toEqual({ kill: k, signal: 'SIGKILL', stderr: '' });
      killed.push({ pid: job.child.pid as number, inFlight: await inFlight() });
    }

    const final = await startJob().exited;
    expect({ code: final.code, stderr: final.stderr }).toEqual({ code: 0, stderr: '' });

    // The connector's record: nobody received two messages, and every message went to one of ours.
    const delivered = new Map<string, string[]>();
    for (const d of connector.deliveries) delivered.set(d.conversationId, [...(delivered.get(d.conversationId) ?? []), d.activityId]);
    expect([...delivered].filter(([, activities]) => activities.length > 1).map(([c]) => c)).toEqual([]);
    const known = new Set(ids.map((id) => `conv-${id}`));
    expect([...delivered.keys()].filter((c) => !known.has(c))).toEqual([]);

    // The claims: exactly one per participant, each sent, skipped (with its reason) or still claimed (uncertain).
    const claims = new Map<string, SendClaim>((await repos.sendClaims.listRun('nudge', NUDGE_DAY)).map((c) => [c.recipientId, c]));
    expect(claims.size).toBe(N);
    const uncertain: string[] = [];
    let sent = 0;
    let skipped = 0;
    ids.forEach((id, i) => {
      const claim = claims.get(id);
      const deliveredTo = delivered.get(`conv-${id}`)?.[0];
      const skip = expectedSkip(i);
      if (claim?.state === 'claimed') {
        // Killed between claim and outcome: maybe delivered (at most once, see above), maybe not; never resent.
        uncertain.push(id);
        if (skip !== undefined) expect({ id, deliveredTo }).toEqual({ id, deliveredTo: undefined });
      } else if (skip !== undefined) {
        skipped++;
        expect({ id, state: claim?.state, reason: claim?.skipReason, deliveredTo }).toEqual({ id, state: 'skipped', reason: skip, deliveredTo: undefined });
      } else {
        // Sent exactly once, and the claim holds the very activity id the connector answered.
        sent++;
        expect({ id, state: claim?.state, activityId: claim?.activityId }).toEqual({ id, state: 'sent', activityId: deliveredTo });
      }
    });
    expect(sent + skipped + uncertain.length).toBe(N);
    // Each kill left at most the claims its workers held, the concurrency level; the final run left none of its own.
    const byPid = new Map<number, number>();
    for (const id of uncertain) {
      const pid = Number(/-(\d+)-[0-9a-f]{8}$/.exec(claims.get(id)?.claimedBy.split('.')[0] ?? '')?.[1]);
      byPid.set(pid, (byPid.get(pid) ?? 0) + 1);
    }
    expect([...byPid.keys()].filter((pid) => !killed.some((k) => k.pid === pid))).toEqual([]);
    killed.forEach(({ pid, inFlight: after }, k) => {
      const left = byPid.get(pid) ?? 0;
      expect({ kill: k, left }).toEqual({ kill: k, left: after - (killed[k - 1]?.inFlight ?? 0) });
      expect(left).toBeLessThanOrEqual(CONCURRENCY);
    });
    // The kills did land mid-send (else this test would prove nothing about crashes).
    expect(uncertain.length).toBeGreaterThan(0);

    // The final run counts the crashed runs' claims as uncertain, in its record and in the summary it prints.
    const runs = await repos.sendRuns.latest('nudge', 10);
    expect(runs).toHaveLength(KILLS + 1);
    const [last, ...interrupted] = runs;
    expect(interrupted.map((r) => r.finishedAt)).toEqual(interrupted.map(() => undefined));
    expect(last).toMatchObject({ queued: N, failed: 0, uncertain: uncertain.length, finishedAt: expect.any(String) });
    expect((last?.sent ?? 0) + (last?.skipped ?? 0) + (last?.uncertain ?? 0)).toBe(N);
    const row = /^\s+nudge\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s+\d+\.\d s$/m.exec(final.stdout);
    expect(row?.slice(1).map(Number)).toEqual([N, last?.sent, last?.retried, last?.throttled, 0, last?.skipped, uncertain.length]);
  }, 170_000);
});
