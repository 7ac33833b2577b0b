import { addWorkingDays, campaignDays, todayIn, workingDayOnOrAfter } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { CheckIn, CheckInOutcome, DistanceBand, Frequency, Survey, TravelMode } from '@soestainable/shared/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Repositories } from '../storage/repositories';
import {
  DEMO_ACTIONS,
  DEMO_BARRIERS,
  DEMO_COMMUTE_MIX,
  DEMO_COORDINATOR_ID,
  DEMO_IDEAS,
  DEMO_LABEL,
  DEMO_TEAMS,
  demoManagerId,
  demoParticipantId,
  type DemoTeam,
} from './demoData';

/** mulberry32: a tiny seeded PRNG, so the same day gives the same demo (reproducible screenshots). */
function seededRandom(seed: string): () => number {
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

export interface DemoSummary {
  readonly campaignId: string;
  readonly teams: number;
  readonly participants: number;
  readonly checkIns: number;
  readonly barriers: number;
  readonly actions: number;
  readonly ideas: number;
}

/**
 * Writes the demo organisation through the real repositories: teams with managers, participants with a
 * baseline, a two-week campaign whose first week is behind us, that week's check-ins (and their aggregates),
 * barriers, ideas, and actions on the kansenkaart with linked barriers. Never in production. Demo participants get
 * no conversation reference, so no job can message them.
 */
export async function seedDemo(repos: Repositories, config: Config, now: Date): Promise<DemoSummary> {
  if (config.isProduction) {
    throw new AppError('FORBIDDEN_IN_PRODUCTION', 'Demo data is never written in production (NODE_ENV=production).');
  }
  const orgId = config.org.id;
  const today = todayIn(now);
  // The campaign started five working days ago, so a week of check-ins lies behind us and a week ahead.
  const startDate = addWorkingDays(workingDayOnOrAfter(today), -5);
  const days = campaignDays(startDate, CATALOGUE.length);
  const endDate = days[days.length - 1] ?? startDate;
  const campaignId = `demo-${startDate}`;
  const random = seededRandom(`${orgId}|${startDate}`);
  const joinedAt = new Date(`${addWorkingDays(startDate, -3)}T08:00:00Z`).toISOString();

  const campaign: Campaign = {
    orgId,
    campaignId,
    name: { nl: `${DEMO_LABEL}Soestainable Challenge`, en: `${DEMO_LABEL}Soestainable Challenge` },
    startDate,
    endDate,
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'active',
    demo: true,
  };
  await repos.campaigns.save(campaign);
  await repos.challenges.saveAll(orgId, CATALOGUE);

  let participants = 0;
  let checkIns = 0;
  const seedTeam = async (team: DemoTeam) => {
    await repos.orgTeams.save({
      orgId,
      teamId: team.teamId,
      name: DEMO_LABEL + team.name,
      managerIds: [demoManagerId(team.teamId)],
      demo: true,
    });
    const members: Participant[] = [];
    for (let n = 1; n <= team.participants; n++) {
      const isManager = n === 1;
      const isCoordinator = team.teamId === 'demo-bedrijfsvoering' && n === 2;
      members.push({
        userId: isManager ? demoManagerId(team.teamId) : isCoordinator ? DEMO_COORDINATOR_ID : demoParticipantId(team.teamId, n),
        tenantId: 'demo-tenant',
        orgId,
        teamId: team.teamId,
        language: random() < 0.1 ? 'en' : 'nl',
        nudgeTime: pick(random, [['08:30', 0.3], ['09:00', 0.5], ['09:30', 0.2]]),
        status: random() < 0.05 ? 'paused' : 'active',
        roles: isManager ? ['manager'] : isCoordinator ? ['coordinator'] : [],
        joinedAt,
        demo: true,
      });
    }
    for (const member of members) {
      await repos.participants.save(member);
      const baseline: Survey = {
        userId: member.userId,
        campaignId,
        kind: 'baseline',
        commuteMode: pick(random, DEMO_COMMUTE_MIX),
        distanceBand: pick(random, DISTANCE_MIX),
        disposablePackaging: pick(random, PACKAGING_MIX),
        screensOffAtNight: random() < 0.5,
        lightsOffWhenLeaving: random() < 0.6,
        createdAt: joinedAt,
      };
      await repos.surveys.save(baseline);
      for (const [index, date] of days.entries()) {
        if (date >= today || random() > team.participation) continue;
        const challenge = CATALOGUE[index];
        if (!challenge) continue;
        const stamp = new Date(`${date}T10:15:00Z`).toISOString();
        const answers = {
          outcome: pick(random, OUTCOME_MIX),
          travelMode: travelToday(random, baseline.commuteMode),
          distanceBand: baseline.distanceBand,
          wasteFree: random() < 0.6,
          cupsAvoided: challenge.question.kind === 'count' ? Math.floor(random() * 5) : 0,
        };
        const checkIn: CheckIn = {
          userId: member.userId,
          teamId: team.teamId,
          campaignId,
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
        await repos.checkIns.save(checkIn, null);
        await repos.dailyAggregates.apply(checkIn);
        checkIns++;
      }
    }
    const active = members.filter((m) => m.status === 'active').length;
    for (const date of days.filter((d) => d < today)) {
      await repos.dailyAggregates.recordParticipants(campaignId, team.teamId, date, active);
    }
    participants += members.length;
  };
  // Teams in parallel (each touches its own aggregate rows); members of one team in order.
  await Promise.all(DEMO_TEAMS.map(seedTeam));

  const actions = [];
  for (const a of DEMO_ACTIONS) {
    const due = a.dueInDays === undefined ? {} : { dueDate: addWorkingDays(startDate, a.dueInDays) };
    const { action } = await repos.actions.create(
      { orgId, title: a.title, description: a.description, theme: a.theme, dimension: a.dimension, status: a.status, owner: a.owner, demo: true, ...due },
      DEMO_COORDINATOR_ID,
    );
    await repos.auditLog.append({ orgId, actor: DEMO_COORDINATOR_ID, action: 'action.create', target: action.actionId });
    actions.push(action);
  }
  for (const b of DEMO_BARRIERS) {
    const barrier = await repos.barriers.create({ orgId, campaignId, teamId: b.teamId, theme: b.theme, text: b.text, demo: true });
    const action = b.action === undefined ? undefined : actions[b.action];
    if (action) {
      await repos.actions.linkBarriers(orgId, action.actionId, [barrier.barrierId], DEMO_COORDINATOR_ID);
      await repos.barriers.update(orgId, barrier.barrierId, (current) => ({
        ...current,
        status: action.status === 'gerealiseerd' ? 'opgelost' : 'gekoppeld',
        actionId: action.actionId,
      }));
      await repos.auditLog.append({ orgId, actor: DEMO_COORDINATOR_ID, action: 'barrier.link', target: barrier.barrierId, details: { actionId: action.actionId } });
    } else if (b.dismissed !== undefined) {
      await repos.barriers.update(orgId, barrier.barrierId, (current) => ({ ...current, status: 'afgewezen', dismissReason: b.dismissed ?? '' }));
      await repos.auditLog.append({ orgId, actor: DEMO_COORDINATOR_ID, action: 'barrier.dismiss', target: barrier.barrierId });
    }
  }
  for (const idea of DEMO_IDEAS) {
    await repos.ideas.create({ orgId, campaignId, teamId: idea.teamId, theme: idea.theme, text: idea.text, demo: true });
  }

  return {
    campaignId,
    teams: DEMO_TEAMS.length,
    participants,
    checkIns,
    barriers: DEMO_BARRIERS.length,
    actions: DEMO_ACTIONS.length,
    ideas: DEMO_IDEAS.length,
  };
}

export function describeSummary(s: DemoSummary): string {
  return `${s.teams} teams, ${s.participants} participants, ${s.checkIns} check-ins, ${s.barriers} barriers, ${s.actions} actions, ${s.ideas} ideas (campaign ${s.campaignId})`;
}

/** Seeds only when the organisation has no teams yet; returns a one-line summary, or undefined when it did nothing. */
export async function seedDemoIfEmpty(repos: Repositories, config: Config, now: Date): Promise<string | undefined> {
  if ((await repos.orgTeams.list(config.org.id)).length > 0) return undefined;
  return describeSummary(await seedDemo(repos, config, now));
}
