import type { Attachment } from 'botbuilder';
import { todayIn } from '@soestainable/shared/calendar';
import { campaignFollowUpWeeks, endSurveyOpenOn } from '@soestainable/shared/domain/followUp';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../cards/render';
import {
  campaignById,
  campaignWithOpenEndSurvey,
  changePledge,
  endSurveyLastDay,
  latestPledge,
  pledgeChoices,
  saveEndSurvey,
} from '../../services/lasting/endSurvey';
import { button, noticeCard } from '../core/cards';
import type { ActionResult, Feature, FeatureDeps, Turn } from '../core/feature';
import { joinFirstCard } from '../enrol/cards';
import { EMPTY_VALUES, endSurveyCard, errorLine, pledgesCard, savedCard, valuesOf, type LastingValues } from './cards';
import { campaignIdOf, checkEndInput, checkPledgesInput, idsOf } from './input';
import { lastingTexts as T } from './texts';
import { LASTING_VERBS } from './verbs';

/** Who may use the cards: a participant who joined, in their own chat; otherwise the card that says why. */
function gate(turn: Turn): { participant: Participant } | { card: Attachment } {
  if (!turn.personal) return { card: messageCard(t(T.personalOnly, turn.lang)) };
  if (!isJoined(turn.participant)) return { card: joinFirstCard(turn.lang) };
  return { participant: turn.participant };
}

const oldCard = (turn: Turn): Attachment => noticeCard({ title: t(T.oldCardTitle, turn.lang), lines: [t(T.oldCardBody, turn.lang)] });

/** The values of a refused submit worth showing again (strings only; the rest falls back to nothing chosen). */
function valuesAgain(data: Readonly<Record<string, unknown>>): LastingValues {
  const text = (k: keyof LastingValues): string => (typeof data[k] === 'string' ? (data[k] as string).slice(0, 1000) : EMPTY_VALUES[k]);
  const toggle = (k: 'screensOff' | 'lightsOff'): 'true' | 'false' => (data[k] === true || data[k] === 'true' ? 'true' : 'false');
  const pledges = data['pledges'];
  return {
    commuteMode: text('commuteMode'),
    distanceBand: text('distanceBand'),
    packaging: text('packaging'),
    screensOff: toggle('screensOff'),
    lightsOff: toggle('lightsOff'),
    pledges: Array.isArray(pledges) ? idsOf(pledges.filter((p): p is string => typeof p === 'string')).join(',') : text('pledges'),
    help: text('help'),
  };
}

/** What the handlers use (from the feature's constructor-injected deps). */
interface Ctx {
  readonly repos: FeatureDeps['repos'];
  readonly orgId: string;
  readonly logger: FeatureDeps['logger'];
}

async function endCardFor(ctx: Ctx, turn: Turn): Promise<Attachment> {
  const { repos, orgId } = ctx;
  const who = gate(turn);
  if ('card' in who) return who.card;
  const campaign = await campaignWithOpenEndSurvey(repos, orgId, todayIn(turn.now));
  if (!campaign) return noticeCard({ title: t(T.closedTitle, turn.lang), lines: [t(T.closedBody, turn.lang)] });
  const [choices, survey, pledge] = await Promise.all([
    pledgeChoices(repos, campaign),
    repos.surveys.get(who.participant.userId, campaign.campaignId, 'end'),
    repos.pledges.get(who.participant.userId, campaign.campaignId),
  ]);
  const lastDay = endSurveyLastDay(campaign);
  return endSurveyCard({ lang: turn.lang, campaignId: campaign.campaignId, choices, values: valuesOf(survey, pledge), followUpWeeks: campaignFollowUpWeeks(campaign), ...(lastDay ? { lastDay } : {}) });
}

async function submitEnd(ctx: Ctx, turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
  const { repos, orgId, logger } = ctx;
  const who = gate(turn);
  if ('card' in who) return { card: who.card };
  const campaignId = campaignIdOf(data);
  const campaign = campaignId === undefined ? undefined : await campaignById(repos, orgId, campaignId);
  // A card of another (or no longer open) campaign stores nothing.
  if (!campaign || !endSurveyOpenOn(campaign, todayIn(turn.now))) return { card: oldCard(turn) };
  const choices = await pledgeChoices(repos, campaign);
  const checked = checkEndInput(data, choices.map((c) => c.challengeId));
  if (!checked.ok) {
    logger.info('end survey refused', { problems: [...checked.problems].sort().join(',') });
    const lastDay = endSurveyLastDay(campaign);
    const error = errorLine(checked.problems, turn.lang);
    return {
      card: endSurveyCard({ lang: turn.lang, campaignId: campaign.campaignId, choices, values: valuesAgain(data), error, followUpWeeks: campaignFollowUpWeeks(campaign), ...(lastDay ? { lastDay } : {}) }),
    };
  }
  const { answers, challengeIds, help } = checked.value;
  await saveEndSurvey(repos, orgId, who.participant, { campaignId: campaign.campaignId, answers, challengeIds, ...(help === undefined ? {} : { help }), now: turn.now });
  logger.info('end survey saved', { campaignId: campaign.campaignId, pledges: challengeIds.length });
  return { card: savedCard({ lang: turn.lang, answers, pledge: checked.value, choices, followUpWeeks: campaignFollowUpWeeks(campaign) }) };
}

async function pledgesCardFor(ctx: Ctx, turn: Turn): Promise<Attachment> {
  const { repos, orgId } = ctx;
  const who = gate(turn);
  if ('card' in who) return who.card;
  const found = await latestPledge(repos, who.participant);
  if (!found) {
    const open = await campaignWithOpenEndSurvey(repos, orgId, todayIn(turn.now));
    const buttons = open ? [button(t(T.openEnd, turn.lang), LASTING_VERBS.openEnd, 'positive')] : [];
    return noticeCard({ title: t(T.noPledgesTitle, turn.lang), lines: [t(T.noPledgesBody, turn.lang)], buttons });
  }
  const choices = await pledgeChoices(repos, found.campaign);
  return pledgesCard({ lang: turn.lang, campaignId: found.campaign.campaignId, choices, values: valuesOf(undefined, found.pledge), followUpWeeks: campaignFollowUpWeeks(found.campaign) });
}

async function submitPledges(ctx: Ctx, turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
  const { repos, orgId, logger } = ctx;
  const who = gate(turn);
  if ('card' in who) return { card: who.card };
  const campaignId = campaignIdOf(data);
  const campaign = campaignId === undefined ? undefined : await campaignById(repos, orgId, campaignId);
  const before = campaign && (await repos.pledges.get(who.participant.userId, campaign.campaignId));
  // Only a pledge the person made can be changed: a card of another campaign, or from before an erasure, stores nothing.
  if (!campaign || !before) return { card: oldCard(turn) };
  const choices = await pledgeChoices(repos, campaign);
  const checked = checkPledgesInput(data, choices.map((c) => c.challengeId));
  if (!checked.ok) {
    logger.info('pledges refused', { problems: [...checked.problems].sort().join(',') });
    return {
      card: pledgesCard({ lang: turn.lang, campaignId: campaign.campaignId, choices, values: valuesAgain(data), error: errorLine(checked.problems, turn.lang), followUpWeeks: campaignFollowUpWeeks(campaign) }),
    };
  }
  const pledge = await changePledge(repos, orgId, who.participant, { before, ...checked.value, now: turn.now });
  logger.info('pledges changed', { campaignId: campaign.campaignId, pledges: pledge.challengeIds.length });
  return { card: savedCard({ lang: turn.lang, pledge, choices }) };
}

/**
 * Lasting behaviour (issue 15) in the chat: `eindmeting` / `end survey` opens the end survey card from the
 * campaign's last challenge day until its first follow-up wave (the nudge job also sends it on the last day);
 * `voornemens` / `pledges` shows the person's pledges and lets them change them. Every submit is checked in full
 * (campaign, fields, 1–3 habits of the campaign, texts ≤ 500 characters) before anything is stored.
 */
export function createLastingFeature(deps: FeatureDeps): Feature {
  const ctx: Ctx = { repos: deps.repos, orgId: deps.config.org.id, logger: deps.logger };
  return {
    commands: {
      endSurvey: async (turn) => {
        await turn.context.sendActivity({ attachments: [await endCardFor(ctx, turn)] });
      },
      pledges: async (turn) => {
        await turn.context.sendActivity({ attachments: [await pledgesCardFor(ctx, turn)] });
      },
    },
    actions: {
      // Opening a card stores nothing: whatever else the button sent is ignored.
      [LASTING_VERBS.openEnd]: async (turn) => ({ card: await endCardFor(ctx, turn) }),
      [LASTING_VERBS.submitEnd]: (turn, data) => submitEnd(ctx, turn, data),
      [LASTING_VERBS.openPledges]: async (turn) => ({ card: await pledgesCardFor(ctx, turn) }),
      [LASTING_VERBS.submitPledges]: (turn, data) => submitPledges(ctx, turn, data),
    },
  };
}
