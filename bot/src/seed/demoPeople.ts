import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { CheckIn, CheckInOutcome, DistanceBand, Frequency, IsoDate, Survey, TravelMode } from '@soestainable/shared/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import type { Repositories } from '../storage/repositories';
import { DEMO_COMMUTE_MIX, DEMO_COORDINATOR_ID, DEMO_LABEL, demoManagerId, demoParticipantId, type DemoTeam } from './demoData';

/**
 * The demo's people: each team with its manager, its participants with a baseline, and their check-ins of the days
 * behind us (with the aggregates). Drawn from one seeded random sequence, in a fixed order per team.
 */

/** What every step of the demo seed works from: the organisation, the campaign's days and the random sequence. */
export interface DemoPlan {
  readonly orgId: string;
  readonly today: IsoDate;
  readonly startDate: IsoDate;
  readonly days: readonly IsoDate[];
  readonly campaignId: string;
  readonly random: () => number;
  /** When every demo participant joined (three working days before the start). */
  readonly joinedAt: string;
}

/** mulberry32: a tiny seeded PRNG, so the same day gives the same demo (reproducible screenshots). */
export function seededRandom(seed: string): () => number {
  let a = 0;
  for (const ch of seed) a = (Math.imul(a, 31) + ch.charCodeAt(0)) | 0;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(random: () => number, weighted: ReadonlyArray<readonly [T, number]>): T {
  let r = random() * weighted.reduce((sum, [, w]) => sum + w, 0);
  for (const [value, weight] of weighted) {
    r -= weight;
    if (r <= 0) return value;
  }
  const last = weighted[weighted.length - 1];
  if (!last) throw new Error('pick from an empty list');
  return last[0];
}

const DISTANCE_MIX: ReadonlyArray<readonly [DistanceBand, number]> = [
  ['0-5', 0.3], ['5-10', 0.25], ['10-20', 0.25], ['20-40', 0.15], ['40+', 0.05],
];
const PACKAGING_MIX: ReadonlyArray<readonly [Frequency, number]> = [
  ['never', 0.2], ['sometimes', 0.4], ['often', 0.3], ['daily', 0.1],
];
const OUTCOME_MIX: ReadonlyArray<readonly [CheckInOutcome, number]> = [['done', 0.6], ['partly', 0.27], ['not_today', 0.13]];

/** Today's travel, given the usual commute: most keep their habit, a share of drivers try something else. */
function travelToday(random: () => number, usual: TravelMode): TravelMode {
  if (usual === 'auto' || usual === 'eauto') {
    return pick(random, [[usual, 0.55], ['fiets', 0.15], ['ebike', 0.1], ['ov', 0.1], ['thuis', 0.1]]);
  }
  return pick(random, [[usual, 0.8], ['thuis', 0.15], ['auto', 0.05]]);
}

/** The team's participants: the first is its manager; the second of Bedrijfsvoering is the demo coordinator. */
function demoMembers(plan: DemoPlan, team: DemoTeam): Participant[] {
  const { random } = plan;
  const members: Participant[] = [];
  for (let n = 1; n <= team.participants; n++) {
    const isManager = n === 1;
    const isCoordinator = team.teamId === 'demo-bedrijfsvoering' && n === 2;
    members.push({
      userId: isManager ? demoManagerId(team.teamId) : isCoordinator ? DEMO_COORDINATOR_ID : demoParticipantId(team.teamId, n),
      tenantId: 'demo-tenant',
      orgId: plan.orgId,
      teamId: team.teamId,
      language: random() < 0.1 ? 'en' : 'nl',
      nudgeTime: pick(random, [['08:30', 0.3], ['09:00', 0.5], ['09:30', 0.2]]),
      status: random() < 0.05 ? 'paused' : 'active',
      roles: isManager ? ['manager'] : isCoordinator ? ['coordinator'] : [],
      joinedAt: plan.joinedAt,
      demo: true,
    });
  }
  return members;
}

export function demoBaseline(plan: DemoPlan, member: Participant): Survey {
  const { random } = plan;
  return {
    userId: member.userId,
    campaignId: plan.campaignId,
    kind: 'baseline',
    commuteMode: pick(random, DEMO_COMMUTE_MIX),
    distanceBand: pick(random, DISTANCE_MIX),
    disposablePackaging: pick(random, PACKAGING_MIX),
    screensOffAtNight: random() < 0.5,
    lightsOffWhenLeaving: random() < 0.6,
    createdAt: plan.joinedAt,
  };
}

/** The member's check-in of campaign day `index` (on `date`), answered at 10:15. */
export function demoCheckIn(plan: DemoPlan, team: DemoTeam, member: Participant, baseline: Survey, index: number, date: IsoDate): CheckIn | undefined {
  const { random } = plan;
  const challenge = CATALOGUE[index];
  if (!challenge) return undefined;
  const stamp = new Date(`${date}T10:15:00Z`).toISOString();
  const answers = {
    outcome: pick(random, OUTCOME_MIX),
    travelMode: travelToday(random, baseline.commuteMode),
    distanceBand: baseline.distanceBand,
    wasteFree: random() < 0.6,
    cupsAvoided: challenge.question.kind === 'count' ? Math.floor(random() * 5) : 0,
  };
  return {
    userId: member.userId,
    teamId: team.teamId,
    campaignId: plan.campaignId,
    date,
    day: index + 1,
    challengeId: challenge.id,
    ...answers,
    challengeAnswer: challenge.question.kind === 'yesno' ? random() < 0.7 : undefined,
    impact: estimateCheckInImpact(answers, baseline),
    factorVersion: FACTOR_TABLE_VERSION,
    createdAt: stamp,
    updatedAt: stamp,
  };
}

/** One member: the profile, the baseline, and a check-in on each past day they took part (the team's chance). */
async function seedMember(repos: Repositories, plan: DemoPlan, team: DemoTeam, member: Participant): Promise<number> {
  await repos.participants.save(member);
  const baseline = demoBaseline(plan, member);
  await repos.surveys.save(baseline);
  let checkIns = 0;
  for (const [index, date] of plan.days.entries()) {
    if (date >= plan.today || plan.random() > team.participation) continue;
    const checkIn = demoCheckIn(plan, team, member, baseline, index, date);
    if (!checkIn) continue;
    await repos.checkIns.save(checkIn, null);
    await repos.dailyAggregates.apply(checkIn);
    checkIns++;
  }
  return checkIns;
}

/** One team: the team with its manager, its members in order, and its recorded group size on each past day. */
export async function seedTeam(repos: Repositories, plan: DemoPlan, team: DemoTeam): Promise<{ participants: number; checkIns: number }> {
  await repos.orgTeams.save({
    orgId: plan.orgId,
    teamId: team.teamId,
    name: DEMO_LABEL + team.name,
    managerIds: [demoManagerId(team.teamId)],
    demo: true,
  });
  const members = demoMembers(plan, team);
  let checkIns = 0;
  for (const member of members) checkIns += await seedMember(repos, plan, team, member);
  const active = members.filter((m) => m.status === 'active').length;
  for (const date of plan.days.filter((d) => d < plan.today)) {
    await repos.dailyAggregates.recordParticipants(plan.campaignId, team.teamId, date, active);
  }
  return { participants: members.length, checkIns };
}
