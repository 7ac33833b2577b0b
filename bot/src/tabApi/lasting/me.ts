import type { Request } from 'restify';
import { idSchema } from '@soestainable/shared/api/common';
import type { MyEndSurvey, MyLastingResponse, MyPledge, MyWaveAnswers } from '@soestainable/shared/api/lasting';
import { pledgesBodySchema } from '@soestainable/shared/api/lastingBody';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignWaves, type Pledge } from '@soestainable/shared/domain/followUp';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import type { Localized } from '@soestainable/shared/domain/types';
import { campaignById, changePledge, pledgeChoices, type PledgeChoice } from '../../services/lasting/endSurvey';
import { ApiError, type Principal, type TabApiContext } from '../http';
import { invalid, param, parseBody } from '../request';
import { surveyAnswers } from '../../services/lasting/figures';
import { lastingCampaignInfo } from './service';

/**
 * "Mijn voortgang" after a campaign: my own pledges (voornemens), my end survey beside my baseline, and my answers
 * per follow-up wave; and changing my pledge with the bot's rules (services/lasting: a pledge I made, of a campaign
 * of the organisation, 1–3 of its habits, inside the erasure fence).
 */

const newestFirst = (a: { campaign: Campaign }, b: { campaign: Campaign }): number => (a.campaign.endDate < b.campaign.endDate ? 1 : a.campaign.endDate > b.campaign.endDate ? -1 : 0);

function phraseOf(choices: readonly PledgeChoice[], challengeId: string): Localized {
  return choices.find((c) => c.challengeId === challengeId)?.phrase ?? { nl: challengeId, en: challengeId };
}

function myPledge(campaign: Campaign, pledge: Pledge, choices: readonly PledgeChoice[]): MyPledge {
  return {
    campaign: lastingCampaignInfo(campaign),
    challengeIds: pledge.challengeIds,
    help: pledge.help ?? null,
    updatedAt: pledge.updatedAt,
    editable: true,
    choices: choices.map((c) => ({ challengeId: c.challengeId, phrase: c.phrase })),
  };
}

const EMPTY: MyLastingResponse = { enrolled: false, pledges: [], endSurveys: [], waves: [] };

export async function getMyLasting(ctx: TabApiContext, principal: Principal): Promise<MyLastingResponse> {
  const { repos } = ctx;
  const participant = await repos.participants.get(principal.userId);
  if (!isJoined(participant)) return EMPTY;
  const [campaigns, pledges, surveys, answers] = await Promise.all([
    repos.campaigns.list(participant.orgId),
    repos.pledges.listAll(participant.userId),
    repos.surveys.listAll(participant.userId),
    repos.followUpAnswers.listAll(participant.userId),
  ]);
  const withCampaign = pledges
    .flatMap((pledge) => {
      const campaign = campaigns.find((c) => c.campaignId === pledge.campaignId);
      return campaign ? [{ pledge, campaign }] : [];
    })
    .sort(newestFirst);
  const choices = new Map(await Promise.all(withCampaign.map(async ({ campaign }) => [campaign.campaignId, await pledgeChoices(repos, campaign)] as const)));
  const endSurveys: MyEndSurvey[] = surveys
    .filter((s) => s.kind === 'end')
    .map((s) => {
      const baseline = surveys.find((b) => b.kind === 'baseline' && b.campaignId === s.campaignId);
      return { campaignId: s.campaignId, answers: surveyAnswers(s), baseline: baseline ? surveyAnswers(baseline) : null, answeredAt: s.createdAt };
    });
  const waves: MyWaveAnswers[] = answers
    .map((a) => {
      const campaign = campaigns.find((c) => c.campaignId === a.campaignId);
      const list = choices.get(a.campaignId) ?? [];
      const sendOn = campaign ? (campaignWaves(campaign).find((w) => w.wave === a.wave)?.sendOn ?? null) : null;
      return {
        campaignId: a.campaignId,
        wave: a.wave,
        sendOn,
        answers: a.answers.map((x) => ({ challengeId: x.challengeId, phrase: phraseOf(list, x.challengeId), kept: x.kept })),
        answeredAt: a.answeredAt,
      };
    })
    .sort((a, b) => (a.campaignId === b.campaignId ? a.wave - b.wave : a.answeredAt < b.answeredAt ? -1 : 1));
  return {
    enrolled: true,
    pledges: withCampaign.map(({ campaign, pledge }) => myPledge(campaign, pledge, choices.get(campaign.campaignId) ?? [])),
    endSurveys,
    waves,
  };
}

async function joinedParticipant(ctx: TabApiContext, principal: Principal): Promise<Participant> {
  const participant = await ctx.repos.participants.get(principal.userId);
  if (!isJoined(participant)) throw new ApiError('FORBIDDEN', 'Join the challenge in the bot first.', { rule: 'not_enrolled' });
  return participant;
}

/**
 * `PUT /api/me/pledges/:campaignId`: replaces my pledge of that campaign. As in the bot (`voornemens`): only a
 * pledge I made can be changed (else NOT_FOUND, nothing stored), with 1–3 distinct habits of that campaign.
 */
export async function putMyPledges(ctx: TabApiContext, req: Request, principal: Principal): Promise<MyPledge> {
  const campaignId = param(req, 'campaignId');
  if (!idSchema.safeParse(campaignId).success) throw new ApiError('NOT_FOUND', 'There is no such campaign.');
  const body = parseBody(pledgesBodySchema, req.body);
  const participant = await joinedParticipant(ctx, principal);
  const orgId = ctx.config.org.id;
  const campaign = await campaignById(ctx.repos, orgId, campaignId);
  const before = campaign && (await ctx.repos.pledges.get(participant.userId, campaign.campaignId));
  if (!campaign || !before) throw new ApiError('NOT_FOUND', 'You made no pledge for this campaign.', { rule: 'no_pledge' });
  const choices = await pledgeChoices(ctx.repos, campaign);
  const unknown = body.challengeIds.findIndex((id) => !choices.some((c) => c.challengeId === id));
  if (unknown >= 0) throw invalid(`challengeIds.${unknown}`, 'not_in_campaign', 'Pick habits of this campaign only.');
  const help = body.help === undefined || body.help === '' ? undefined : body.help;
  const pledge = await changePledge(ctx.repos, orgId, participant, { before, challengeIds: body.challengeIds, ...(help === undefined ? {} : { help }), now: ctx.now() });
  ctx.logger.info('pledges changed', { via: 'tab', campaignId: campaign.campaignId, pledges: pledge.challengeIds.length });
  return myPledge(campaign, pledge, choices);
}
