import { addCalendarDays } from '@soestainable/shared/calendar';
import { challengeById, keepPhrase } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { endSurveyOpenOn, endSurveyWindow, type Pledge } from '@soestainable/shared/domain/followUp';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { IsoDate, Localized, Survey } from '@soestainable/shared/domain/types';
import type { Repositories } from '../../storage/repositories';
import { fenced } from '../personalData/erasure';

/*
 * The end survey (eindmeting) and the pledges (voornemens) of issue 15, as rules over the repositories: which
 * campaign's end survey is open, what may be pledged, and the one fenced write of both. Used by the bot feature
 * (features/lasting) and the nudge job (the end card on the last challenge day), which never import each other.
 */

/** One habit a participant may pledge: a challenge of the campaign with its "keep it" phrasing. */
export interface PledgeChoice {
  readonly challengeId: string;
  readonly phrase: Localized;
}

/** The campaign whose end survey is open on `today` (the one that ended last, when windows overlap). */
export async function campaignWithOpenEndSurvey(repos: Repositories, orgId: string, today: IsoDate): Promise<Campaign | undefined> {
  const campaigns = await repos.campaigns.list(orgId);
  return campaigns.filter((c) => endSurveyOpenOn(c, today)).at(-1);
}

/** The organisation's campaign with this id (an id from a card: looked up, never used as a key). */
export async function campaignById(repos: Repositories, orgId: string, campaignId: string): Promise<Campaign | undefined> {
  return (await repos.campaigns.list(orgId)).find((c) => c.campaignId === campaignId);
}

/** The last day the end survey of `campaign` can still be answered or corrected (the day before the first wave). */
export function endSurveyLastDay(campaign: Campaign): IsoDate | undefined {
  const window = endSurveyWindow(campaign);
  return window ? addCalendarDays(window.until, -1) : undefined;
}

/**
 * The habits of the campaign, in the order of its day plan (each once): a coordinator's own challenge by its title,
 * a built-in one by its "keep it" phrasing.
 */
export async function pledgeChoices(repos: Repositories, campaign: Campaign): Promise<PledgeChoice[]> {
  const own = await repos.challenges.list(campaign.orgId);
  const ids = [...new Set(campaign.dayPlan)];
  return ids.map((challengeId) => {
    const challenge = own.find((c) => c.id === challengeId) ?? challengeById(challengeId);
    return { challengeId, phrase: challenge ? keepPhrase(challenge) : { nl: challengeId, en: challengeId } };
  });
}

/** The person's pledge of the campaign that ended last among those they pledged for (with that campaign). */
export async function latestPledge(repos: Repositories, participant: Pick<Participant, 'userId' | 'orgId'>): Promise<{ pledge: Pledge; campaign: Campaign } | undefined> {
  const [pledges, campaigns] = await Promise.all([repos.pledges.listAll(participant.userId), repos.campaigns.list(participant.orgId)]);
  const found = pledges
    .map((pledge) => ({ pledge, campaign: campaigns.find((c) => c.campaignId === pledge.campaignId) }))
    .filter((x): x is { pledge: Pledge; campaign: Campaign } => x.campaign !== undefined)
    .sort((a, b) => (a.campaign.endDate < b.campaign.endDate ? -1 : a.campaign.endDate > b.campaign.endDate ? 1 : 0));
  return found.at(-1);
}

/** The end survey's answers, as the card gives them (the baseline questions). */
export type EndAnswers = Omit<Survey, 'userId' | 'campaignId' | 'kind' | 'createdAt'>;

/**
 * Stores the end survey and the pledge of one person for one campaign, inside the erasure fence (validated by the
 * caller and by the repositories before the first write). Answering again replaces both; the pledge keeps the
 * moment it was first made.
 */
export async function saveEndSurvey(
  repos: Repositories,
  orgId: string,
  participant: Pick<Participant, 'userId' | 'orgId'>,
  input: { campaignId: string; answers: EndAnswers; challengeIds: readonly string[]; help?: string; now: Date },
): Promise<void> {
  const nowIso = input.now.toISOString();
  const { userId } = participant;
  await fenced(repos, orgId, participant, async () => {
    const before = await repos.pledges.get(userId, input.campaignId);
    await repos.pledges.save({
      userId,
      campaignId: input.campaignId,
      challengeIds: input.challengeIds,
      ...(input.help === undefined ? {} : { help: input.help }),
      createdAt: before?.createdAt ?? nowIso,
      updatedAt: nowIso,
    });
    await repos.surveys.save({ userId, campaignId: input.campaignId, kind: 'end', ...input.answers, createdAt: nowIso });
  });
}

/** Replaces the person's pledge for a campaign (the `voornemens` command), inside the erasure fence. */
export async function changePledge(
  repos: Repositories,
  orgId: string,
  participant: Pick<Participant, 'userId' | 'orgId'>,
  input: { before: Pledge; challengeIds: readonly string[]; help?: string; now: Date },
): Promise<Pledge> {
  const { userId, campaignId, createdAt } = input.before;
  const pledge: Pledge = { userId, campaignId, createdAt, challengeIds: input.challengeIds, ...(input.help === undefined ? {} : { help: input.help }), updatedAt: input.now.toISOString() };
  await fenced(repos, orgId, participant, () => repos.pledges.save(pledge));
  return pledge;
}
