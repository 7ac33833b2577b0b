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
import { t } from '@soestainable/shared/text';
import { joinFirstCard } from '../enrol/cards';
import { similarFollowUps } from '../recognise/recognise';
import { noticeCard } from '../core/cards';
import { createReportAllowance, type ReportAllowance } from '../../services/reportAllowance/allowance';
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
import { checkInAnswers, createCheckInService, type ActiveDay, type CheckInAnswers, type CheckInService, type RecordResult } from '../../services/checkin/service';
import { checkinTexts as T, fieldNames, longTextNames } from './texts';
import { CHECKIN_VERBS } from './verbs';
import { recordWithinAllowance, type RecordWithinAllowance } from '../../services/checkin/withinAllowance';

/**
 * The daily challenge card and the check-in on it. Command `checkin` and button `checkin.open` show today's card;
 * `checkin.submit` stores the check-in, files the optional barrier and idea, and replaces the card by a summary
 * of the person's own answers; `checkin.change` shows the card again, pre-filled, for today or yesterday.
 *
 * The short response path (docs/architecture.md, "How a check-in flows"): after every field is validated, the
 * check-in row is written with its pending part (a first check-in as an insert-if-absent, a correction as an
 * update of the exact version the card showed), then the barrier and idea; the answer goes out, and the team-day
 * aggregate is counted after it (services/checkin/service.ts, given the bot's DeferredWork). A double click or a
 * second submit finds the check-in already there (or already changed) and answers with what is stored: nothing is
 * counted twice, and reports are only filed by the request whose check-in write succeeded. A failure after the
 * check-in write reaches the dispatcher (error card); submitting again then shows the stored check-in and finishes
 * what was left, as the `repair` job does for a counting cut off after the answer.
 */
export function createCheckInFeature(deps: FeatureDeps): Feature {
  const service = createCheckInService({ repos: deps.repos, logger: deps.logger, ...(deps.deferred ? { deferred: deps.deferred } : {}) });
  const allowance = createReportAllowance({ repos: deps.repos, config: deps.config });
  const ctx: CheckInContext = { deps, service, allowance, record: recordWithinAllowance(service, allowance) };
  return {
    commands: {
      checkin: async (turn) => {
        await turn.context.sendActivity({ attachments: [await todayCard(ctx, turn)] });
      },
    },
    actions: {
      // Opening shows a card and stores nothing, so whatever data the button carried is ignored.
      [CHECKIN_VERBS.open]: async (turn) => ({ card: await todayCard(ctx, turn) }),
      [CHECKIN_VERBS.submit]: (turn, data) => submit(ctx, turn, data),
      [CHECKIN_VERBS.change]: (turn, data) => change(ctx, turn, data),
    },
  };
}

/** What the check-in's handlers share, made once per bot. */
interface CheckInContext {
  readonly deps: FeatureDeps;
  readonly service: CheckInService;
  readonly allowance: ReportAllowance;
  readonly record: RecordWithinAllowance;
}

/** A card that is not (or no longer) valid: `text` says why; nothing was saved. */
function invalidCard(lang: Language, text: 'invalidText' | 'endedText' | 'goneText'): Attachment {
  return noticeCard({ title: t(T.invalidTitle, lang), lines: [t(T[text], lang)] });
}

/** The card for a challenge day: the check-in form, pre-filled with the stored check-in when there is one. */
async function dayCard(
  { service }: CheckInContext,
  p: Participant,
  lang: Language,
  day: ActiveDay,
  extra: { error?: string; answers?: PartialAnswers } = {},
): Promise<Attachment> {
  const [challenge, baseline, existing] = await Promise.all([
    service.loadChallenge(p.orgId, day.challengeId),
    service.baselineOf(p.userId, day.campaign.campaignId),
    // Settled: a correction must name the finished version, not one whose counting still runs.
    service.settled(p, day),
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

/** Who may check in here: a joined participant in the 1:1 chat; else the card that says why not. */
function checkInner(turn: Turn): Participant | Attachment {
  const p = turn.participant;
  if (!isJoined(p)) return joinFirstCard(turn.lang);
  if (!turn.personal) return notPersonalCard(turn.lang);
  return p;
}

function isCard(value: object): value is Attachment {
  return 'contentType' in value;
}

/** Today's card, or why there is none. */
async function todayCard(ctx: CheckInContext, turn: Turn): Promise<Attachment> {
  const p = checkInner(turn);
  if (isCard(p)) return p;
  const state = dayState(await ctx.deps.repos.campaigns.list(p.orgId), todayIn(turn.now));
  if (state.kind !== 'day') return noChallengeCard(state, turn.lang);
  return dayCard(ctx, p, turn.lang, state);
}

/**
 * Checks that a card's day can still take a check-in: today or yesterday, a challenge day of the campaign
 * named on the card, which still runs. Returns the day, or the card that says why not.
 */
async function checkCardDay(ctx: CheckInContext, p: Participant, lang: Language, now: Date, campaignId: string, date: IsoDate): Promise<ActiveDay | Attachment> {
  const day = await ctx.service.openDay(p.orgId, now, date, campaignId);
  if (day === 'closed') {
    return noticeCard({ title: t(T.closedTitle, lang), lines: [t(T.closedText, lang, { date: formatLongDate(date, lang) })] });
  }
  if (day === 'future') return invalidCard(lang, 'invalidText');
  if (day === 'ended') return invalidCard(lang, 'endedText');
  return day;
}

interface SummaryOf {
  readonly checkIn: CheckIn;
  readonly challenge: DayChallenge | undefined;
  readonly hasBaseline: boolean;
  readonly how: 'new' | 'changed' | 'exists' | 'changedMeanwhile';
  readonly reports?: { barrier?: { reference: string; contact: boolean }; idea?: { reference: string } };
}

function summary(lang: Language, now: Date, s: SummaryOf): ActionResult {
  const canChange = editableDates(todayIn(now)).includes(s.checkIn.date);
  return { card: buildSummaryCard({ lang, checkIn: s.checkIn, challenge: s.challenge, hasBaseline: s.hasBaseline, how: s.how, canChange, ...s.reports }) };
}

/** What is stored for the day, as a summary (after a double click, a stale card or a lost race). */
async function storedSummary({ service }: CheckInContext, p: Participant, lang: Language, day: ActiveDay, how: 'exists' | 'changedMeanwhile', now: Date): Promise<ActionResult> {
  const [stored, challenge, baseline] = await Promise.all([
    service.stored(p, day),
    service.loadChallenge(p.orgId, day.challengeId),
    service.baselineOf(p.userId, day.campaign.campaignId),
  ]);
  if (!stored) return { card: invalidCard(lang, 'goneText') };
  return summary(lang, now, { checkIn: stored.value, challenge, hasBaseline: baseline !== undefined, how });
}

/** The error line for a refused submit. */
function problemsText(lang: Language, fields: ReadonlySet<SubmitField>, unknown: boolean): string {
  if (unknown) return t(T.unknownFields, lang);
  const names = [...fields].map((f) => t(fieldNames[f], lang));
  return t(T.fieldsInvalid, lang, { fields: names.join(', ') });
}

/** Every field of a submit, checked before anything is written: the answers, or the error line to show. */
function validateSubmit(ctx: CheckInContext, p: Participant, lang: Language, challenge: DayChallenge, data: Readonly<Record<string, unknown>>): { answers: CheckInAnswers; etag: string | null } | { error: string } {
  const { logger } = ctx.deps;
  const parsed = submitSchema.safeParse(data);
  if (!parsed.success) {
    const unknown = parsed.error.issues.some((i) => i.code === 'unrecognized_keys' || i.path[0] === 'verb');
    const fields = new Set(parsed.error.issues.map((i) => i.path[0]).filter((f): f is SubmitField => typeof f === 'string' && f in fieldNames));
    logger.info('check-in refused', { userId: p.userId, reason: unknown ? 'unknown_fields' : 'invalid_fields', fields: [...fields].join(',') });
    return { error: problemsText(lang, fields, unknown || fields.size === 0) };
  }
  const v: SubmitData = parsed.data;
  const answer = parseChallengeAnswer(challenge.question.kind, v.challenge);
  if (!answer) return { error: problemsText(lang, new Set<SubmitField>(['challenge']), false) };
  for (const field of ['barrierText', 'ideaText'] as const) {
    const text = typedText(v[field]);
    if (text !== undefined && charCount(text) > TEXT_MAX) {
      logger.info('check-in refused', { userId: p.userId, reason: 'text_too_long', fields: field });
      return { error: t(T.tooLong, lang, { what: t(longTextNames[field], lang), count: charCount(text), max: TEXT_MAX }) };
    }
  }
  const answers = checkInAnswers(
    { outcome: v.outcome, travelMode: v.travelMode, distanceBand: v.distanceBand, wasteFree: v.wasteFree, ...answer },
    { theme: v.theme, barrierText: typedText(v.barrierText), barrierContact: v.barrierContact, ideaText: typedText(v.ideaText) },
  );
  return { answers, etag: v.etag ?? null };
}

async function submit(ctx: CheckInContext, turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
  const { lang } = turn;
  const p = checkInner(turn);
  if (isCard(p)) return { card: p };

  // 1. Which day is this card for, and may it still be checked in?
  const envelope = cardEnvelopeSchema.safeParse(data);
  if (!envelope.success) return { card: invalidCard(lang, 'invalidText') };
  const day = await checkCardDay(ctx, p, lang, turn.now, envelope.data.campaignId, envelope.data.date);
  if (!('kind' in day)) return { card: day };
  const [challenge, baseline] = await Promise.all([ctx.service.loadChallenge(p.orgId, day.challengeId), ctx.service.baselineOf(p.userId, day.campaign.campaignId)]);
  if (!challenge) throw new Error(`challenge ${day.challengeId} of campaign ${day.campaign.campaignId} is in no catalogue`);

  // 2. Every field, before anything is written.
  const again = async (error: string): Promise<ActionResult> => ({ card: await dayCard(ctx, p, lang, day, { error, answers: salvageAnswers(data) }) });
  const valid = validateSubmit(ctx, p, lang, challenge, data);
  if ('error' in valid) return again(valid.error);

  // 3. Within the day's allowance of barriers and ideas: the check-in (a first one is an insert, a correction
  // replaces exactly the version the card showed), its reports, then the answer; counted once, after it.
  // Inside the erasure fence: refused while "verwijder mijn gegevens" runs, and removed if one began meanwhile. Its
  // first check comes from the profile this turn read (kept for a moment per instance); the one after the write
  // reads storage.
  const { repos, config, logger } = ctx.deps;
  const result = await fenced(repos, config.org.id, p, () => ctx.record(p, day, valid.answers, valid.etag, turn.now), { firstCheck: 'recent' });
  if (result.kind === 'overLimit') {
    logger.info('check-in refused', { userId: p.userId, reason: 'daily_report_limit' });
    return again(t(T.dailyReportLimit, lang, { max: ctx.allowance.perDay }));
  }
  return answerFor(ctx, turn, p, day, { challenge, hasBaseline: baseline !== undefined }, result);
}

/** The answer to a check-in write: its summary, or what is stored when nothing was written. */
async function answerFor(
  ctx: CheckInContext,
  turn: Turn,
  p: Participant,
  day: ActiveDay,
  shown: { challenge: DayChallenge; hasBaseline: boolean },
  result: RecordResult,
): Promise<ActionResult> {
  if (result.kind === 'gone') return { card: invalidCard(turn.lang, 'goneText') };
  if (result.kind !== 'saved') return storedSummary(ctx, p, turn.lang, day, result.kind, turn.now);
  const { barrier, idea } = result;
  const answer = summary(turn.lang, turn.now, {
    checkIn: result.checkIn,
    ...shown,
    how: result.how,
    reports: {
      ...(barrier ? { barrier: { reference: barrier.reference, contact: barrier.contactUserId !== undefined } } : {}),
      ...(idea ? { idea: { reference: idea.reference } } : {}),
    },
  });
  // A barrier that looks like ones already reported: those are offered after the answer, so a duplicate can become a recognition.
  return barrier ? { ...answer, followUps: () => similarFollowUps(ctx.deps, barrier, turn.userId, turn.lang) } : answer;
}

async function change(ctx: CheckInContext, turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
  const p = checkInner(turn);
  if (isCard(p)) return { card: p };
  const parsed = changeSchema.safeParse(data);
  if (!parsed.success) return { card: invalidCard(turn.lang, 'invalidText') };
  const day = await checkCardDay(ctx, p, turn.lang, turn.now, parsed.data.campaignId, parsed.data.date);
  if (!('kind' in day)) return { card: day };
  return { card: await dayCard(ctx, p, turn.lang, day) };
}
