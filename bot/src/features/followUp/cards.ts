import type { Attachment } from 'botbuilder';
import { addCalendarDays } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { KEPT_ANSWERS, type FollowUpAnswers, type FollowUpWave, type KeptAnswer } from '@soestainable/shared/domain/followUp';
import type { Barrier } from '@soestainable/shared/domain/programme';
import type { Language } from '@soestainable/shared/domain/types';
import { formatLongDate } from '../../cards/format';
import { renderCard } from '../../cards/render';
import { t } from '@soestainable/shared/text';
import { literal } from '../../cards/texts';
import type { PulseItem } from '../../services/lasting/followUps';
import { noticeCard, textsIn } from '../core/cards';
import template from './followUp.card.json';
import type { PulseProblem } from './input';
import { followUpTexts as T } from './texts';
import { FOLLOW_UP_VERBS } from './verbs';

/** The inputs of one pledge on the card (`kept<i>`, `holdsBack<i>`, i = the pledge's position). */
export const keptId = (i: number): string => `kept${i}`;
export const holdsBackId = (i: number): string => `holdsBack${i}`;

/** What a refused submit is shown again with (strings; `''` = nothing chosen or written). */
export interface PulseValues {
  readonly kept: readonly string[];
  readonly holdsBack: readonly string[];
  readonly contact: boolean;
}

interface PulseItemData {
  readonly phrase: string;
  readonly keptId: string;
  readonly holdsBackId: string;
  readonly kept: string;
  readonly holdsBack: string;
  readonly keptLabel: string;
  readonly keptMissing: string;
  readonly holdsBackLabel: string;
  readonly holdsBackPlaceholder: string;
  readonly choices: ReadonlyArray<{ title: string; value: KeptAnswer }>;
}

/** Data of `followUp.card.json`. */
export interface PulseCardData {
  readonly t: Record<string, string>;
  readonly verb: string;
  readonly campaignId: string;
  readonly wave: number;
  readonly hasError: boolean;
  readonly error: string;
  readonly contact: 'true' | 'false';
  readonly items: readonly PulseItemData[];
}

const PROBLEM_TEXT: Readonly<Record<PulseProblem, keyof typeof T>> = { form: 'errorForm', missing: 'errorMissing', tooLong: 'errorTooLong' };

/** One error line naming everything that was wrong. */
export function pulseErrorLine(problems: ReadonlySet<PulseProblem>, lang: Language): string {
  return (Object.keys(PROBLEM_TEXT) as PulseProblem[])
    .filter((p) => problems.has(p))
    .map((p) => t(T[PROBLEM_TEXT[p]], lang))
    .join(' ');
}

export interface PulseCardOptions {
  readonly lang: Language;
  readonly campaignId: string;
  readonly wave: FollowUpWave;
  readonly items: readonly PulseItem[];
  readonly values?: PulseValues;
  readonly error?: string;
}

/** The pulse card: per pledge "Doe je dit nog?" (ja / soms / nee) and "Wat houdt je tegen?", then contact. */
export function pulseCard(o: PulseCardOptions): Attachment {
  const { lang } = o;
  const txt = textsIn(T, lang);
  const lastDay = formatLongDate(addCalendarDays(o.wave.openUntil, -1), lang);
  const data: PulseCardData = {
    t: { ...txt, title: t(T.title, lang, { weeks: o.wave.weeks }), intro: t(T.intro, lang, { date: lastDay }) },
    verb: FOLLOW_UP_VERBS.submit,
    campaignId: o.campaignId,
    wave: o.wave.wave,
    hasError: o.error !== undefined,
    error: o.error ?? '',
    contact: o.values?.contact ? 'true' : 'false',
    items: o.items.map((item, i) => ({
      // A coordinator's own challenge title goes through literal(): it is shown in a TextBlock.
      phrase: literal(item.phrase[lang]),
      keptId: keptId(i),
      holdsBackId: holdsBackId(i),
      kept: o.values?.kept[i] ?? '',
      // An input's value is shown as typed (no Markdown there), as the end survey card does.
      holdsBack: o.values?.holdsBack[i] ?? '',
      keptLabel: txt.keptLabel,
      keptMissing: txt.keptMissing,
      holdsBackLabel: txt.holdsBackLabel,
      holdsBackPlaceholder: txt.holdsBackPlaceholder,
      choices: KEPT_ANSWERS.map((value) => ({ title: txt[value], value })),
    })),
  };
  return renderCard(template, data);
}

/** The card the followups job sends (nothing filled in). The composition root hands it to the job. */
export function buildPulseCard(input: { lang: Language; campaign: Campaign; wave: FollowUpWave; items: readonly PulseItem[] }): Attachment {
  return pulseCard({ lang: input.lang, campaignId: input.campaign.campaignId, wave: input.wave, items: input.items });
}

/** The card that replaces an answered pulse card: the answers, and the barriers filed from them. */
export function pulseSummaryCard(o: {
  lang: Language;
  items: readonly PulseItem[];
  answers: FollowUpAnswers;
  barriers: readonly Barrier[];
  contact: boolean;
  already?: boolean;
}): Attachment {
  const { lang } = o;
  const txt = textsIn(T, lang);
  const facts = o.answers.answers.flatMap((a) => {
    const phrase = o.items.find((i) => i.challengeId === a.challengeId)?.phrase[lang] ?? a.challengeId;
    const kept = { title: literal(phrase), value: txt[a.kept] };
    return a.holdsBack === undefined || a.holdsBack === '' ? [kept] : [kept, { title: txt.holdsBackLabel, value: literal(a.holdsBack) }];
  });
  const filed = o.barriers.map((b) => ({ title: t(T.barrierFiled, lang, { reference: b.reference }), value: o.contact ? txt.barrierContact : txt.barrierAnonymous }));
  return noticeCard({
    title: o.already ? txt.answeredTitle : txt.savedTitle,
    lines: [o.already ? txt.answeredBody : txt.savedBody],
    facts: [...facts, ...filed],
  });
}
