import type { Attachment } from 'botbuilder';
import { todayIn } from '@soestainable/shared/calendar';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { CheckIn, IsoDate, Language } from '@soestainable/shared/domain/types';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { dayState, editableDates } from '@soestainable/shared/domain/campaignDay';
import type { DayChallenge } from '@soestainable/shared/catalogue';
import { charCount, parseChallengeAnswer, typedText } from '@soestainable/shared/domain/checkInAnswers';
import { fenced } from '../../services/personalData/erasure';
import type { ActionResult, Feature, FeatureDeps, Turn } from '../core/feature';
import { fill } from '../../cards/texts';
import { joinFirstCard } from '../enrol/cards';
import { noticeCard } from '../core/cards';
import { createReportAllowance } from '../../services/reportAllowance/allowance';
import { buildDailyCard, buildSummaryCard, noChallengeCard, notPersonalCard } from './cards';
import { formatLongDate } from '../../cards/format';
import {
  cardEnvelopeSchema,
  changeSchema,
  salvageAnswers,
  submitSchema,
  TEXT_MAX,
  type PartialAnswers,
  type SubmitData,
  type SubmitField,
} from './schema';
import { checkInAnswers, createCheckInService, type ActiveDay } from '../../services/checkin/service';
import { checkinTexts as T, fieldNames, longTextNames } from './texts';
import { CHECKIN_VERBS } from './verbs';
import { recordWithinAllowance } from '../../services/checkin/withinAllowance';

/**
 * The daily challenge card and the check-in on it. Command `checkin` and button `checkin.open` show today's card;
 * `checkin.submit` stores the check-in, counts it in the team's day, files the optional barrier and idea, and
 * replaces the card by a summary; `checkin.change` shows the card again, pre-filled, for today or yesterday.
 *
 * Write order, after every field is validated: check-in → team-day aggregate → barrier → idea. A first check-in
 * is an insert-if-absent and a correction an update of the exact version the card showed, so a double click or a
 * second submit finds the check-in already there (or already changed) and answers with what is stored: nothing
 * is counted twice, and reports are only filed by the request whose check-in write succeeded. A failure after the
 * check-in write reaches the dispatcher (error card); submitting again then shows the stored check-in. The
 * aggregate can then be one check-in short, as docs/storage.md ("Check-in vs its aggregate") accepts.
 */
// eslint-disable-next-line max-lines-per-function -- being rewritten (issue 14 item 6, branch perf-checkin)
export function createCheckInFeature(deps: FeatureDeps): Feature {
  const { repos, logger, config } = deps;
  const service = createCheckInService({ repos, logger });
  const allowance = createReportAllowance({ repos, config });
  const record = recordWithinAllowance(service, allowance);
  const { loadChallenge, baselineOf } = service;

  /** A card that is not (or no longer) valid: `text` says why; nothing was saved. */
  function invalidCard(lang: Language, text: 'invalidText' | 'endedText' | 'goneText'): Attachment {
    return noticeCard({ title: T.invalidTitle[lang], lines: [T[text][lang]] });
  }

  /** The card for a challenge day: the check-in form, pre-filled with the stored check-in when there is one. */
  async function dayCard(p: Participant, lang: Language, day: ActiveDay, extra: { error?: string; answers?: PartialAnswers } = {}): Promise<Attachment> {
    const [challenge, baseline, existing] = await Promise.all([
      loadChallenge(p.orgId, day.challengeId),
      baselineOf(p.userId, day.campaign.campaignId),
      repos.checkIns.get(p.userId, day.campaign.campaignId, day.date),
    ]);
    return buildDailyCard({
      lang,
      campaign: day.campaign,
      date: day.date,
      ...(challenge ? { challenge } : {}),
      ...(baseline ? { baseline } : {}),
      ...(existing ? { existing } : {}),
      ...(extra.answers ? { answers: extra.answers } : {}),
      ...(extra.error !== undefined ? { error: extra.error } : {}),
    });
  }

  /** Today's card, or why there is none. */
  async function todayCard(turn: Turn): Promise<Attachment> {
    const p = turn.participant;
    if (!isJoined(p)) return joinFirstCard(turn.lang);
    if (!turn.personal) return notPersonalCard(turn.lang);
    const state = dayState(await repos.campaigns.list(p.orgId), todayIn(turn.now));
    if (state.kind !== 'day') return noChallengeCard(state, turn.lang);
    return dayCard(p, turn.lang, state);
  }

  /**
   * Checks that a card's day can still take a check-in: today or yesterday, a challenge day of the campaign
   * named on the card, which still runs. Returns the day, or the card that says why not.
   */
  async function checkCardDay(p: Participant, lang: Language, now: Date, campaignId: string, date: IsoDate): Promise<ActiveDay | Attachment> {
    const day = await service.openDay(p.orgId, now, date, campaignId);
    if (day === 'closed') {
      return noticeCard({ title: T.closedTitle[lang], lines: [fill(T.closedText, lang, { date: formatLongDate(date, lang) })] });
    }
    if (day === 'future') return invalidCard(lang, 'invalidText');
    if (day === 'ended') return invalidCard(lang, 'endedText');
    return day;
  }

  function summary(
    lang: Language,
    checkIn: CheckIn,
    challenge: DayChallenge | undefined,
    hasBaseline: boolean,
    how: 'new' | 'changed' | 'exists' | 'changedMeanwhile',
    now: Date,
    reports: { barrier?: { reference: string; contact: boolean }; idea?: { reference: string } } = {},
  ): ActionResult {
    const canChange = editableDates(todayIn(now)).includes(checkIn.date);
    return { card: buildSummaryCard({ lang, checkIn, challenge, hasBaseline, how, canChange, ...reports }) };
  }

  /** What is stored for the day, as a summary (after a double click, a stale card or a lost race). */
  async function storedSummary(p: Participant, lang: Language, day: ActiveDay, how: 'exists' | 'changedMeanwhile', now: Date): Promise<ActionResult> {
    const [stored, challenge, baseline] = await Promise.all([
      repos.checkIns.get(p.userId, day.campaign.campaignId, day.date),
      loadChallenge(p.orgId, day.challengeId),
      baselineOf(p.userId, day.campaign.campaignId),
    ]);
    if (!stored) return { card: invalidCard(lang, 'goneText') };
    return summary(lang, stored.value, challenge, baseline !== undefined, how, now);
  }

  /** The error line for a refused submit. */
  function problemsText(lang: Language, fields: ReadonlySet<SubmitField>, unknown: boolean): string {
    if (unknown) return T.unknownFields[lang];
    const names = [...fields].map((f) => fieldNames[f][lang]);
    return fill(T.fieldsInvalid, lang, { fields: names.join(', ') });
  }

  async function submit(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const lang = turn.lang;
    const p = turn.participant;
    if (!isJoined(p)) return { card: joinFirstCard(lang) };
    if (!turn.personal) return { card: notPersonalCard(lang) };

    // 1. Which day is this card for, and may it still be checked in?
    const envelope = cardEnvelopeSchema.safeParse(data);
    if (!envelope.success) return { card: invalidCard(lang, 'invalidText') };
    const day = await checkCardDay(p, lang, turn.now, envelope.data.campaignId, envelope.data.date);
    if (!('kind' in day)) return { card: day };
    const [challenge, baseline] = await Promise.all([loadChallenge(p.orgId, day.challengeId), baselineOf(p.userId, day.campaign.campaignId)]);
    if (!challenge) throw new Error(`challenge ${day.challengeId} of campaign ${day.campaign.campaignId} is in no catalogue`);

    // 2. Every field, before anything is written.
    const again = async (error: string): Promise<ActionResult> => ({
      card: await dayCard(p, lang, day, { error, answers: salvageAnswers(data) }),
    });
    const parsed = submitSchema.safeParse(data);
    if (!parsed.success) {
      const unknown = parsed.error.issues.some((i) => i.code === 'unrecognized_keys' || i.path[0] === 'verb');
      const fields = new Set(
        parsed.error.issues.map((i) => i.path[0]).filter((f): f is SubmitField => typeof f === 'string' && f in fieldNames),
      );
      logger.info('check-in refused', { userId: p.userId, reason: unknown ? 'unknown_fields' : 'invalid_fields', fields: [...fields].join(',') });
      return again(problemsText(lang, fields, unknown || fields.size === 0));
    }
    const v: SubmitData = parsed.data;
    const answer = parseChallengeAnswer(challenge.question.kind, v.challenge);
    if (!answer) return again(problemsText(lang, new Set<SubmitField>(['challenge']), false));
    for (const field of ['barrierText', 'ideaText'] as const) {
      const text = typedText(v[field]);
      if (text !== undefined && charCount(text) > TEXT_MAX) {
        logger.info('check-in refused', { userId: p.userId, reason: 'text_too_long', fields: field });
        return again(fill(T.tooLong, lang, { what: longTextNames[field][lang], count: charCount(text), max: TEXT_MAX }));
      }
    }
    const barrierText = typedText(v.barrierText);
    const ideaText = typedText(v.ideaText);

    // 3.–5. Within the day's allowance of barriers and ideas: the check-in (a first one is an insert, a correction
    // replaces exactly the version the card showed), counted once, then the reports.
    const answers = checkInAnswers(
      { outcome: v.outcome, travelMode: v.travelMode, distanceBand: v.distanceBand, wasteFree: v.wasteFree, ...answer },
      { theme: v.theme, barrierText, barrierContact: v.barrierContact, ideaText },
    );
    // Inside the erasure fence: refused while "verwijder mijn gegevens" runs, and removed if one began meanwhile.
    const result = await fenced(repos, config.org.id, p, () => record(p, day, answers, v.etag ?? null, turn.now));
    if (result.kind === 'overLimit') {
      logger.info('check-in refused', { userId: p.userId, reason: 'daily_report_limit' });
      return again(fill(T.dailyReportLimit, lang, { max: allowance.perDay }));
    }
    if (result.kind === 'gone') return { card: invalidCard(lang, 'goneText') };
    if (result.kind !== 'saved') return storedSummary(p, lang, day, result.kind, turn.now);
    const { barrier, idea } = result;
    return summary(lang, result.checkIn, challenge, baseline !== undefined, result.how, turn.now, {
      ...(barrier ? { barrier: { reference: barrier.reference, contact: barrier.contactUserId !== undefined } } : {}),
      ...(idea ? { idea: { reference: idea.reference } } : {}),
    });
  }

  async function change(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const lang = turn.lang;
    const p = turn.participant;
    if (!isJoined(p)) return { card: joinFirstCard(lang) };
    if (!turn.personal) return { card: notPersonalCard(lang) };
    const parsed = changeSchema.safeParse(data);
    if (!parsed.success) return { card: invalidCard(lang, 'invalidText') };
    const day = await checkCardDay(p, lang, turn.now, parsed.data.campaignId, parsed.data.date);
    if (!('kind' in day)) return { card: day };
    return { card: await dayCard(p, lang, day) };
  }

  return {
    commands: {
      checkin: async (turn) => {
        await turn.context.sendActivity({ attachments: [await todayCard(turn)] });
      },
    },
    actions: {
      // Opening shows a card and stores nothing, so whatever data the button carried is ignored.
      [CHECKIN_VERBS.open]: async (turn) => ({ card: await todayCard(turn) }),
      [CHECKIN_VERBS.submit]: submit,
      [CHECKIN_VERBS.change]: change,
    },
  };
}
