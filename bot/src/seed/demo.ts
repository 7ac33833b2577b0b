import { addWorkingDays, campaignDays, todayIn, workingDayOnOrAfter } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { Config } from '../config';
import { AppError } from '../errors';
import type { Repositories } from '../storage/repositories';
import { DEMO_ACTIONS, DEMO_BARRIERS, DEMO_IDEAS, DEMO_LABEL, DEMO_TEAMS } from './demoData';
import { seededRandom, seedTeam, type DemoPlan } from './demoPeople';
import { seedDemoLasting } from './demoLasting';
import { seedActions, seedBarriers, seedIdeas } from './demoProgramme';
import { seedOwners } from './demoOwners';
import { seedRecognitions } from './demoRecognitions';

export interface DemoSummary {
  readonly campaignId: string;
  readonly teams: number;
  readonly participants: number;
  readonly checkIns: number;
  readonly barriers: number;
  readonly actions: number;
  readonly ideas: number;
}

/** The campaign started five working days ago, so a week of check-ins lies behind us and a week ahead. */
function demoPlan(config: Config, now: Date): DemoPlan {
  const orgId = config.org.id;
  const today = todayIn(now);
  const startDate = addWorkingDays(workingDayOnOrAfter(today), -5);
  return {
    orgId,
    today,
    startDate,
    days: campaignDays(startDate, CATALOGUE.length),
    campaignId: `demo-${startDate}`,
    random: seededRandom(`${orgId}|${startDate}`),
    joinedAt: new Date(`${addWorkingDays(startDate, -3)}T08:00:00Z`).toISOString(),
  };
}

/** The demo campaign (one challenge per day of the built-in catalogue) and the catalogue itself. */
async function seedCampaign(repos: Repositories, plan: DemoPlan): Promise<void> {
  const campaign: Campaign = {
    orgId: plan.orgId,
    campaignId: plan.campaignId,
    name: { nl: `${DEMO_LABEL}Soestainable Challenge`, en: `${DEMO_LABEL}Soestainable Challenge` },
    startDate: plan.startDate,
    endDate: plan.days[plan.days.length - 1] ?? plan.startDate,
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'active',
    demo: true,
  };
  await repos.campaigns.save(campaign);
  await repos.challenges.saveAll(plan.orgId, CATALOGUE);
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
  const plan = demoPlan(config, now);
  await seedCampaign(repos, plan);
  // Teams in parallel (each touches its own aggregate rows); members of one team in order.
  const teams = await Promise.all(DEMO_TEAMS.map((team) => seedTeam(repos, plan, team)));
  const actions = await seedActions(repos, plan);
  await seedBarriers(repos, plan, actions);
  await seedIdeas(repos, plan);
  await seedDemoLasting(repos, plan);
  await seedOwners(repos, plan, actions);
  await seedRecognitions(repos, plan);
  return {
    campaignId: plan.campaignId,
    teams: DEMO_TEAMS.length,
    participants: teams.reduce((n, t) => n + t.participants, 0),
    checkIns: teams.reduce((n, t) => n + t.checkIns, 0),
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
