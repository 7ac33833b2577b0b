import type { Attachment } from 'botbuilder';
import { todayIn } from '@soestainable/shared/calendar';
import { impactSources } from '@soestainable/shared/impact';
import { discloseCells, gate } from '@soestainable/shared/privacy';
import type { Language } from '@soestainable/shared/domain/types';
import { campaignDaysOf, dayState } from '@soestainable/shared/domain/campaignDay';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { ownProgress, teamParticipation } from '@soestainable/shared/domain/progress';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import type { Feature, FeatureDeps, Turn } from '../core/feature';
import { literal } from '../../cards/texts';
import { notPersonalCard } from '../checkin/cards';
import { formatKgRange, formatLongDate, formatPercent } from '../../cards/format';
import { CHECKIN_VERBS } from '../checkin/verbs';
import { joinFirstCard } from '../enrol/cards';
import { noticeCard } from '../core/cards';
import progressTemplate from './progress.card.json';
import { progressTexts as T } from './texts';

/** A button of progress.card.json: an `Action.Execute` with `data`, falling back to an `Action.Submit` with `fallbackData`. */
interface ProgressButton {
  readonly title: string;
  readonly verb: string;
  readonly data: Readonly<Record<string, string>>;
}

/** The data of progress.card.json. */
export interface ProgressCardData {
  readonly title: string;
  readonly subtitle: string;
  readonly facts: Array<{ title: string; value: string }>;
  readonly teamHeading: string;
  readonly teamLines: string[];
  readonly sourcesHeading: string;
  readonly sources: string[];
  readonly buttons: Array<ProgressButton & { fallbackData: Readonly<Record<string, string>> }>;
}

/**
 * "voortgang" / "progress": the participant's own streak, days checked in, challenges done and estimated CO2
 * avoided (a range, with its sources), and their team's participation, but only when the team has at least the
 * minimum group size of active participants (BRIEF.md privacy rule 3). No names, no comparison between people.
 */
export function createProgressFeature(deps: FeatureDeps): Feature {
  const { repos, config } = deps;

  async function progressCard(turn: Turn): Promise<Attachment> {
    const lang: Language = turn.lang;
    const p = turn.participant;
    if (!isJoined(p)) return joinFirstCard(lang);
    if (!turn.personal) return notPersonalCard(lang);

    const today = todayIn(turn.now);
    const state = dayState(await repos.campaigns.list(p.orgId), today);
    if (state.kind === 'noCampaign') return noticeCard({ title: t(T.noCampaignTitle, lang), lines: [t(T.noCampaignText, lang)] });
    const campaign = state.campaign;
    const campaignName = literal(campaign.name[lang]);
    if (state.kind === 'before') {
      return noticeCard({
        title: t(T.notStartedTitle, lang),
        lines: [t(T.notStartedText, lang, { campaign: campaignName, date: formatLongDate(campaign.startDate, lang) })],
      });
    }

    const days = campaignDaysOf(campaign);
    const [checkIns, aggregates, members] = await Promise.all([
      repos.checkIns.listForCampaign(p.userId, campaign.campaignId),
      repos.dailyAggregates.listTeam(campaign.campaignId, p.teamId),
      repos.participants.listTeamMembers(p.teamId),
    ]);
    const own = ownProgress(days, today, checkIns);

    const subtitle =
      state.kind === 'day'
        ? t(T.subtitleDay, lang, { campaign: campaignName, day: state.day, total: state.totalDays })
        : state.kind === 'after'
          ? t(T.subtitleEnded, lang, { campaign: campaignName, date: formatLongDate(campaign.endDate, lang) })
          : t(T.subtitleRunning, lang, { campaign: campaignName, done: own.daysSoFar, total: own.totalDays });

    const active = members.filter((m) => m.status === 'active').length;
    const disclosed = discloseCells(aggregates, today, config.minGroupSize).byTeam.get(p.teamId) ?? [];
    const team = gate(teamParticipation(disclosed), active, config.minGroupSize);
    const teamLines = team.visible
      ? [t(T.teamAverage, lang, { share: formatPercent(team.value.average, lang) })]
      : [t(T.teamHidden, lang, { min: team.minimum })];

    const buttons: ProgressButton[] = state.kind === 'day' ? [{ title: t(T.checkInButton, lang), verb: CHECKIN_VERBS.open, data: {} }] : [];
    const data: ProgressCardData = {
      title: t(T.title, lang),
      subtitle,
      facts: [
        { title: t(T.streak, lang), value: t(T.streakValue, lang, { count: own.streak }) },
        { title: t(T.checkedIn, lang), value: t(T.checkedInValue, lang, { n: own.daysCheckedIn, soFar: own.daysSoFar }) },
        { title: t(T.challenges, lang), value: t(T.challengesValue, lang, { done: own.done, partly: own.partly }) },
        { title: t(T.co2, lang), value: formatKgRange(own.co2, lang) },
      ],
      teamHeading: t(T.teamHeading, lang),
      teamLines,
      sourcesHeading: t(T.sourcesHeading, lang),
      sources: [...impactSources(lang)],
      buttons: buttons.map((b) => ({ ...b, fallbackData: { ...b.data, verb: b.verb } })),
    };
    return renderCard(progressTemplate, data);
  }

  return {
    commands: {
      progress: async (turn) => {
        await turn.context.sendActivity({ attachments: [await progressCard(turn)] });
      },
    },
  };
}
