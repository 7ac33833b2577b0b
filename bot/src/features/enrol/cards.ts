import type { Attachment } from 'botbuilder';
import { todayIn } from '@soestainable/shared/calendar';
import { DISTANCE_BAND_LABELS, FREQUENCY_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { OrgTeam, Participant } from '@soestainable/shared/domain/organisation';
import { DISTANCE_BAND_KEYS, FREQUENCIES, TRAVEL_MODES, type Language } from '@soestainable/shared/domain/types';
import { NUDGE_WINDOW } from '@soestainable/shared/domain/nudgeTime';
import { renderCard } from '../../cards/render';
import { fill, literal } from '../../cards/texts';
import { button, LANGUAGE_NAMES, noticeCard, textsIn } from '../core/cards';
import enrolTemplate from './enrol.card.json';
import type { EnrolBaseline, EnrolValues } from './input';
import { firstChallengeDay, formatDay } from './schedule';
import { enrolTexts } from './texts';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from './verbs';

/**
 * The friendly "join first" card for commands and buttons that need a participant: one "Doe mee" button that
 * opens the enrolment card. The one such card: every feature answers someone who has not joined (or has left)
 * with it.
 */
export function joinFirstCard(lang: Language): Attachment {
  const t = textsIn(enrolTexts, lang);
  return noticeCard({ title: t.joinFirstTitle, lines: [t.joinFirst], buttons: [button(t.join, ENROL_VERBS.start, 'positive')] });
}

interface Choice {
  readonly title: string;
  readonly value: string;
}

/** Data of `enrol.card.json`. */
export interface EnrolCardData {
  readonly t: Record<keyof typeof enrolTexts | 'title' | 'intro' | 'submit', string>;
  readonly verbs: typeof ENROL_VERBS;
  readonly window: typeof NUDGE_WINDOW;
  readonly hasError: boolean;
  readonly error: string;
  readonly hasBaseline: boolean;
  readonly values: EnrolValues;
  readonly teams: readonly Choice[];
  readonly languages: readonly Choice[];
  readonly commuteModes: readonly Choice[];
  readonly distanceBands: readonly Choice[];
  readonly frequencies: readonly Choice[];
}

/** The enrolment card, filled with `values`. */
export function enrolCard(options: {
  lang: Language;
  changing: boolean;
  teams: readonly OrgTeam[];
  values: EnrolValues;
  hasBaseline: boolean;
  error?: string;
}): Attachment {
  const { lang, changing } = options;
  const t = textsIn(enrolTexts, lang, NUDGE_WINDOW);
  const data: EnrolCardData = {
    t: {
      ...t,
      title: changing ? t.titleChange : t.titleNew,
      intro: changing ? t.introChange : options.hasBaseline ? t.introNew : t.introNoBaseline,
      submit: changing ? t.submitChange : t.submitNew,
    },
    verbs: ENROL_VERBS,
    window: NUDGE_WINDOW,
    hasError: options.error !== undefined,
    error: options.error ?? '',
    hasBaseline: options.hasBaseline,
    values: options.values,
    // Choice titles are plain text in every client (no Markdown): team names are shown as the coordinator typed them.
    teams: options.teams.map((team) => ({ title: team.name, value: team.teamId })),
    languages: (Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => ({ title: LANGUAGE_NAMES[l], value: l })),
    commuteModes: TRAVEL_MODES.map((m) => ({ title: TRAVEL_MODE_LABELS[m][lang], value: m })),
    distanceBands: DISTANCE_BAND_KEYS.map((b) => ({ title: DISTANCE_BAND_LABELS[b][lang], value: b })),
    frequencies: FREQUENCIES.map((f) => ({ title: FREQUENCY_LABELS[f][lang], value: f })),
  };
  return renderCard(enrolTemplate, data);
}

/** What the confirmation after a valid enrolment card shows. */
export interface ConfirmationInput {
  readonly participant: Participant;
  readonly team: OrgTeam | undefined;
  readonly baseline: EnrolBaseline | undefined;
  readonly campaign: Campaign | undefined;
  readonly wasJoined: boolean;
  readonly now: Date;
}

/** When the first (or next) challenge comes, or why it does not. */
function whenNext(o: ConfirmationInput): string {
  const p = o.participant;
  const t = textsIn(enrolTexts, p.language);
  if (p.status === 'paused') return t.stillPaused;
  if (!o.campaign) return fill(enrolTexts.startsSoon, p.language, { time: p.nudgeTime });
  const day = firstChallengeDay(o.campaign, todayIn(o.now), o.now, p.nudgeTime);
  return day === undefined
    ? t.challengeEnding
    : fill(o.wasJoined ? enrolTexts.nextChallenge : enrolTexts.firstChallenge, p.language, { time: p.nudgeTime, date: formatDay(day, p.language) });
}

/** The card that replaces a valid enrolment card: what was recorded, in the participant's (new) language. */
export function confirmationCard(o: ConfirmationInput): Attachment {
  const { participant: p, baseline } = o;
  const lang = p.language;
  const t = textsIn(enrolTexts, lang);
  const facts = [
    { title: t.factTeam, value: literal(o.team?.name ?? p.teamId) },
    { title: t.factTime, value: p.nudgeTime },
    { title: t.factLanguage, value: LANGUAGE_NAMES[lang] },
  ];
  if (baseline) {
    facts.push(
      { title: t.factCommute, value: `${TRAVEL_MODE_LABELS[baseline.commuteMode][lang]}, ${DISTANCE_BAND_LABELS[baseline.distanceBand][lang]}` },
      { title: t.factPackaging, value: FREQUENCY_LABELS[baseline.disposablePackaging][lang] },
      { title: t.factScreens, value: baseline.screensOffAtNight ? t.yes : t.no },
      { title: t.factLights, value: baseline.lightsOffWhenLeaving ? t.yes : t.no },
    );
  }
  return noticeCard({
    title: o.wasJoined ? t.changedTitle : t.joinedTitle,
    lines: [whenNext(o)],
    facts,
    notes: [t.yourData],
    buttons: [button(t.checkIn, CHECKIN_OPEN_VERB, 'positive'), button(t.change, ENROL_VERBS.start)],
  });
}
