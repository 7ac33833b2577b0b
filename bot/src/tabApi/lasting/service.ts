import { LRUCache } from 'lru-cache';
import type {
  LastingCampaignInfo,
  LastingHabit,
  LastingOrgResponse,
  LastingReportResponse,
  LastingTeamResponse,
} from '@soestainable/shared/api/lasting';
import { todayIn } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { runningCampaign } from '@soestainable/shared/domain/campaignDay';
import { campaignWaves, endSurveyWindow, lastChallengeDay } from '@soestainable/shared/domain/followUp';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { IsoDate } from '@soestainable/shared/domain/types';
import { pledgeChoices } from '../../services/lasting/endSurvey';
import { teamLastingRecords } from '../../services/lasting/teamRecords';
import { maySeeTeam } from '../dashboard/service';
import { ApiError, requireRole, type Principal, type TabApiContext } from '../http';
import { mapLimit } from '../request';
import { lastingFigures, type PersonRecord, type Teams } from '../../services/lasting/figures';

/** A team's people and their answers change only by late answers and corrections: kept this long per team. */
export const LASTING_CACHE_TTL_MS = 60_000;

/** The campaign's facts every view states. */
export function lastingCampaignInfo(campaign: Campaign): LastingCampaignInfo {
  return {
    campaignId: campaign.campaignId,
    name: campaign.name,
    startDate: campaign.startDate,
    endDate: campaign.endDate,
    lastDay: lastChallengeDay(campaign) ?? campaign.endDate,
  };
}

/** Campaigns the views can be about on `today`: not drafts, with challenge days, ended or running; newest first. */
export function selectableCampaigns(campaigns: readonly Campaign[], today: IsoDate): Campaign[] {
  const running = runningCampaign(campaigns, today);
  return campaigns
    .filter((c) => c.status !== 'draft' && lastChallengeDay(c) !== undefined)
    .filter((c) => c === running || (lastChallengeDay(c) ?? today) < today)
    .sort((a, b) => (a.endDate < b.endDate ? 1 : a.endDate > b.endDate ? -1 : a.campaignId < b.campaignId ? 1 : -1));
}

/**
 * The default campaign: the one that ended last and whose first follow-up wave has gone out (it has follow-up
 * data), else the last one that ended, else the running one.
 */
export function defaultCampaign(selectable: readonly Campaign[], today: IsoDate): Campaign | undefined {
  const ended = selectable.filter((c) => (lastChallengeDay(c) ?? today) < today);
  const followedUp = ended.find((c) => (campaignWaves(c)[0]?.sendOn ?? today) <= today);
  return followedUp ?? ended[0] ?? selectable[0];
}

/**
 * "What lasted" for a team, the organisation and the report. Reads, per joined member of a team, their surveys and
 * pulse answers (services/lasting/teamRecords.ts, the same reader as the managers' wave digest), cached per campaign
 * and team for {@link LASTING_CACHE_TTL_MS}; the arithmetic and the privacy rules are services/lasting/figures.ts.
 */
export class LastingService {
  private readonly people = new LRUCache<string, Promise<readonly PersonRecord[]>>({ max: 500, ttl: LASTING_CACHE_TTL_MS });

  constructor(private readonly ctx: TabApiContext) {}

  private get orgId(): string {
    return this.ctx.config.org.id;
  }
  private get minimum(): number {
    return this.ctx.config.minGroupSize;
  }

  private teamPeople(campaignId: string, teamId: string): Promise<readonly PersonRecord[]> {
    const key = JSON.stringify([campaignId, teamId]);
    let pending = this.people.get(key);
    if (!pending) {
      pending = teamLastingRecords(this.ctx.repos, campaignId, teamId);
      this.people.set(key, pending);
      pending.catch(() => this.people.delete(key));
    }
    return pending;
  }

  /** The campaign asked for (a selectable one, else NOT_FOUND), or the default; and the list to choose from. */
  private async campaignFor(campaignId: string | undefined, today: IsoDate): Promise<{ campaign: Campaign | undefined; selectable: Campaign[] }> {
    const selectable = selectableCampaigns(await this.ctx.repos.campaigns.list(this.orgId), today);
    if (campaignId === undefined) return { campaign: defaultCampaign(selectable, today), selectable };
    const campaign = selectable.find((c) => c.campaignId === campaignId);
    if (!campaign) throw new ApiError('NOT_FOUND', 'There is no such campaign to look back on.');
    return { campaign, selectable };
  }

  private async habits(campaign: Campaign | undefined): Promise<LastingHabit[]> {
    if (!campaign) return [];
    return (await pledgeChoices(this.ctx.repos, campaign)).map((c) => ({ challengeId: c.challengeId, phrase: c.phrase }));
  }

  private async figuresOf(campaign: Campaign, teams: readonly string[], habits: readonly LastingHabit[], today: IsoDate) {
    const people = await mapLimit(teams, 4, async (teamId) => [teamId, await this.teamPeople(campaign.campaignId, teamId)] as const);
    const byTeam: Teams = new Map(people);
    const endUntil = endSurveyWindow(campaign)?.until;
    return lastingFigures(byTeam, {
      waves: campaignWaves(campaign),
      habits: habits.map((h) => h.challengeId),
      endFinal: endUntil !== undefined && endUntil <= today,
      today,
      minimum: this.minimum,
    });
  }

  private async base(campaignId: string | undefined) {
    const today = todayIn(this.ctx.now());
    const { campaign, selectable } = await this.campaignFor(campaignId, today);
    const habits = await this.habits(campaign);
    return {
      today,
      campaign,
      habits,
      response: {
        campaign: campaign ? lastingCampaignInfo(campaign) : null,
        campaigns: selectable.map(lastingCampaignInfo),
        habits,
        minimumGroupSize: this.minimum,
        today,
      },
    };
  }

  async team(principal: Principal, teamId: string, campaignId: string | undefined): Promise<LastingTeamResponse> {
    const team = await this.ctx.repos.orgTeams.get(this.orgId, teamId);
    if (!team) throw new ApiError('NOT_FOUND', 'There is no such team.');
    if (!maySeeTeam(principal, team)) throw new ApiError('FORBIDDEN', "Only the team's members, its managers and coordinators see this.");
    const { today, campaign, habits, response } = await this.base(campaignId);
    const figures = campaign ? await this.figuresOf(campaign, [teamId], habits, today) : null;
    return { ...response, teamId, teamName: team.name, figures };
  }

  async organisation(campaignId: string | undefined): Promise<LastingOrgResponse> {
    const { today, campaign, habits, response } = await this.base(campaignId);
    if (!campaign) return { ...response, figures: null };
    const teams = await this.ctx.repos.orgTeams.list(this.orgId);
    return { ...response, figures: await this.figuresOf(campaign, teams.map((t) => t.teamId), habits, today) };
  }

  async report(principal: Principal, campaignId: string | undefined): Promise<LastingReportResponse> {
    requireRole(principal, 'coordinator');
    const { today, campaign, habits, response } = await this.base(campaignId);
    if (!campaign) return { ...response, figures: null, teams: [] };
    const teams: OrgTeam[] = [...(await this.ctx.repos.orgTeams.list(this.orgId))].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
    const figures = await this.figuresOf(campaign, teams.map((t) => t.teamId), habits, today);
    const perTeam = await mapLimit(teams, 4, async (t) => {
      const own = await this.figuresOf(campaign, [t.teamId], habits, today);
      return { teamId: t.teamId, name: t.name, waves: own.waves.map((w) => ({ wave: w.wave, overall: w.overall })) };
    });
    return { ...response, figures, teams: perTeam };
  }
}
