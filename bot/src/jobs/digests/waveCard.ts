import type { Attachment } from 'botbuilder';
import type { KeptShares } from '@soestainable/shared/api/lasting';
import { THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Gated } from '@soestainable/shared/privacy';
import type { IsoDate, Language, Localized, Theme } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import { literal } from '../../cards/texts';
import { formatLongDate, formatPercent } from '../../cards/format';
import { digestTexts, waveDigestTexts as T } from './texts';
import waveTemplate from './waveDigest.card.json';

/** The data of waveDigest.card.json. */
export interface WaveDigestCardData {
  readonly title: string;
  readonly subtitle: string;
  /** False when the team's overall cell of the wave is hidden (as in the tab): only `smallTeam` is shown, no figure. */
  readonly visible: boolean;
  readonly intro: string;
  readonly facts: ReadonlyArray<{ title: string; value: string }>;
  readonly barriersHeading: string;
  /** Count and themes only: never a text, never who. */
  readonly barriers: string;
  readonly barriersNote: string;
  readonly smallTeam: string;
  readonly links: ReadonlyArray<{ title: string; url: string }>;
}

/** The previous wave as the card compares with it: its overall cell as the tab shows it, or why there is none. */
export type PreviousWave =
  | { readonly kind: 'none' }
  | { readonly kind: 'hidden' }
  | { readonly kind: 'shown'; readonly weeks: number; readonly overall: KeptShares };

/** A team's figures of one final wave: exactly the cells the tab shows for that team and wave. */
export interface WaveDigestFigures {
  /** The overall cell: the habits shown, added up. */
  readonly overall: KeptShares;
  /** The habits whose cell is shown, in the day plan's order. */
  readonly habits: ReadonlyArray<{ readonly phrase: Localized; readonly cell: KeptShares }>;
  /** True when some pledged habit's cell is hidden (the card says so, without a number). */
  readonly habitsHidden: boolean;
  readonly previous: PreviousWave;
  /** Barriers filed from this wave's answers about the habits shown, per theme. */
  readonly barriers: ReadonlyArray<{ readonly theme: Theme; readonly count: number }>;
}

export interface WaveDigestContent {
  readonly teamName: string;
  readonly campaignName: Localized;
  readonly wave: number;
  readonly waves: number;
  readonly weeks: number;
  readonly sentOn: IsoDate;
  /** The team's figures for the wave, hidden when the tab hides the team's overall cell. */
  readonly figures: Gated<WaveDigestFigures>;
  readonly dashboardUrl: string | undefined;
}

function keptShares(cell: KeptShares, lang: Language): { ja: string; soms: string; nee: string } {
  return { ja: formatPercent(cell.ja, lang), soms: formatPercent(cell.soms, lang), nee: formatPercent(cell.nee, lang) };
}

/** Percentage points of "ja" now minus before, whole and signed ("+8", "−5", "0"). */
export function keptChange(now: KeptShares, before: KeptShares): number {
  return Math.round(100 * now.ja) - Math.round(100 * before.ja);
}

function previousFacts(f: WaveDigestFigures, lang: Language): Array<{ title: string; value: string }> {
  const { previous } = f;
  if (previous.kind === 'none') return [{ title: t(T.previous, lang), value: t(T.firstWave, lang) }];
  if (previous.kind === 'hidden') return [{ title: t(T.previous, lang), value: t(T.previousHidden, lang) }];
  const delta = keptChange(f.overall, previous.overall);
  return [
    { title: t(T.previous, lang), value: t(T.previousValue, lang, { ...keptShares(previous.overall, lang), weeks: previous.weeks }) },
    { title: t(T.change, lang), value: t(T.changeValue, lang, { delta: delta > 0 ? `+${delta}` : delta < 0 ? `−${-delta}` : '0' }) },
  ];
}

function barriersLine(f: WaveDigestFigures, lang: Language): string {
  const count = f.barriers.reduce((n, b) => n + b.count, 0);
  if (count === 0) return t(T.noBarriers, lang);
  const themes = f.barriers.map((b) => t(T.themeCount, lang, { theme: t(THEME_LABELS[b.theme], lang), count: b.count })).join(', ');
  return t(T.barriersValue, lang, { count, themes });
}

export function waveDigestCardData(content: WaveDigestContent, lang: Language): WaveDigestCardData {
  const { figures } = content;
  const base = {
    // Names go into TextBlocks, which render Markdown: literal() escapes it.
    title: t(T.title, lang, { team: literal(content.teamName), weeks: content.weeks }),
    subtitle: t(T.subtitle, lang, {
      wave: content.wave,
      waves: content.waves,
      date: formatLongDate(content.sentOn, lang),
      campaign: literal(content.campaignName[lang]),
    }),
    intro: t(T.intro, lang),
    barriersHeading: t(T.barriersHeading, lang),
    barriersNote: t(T.barriersNote, lang),
    smallTeam: t(T.smallTeam, lang),
    links: content.dashboardUrl === undefined ? [] : [{ title: t(digestTexts.openDashboard, lang), url: content.dashboardUrl }],
  };
  if (!figures.visible) return { ...base, visible: false, facts: [], barriers: '' };
  const f = figures.value;
  return {
    ...base,
    visible: true,
    facts: [
      { title: t(T.kept, lang), value: t(T.keptValue, lang, { ...keptShares(f.overall, lang), pledges: f.overall.answers }) },
      ...f.habits.map((h) => ({ title: literal(h.phrase[lang]), value: t(T.habitValue, lang, { ...keptShares(h.cell, lang), answers: h.cell.answers }) })),
      ...(f.habitsHidden ? [{ title: t(T.otherHabits, lang), value: t(T.otherHabitsHidden, lang) }] : []),
      ...previousFacts(f, lang),
    ],
    barriers: barriersLine(f, lang),
  };
}

/** The digest card of one team for one follow-up wave, in one manager's language. */
export function buildWaveDigestCard(content: WaveDigestContent, lang: Language): Attachment {
  return renderCard(waveTemplate, waveDigestCardData(content, lang));
}
