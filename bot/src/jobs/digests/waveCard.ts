import type { Attachment } from 'botbuilder';
import { THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Gated } from '@soestainable/shared/privacy';
import type { IsoDate, Language, Localized, Theme } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import { literal } from '../../cards/texts';
import { formatLongDate, formatPercent } from '../../cards/format';
import { digestTexts, waveDigestTexts as T } from './texts';
import waveTemplate from './waveDigest.card.json';
import type { WaveRetention } from './waves';

/** The data of waveDigest.card.json. */
export interface WaveDigestCardData {
  readonly title: string;
  readonly subtitle: string;
  /** False for a team whose respondents are under the minimum group size: only `smallTeam` is shown, no figure. */
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

/** The previous wave as the card compares with it: its figures, or why there are none to show. */
export type PreviousWave =
  | { readonly kind: 'none' }
  | { readonly kind: 'hidden' }
  | { readonly kind: 'shown'; readonly weeks: number; readonly retention: WaveRetention };

export interface WaveDigestFigures {
  readonly retention: WaveRetention;
  readonly previous: PreviousWave;
  /** Barriers filed from this wave's answers, per theme. */
  readonly barriers: ReadonlyArray<{ readonly theme: Theme; readonly count: number }>;
}

export interface WaveDigestContent {
  readonly teamName: string;
  readonly campaignName: Localized;
  readonly wave: number;
  readonly waves: number;
  readonly weeks: number;
  readonly sentOn: IsoDate;
  /** The team's figures for the wave, gated by the wave's respondents. */
  readonly figures: Gated<WaveDigestFigures>;
  readonly dashboardUrl: string | undefined;
}

const share = (part: number, whole: number): number => (whole > 0 ? part / whole : 0);

function keptShares(r: WaveRetention, lang: Language): { ja: string; soms: string; nee: string } {
  return {
    ja: formatPercent(share(r.kept.ja, r.pledges), lang),
    soms: formatPercent(share(r.kept.soms, r.pledges), lang),
    nee: formatPercent(share(r.kept.nee, r.pledges), lang),
  };
}

/** Percentage points of "ja" now minus before, whole and signed ("+8", "−5", "0"). */
export function keptChange(now: WaveRetention, before: WaveRetention): number {
  return Math.round(100 * share(now.kept.ja, now.pledges)) - Math.round(100 * share(before.kept.ja, before.pledges));
}

function previousFacts(f: WaveDigestFigures, lang: Language): Array<{ title: string; value: string }> {
  const { previous } = f;
  if (previous.kind === 'none') return [{ title: t(T.previous, lang), value: t(T.firstWave, lang) }];
  if (previous.kind === 'hidden') return [{ title: t(T.previous, lang), value: t(T.previousHidden, lang) }];
  const delta = keptChange(f.retention, previous.retention);
  return [
    { title: t(T.previous, lang), value: t(T.previousValue, lang, { ...keptShares(previous.retention, lang), weeks: previous.weeks }) },
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
      { title: t(T.respondents, lang), value: t(T.respondentsValue, lang, { count: f.retention.respondents }) },
      { title: t(T.kept, lang), value: t(T.keptValue, lang, { ...keptShares(f.retention, lang), pledges: f.retention.pledges }) },
      ...previousFacts(f, lang),
    ],
    barriers: barriersLine(f, lang),
  };
}

/** The digest card of one team for one follow-up wave, in one manager's language. */
export function buildWaveDigestCard(content: WaveDigestContent, lang: Language): Attachment {
  return renderCard(waveTemplate, waveDigestCardData(content, lang));
}
