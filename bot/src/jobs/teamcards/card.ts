import type { Attachment } from 'botbuilder';
import { ACTION_STATUS_LABELS, THEME_LABELS } from '@soestainable/shared/catalogue/labels';
import type { ActionStatus, KgRange, Language, Localized, Theme } from '@soestainable/shared/domain/types';
import type { Gated } from '@soestainable/shared/privacy';
import { t } from '@soestainable/shared/text';
import { formatKgRange, formatLongDate, formatPercent } from '../../cards/format';
import { renderCard } from '../../cards/render';
import { literal, plain } from '../../cards/texts';
import type { IsoWeek } from '../digests/week';
import teamCardTemplate from './teamcard.card.json';
import { teamCardJobTexts as T } from './texts';

/** Longest barrier text on the card (characters); longer ones end in "…". */
export const TEAM_CARD_BARRIER_CHARS = 160;

/** What the team card shows when the team is at least the minimum group size: aggregates only. */
export interface TeamCardFigures {
  /** 0..1, or `undefined` when none of the week's challenge days is disclosed. */
  readonly participation: number | undefined;
  readonly wasteFree: number;
  readonly co2: KgRange;
  /** Anonymous: theme, text and how many colleagues recognise it ("herken ik"; never who), most recognised first. */
  readonly barriers: ReadonlyArray<{ readonly theme: Theme; readonly text: string; readonly recognitions: number }>;
  /** The actions linked to those barriers, with their status now. */
  readonly actions: ReadonlyArray<{ readonly title: Localized; readonly status: ActionStatus }>;
}

export interface TeamCardContent {
  readonly teamName: string;
  readonly campaignName: Localized;
  readonly week: IsoWeek;
  readonly figures: Gated<TeamCardFigures>;
  readonly teamTabUrl: string | undefined;
}

function shorten(text: string): string {
  const chars = [...text.replace(/\s+/g, ' ').trim()];
  return chars.length <= TEAM_CARD_BARRIER_CHARS ? chars.join('') : chars.slice(0, TEAM_CARD_BARRIER_CHARS - 1).join('') + '…';
}

export function teamCardData(content: TeamCardContent, lang: Language) {
  const { week, figures } = content;
  const base = {
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
    links: content.teamTabUrl === undefined ? [] : [{ title: t(T.openTeamTab, lang), url: content.teamTabUrl }],
  };
  if (!figures.visible) return { ...base, visible: false, facts: [], barriers: [], actions: [] };
  const f = figures.value;
  return {
    ...base,
    visible: true,
    facts: [
      {
        title: t(T.participation, lang),
        value: f.participation === undefined ? t(T.noChallengeDays, lang) : t(T.participationValue, lang, { share: formatPercent(f.participation, lang) }),
      },
      { title: t(T.wasteFree, lang), value: t(T.wasteFreeValue, lang, { count: f.wasteFree }) },
      { title: t(T.co2, lang), value: formatKgRange(f.co2, lang) },
    ],
    barriers: f.barriers.map((b) => ({
      theme: t(T.barrierTheme, lang, { theme: t(THEME_LABELS[b.theme], lang) }),
      text: plain(shorten(b.text)),
      recognised: b.recognitions > 0 ? t(T.recognisedBy, lang, { count: b.recognitions }) : '',
    })),
    actions: f.actions.map((a) => ({
      title: plain(a.title[lang] || a.title.nl),
      detail: t(T.actionStatus, lang, { status: t(ACTION_STATUS_LABELS[a.status], lang) }),
    })),
  };
}

/**
 * The team card in one language. A channel has readers of both languages and no single reader to ask, so the job
 * posts it in the organisation's default language (Dutch); the tab it links to follows each reader's language.
 */
export function buildTeamCard(content: TeamCardContent, lang: Language): Attachment {
  return renderCard(teamCardTemplate, teamCardData(content, lang));
}
