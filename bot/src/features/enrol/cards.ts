import type { Attachment } from 'botbuilder';
import { DISTANCE_BAND_LABELS, FREQUENCY_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import type { OrgTeam, Participant } from '@soestainable/shared/domain/organisation';
import { DISTANCE_BAND_KEYS, FREQUENCIES, TRAVEL_MODES, type Language } from '@soestainable/shared/domain/types';
import { NUDGE_WINDOW } from '@soestainable/shared/domain/nudgeTime';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import { literal } from '../../cards/texts';
import { button, LANGUAGE_NAMES, noticeCard, textsIn } from '../core/cards';
import enrolTemplate from './enrol.card.json';
import type { EnrolBaseline, EnrolValues } from './input';
import { formatDay, type NextChallenge } from './schedule';
import { enrolTexts } from './texts';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from './verbs';

/**
 * The friendly "join first" card for commands and buttons that need a participant: one "Doe mee" button that
 * opens the enrolment card. The one such card: every feature answers someone who has not joined (or has left)
 * with it.
 */
export function joinFirstCard(lang: Language): Attachment {
  const txt = textsIn(enrolTexts, lang);
  return noticeCard({ title: txt.joinFirstTitle, lines: [txt.joinFirst], buttons: [button(txt.join, ENROL_VERBS.start, 'positive')] });
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
  const txt = textsIn(enrolTexts, lang, NUDGE_WINDOW);
  const data: EnrolCardData = {
    t: {
      ...txt,
      title: changing ? txt.titleChange : txt.titleNew,
      intro: changing ? txt.introChange : options.hasBaseline ? txt.introNew : txt.introNoBaseline,
      submit: changing ? txt.submitChange : txt.submitNew,
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
    commuteModes: TRAVEL_MODES.map((m) => ({ title: t(TRAVEL_MODE_LABELS[m], lang), value: m })),
    distanceBands: DISTANCE_BAND_KEYS.map((b) => ({ title: t(DISTANCE_BAND_LABELS[b], lang), value: b })),
    frequencies: FREQUENCIES.map((f) => ({ title: t(FREQUENCY_LABELS[f], lang), value: f })),
  };
  return renderCard(enrolTemplate, data);
}

/** What the confirmation after a valid enrolment card shows. */
export interface ConfirmationInput {
  readonly participant: Participant;
  readonly team: OrgTeam | undefined;
  readonly baseline: EnrolBaseline | undefined;
  /** When the next challenge comes (`nextChallenge` in schedule.ts, which knows whether today's is behind them already). */
  readonly next: NextChallenge;
  readonly wasJoined: boolean;
}

/** When the first (or next) challenge comes, or why it does not. */
function whenNext(o: ConfirmationInput): string {
  const p = o.participant;
  const txt = textsIn(enrolTexts, p.language);
  if (p.status === 'paused') return txt.stillPaused;
  if (o.next.kind === 'none') return t(enrolTexts.startsSoon, p.language, { time: p.nudgeTime });
  if (o.next.kind === 'over') return txt.challengeEnding;
  return t(o.wasJoined ? enrolTexts.nextChallenge : enrolTexts.firstChallenge, p.language, { time: p.nudgeTime, date: formatDay(o.next.date, p.language) });
}

/** The card that replaces a valid enrolment card: what was recorded, in the participant's (new) language. */
export function confirmationCard(o: ConfirmationInput): Attachment {
  const { participant: p, baseline } = o;
  const lang = p.language;
  const txt = textsIn(enrolTexts, lang);
  const facts = [
    { title: txt.factTeam, value: literal(o.team?.name ?? p.teamId) },
    { title: txt.factTime, value: p.nudgeTime },
    { title: txt.factLanguage, value: LANGUAGE_NAMES[lang] },
  ];
  if (baseline) {
    facts.push(
      { title: txt.factCommute, value: `${t(TRAVEL_MODE_LABELS[baseline.commuteMode], lang)}, ${t(DISTANCE_BAND_LABELS[baseline.distanceBand], lang)}` },
      { title: txt.factPackaging, value: t(FREQUENCY_LABELS[baseline.disposablePackaging], lang) },
      { title: txt.factScreens, value: baseline.screensOffAtNight ? txt.yes : txt.no },
      { title: txt.factLights, value: baseline.lightsOffWhenLeaving ? txt.yes : txt.no },
    );
  }
  return noticeCard({
    title: o.wasJoined ? txt.changedTitle : txt.joinedTitle,
    lines: [whenNext(o)],
    facts,
    notes: [txt.yourData],
    buttons: [button(txt.checkIn, CHECKIN_OPEN_VERB, 'positive'), button(txt.change, ENROL_VERBS.start)],
  });
}
