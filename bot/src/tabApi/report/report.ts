import type { Request } from 'restify';
import type { Hidden, ReportBarrierCluster, ReportDay, ReportResponse, ReportTeam } from '../../../../shared/src/api/report';
import type { DailyAggregate } from '../../../../shared/src/domain/aggregates';
import {
  ACTION_STATUSES,
  BARRIER_STATUSES,
  SUSTAINABLE_TRAVEL_MODES,
  THEMES,
  TRAVEL_MODES,
  type ActionStatus,
  type BarrierStatus,
  type KgRange,
  type Theme,
} from '../../../../shared/src/domain/types';
import { FACTOR_TABLE_VERSION, impactSources, sumRanges } from '../../../../shared/src/impact';
import { suppressComplementary } from '../../../../shared/src/privacy';
import { campaignDaysOf } from '../../features/checkin/campaignDay';
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

/** Totals of a set of team-days; only days with a recorded participant count enter the rate. */
function totals(rows: readonly DailyAggregate[]) {
  const counted = rows.filter((r) => r.participants > 0);
  return {
    checkIns: rows.reduce((n, r) => n + r.checkIns, 0),
    rateCheckIns: counted.reduce((n, r) => n + r.checkIns, 0),
    participantDays: counted.reduce((n, r) => n + r.participants, 0),
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

  const rowsByTeam = new Map<string, DailyAggregate[]>();
  for (const r of rows) rowsByTeam.set(r.teamId, [...(rowsByTeam.get(r.teamId) ?? []), r]);
  const teamIds = [...new Set([...teams.map((t) => t.teamId), ...rowsByTeam.keys()])];
  const size = new Map(teamIds.map((id) => [id, teamSize(rowsByTeam.get(id) ?? [])]));
  // A team without any figures adds nothing to a total, so hiding it protects nobody: it is hidden, but not
  // counted as a hidden cell (else one real hidden team beside it would escape complementary suppression).
  const withFigures = teamIds.filter((id) => (rowsByTeam.get(id) ?? []).some((r) => r.participants > 0 || r.checkIns > 0));
  const hiddenTeams = suppressComplementary(
    withFigures.map((id) => ({ key: id, participants: size.get(id) ?? 0 })),
    minimum,
    true,
  );
  for (const id of teamIds) if (!withFigures.includes(id)) hiddenTeams.add(id);
  const nameOf = new Map(teams.map((t) => [t.teamId, t.name]));
  const reportTeams: ReportTeam[] = teamIds
    .map((teamId): ReportTeam => {
      const name = nameOf.get(teamId) ?? teamId;
      if (hiddenTeams.has(teamId)) return { teamId, name, figures: HIDDEN };
      const t = totals(rowsByTeam.get(teamId) ?? []);
      return {
        teamId,
        name,
        figures: { hidden: false, participants: size.get(teamId) ?? 0, checkIns: t.checkIns, participationRate: rate(t.rateCheckIns, t.participantDays), co2: t.co2 },
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'));

  const participants = [...size.values()].reduce((n, s) => n + s, 0);
  const all = totals(rows);
  const orgVisible = participants >= minimum;
  const series: ReportDay[] = campaignDaysOf(campaign)
    .map((date) => {
      const day = rows.filter((r) => r.date === date);
      const t = totals(day);
      return {
        date,
        participants: day.reduce((n, r) => n + r.participants, 0),
        checkIns: t.checkIns,
        participationRate: rate(t.rateCheckIns, t.participantDays),
        co2: t.co2,
        wasteFree: t.wasteFree,
      };
    })
    .filter((d) => d.participants >= minimum);

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
    participation: orgVisible
      ? {
          hidden: false,
          participants,
          checkIns: all.checkIns,
          participationRate: rate(all.rateCheckIns, all.participantDays),
          teamsShown: reportTeams.filter((t) => !t.figures.hidden).length,
          teamsHidden: reportTeams.filter((t) => t.figures.hidden).length,
        }
      : HIDDEN,
    impact: orgVisible
      ? {
          hidden: false,
          co2: all.co2,
          cupsAvoided: all.cupsAvoided,
          wasteFreeDays: all.wasteFree,
          sustainableTravelShare: all.travel === 0 ? 0 : all.sustainable / all.travel,
          factorVersion: FACTOR_TABLE_VERSION,
          sources: { nl: impactSources('nl'), en: impactSources('en') },
        }
      : HIDDEN,
    series,
    teams: reportTeams,
    barriers: { total: barriers.length, byStatus, byTheme, top },
    actions: { total: actions.length, byStatus: actionsByStatus },
  };
}
