import { campaignDays } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Survey } from '@soestainable/shared/domain/types';
import type { Repositories } from '@soestainable/bot/storage/repositories';

/**
 * A small organisation for bot tests: two teams with a manager each and an active campaign of the built-in
 * 10-day catalogue starting on `start` (default Monday 30 Nov 2026, so Wed 2 Dec is day 3).
 */
export async function seedOrg(repos: Repositories, start = '2026-11-30'): Promise<{ campaign: Campaign; days: string[] }> {
  await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: ['aad-manager-1'], demo: false });
  await repos.orgTeams.save({ orgId: 'soest', teamId: 'buitendienst', name: 'Buitendienst', managerIds: ['aad-manager-2'], demo: false });
  const days = campaignDays(start, CATALOGUE.length);
  const campaign: Campaign = {
    orgId: 'soest',
    campaignId: `c-${start}`,
    name: { nl: 'Soestainable Challenge', en: 'Soestainable Challenge' },
    startDate: start,
    endDate: days[days.length - 1] ?? start,
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'active',
    demo: false,
  };
  await repos.campaigns.save(campaign);
  await repos.challenges.saveAll('soest', CATALOGUE);
  return { campaign, days };
}

/** A participant who has joined (what the enrolment card stores), for tests of features that need one. */
export function participant(overrides: Partial<Participant> = {}): Participant {
  return {
    userId: 'aad-user-1',
    tenantId: 'tenant-soest',
    orgId: 'soest',
    teamId: 'publiekszaken',
    language: 'nl',
    nudgeTime: '09:00',
    status: 'active',
    roles: [],
    joinedAt: '2026-11-27T09:00:00.000Z',
    demo: false,
    ...overrides,
  };
}

/**
 * A baseline survey as the enrolment card stores it (by car, 5–10 km, packaging often, screens left on, lights
 * off), in {@link seedOrg}'s default campaign unless `overrides` says otherwise.
 */
export function baselineSurvey(userId: string, overrides: Partial<Survey> = {}): Survey {
  return {
    userId,
    campaignId: 'c-2026-11-30',
    kind: 'baseline',
    commuteMode: 'auto',
    distanceBand: '5-10',
    disposablePackaging: 'often',
    screensOffAtNight: false,
    lightsOffWhenLeaving: true,
    createdAt: '2026-11-27T09:00:00.000Z',
    ...overrides,
  };
}

/**
 * An ended campaign of the organisation `soest` (the retention tests' material): a two-day plan unless `dayPlan`
 * says otherwise, no closing days, and its own follow-up weeks when given.
 */
export function endedCampaign(campaignId: string, startDate: string, endDate: string, options: { followUpWeeks?: number[]; dayPlan?: string[] } = {}): Campaign {
  return {
    orgId: 'soest',
    campaignId,
    name: { nl: campaignId, en: campaignId },
    startDate,
    endDate,
    dayPlan: options.dayPlan ?? ['dag1', 'dag2'],
    closingDays: [],
    status: 'ended',
    demo: false,
    ...(options.followUpWeeks ? { followUpWeeks: options.followUpWeeks } : {}),
  };
}
