import type { Repositories } from '@soestainable/bot/storage/repositories';
import { campaignDays } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignWaves, type KeptAnswer } from '@soestainable/shared/domain/followUp';
import type { Survey } from '@soestainable/shared/domain/types';
import { baselineSurvey, participant } from './orgFixture';
import { BIG_TEAM_MEMBERS, SMALL_TEAM_MEMBERS, TAB_TENANT } from './tabApi';

/**
 * Ended campaigns with end surveys, pledges and pulse answers, on top of the tab API harness's organisation
 * (tests/helpers/tabApi.ts, clock Wed 2 Dec 2026), for the "what lasted" views:
 *
 * - `zomer-2026` (1–12 June): all three waves (+2/+6/+12 weeks) are final on 2 December.
 *   - Publiekszaken (6): pz-01..05 pledged A and B, the manager A and C. Waves 1 and 3: all six answer (A ja,
 *     B soms, C nee); wave 2: only pz-01..04 answer — 4, under the minimum of 5.
 *   - Buitendienst (4, always under the minimum): pledged A, answer waves 1 and 3 (A nee).
 *   - Derde (5 new people): pledged A, answer every wave (A nee).
 *   Everyone answered the baseline (by car) and the end survey (Publiekszaken and Derde by bike, Buitendienst on foot).
 * - `najaar-2026` (28 Sep – 9 Oct): wave 1 final, wave 2 open (sent 20 Nov, answers count until the next wave),
 *   wave 3 planned; Publiekszaken answered wave 1. It ended last, so it is the default.
 */

export const HABIT_A = CATALOGUE[0]?.id ?? '';
export const HABIT_B = CATALOGUE[1]?.id ?? '';
export const HABIT_C = CATALOGUE[2]?.id ?? '';
export const THIRD_TEAM = 'derde';
export const THIRD_TEAM_MEMBERS = ['aad-derde-1', 'aad-derde-2', 'aad-derde-3', 'aad-derde-4', 'aad-derde-5'] as const;

function endedCampaign(campaignId: string, start: string, name: string): Campaign {
  const days = campaignDays(start, CATALOGUE.length);
  return {
    orgId: 'soest',
    campaignId,
    name: { nl: name, en: name },
    startDate: start,
    endDate: days.at(-1) ?? start,
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'ended',
    demo: false,
  };
}

export const SUMMER = endedCampaign('zomer-2026', '2026-06-01', 'Zomer 2026');
export const AUTUMN = endedCampaign('najaar-2026', '2026-09-28', 'Najaar 2026');

interface Person {
  readonly userId: string;
  readonly pledged: readonly string[];
  readonly answersWaves: readonly number[];
  readonly kept: Readonly<Record<string, KeptAnswer>>;
  readonly endMode: Survey['commuteMode'];
}

const SUMMER_PEOPLE: readonly Person[] = [
  ...BIG_TEAM_MEMBERS.map((userId, i) => ({
    userId,
    pledged: userId === 'aad-manager-1' ? [HABIT_A, HABIT_C] : [HABIT_A, HABIT_B],
    // pz-01..04 are the four who answered wave 2 (the manager is first in the list, pz-05 last).
    answersWaves: i >= 1 && i <= 4 ? [1, 2, 3] : [1, 3],
    kept: { [HABIT_A]: 'ja', [HABIT_B]: 'soms', [HABIT_C]: 'nee' } as Record<string, KeptAnswer>,
    endMode: 'fiets' as const,
  })),
  ...SMALL_TEAM_MEMBERS.map((userId) => ({ userId, pledged: [HABIT_A], answersWaves: [1, 3], kept: { [HABIT_A]: 'nee' } as Record<string, KeptAnswer>, endMode: 'lopen' as const })),
  ...THIRD_TEAM_MEMBERS.map((userId) => ({ userId, pledged: [HABIT_A], answersWaves: [1, 2, 3], kept: { [HABIT_A]: 'nee' } as Record<string, KeptAnswer>, endMode: 'fiets' as const })),
];

async function seedPerson(repos: Repositories, campaign: Campaign, p: Person, waves: readonly number[]): Promise<void> {
  const at = `${campaign.endDate}T10:00:00.000Z`;
  await repos.surveys.save(baselineSurvey(p.userId, { campaignId: campaign.campaignId, createdAt: `${campaign.startDate}T08:00:00.000Z` }));
  await repos.surveys.save(baselineSurvey(p.userId, { campaignId: campaign.campaignId, kind: 'end', commuteMode: p.endMode, createdAt: at }));
  await repos.pledges.save({ userId: p.userId, campaignId: campaign.campaignId, challengeIds: p.pledged, createdAt: at, updatedAt: at });
  for (const wave of waves) {
    const sendOn = campaignWaves(campaign).find((w) => w.wave === wave)?.sendOn ?? campaign.endDate;
    await repos.followUpAnswers.create({
      userId: p.userId,
      campaignId: campaign.campaignId,
      wave,
      answers: p.pledged.map((challengeId) => ({ challengeId, kept: p.kept[challengeId] ?? 'ja' })),
      answeredAt: `${sendOn}T09:00:00.000Z`,
    });
  }
}

/** Seeds the third team, both ended campaigns and everyone's answers (see the file comment). */
export async function seedLasting(repos: Repositories): Promise<void> {
  await repos.orgTeams.save({ orgId: 'soest', teamId: THIRD_TEAM, name: 'Derde', managerIds: [], demo: false });
  for (const userId of THIRD_TEAM_MEMBERS) await repos.participants.save(participant({ userId, teamId: THIRD_TEAM, tenantId: TAB_TENANT }));
  await repos.campaigns.save(SUMMER);
  await repos.campaigns.save(AUTUMN);
  for (const p of SUMMER_PEOPLE) await seedPerson(repos, SUMMER, p, p.answersWaves);
  for (const p of SUMMER_PEOPLE.filter((x) => (BIG_TEAM_MEMBERS as readonly string[]).includes(x.userId))) await seedPerson(repos, AUTUMN, p, [1]);
}
