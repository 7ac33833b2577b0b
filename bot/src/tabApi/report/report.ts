import type { Request } from 'restify';
import type { Hidden, ReportBarrierCluster, ReportDay, ReportResponse, ReportTeam } from '@soestainable/shared/api/report';
import type { DailyAggregate } from '@soestainable/shared/domain/aggregates';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { Action, Barrier } from '@soestainable/shared/domain/programme';
import {
  ACTION_STATUSES,
  BARRIER_STATUSES,
  SUSTAINABLE_TRAVEL_MODES,
  THEMES,
  TRAVEL_MODES,
  type ActionStatus,
  type BarrierStatus,
  type IsoDate,
  type KgRange,
  type Theme,
} from '@soestainable/shared/domain/types';
import { todayIn } from '@soestainable/shared/calendar';
import { FACTOR_TABLE_VERSION, impactSources, sumRanges } from '@soestainable/shared/impact';
import { discloseCells, lastFinalDay, residualMayShow, type CellsDisclosure } from '@soestainable/shared/privacy';
import { campaignDaysOf } from '@soestainable/shared/domain/campaignDay';
import { campaignFor } from '../admin/campaign';
import { requireRole, type Principal, type TabApiContext } from '../http';
import { orgOf, queryParam } from '../request';

/**
 * The printable campaign report's data (issue 5, Build 6). Reads only `DailyAggregates` (one partition), the
 * teams, the barriers and the actions; every figure passes the minimum group size.
 */

const HIDDEN: Hidden = { hidden: true, reason: 'below_minimum_group_size' };

function counts<K extends string>(keys: readonly K[]): Record<K, number> {
  return Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;
}

function rate(checkIns: number, participantDays: number): number {
  return participantDays === 0 ? 0 : Math.min(1, checkIns / participantDays);
}

/** Totals of a set of disclosed team-days (each with its recorded group, the rate's denominator). */
function totals(rows: readonly DailyAggregate[]) {
  return {
    checkIns: rows.reduce((n, r) => n + r.checkIns, 0),
    participantDays: rows.reduce((n, r) => n + r.participants, 0),
    co2: sumRanges(rows.map((r) => r.co2)) as KgRange,
    cupsAvoided: rows.reduce((n, r) => n + r.cupsAvoided, 0),
    wasteFree: rows.reduce((n, r) => n + r.wasteFree, 0),
    travel: TRAVEL_MODES.reduce((n, m) => n + rows.reduce((k, r) => k + r.travel[m], 0), 0),
    sustainable: SUSTAINABLE_TRAVEL_MODES.reduce((n, m) => n + rows.reduce((k, r) => k + r.travel[m], 0), 0),
  };
}

/** A team's size over the campaign: its largest recorded day. */
function teamSize(rows: readonly DailyAggregate[]): number {
  return rows.reduce((n, r) => Math.max(n, r.participants), 0);
}

type Disclosed = CellsDisclosure<DailyAggregate>;

/** Each team's figures over its disclosed days, or hidden; sorted by name. */
function teamFigures(disclosed: Disclosed, teamIds: readonly string[], teams: readonly OrgTeam[], size: ReadonlyMap<string, number>): ReportTeam[] {
  const nameOf = new Map(teams.map((t) => [t.teamId, t.name]));
  return teamIds
    .map((teamId): ReportTeam => {
      const name = nameOf.get(teamId) ?? teamId;
      const cells = disclosed.byTeam.get(teamId);
      if (cells === undefined) return { teamId, name, figures: HIDDEN };
      const t = totals(cells);
      return {
        teamId,
        name,
        figures: { hidden: false, participants: size.get(teamId) ?? 0, checkIns: t.checkIns, participationRate: rate(t.checkIns, t.participantDays), co2: t.co2 },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * People: the teams shown, plus the other teams (their largest final recorded day) as one residual group when
 * it may show.
 */
function participantsShown(rows: readonly DailyAggregate[], disclosed: Disclosed, teamIds: readonly string[], size: ReadonlyMap<string, number>, today: IsoDate, minimum: number): number {
  const lastFinal = lastFinalDay(today);
  const hiddenGroups = teamIds
    .filter((id) => !disclosed.byTeam.has(id))
    .map((id) => ({ key: id, people: teamSize(rows.filter((r) => r.teamId === id && r.date <= lastFinal)) }));
  return (
    [...disclosed.byTeam.keys()].reduce((n, id) => n + (size.get(id) ?? 0), 0) +
    (residualMayShow(hiddenGroups, minimum) ? hiddenGroups.reduce((n, g) => n + g.people, 0) : 0)
  );
}

/** The organisation's figures per campaign day, only the days whose group reached the minimum. */
function dailySeries(campaign: Campaign, disclosed: Disclosed, minimum: number): ReportDay[] {
  return campaignDaysOf(campaign)
    .map((date) => {
      const t = totals(disclosed.organisation.filter((r) => r.date === date));
      return { date, participants: t.participantDays, checkIns: t.checkIns, participationRate: rate(t.checkIns, t.participantDays), co2: t.co2, wasteFree: t.wasteFree };
    })
    .filter((d) => d.participants >= minimum);
}

/** The campaign's barriers by status and theme, and the ten actions that carry most of them. */
function barrierSummary(barriers: readonly Barrier[], actions: readonly { action: Action }[]): ReportResponse['barriers'] {
  const byStatus = counts<BarrierStatus>(BARRIER_STATUSES);
  const byTheme = counts<Theme>(THEMES);
  for (const b of barriers) {
    byStatus[b.status]++;
    byTheme[b.theme]++;
  }
  const campaignBarrierIds = new Set(barriers.map((b) => b.barrierId));
  const top: ReportBarrierCluster[] = actions
    .map(({ action: a }) => ({
      actionId: a.actionId,
      title: a.title,
      theme: a.theme,
      status: a.status,
      owner: a.owner,
      barrierCount: a.barrierIds.filter((id) => campaignBarrierIds.has(id)).length,
    }))
    .filter((c) => c.barrierCount > 0)
    .sort((a, b) => b.barrierCount - a.barrierCount || a.title.nl.localeCompare(b.title.nl, 'nl'))
    .slice(0, 10);
  return { total: barriers.length, byStatus, byTheme, top };
}

/** The organisation's participation and impact, or both hidden below the minimum group size. */
function organisationFigures(disclosed: Disclosed, participants: number, reportTeams: readonly ReportTeam[], minimum: number): Pick<ReportResponse, 'participation' | 'impact'> {
  const all = totals(disclosed.organisation);
  if (participants < minimum || disclosed.organisation.length === 0) return { participation: HIDDEN, impact: HIDDEN };
  return {
    participation: {
      hidden: false,
      participants,
      checkIns: all.checkIns,
      participationRate: rate(all.checkIns, all.participantDays),
      teamsShown: reportTeams.filter((t) => !t.figures.hidden).length,
      teamsHidden: reportTeams.filter((t) => t.figures.hidden).length,
    },
    impact: {
      hidden: false,
      co2: all.co2,
      cupsAvoided: all.cupsAvoided,
      wasteFreeDays: all.wasteFree,
      sustainableTravelShare: all.travel === 0 ? 0 : all.sustainable / all.travel,
      factorVersion: FACTOR_TABLE_VERSION,
      sources: { nl: impactSources('nl'), en: impactSources('en') },
    },
  };
}

export async function getReport(ctx: TabApiContext, principal: Principal, req: Request): Promise<ReportResponse> {
  requireRole(principal, 'coordinator');
  const org = orgOf(ctx);
  const minimum = ctx.config.minGroupSize;
  const { value: campaign } = await campaignFor(ctx, queryParam(req, 'campaignId'));
  const [rows, teams, barriers, actions] = await Promise.all([
    ctx.repos.dailyAggregates.listCampaign(campaign.campaignId),
    ctx.repos.orgTeams.list(org),
    ctx.repos.barriers.list(org, { campaignId: campaign.campaignId }),
    ctx.repos.actions.list(org),
  ]);

  // Only what the disclosure rule lets out (shared/src/privacy/disclosure.ts): each team's final days whose
  // recorded group reached the minimum, and the organisation's totals with the rest as one residual group or none.
  const today = todayIn(ctx.now());
  const disclosed = discloseCells(rows, today, minimum);
  const allTeamIds = [...new Set([...teams.map((t) => t.teamId), ...rows.map((r) => r.teamId)])];
  const size = new Map(allTeamIds.map((id) => [id, teamSize(disclosed.byTeam.get(id) ?? [])]));
  const reportTeams = teamFigures(disclosed, allTeamIds, teams, size);
  const participants = participantsShown(rows, disclosed, allTeamIds, size, today, minimum);
  const actionsByStatus = counts<ActionStatus>(ACTION_STATUSES);
  for (const { action } of actions) actionsByStatus[action.status]++;

  return {
    campaign: {
      campaignId: campaign.campaignId,
      name: campaign.name,
      startDate: campaign.startDate,
      endDate: campaign.endDate,
      days: campaignDaysOf(campaign).length,
    },
    generatedAt: ctx.now().toISOString(),
    minGroupSize: minimum,
    ...organisationFigures(disclosed, participants, reportTeams, minimum),
    series: dailySeries(campaign, disclosed, minimum),
    teams: reportTeams,
    barriers: barrierSummary(barriers, actions),
    actions: { total: actions.length, byStatus: actionsByStatus },
  };
}
