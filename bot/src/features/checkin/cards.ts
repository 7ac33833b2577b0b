import type { Attachment } from 'botbuilder';
import { challengeById, CHECKIN_OUTCOME_LABELS, CHECKIN_QUESTIONS, DISTANCE_BAND_LABELS, THEME_LABELS, TRAVEL_MODE_LABELS, YES_NO_LABELS, type DayChallenge } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import {
  CHECKIN_OUTCOMES,
  DISTANCE_BAND_KEYS,
  THEMES,
  TRAVEL_MODES,
  type CheckIn,
  type CheckInOutcome,
  type DistanceBand,
  type IsoDate,
  type Language,
  type Localized,
  type TravelMode,
} from '@soestainable/shared/domain/types';
import type { ImpactBaseline } from '@soestainable/shared/impact';
import { campaignDaysOf, type DayState } from '@soestainable/shared/domain/campaignDay';
import { MAX_CUPS_PER_DAY } from '@soestainable/shared/domain/checkInAnswers';
import { AppError } from '../../errors';
import { renderCard } from '../../cards/render';
import { literal } from '../../cards/texts';
import { t } from '@soestainable/shared/text';
import { noticeCard } from '../core/cards';
import dailyTemplate from './daily.card.json';
import { formatKgRange, formatLongDate } from '../../cards/format';
import type { PartialAnswers } from './schema';
import summaryTemplate from './summary.card.json';
import { checkinTexts as T } from './texts';
import { CHECKIN_VERBS } from './verbs';

interface Choice {
  readonly title: string;
  readonly value: string;
}

/** The data of daily.card.json. */
export interface DailyCardData {
  readonly hasError: boolean;
  readonly errorText: string;
  readonly hasNotice: boolean;
  readonly noticeText: string;
  readonly dayLabel: string;
  readonly themeLabel: string;
  readonly title: string;
  readonly action: string;
  readonly tip: string;
  readonly hasWeather: boolean;
  readonly weatherText: string;
  readonly checkInHeading: string;
  readonly outcome: { label: string; error: string; value: string; choices: Choice[] };
  readonly travelMode: { label: string; placeholder: string; error: string; value: string; choices: Choice[] };
  readonly distanceBand: { label: string; placeholder: string; error: string; value: string; choices: Choice[] };
  readonly wasteFree: { label: string; title: string; value: 'true' | 'false' };
  readonly question: {
    isYesNo: boolean;
    isCount: boolean;
    label: string;
    title: string;
    toggleValue: 'true' | 'false';
    countValue: number;
    max: number;
    error: string;
  };
  readonly optional: { heading: string; intro: string };
  readonly barrier: { label: string; placeholder: string };
  readonly theme: { label: string; value: string; choices: Choice[] };
  readonly contact: { label: string; title: string };
  readonly idea: { label: string; placeholder: string };
  readonly submitTitle: string;
  readonly submitVerb: string;
  readonly actionData: Readonly<Record<string, string>>;
  readonly fallbackData: Readonly<Record<string, string>>;
}

/** What the daily card is built from. Everything is read by the caller, so the nudge job can build it too. */
export interface DailyCardInput {
  readonly lang: Language;
  readonly campaign: Campaign;
  /** The day the card is for (a challenge day of the campaign). */
  readonly date: IsoDate;
  /** The day's challenge; default: the built-in catalogue's entry of the campaign's day plan (`challengeById`). */
  readonly challenge?: DayChallenge;
  /** The baseline survey: pre-fills the distance band. */
  readonly baseline?: ImpactBaseline;
  /** The stored check-in with its etag: the card becomes a correction of exactly that version, pre-filled. */
  readonly existing?: { readonly value: CheckIn; readonly etag: string };
  /** Answers to keep after a refused submit (they win over the stored ones and the baseline). */
  readonly answers?: PartialAnswers;
  /** A line in red above the card (a refused submit), already in `lang`. */
  readonly error?: string;
  /** A line above the card, already in `lang`. */
  readonly notice?: string;
  /** The day's weather line under the tip (the nudge job's optional forecast), already in `lang`; none when absent. */
  readonly weather?: string;
}

function optionsOf<V extends string>(values: readonly V[], labels: Readonly<Record<V, Localized>>, lang: Language): Choice[] {
  return values.map((value) => ({ title: t(labels[value] as Localized, lang), value }));
}

function questionText(id: 'outcome' | 'travelMode' | 'distanceBand' | 'wasteFree', lang: Language): string {
  const q = CHECKIN_QUESTIONS.find((question) => question.id === id);
  if (!q) throw new Error(`check-in question ${id} is missing from the catalogue`);
  return t(q.text, lang);
}

/** The challenge of the campaign's day `day` (1-based) from the built-in catalogue. */
function builtInChallenge(campaign: Campaign, day: number): DayChallenge {
  const id = campaign.dayPlan[day - 1];
  const challenge = id === undefined ? undefined : challengeById(id);
  if (!challenge) throw new AppError('VALIDATION_FAILED', `Campaign ${campaign.campaignId} day ${day}: no challenge "${id ?? ''}" in the catalogue.`);
  return challenge;
}

/**
 * The daily challenge card with the check-in on it: the challenge (day number, theme, title, action, tip), then
 * outcome, travel mode and distance, waste-free, the day's own question, and optionally a barrier (with theme and
 * a contact opt-in) and an idea. With `existing` it is the correction card of that check-in. Throws
 * VALIDATION_FAILED when `date` is not a challenge day of the campaign.
 */
export function buildDailyCard(input: DailyCardInput): Attachment {
  const { lang, campaign, date } = input;
  const days = campaignDaysOf(campaign);
  const day = days.indexOf(date) + 1;
  if (day === 0) throw new AppError('VALIDATION_FAILED', `${date} is not a challenge day of campaign ${campaign.campaignId}.`);
  const challenge = input.challenge ?? builtInChallenge(campaign, day);
  const stored = input.existing?.value;
  const a = input.answers ?? {};

  const outcome: CheckInOutcome | undefined = a.outcome ?? stored?.outcome;
  const travelMode: TravelMode | undefined = a.travelMode ?? stored?.travelMode;
  const distanceBand: DistanceBand | undefined = a.distanceBand ?? stored?.distanceBand ?? input.baseline?.distanceBand;
  const wasteFree = a.wasteFree ?? stored?.wasteFree ?? false;
  const storedYes = stored?.challengeAnswer ?? false;
  const toggleValue = typeof a.challenge === 'boolean' ? a.challenge : a.challenge === 'true' ? true : a.challenge === 'false' ? false : storedYes;
  const typedCount = typeof a.challenge === 'string' && /^\s*\d{1,4}\s*$/.test(a.challenge) ? Number(a.challenge) : a.challenge;
  const countValue =
    typeof typedCount === 'number' && Number.isInteger(typedCount) && typedCount >= 0 && typedCount <= MAX_CUPS_PER_DAY
      ? typedCount
      : (stored?.cupsAvoided ?? 0);
  const dateText = formatLongDate(date, lang);
  const data = { campaignId: campaign.campaignId, date, ...(input.existing ? { etag: input.existing.etag } : {}) };
  const notice = input.notice ?? (input.existing ? t(T.alreadyCheckedIn, lang, { date: dateText }) : undefined);

  const cardData: DailyCardData = {
    hasError: input.error !== undefined,
    errorText: input.error ?? '',
    hasNotice: notice !== undefined,
    noticeText: notice ?? '',
    dayLabel: t(T.dayOf, lang, { day, total: days.length }),
    themeLabel: t(THEME_LABELS[challenge.theme], lang),
    title: challenge.title[lang],
    action: challenge.action[lang],
    tip: t(T.tip, lang, { tip: challenge.tip[lang] }),
    hasWeather: input.weather !== undefined,
    weatherText: input.weather ?? '',
    checkInHeading: t(T.checkInHeading, lang, { date: dateText }),
    outcome: {
      label: questionText('outcome', lang),
      error: t(T.chooseOne, lang),
      value: outcome ?? '',
      choices: optionsOf(CHECKIN_OUTCOMES, CHECKIN_OUTCOME_LABELS, lang),
    },
    travelMode: {
      label: questionText('travelMode', lang),
      placeholder: t(T.chooseOne, lang),
      error: t(T.chooseOne, lang),
      value: travelMode ?? '',
      choices: optionsOf(TRAVEL_MODES, TRAVEL_MODE_LABELS, lang),
    },
    distanceBand: {
      label: questionText('distanceBand', lang),
      placeholder: t(T.chooseOne, lang),
      error: t(T.chooseOne, lang),
      value: distanceBand ?? '',
      choices: optionsOf(DISTANCE_BAND_KEYS, DISTANCE_BAND_LABELS, lang),
    },
    wasteFree: { label: questionText('wasteFree', lang), title: t(T.yes, lang), value: wasteFree ? 'true' : 'false' },
    question: {
      isYesNo: challenge.question.kind === 'yesno',
      isCount: challenge.question.kind === 'count',
      label: challenge.question.kind === 'count' ? t(T.countLabel, lang, { question: challenge.question.text[lang] }) : challenge.question.text[lang],
      title: t(T.yes, lang),
      toggleValue: toggleValue ? 'true' : 'false',
      countValue,
      max: MAX_CUPS_PER_DAY,
      error: t(T.countError, lang, { max: MAX_CUPS_PER_DAY }),
    },
    optional: { heading: t(T.optionalHeading, lang), intro: t(T.optionalIntro, lang) },
    barrier: { label: t(T.barrierLabel, lang), placeholder: t(T.barrierPlaceholder, lang) },
    theme: { label: t(T.themeLabel, lang), value: a.theme ?? challenge.theme, choices: optionsOf(THEMES, THEME_LABELS, lang) },
    contact: { label: t(T.contactLabel, lang), title: t(T.contactTitle, lang) },
    idea: { label: t(T.ideaLabel, lang), placeholder: t(T.ideaPlaceholder, lang) },
    submitTitle: input.existing ? t(T.saveChange, lang) : t(T.submit, lang),
    submitVerb: CHECKIN_VERBS.submit,
    actionData: data,
    fallbackData: { ...data, verb: CHECKIN_VERBS.submit },
  };
  return renderCard(dailyTemplate, cardData);
}

/** The data of summary.card.json. */
export interface SummaryCardData {
  readonly title: string;
  readonly hasNotice: boolean;
  readonly noticeText: string;
  readonly facts: Array<{ title: string; value: string }>;
  readonly co2Note: string;
  readonly reports: Array<{ text: string }>;
  readonly canChange: boolean;
  readonly changeTitle: string;
  readonly changeVerb: string;
  readonly actionData: Readonly<Record<string, string>>;
  readonly fallbackData: Readonly<Record<string, string>>;
}

export interface SummaryInput {
  readonly lang: Language;
  readonly checkIn: CheckIn;
  readonly challenge: DayChallenge | undefined;
  /** Whether a baseline survey was there (else the travel part of the estimate is 0, and the card says why). */
  readonly hasBaseline: boolean;
  /** `new`: just recorded; `changed`: a correction; `exists`/`changedMeanwhile`: nothing new stored, here is what is. */
  readonly how: 'new' | 'changed' | 'exists' | 'changedMeanwhile';
  readonly barrier?: { readonly reference: string; readonly contact: boolean };
  readonly idea?: { readonly reference: string };
  /** Whether the "Wijzig" button is offered (today's or yesterday's check-in). */
  readonly canChange: boolean;
}

/** What was recorded, replacing the daily card in place, with "Wijzig". */
export function buildSummaryCard(input: SummaryInput): Attachment {
  const { lang, checkIn: c, challenge } = input;
  const dateText = formatLongDate(c.date, lang);
  const facts: Array<{ title: string; value: string }> = [];
  if (challenge) facts.push({ title: t(T.factChallenge, lang), value: challenge.title[lang] });
  facts.push({ title: t(T.factOutcome, lang), value: t(CHECKIN_OUTCOME_LABELS[c.outcome], lang) });
  facts.push({
    title: t(T.factTravel, lang),
    value: t(T.travelValue, lang, { mode: t(TRAVEL_MODE_LABELS[c.travelMode], lang), band: t(DISTANCE_BAND_LABELS[c.distanceBand], lang) }),
  });
  facts.push({ title: t(T.factWasteFree, lang), value: t(c.wasteFree ? YES_NO_LABELS.yes : YES_NO_LABELS.no, lang) });
  if (challenge) {
    const answer =
      challenge.question.kind === 'count'
        ? String(c.cupsAvoided)
        : c.challengeAnswer === undefined
          ? '–'
          : t(c.challengeAnswer ? YES_NO_LABELS.yes : YES_NO_LABELS.no, lang);
    facts.push({ title: challenge.question.text[lang], value: answer });
  }
  facts.push({ title: t(T.factCo2, lang), value: formatKgRange(c.impact, lang) });

  const reports: Array<{ text: string }> = [];
  if (input.barrier) {
    const who = input.barrier.contact ? t(T.barrierWithContact, lang) : t(T.barrierAnonymous, lang);
    reports.push({ text: `${t(T.barrierRecorded, lang, { reference: input.barrier.reference })} ${who}` });
  }
  if (input.idea) reports.push({ text: t(T.ideaRecorded, lang, { reference: input.idea.reference }) });

  const notice = input.how === 'exists' ? t(T.alreadyRecorded, lang) : input.how === 'changedMeanwhile' ? t(T.changedMeanwhile, lang) : undefined;
  const data = { campaignId: c.campaignId, date: c.date };
  const cardData: SummaryCardData = {
    title: t(input.how === 'changed' ? T.summaryChangedTitle : T.summaryTitle, lang, { date: dateText }),
    hasNotice: notice !== undefined,
    noticeText: notice ?? '',
    facts,
    co2Note: input.hasBaseline ? t(T.co2Explain, lang) : t(T.co2NoBaseline, lang),
    reports,
    canChange: input.canChange,
    changeTitle: t(T.change, lang),
    changeVerb: CHECKIN_VERBS.change,
    actionData: data,
    fallbackData: { ...data, verb: CHECKIN_VERBS.change },
  };
  return renderCard(summaryTemplate, cardData);
}

/** "Not here": checking in and the progress card are only for the 1:1 chat, where the answers stay the person's own. */
export function notPersonalCard(lang: Language): Attachment {
  return noticeCard({ title: t(T.notPersonalTitle, lang), lines: [t(T.notPersonalText, lang)] });
}

/** The friendly card for a day without a challenge: weekend, a Cao holiday, a closing day, before or after the campaign. */
export function noChallengeCard(state: Exclude<DayState, { kind: 'day' }>, lang: Language): Attachment {
  switch (state.kind) {
    case 'weekend':
      return noticeCard({ title: t(T.weekendTitle, lang), lines: [t(T.weekendText, lang)] });
    case 'holiday':
      return noticeCard({ title: t(T.holidayTitle, lang, { holiday: state.holiday.name[lang] }), lines: [t(T.holidayText, lang)] });
    case 'closingDay':
      return noticeCard({ title: t(T.closingDayTitle, lang), lines: [t(T.closingDayText, lang)] });
    case 'noChallenge':
      return noticeCard({ title: t(T.noChallengeTitle, lang), lines: [t(T.noChallengeText, lang)] });
    case 'before':
      return noticeCard({
        title: t(T.beforeTitle, lang),
        lines: [t(T.beforeText, lang, { campaign: literal(state.campaign.name[lang]), date: formatLongDate(state.campaign.startDate, lang) })],
      });
    case 'after':
      return noticeCard({
        title: t(T.afterTitle, lang),
        lines: [t(T.afterText, lang, { campaign: literal(state.campaign.name[lang]), date: formatLongDate(state.campaign.endDate, lang) })],
      });
    case 'noCampaign':
      return noticeCard({ title: t(T.noCampaignTitle, lang), lines: [t(T.noCampaignText, lang)] });
  }
}
