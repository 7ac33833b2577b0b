import type { Attachment } from 'botbuilder';
import { ACTION_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Gated } from '@soestainable/shared/privacy';
import type { ActionStatus, Language, Localized, Theme } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import { literal, plain } from '../../cards/texts';
import { formatKgRange, formatLongDate, formatPercent } from '../../cards/format';
import digestTemplate from './digest.card.json';
import type { WeekFigures } from './figures';
import { digestTexts as T } from './texts';
import type { IsoWeek } from './week';
import { tabDeepLink, teamSubPage } from '@soestainable/shared/api/deepLinks';

/** The data of digest.card.json. */
export interface DigestCardData {
  readonly title: string;
  readonly subtitle: string;
  /** False for a team under the minimum group size: only `smallTeam` is shown, no figure at all. */
  readonly visible: boolean;
  readonly intro: string;
  readonly facts: ReadonlyArray<{ title: string; value: string }>;
  readonly co2Explain: string;
  readonly barriersHeading: string;
  /** Anonymous: theme and text, never who reported it. */
  readonly barriers: ReadonlyArray<{ theme: string; text: string }>;
  readonly noBarriers: string;
  readonly actionsHeading: string;
  readonly actions: ReadonlyArray<{ title: string; detail: string }>;
  readonly noActions: string;
  readonly smallTeam: string;
  readonly links: ReadonlyArray<{ title: string; url: string }>;
}

/** A barrier as the digest shows it. */
export interface DigestBarrier {
  readonly theme: Theme;
  readonly text: string;
}

/** An action-programme change of the week that touches the team. */
export interface DigestAction {
  readonly title: Localized;
  readonly status: ActionStatus;
  /** Linked to one of the team's barriers during the week (else: its status changed). */
  readonly linkedThisWeek: boolean;
}

export interface DigestContent {
  readonly teamName: string;
  readonly campaignName: Localized;
  readonly week: IsoWeek;
  /** The team's figures, or why they are hidden. Barriers and actions are hidden with them. */
  readonly figures: Gated<{ figures: WeekFigures; barriers: readonly DigestBarrier[]; actions: readonly DigestAction[] }>;
  /** The deep link into the tab's team dashboard; no button without one. */
  readonly dashboardUrl: string | undefined;
}

/** Longest barrier text shown in a digest (characters); longer ones end in "…". */
export const DIGEST_BARRIER_CHARS = 160;

function shorten(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= DIGEST_BARRIER_CHARS ? chars.join('') : chars.slice(0, DIGEST_BARRIER_CHARS - 1).join('') + '…';
}

/**
 * The Teams deep link that opens the tab's dashboard of one team (shared/src/api/deepLinks.ts, which the tab's
 * router reads too). `undefined` without a Teams app id.
 */
export function teamDashboardLink(teamsAppId: string | undefined, teamId: string): string | undefined {
  return tabDeepLink(teamsAppId, teamSubPage(teamId));
}

export function digestCardData(content: DigestContent, lang: Language): DigestCardData {
  const { week, figures } = content;
  const base = {
    // Names go into TextBlocks, which render Markdown: literal() escapes it.
    title: t(T.title, lang, { team: literal(content.teamName) }),
    subtitle: t(T.subtitle, lang, {
      week: week.weekNumber,
      from: formatLongDate(week.monday, lang),
      to: formatLongDate(week.sunday, lang),
      campaign: literal(content.campaignName[lang]),
    }),
    intro: t(T.intro, lang),
    co2Explain: t(T.co2Explain, lang),
    barriersHeading: t(T.barriersHeading, lang),
    noBarriers: t(T.noBarriers, lang),
    actionsHeading: t(T.actionsHeading, lang),
    noActions: t(T.noActions, lang),
    smallTeam: t(T.smallTeam, lang),
    links: content.dashboardUrl === undefined ? [] : [{ title: t(T.openDashboard, lang), url: content.dashboardUrl }],
  };
  if (!figures.visible) return { ...base, visible: false, facts: [], barriers: [], actions: [] };

  const f = figures.value.figures;
  const facts = [
    {
      title: t(T.participation, lang),
      value: f.participation === undefined ? t(T.noChallengeDays, lang) : t(T.participationValue, lang, { share: formatPercent(f.participation, lang) }),
    },
    {
      title: t(T.checkIns, lang),
      value:
        f.previousCheckIns === undefined
          ? t(T.checkInsFirstWeek, lang, { now: f.checkIns })
          : t(T.checkInsValue, lang, { now: f.checkIns, before: f.previousCheckIns }),
    },
    { title: t(T.wasteFree, lang), value: t(T.wasteFreeValue, lang, { count: f.wasteFree }) },
    {
      title: t(T.travel, lang),
      value: f.sustainableShare === undefined ? t(T.noTravel, lang) : t(T.travelValue, lang, { share: formatPercent(f.sustainableShare, lang) }),
    },
    { title: t(T.co2, lang), value: formatKgRange(f.co2, lang) },
  ];
  return {
    ...base,
    visible: true,
    facts,
    // TextRuns render no Markdown; plain() also strips control characters.
    barriers: figures.value.barriers.map((b) => ({
      theme: t(T.barrierTheme, lang, { theme: t(THEME_LABELS[b.theme], lang) }),
      text: plain(shorten(b.text)),
    })),
    actions: figures.value.actions.map((a) => ({
      title: plain(a.title[lang] || a.title.nl) + ' – ',
      detail: [
        ...(a.linkedThisWeek ? [t(T.actionLinked, lang)] : []),
        t(T.actionStatus, lang, { status: t(ACTION_STATUS_LABELS[a.status], lang) }),
      ].join('; '),
    })),
  };
}

/** The weekly digest card of one team, in one manager's language. */
export function buildDigestCard(content: DigestContent, lang: Language): Attachment {
  return renderCard(digestTemplate, digestCardData(content, lang));
}
