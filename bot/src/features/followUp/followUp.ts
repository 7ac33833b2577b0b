import type { Attachment } from 'botbuilder';
import { todayIn } from '@soestainable/shared/calendar';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import { messageCard } from '../../cards/render';
import { t } from '@soestainable/shared/text';
import { campaignById } from '../../services/lasting/endSurvey';
import { openWave, pulseItems, savePulseAnswers } from '../../services/lasting/followUps';
import { createReportAllowance, type ReportAllowance } from '../../services/reportAllowance/allowance';
import { noticeCard } from '../core/cards';
import type { ActionResult, Feature, FeatureDeps, Turn } from '../core/feature';
import { joinFirstCard } from '../enrol/cards';
import { holdsBackId, keptId, pulseCard, pulseErrorLine, pulseSummaryCard, type PulseValues } from './cards';
import { checkPulseInput, pulseTarget } from './input';
import { followUpTexts as T } from './texts';
import { FOLLOW_UP_VERBS } from './verbs';

/** What the handler uses (from the feature's constructor-injected deps). */
interface Ctx {
  readonly repos: FeatureDeps['repos'];
  readonly orgId: string;
  readonly logger: FeatureDeps['logger'];
  readonly allowance: ReportAllowance;
}

/** Who may answer: a participant who joined, in their own chat; otherwise the card that says why. */
function gate(turn: Turn): { participant: Participant } | { card: Attachment } {
  if (!turn.personal) return { card: messageCard(T.personalOnly[turn.lang]) };
  if (!isJoined(turn.participant)) return { card: joinFirstCard(turn.lang) };
  return { participant: turn.participant };
}

const oldCard = (turn: Turn): Attachment => noticeCard({ title: T.oldCardTitle[turn.lang], lines: [T.oldCardBody[turn.lang]] });

/** The values of a refused submit worth showing again (strings only). */
function valuesAgain(data: Readonly<Record<string, unknown>>, n: number): PulseValues {
  const text = (k: string): string => (typeof data[k] === 'string' ? (data[k] as string).slice(0, 1000) : '');
  const indexes = Array.from({ length: n }, (_, i) => i);
  return { kept: indexes.map((i) => text(keptId(i))), holdsBack: indexes.map((i) => text(holdsBackId(i))), contact: data['contact'] === true || data['contact'] === 'true' };
}

/**
 * A pulse card's submit: the campaign and wave it names must be the wave open today (a late answer counts until the
 * next wave goes out) of a campaign the person pledged for; then the answers are checked in full, stored once, and
 * every "nee"/"soms" with a text files a barrier (anonymous unless contact is ticked).
 */
async function submitPulse(ctx: Ctx, turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
  const { repos, orgId, logger } = ctx;
  const who = gate(turn);
  if ('card' in who) return { card: who.card };
  const target = pulseTarget(data);
  const campaign = target && (await campaignById(repos, orgId, target.campaignId));
  const wave = campaign && openWave(campaign, todayIn(turn.now));
  const pledge = campaign && (await repos.pledges.get(who.participant.userId, campaign.campaignId));
  // A card of an earlier (closed) wave, another campaign, or from before an erasure stores nothing.
  if (!target || !campaign || !wave || wave.wave !== target.wave || !pledge) return { card: oldCard(turn) };
  const items = await pulseItems(repos, pledge, orgId);
  const checked = checkPulseInput(data, pledge.challengeIds);
  const again = (error: string): ActionResult => ({ card: pulseCard({ lang: turn.lang, campaignId: campaign.campaignId, wave, items, values: valuesAgain(data, items.length), error }) });
  if (!checked.ok) {
    logger.info('followup refused', { problems: [...checked.problems].sort().join(',') });
    return again(pulseErrorLine(checked.problems, turn.lang));
  }
  const result = await savePulseAnswers(ctx, who.participant, { campaign, wave: wave.wave, items, answers: checked.answers, contact: checked.contact, now: turn.now });
  if (result.kind === 'overLimit') {
    logger.info('followup refused', { problems: 'daily_limit' });
    return again(t(T.errorDailyLimit, turn.lang, { max: ctx.allowance.perDay }));
  }
  if (result.kind === 'answered') {
    if (!result.answers) return { card: oldCard(turn) };
    return { card: pulseSummaryCard({ lang: turn.lang, items, answers: result.answers, barriers: [], contact: false, already: true }) };
  }
  // Counts only: which answer someone gave, next to a barrier count, is theirs.
  logger.info('followup saved', { campaignId: campaign.campaignId, wave: wave.wave, barriers: result.barriers.length });
  return { card: pulseSummaryCard({ lang: turn.lang, items, answers: result.answers, barriers: result.barriers, contact: checked.contact }) };
}

/**
 * The follow-up pulses (terugblik, issue 15) in the chat: the followups job sends the card at +2/+6/+12 weeks; this
 * feature handles its submit. No command: the card comes to the person.
 */
export function createFollowUpFeature(deps: FeatureDeps): Feature {
  const ctx: Ctx = { repos: deps.repos, orgId: deps.config.org.id, logger: deps.logger, allowance: createReportAllowance({ repos: deps.repos, config: deps.config }) };
  return { actions: { [FOLLOW_UP_VERBS.submit]: (turn, data) => submitPulse(ctx, turn, data) } };
}
