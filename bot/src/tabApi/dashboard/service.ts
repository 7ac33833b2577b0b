import { LRUCache } from 'lru-cache';
import type {
  OrgOverviewResponse,
  OrgTeamRow,
  TeamBarrier,
  TeamDashboardResponse,
  TeamFigures,
  TeamIdea,
} from '@soestainable/shared/api/dashboard';
import { todayIn } from '@soestainable/shared/calendar';
import type { DailyAggregate } from '@soestainable/shared/domain/aggregates';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { isJoined, type OrgTeam } from '@soestainable/shared/domain/organisation';
import type { Action } from '@soestainable/shared/domain/programme';
import type { IsoDate } from '@soestainable/shared/domain/types';
import { discloseCells, discloseGroups, discloseTeamBlocks, gate, type BlocksDisclosure, type CellsDisclosure } from '@soestainable/shared/privacy';
import { dayState } from '@soestainable/shared/domain/campaignDay';
import { ApiError, type Principal, type TabApiContext } from '../http';
import { mapLimit } from '../request';
import {
  addTallies,
  baselineComparison,
  campaignInfo,
  figuresOf,
  improvementOf,
  perDay,
  tallyBaselines,
  type BaselineTally,
} from './figures';

/** Baseline answers change only when someone joins: their counts are kept this long per team. */
export const BASELINE_CACHE_TTL_MS = 5 * 60_000;
/** The organisation's figures beside a team's dashboard may be this old. */
export const ORG_FIGURES_TTL_MS = 30_000;
/**
 * A team's member count (the minimum-group-size check) and the programme's action titles may be this old: both
 * change by people's hands, a few times a day, and reading them on every view would cost one query per team.
 */
export const MEMBERS_TTL_MS = 30_000;
/** Newest barriers and ideas shown on a team's dashboard. */
export const TEAM_REPORTS_MAX = 50;
const PARALLEL_READS = 16;

/** A small cache of promises: concurrent readers share one load; a failed load is forgotten. */
class Memo<V extends object> {
  private readonly cache: LRUCache<string, Promise<V>>;
  constructor(ttlMs: number, max = 1000) {
    this.cache = new LRUCache<string, Promise<V>>({ max, ttl: ttlMs });
  }
  get(key: string, load: () => Promise<V>): Promise<V> {
    let pending = this.cache.get(key);
    if (!pending) {
      pending = load();
      this.cache.set(key, pending);
      pending.catch(() => this.cache.delete(key));
    }
    return pending;
  }
}

/** The organisation's figures on one day, as the disclosure rule lets them be shown (shared/src/privacy). */
interface OrgSnapshot {
  readonly teams: readonly OrgTeam[];
  /** Active participants now, per team. */
  readonly activeNow: ReadonlyMap<string, number>;
  /** Teams whose figures may be shown one by one (at least the minimum active participants now). */
  readonly shownTeams: ReadonlySet<string>;
  readonly cells: CellsDisclosure<DailyAggregate>;
  readonly figures: TeamFigures;
}

/**
 * Teams' baseline answers as the one rule for blocks of answers lets them show (`discloseTeamBlocks`, the rule of
 * "what lasted" too): a team's own comparison from the minimum of active participants and of respondents; the
 * organisation's from those teams plus the others as one residual group when it may show.
 */
function baselineBlocks(teams: readonly { teamId: string; active: number; tally: BaselineTally }[], minimum: number): BlocksDisclosure<BaselineTally> {
  return discloseTeamBlocks(teams.map((t) => ({ teamId: t.teamId, active: t.active, answers: t.tally.respondents, block: t.tally })), minimum);
}

/** Whether `principal` may see the dashboard of `team`: its members, its managers, and coordinators. */
export function maySeeTeam(principal: Principal, team: OrgTeam): boolean {
  return principal.teamId === team.teamId || team.managerIds.includes(principal.userId) || principal.roles.has('coordinator');
}

/**
 * The team dashboard and the organisation overview, from `DailyAggregates` (a team's RowKey range; the campaign's
 * partition for the organisation), the `TeamMembers` index and the baseline surveys of the team's members. Raw
 * check-ins are never read, so a dashboard costs what its team costs, not what the store holds.
 */
export class DashboardService {
  private readonly baselines = new Memo<BaselineTally>(BASELINE_CACHE_TTL_MS);
  private readonly orgFigures = new Memo<OrgSnapshot>(ORG_FIGURES_TTL_MS, 20);
  private readonly teamMembers = new Memo<{ active: number; joined: string[] }>(MEMBERS_TTL_MS);
  private readonly actionTitles = new Memo<ReadonlyMap<string, Action>>(MEMBERS_TTL_MS, 10);

  constructor(private readonly ctx: TabApiContext) {}

  private get orgId(): string {
    return this.ctx.config.org.id;
  }
  private get minimum(): number {
    return this.ctx.config.minGroupSize;
  }

  /** The campaign the dashboards show today: the running one, else the next, else the last one that ran. */
  async currentCampaign(today: IsoDate): Promise<Campaign | undefined> {
    const state = dayState(await this.ctx.repos.campaigns.list(this.orgId), today);
    return state.kind === 'noCampaign' ? undefined : state.campaign;
  }

  private members(teamId: string): Promise<{ active: number; joined: string[] }> {
    return this.teamMembers.get(teamId, async () => {
      const members = await this.ctx.repos.participants.listTeamMembers(teamId);
      return { active: members.filter((m) => m.status === 'active').length, joined: members.filter((m) => isJoined(m)).map((m) => m.userId) };
    });
  }

  private actions(): Promise<ReadonlyMap<string, Action>> {
    return this.actionTitles.get(this.orgId, async () => new Map((await this.ctx.repos.actions.list(this.orgId)).map(({ action }) => [action.actionId, action])));
  }

  private baselineOf(campaignId: string, teamId: string, joined: readonly string[]): Promise<BaselineTally> {
    return this.baselines.get(JSON.stringify([campaignId, teamId]), async () => {
      const surveys = await mapLimit(joined, PARALLEL_READS, (userId) => this.ctx.repos.surveys.get(userId, campaignId, 'baseline'));
      return tallyBaselines(surveys.filter((s) => s !== undefined));
    });
  }

  private orgSnapshot(campaign: Campaign, today: IsoDate): Promise<OrgSnapshot> {
    return this.orgFigures.get(JSON.stringify([campaign.campaignId, today]), () => this.loadOrgSnapshot(campaign, today));
  }

  /** Every team's cells and people, sorted by the disclosure rule; the organisation's figures from what it allows. */
  private async loadOrgSnapshot(campaign: Campaign, today: IsoDate): Promise<OrgSnapshot> {
    const [teams, aggregates] = await Promise.all([
      this.ctx.repos.orgTeams.list(this.orgId),
      this.ctx.repos.dailyAggregates.listCampaign(campaign.campaignId),
    ]);
    const active = await mapLimit(teams, PARALLEL_READS, async (t) => ({ key: t.teamId, people: (await this.members(t.teamId)).active }));
    const people = discloseGroups(active, this.minimum);
    const cells = discloseCells(aggregates, today, this.minimum);
    return {
      teams,
      activeNow: new Map(active.map((g) => [g.key, g.people])),
      shownTeams: people.shown,
      cells,
      figures: figuresOf({ cells: cells.organisation, people: people.total }),
    };
  }

  async teamDashboard(principal: Principal, teamId: string): Promise<TeamDashboardResponse> {
    const { repos } = this.ctx;
    const today = todayIn(this.ctx.now());
    const campaignP = this.currentCampaign(today);
    // The reads of the page start together; nothing is answered before the access check below.
    const reads = {
      team: repos.orgTeams.get(this.orgId, teamId),
      members: this.members(teamId),
      aggregates: campaignP.then((c) => (c ? repos.dailyAggregates.listTeam(c.campaignId, teamId) : [])),
      barriers: repos.barriers.list(this.orgId, { teamId }),
      ideas: repos.ideas.list(this.orgId, { teamId }),
      actions: this.actions(),
    };
    const all = Object.values(reads) as Promise<unknown>[];
    const [team, campaign, members] = await Promise.all([reads.team, campaignP, reads.members]).catch(async (err: unknown) => {
      await Promise.allSettled(all);
      throw err;
    });
    const refuse = async (e: ApiError): Promise<never> => {
      await Promise.allSettled(all); // let the reads finish, so none of them fails unobserved
      throw e;
    };
    if (!team) return refuse(new ApiError('NOT_FOUND', 'There is no such team.'));
    if (!maySeeTeam(principal, team)) return refuse(new ApiError('FORBIDDEN', "Only the team's members, its managers and coordinators see this dashboard."));
    const info = campaign ? campaignInfo(campaign, today) : null;
    const gated = gate(true, members.active, this.minimum);
    if (!gated.visible) {
      await Promise.allSettled(all);
      return { suppressed: true, teamId, teamName: team.name, campaign: info, reason: gated.reason, minimum: gated.minimum };
    }
    const [aggregates, tally, org, barriers, ideas, actionById] = await Promise.all([
      reads.aggregates,
      campaign ? this.baselineOf(campaign.campaignId, teamId, members.joined) : Promise.resolve(undefined),
      campaign ? this.orgSnapshot(campaign, today) : Promise.resolve(undefined),
      reads.barriers,
      reads.ideas,
      reads.actions,
    ]);
    const days = info?.days ?? [];
    const cells = discloseCells(aggregates, today, this.minimum).byTeam.get(teamId) ?? [];
    const figures = figuresOf({ cells, people: members.active });
    const newest = <T extends { createdAt: string }>(list: readonly T[]) =>
      [...list].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0)).slice(0, TEAM_REPORTS_MAX);
    const teamBarriers: TeamBarrier[] = newest(barriers).map((b) => {
      const action = b.actionId === undefined ? undefined : actionById.get(b.actionId);
      return {
        reference: b.reference,
        theme: b.theme,
        text: b.text,
        status: b.status,
        createdAt: b.createdAt,
        action: action ? { actionId: action.actionId, title: action.title, status: action.status } : null,
      };
    });
    const teamIdeas: TeamIdea[] = newest(ideas).map((i) => ({ reference: i.reference, theme: i.theme, text: i.text, status: i.status, createdAt: i.createdAt }));
    const baselineShown = tally !== undefined && baselineBlocks([{ teamId, active: members.active, tally }], this.minimum).shown.has(teamId);
    const orgVisible = org !== undefined && org.figures.participants >= this.minimum;
    return {
      suppressed: false,
      teamId,
      teamName: team.name,
      campaign: info,
      figures,
      perDay: perDay(days, cells),
      baseline: baselineShown ? baselineComparison(tally, figures, this.minimum) : null,
      organisation: orgVisible ? org.figures : null,
      barriers: teamBarriers,
      ideas: teamIdeas,
    };
  }

  async orgOverview(): Promise<OrgOverviewResponse> {
    const today = todayIn(this.ctx.now());
    const campaign = await this.currentCampaign(today);
    // No campaign has run or is planned: nothing to rank yet.
    if (!campaign) return { campaign: null, teams: [], totals: null, baseline: null, minimumGroupSize: this.minimum };
    // Fresh figures for the overview itself (the cached snapshot serves the dashboards' comparison line).
    const org = await this.loadOrgSnapshot(campaign, today);
    const info = campaignInfo(campaign, today);
    const rows = await mapLimit(org.teams, PARALLEL_READS, async (team) => {
      const members = await this.members(team.teamId);
      const tally = await this.baselineOf(campaign.campaignId, team.teamId, members.joined);
      const shown = org.shownTeams.has(team.teamId);
      const figures = figuresOf({ cells: org.cells.byTeam.get(team.teamId) ?? [], people: org.activeNow.get(team.teamId) ?? 0 });
      return { team, tally, shown, figures };
    });
    const baselines = baselineBlocks(rows.map((r) => ({ teamId: r.team.teamId, active: org.activeNow.get(r.team.teamId) ?? 0, tally: r.tally })), this.minimum);
    const totalsVisible = org.figures.participants >= this.minimum;
    const visible = rows
      .filter((r) => r.shown)
      .map((r) => ({ ...r, improvement: improvementOf(baselines.shown.has(r.team.teamId) ? baselineComparison(r.tally, r.figures, this.minimum) : null) }))
      .sort(
        (a, b) =>
          b.figures.participationRate - a.figures.participationRate ||
          (b.improvement ?? -Infinity) - (a.improvement ?? -Infinity) ||
          a.team.name.localeCompare(b.team.name, 'nl'),
      );
    const ranked: OrgTeamRow[] = visible.map((r) => ({
      suppressed: false,
      teamId: r.team.teamId,
      name: r.team.name,
      rank: 1 + visible.filter((o) => o.figures.participationRate > r.figures.participationRate).length,
      participants: r.figures.participants,
      participationRate: r.figures.participationRate,
      checkIns: r.figures.checkIns,
      wasteFreeDays: r.figures.wasteFreeDays,
      co2: r.figures.impact.co2,
      improvement: r.improvement,
    }));
    const suppressed: OrgTeamRow[] = rows
      .filter((r) => !r.shown)
      .sort((a, b) => a.team.name.localeCompare(b.team.name, 'nl'))
      .map((r) => ({ suppressed: true, teamId: r.team.teamId, name: r.team.name, reason: 'below_minimum_group_size', minimum: this.minimum }));
    // The organisation's baseline: the teams whose own comparison is shown, plus the others as one residual group.
    const tally = addTallies(baselines.organisation);
    return {
      campaign: info,
      teams: [...ranked, ...suppressed],
      totals: totalsVisible ? org.figures : null,
      baseline: totalsVisible ? baselineComparison(tally, org.figures, this.minimum) : null,
      minimumGroupSize: this.minimum,
    };
  }
}
