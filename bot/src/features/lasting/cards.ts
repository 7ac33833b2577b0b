import type { Attachment } from 'botbuilder';
import { DISTANCE_BAND_LABELS, FREQUENCY_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignFollowUpWeeks, DEFAULT_FOLLOW_UP_WEEKS, type Pledge } from '@soestainable/shared/domain/followUp';
import { DISTANCE_BAND_KEYS, FREQUENCIES, TRAVEL_MODES, type Language, type Survey } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { formatLongDate } from '../../cards/format';
import { renderCard } from '../../cards/render';
import { literal, plain } from '../../cards/texts';
import type { EndAnswers, PledgeChoice } from '../../services/lasting/endSurvey';
import { button, noticeCard, textsIn } from '../core/cards';
import { enrolTexts } from '../enrol/texts';
import type { Problem } from './input';
import lastingTemplate from './lasting.card.json';
import { lastingTexts as T } from './texts';
import { LASTING_VERBS } from './verbs';

interface Choice {
  readonly title: string;
  readonly value: string;
}

/** The card's input values as the template shows them (strings; `''` = nothing chosen). */
export interface LastingValues {
  readonly commuteMode: string;
  readonly distanceBand: string;
  readonly packaging: string;
  readonly screensOff: 'true' | 'false';
  readonly lightsOff: 'true' | 'false';
  /** Comma-separated challenge ids. */
  readonly pledges: string;
  readonly help: string;
}

export const EMPTY_VALUES: LastingValues = { commuteMode: '', distanceBand: '', packaging: '', screensOff: 'false', lightsOff: 'false', pledges: '', help: '' };

/** Data of `lasting.card.json`: the end survey (with the baseline questions) or the pledges card (without). */
export interface LastingCardData {
  readonly t: Record<string, string>;
  readonly verb: string;
  readonly campaignId: string;
  readonly showSurvey: boolean;
  readonly hasError: boolean;
  readonly error: string;
  readonly hasNote: boolean;
  readonly note: string;
  readonly values: LastingValues;
  readonly commuteModes: readonly Choice[];
  readonly distanceBands: readonly Choice[];
  readonly frequencies: readonly Choice[];
  readonly pledgeChoices: readonly Choice[];
}

const PROBLEM_TEXT: Readonly<Record<Problem, keyof typeof T>> = {
  form: 'errorForm',
  answers: 'errorAnswers',
  none: 'errorNone',
  tooMany: 'errorTooMany',
  choice: 'errorChoice',
  tooLong: 'errorTooLong',
};

/** One error line naming everything that was wrong, in the order of the card. */
export function errorLine(problems: ReadonlySet<Problem>, lang: Language): string {
  return (Object.keys(PROBLEM_TEXT) as Problem[])
    .filter((p) => problems.has(p))
    .map((p) => t(T[PROBLEM_TEXT[p]], lang))
    .join(' ');
}

export interface LastingCardOptions {
  readonly lang: Language;
  readonly campaignId: string;
  readonly choices: readonly PledgeChoice[];
  readonly values?: LastingValues;
  readonly error?: string;
  /** The last day the end survey can be corrected (shown under the pledges). */
  readonly lastDay?: string;
  /** The campaign's follow-up waves, in weeks (`campaignFollowUpWeeks`), named under the pledges; default +2/+6/+12. */
  readonly followUpWeeks?: readonly number[];
}

/** "2, 6 en 12" / "2, 6 and 12": the waves as the pledge texts name them. */
function weeksList(weeks: readonly number[], lang: Language): string {
  const last = weeks.at(-1);
  return weeks.length <= 1 ? String(last ?? '') : `${weeks.slice(0, -1).join(', ')}${t(T.weeksAnd, lang)}${String(last)}`;
}

function lastingCard(kind: 'end' | 'pledges', o: LastingCardOptions): Attachment {
  const { lang } = o;
  const texts = textsIn(T, lang);
  const e = textsIn(enrolTexts, lang);
  const end = kind === 'end';
  const note = end && o.lastDay !== undefined ? t(T.endCorrect, lang, { date: formatLongDate(o.lastDay, lang) }) : '';
  const weeks = o.followUpWeeks ?? DEFAULT_FOLLOW_UP_WEEKS;
  const data: LastingCardData = {
    t: {
      ...texts,
      pledgeIntro: t(T.pledgeIntro, lang, { count: weeks.at(-1) ?? 0, weeks: weeksList(weeks, lang) }),
      title: end ? texts.endTitle : texts.pledgesTitle,
      intro: end ? texts.endIntro : texts.pledgesIntro,
      choose: e.choose,
      commuteMode: e.commuteMode,
      distanceBand: e.distanceBand,
      packaging: e.packaging,
      screensOff: e.screensOff,
      screensOffTitle: e.screensOffTitle,
      lightsOff: e.lightsOff,
      lightsOffTitle: e.lightsOffTitle,
    },
    verb: end ? LASTING_VERBS.submitEnd : LASTING_VERBS.submitPledges,
    campaignId: o.campaignId,
    showSurvey: end,
    hasError: o.error !== undefined,
    error: o.error ?? '',
    hasNote: note !== '',
    note,
    values: o.values ?? EMPTY_VALUES,
    commuteModes: TRAVEL_MODES.map((m) => ({ title: t(TRAVEL_MODE_LABELS[m], lang), value: m })),
    distanceBands: DISTANCE_BAND_KEYS.map((b) => ({ title: t(DISTANCE_BAND_LABELS[b], lang), value: b })),
    frequencies: FREQUENCIES.map((f) => ({ title: t(FREQUENCY_LABELS[f], lang), value: f })),
    // Choice titles are plain text in every client; a coordinator's own challenge title goes through plain().
    pledgeChoices: o.choices.map((c) => ({ title: plain(c.phrase[lang]), value: c.challengeId })),
  };
  return renderCard(lastingTemplate, data);
}

/** The end survey card (eindmeting): the baseline questions again, then the pledges. */
export function endSurveyCard(o: LastingCardOptions): Attachment {
  return lastingCard('end', o);
}

/** The pledges card (voornemens): the person's pledges, to change. */
export function pledgesCard(o: LastingCardOptions): Attachment {
  return lastingCard('pledges', o);
}

/**
 * The end card the nudge job sends on the campaign's last challenge day (empty: nothing is pre-filled, so the end
 * survey is answered afresh). The composition root hands it to the job, since jobs never import a feature.
 */
export function buildEndCard(input: { lang: Language; campaign: Campaign; choices: readonly PledgeChoice[]; lastDay?: string }): Attachment {
  return endSurveyCard({
    lang: input.lang,
    campaignId: input.campaign.campaignId,
    choices: input.choices,
    followUpWeeks: campaignFollowUpWeeks(input.campaign),
    ...(input.lastDay === undefined ? {} : { lastDay: input.lastDay }),
  });
}

/** The values of a stored end survey and pledge, to pre-fill the card with. */
export function valuesOf(survey: Survey | undefined, pledge: Pledge | undefined): LastingValues {
  return {
    commuteMode: survey?.commuteMode ?? '',
    distanceBand: survey?.distanceBand ?? '',
    packaging: survey?.disposablePackaging ?? '',
    screensOff: survey?.screensOffAtNight ? 'true' : 'false',
    lightsOff: survey?.lightsOffWhenLeaving ? 'true' : 'false',
    pledges: pledge?.challengeIds.join(',') ?? '',
    help: pledge?.help ?? '',
  };
}

/** The card that replaces a saved end survey or pledges card: what was stored. */
export function savedCard(o: {
  lang: Language;
  answers?: EndAnswers;
  pledge: { challengeIds: readonly string[]; help?: string };
  choices: readonly PledgeChoice[];
  /** The campaign's follow-up waves: the first is named in the thank-you line (default +2/+6/+12). */
  followUpWeeks?: readonly number[];
}): Attachment {
  const { lang, answers } = o;
  const txt = textsIn(T, lang);
  const facts: Array<{ title: string; value: string }> = [];
  if (answers) {
    facts.push(
      { title: txt.factCommute, value: `${t(TRAVEL_MODE_LABELS[answers.commuteMode], lang)}, ${t(DISTANCE_BAND_LABELS[answers.distanceBand], lang)}` },
      { title: txt.factPackaging, value: t(FREQUENCY_LABELS[answers.disposablePackaging], lang) },
      { title: txt.factScreens, value: answers.screensOffAtNight ? txt.yes : txt.no },
      { title: txt.factLights, value: answers.lightsOffWhenLeaving ? txt.yes : txt.no },
    );
  }
  for (const id of o.pledge.challengeIds) {
    const phrase = o.choices.find((c) => c.challengeId === id)?.phrase[lang] ?? id;
    facts.push({ title: txt.factPledge, value: literal(phrase) });
  }
  if (o.pledge.help !== undefined) facts.push({ title: txt.factHelp, value: literal(o.pledge.help) });
  return noticeCard({
    title: answers ? txt.savedTitle : txt.pledgesSavedTitle,
    lines: answers ? [t(T.savedBody, lang, { count: (o.followUpWeeks ?? DEFAULT_FOLLOW_UP_WEEKS)[0] ?? 0 })] : [],
    facts,
    buttons: [button(txt.changePledges, LASTING_VERBS.openPledges)],
  });
}
