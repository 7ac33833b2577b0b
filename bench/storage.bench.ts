/**
 * `npm run bench:storage`: what a check-in costs in storage, against a real Azurite on this machine.
 *
 * Side by side in one run (shared, noisy machines: compare within a run, never across runs):
 *   A. one bare upsert of a check-in-sized row (the floor: one round trip),
 *   B. the real check-in write: CheckIns insert-if-absent + the team's DailyAggregates ETag read-modify-write,
 *   C. B with 32 concurrent writers on the same team and day (the morning peak's worst case: one hot row).
 * Prints p50/p95 and throughput of each, and the ratios last.
 */
import { performance } from 'node:perf_hooks';
import { startAzurite } from '@soestainable/bot/storage/azurite';
import { createRepositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';
import { TableStore } from '@soestainable/bot/storage/tableStore';
import type { CheckIn } from '@soestainable/shared/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';

const N = Number(process.argv[2] ?? 400);
const CONCURRENCY = 32;

function checkIn(userId: string, teamId: string, date: string): CheckIn {
  const answers = { outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: true, cupsAvoided: 2 } as const;
  const at = new Date().toISOString();
  return {
    userId, teamId, campaignId: 'bench', date, day: 1, challengeId: 'dag01-eigen-beker', ...answers,
    challengeAnswer: undefined,
    impact: estimateCheckInImpact(answers, { commuteMode: 'auto', distanceBand: '5-10' }),
    factorVersion: FACTOR_TABLE_VERSION, createdAt: at, updatedAt: at,
  };
}

function stats(latencies: number[], wallMs: number): { p50: number; p95: number; perSecond: number } {
  const sorted = [...latencies].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;
  return { p50: at(0.5), p95: at(0.95), perSecond: (latencies.length / wallMs) * 1000 };
}

async function measure(count: number, concurrency: number, op: (i: number) => Promise<unknown>) {
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < count) {
        const i = next++;
        const t = performance.now();
        await op(i);
        latencies.push(performance.now() - t);
      }
    }),
  );
  return stats(latencies, performance.now() - started);
}

async function main(): Promise<void> {
  const azurite = await startAzurite();
  try {
    const clients = new TableClients({ kind: 'connectionString', connectionString: azurite.connectionString }, 'bench');
    await clients.ensureTables();
    const repos = createRepositories(clients);
    const raw = new TableStore<Record<string, string | number | boolean>>(clients.client('CheckIns'));

    // Warm-up: connections, JIT.
    await measure(50, 4, (i) => raw.upsert({ partitionKey: `warm${i}`, rowKey: 'x', v: i }));

    const a = await measure(N, 1, (i) =>
      raw.upsert({ partitionKey: `raw-${i}`, rowKey: 'bench|2026-12-07', outcome: 'done', travelMode: 'fiets', wasteFree: true, co2Mid: 1.2 }),
    );
    const b = await measure(N, 1, async (i) => {
      const c = checkIn(`seq-${i}`, `team-${i % 20}`, '2026-12-07');
      await repos.checkIns.save(c, null);
      await repos.dailyAggregates.apply(c);
    });
    const c = await measure(N, CONCURRENCY, async (i) => {
      const ci = checkIn(`hot-${i}`, 'hot-team', '2026-12-08');
      await repos.checkIns.save(ci, null);
      await repos.dailyAggregates.apply(ci);
    });
    const hot = await repos.dailyAggregates.get('bench', 'hot-team', '2026-12-08');
    if (hot?.checkIns !== N) throw new Error(`lost updates: the hot row counts ${hot?.checkIns ?? 0} of ${N}`);

    const fmt = (s: { p50: number; p95: number; perSecond: number }) =>
      `p50 ${s.p50.toFixed(1)} ms  p95 ${s.p95.toFixed(1)} ms  ${s.perSecond.toFixed(0)}/s`;
    console.log(`Azurite (in memory), ${N} operations each`);
    console.log(`A  bare upsert, sequential:                         ${fmt(a)}`);
    console.log(`B  check-in + aggregate, sequential, 20 teams:      ${fmt(b)}`);
    console.log(`C  check-in + aggregate, ${CONCURRENCY} concurrent, one team:  ${fmt(c)}  (hot row counted ${hot.checkIns}/${N})`);
    console.log(`ratio B/A p50 (cost of a check-in in round trips): ${(b.p50 / a.p50).toFixed(2)}`);
    console.log(`ratio C/B throughput (one hot row under contention vs spread): ${(c.perSecond / b.perSecond).toFixed(2)}`);
  } finally {
    await azurite.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exit(1);
});
