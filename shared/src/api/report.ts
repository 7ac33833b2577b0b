import type { ActionStatus, BarrierStatus, IsoDate, KgRange, Localized, Theme } from '../domain/types';

/**
 * The printable campaign report (issue 5, Build 6), coordinators only:
 *
 *   GET /api/report[?campaignId=]  → ReportResponse  (default: the running campaign, else the latest)
 *
 * Every figure passes the disclosure rule (shared/src/privacy/disclosure.ts): a team's figures are its final days
 * with at least `minGroupSize` people recorded; a team without any is `hidden` (no numbers); the totals add the
 * hidden teams only together, as one residual group, when that group may show.
 */

export type Hidden = { readonly hidden: true; readonly reason: 'below_minimum_group_size' };

export interface ReportDay {
  readonly date: IsoDate;
  /** Active participants that day across every team. */
  readonly participants: number;
  readonly checkIns: number;
  /** checkIns / participants, 0..1. */
  readonly participationRate: number;
  readonly co2: KgRange;
  readonly wasteFree: number;
}

export interface ReportTeam {
  readonly teamId: string;
  readonly name: string;
  readonly figures:
    | {
        readonly hidden: false;
        readonly participants: number;
        readonly checkIns: number;
        readonly participationRate: number;
        readonly co2: KgRange;
      }
    | Hidden;
}

export interface ReportBarrierCluster {
  readonly actionId: string;
  readonly title: Localized;
  readonly theme: Theme;
  readonly status: ActionStatus;
  readonly owner: string;
  readonly barrierCount: number;
}

export interface ReportResponse {
  readonly campaign: {
    readonly campaignId: string;
    readonly name: Localized;
    readonly startDate: IsoDate;
    readonly endDate: IsoDate;
    readonly days: number;
  } | null;
  readonly generatedAt: string;
  readonly minGroupSize: number;
  /**
   * Organisation totals over every team (hidden teams' figures are inside the totals, which is why one hidden team
   * hides a second). Hidden when the whole organisation is below the group size.
   */
  readonly participation:
    | {
        readonly hidden: false;
        /** Active participants (sum over teams of each team's largest recorded day). */
        readonly participants: number;
        readonly checkIns: number;
        /** check-ins / participant-days, 0..1. */
        readonly participationRate: number;
        readonly teamsShown: number;
        readonly teamsHidden: number;
      }
    | Hidden;
  readonly impact:
    | {
        readonly hidden: false;
        readonly co2: KgRange;
        readonly cupsAvoided: number;
        readonly wasteFreeDays: number;
        readonly sustainableTravelShare: number;
        readonly factorVersion: string;
        /** Source lines in nl and en (impactSources). */
        readonly sources: Readonly<Record<'nl' | 'en', readonly string[]>>;
      }
    | Hidden;
  /** Per campaign day, over every team; a day whose participants fall below the group size is left out. */
  readonly series: readonly ReportDay[];
  readonly teams: readonly ReportTeam[];
  readonly barriers: {
    readonly total: number;
    readonly byStatus: Readonly<Record<BarrierStatus, number>>;
    readonly byTheme: Readonly<Record<Theme, number>>;
    /** Actions carrying the most barriers, most first (at most 10). */
    readonly top: readonly ReportBarrierCluster[];
  };
  readonly actions: { readonly total: number; readonly byStatus: Readonly<Record<ActionStatus, number>> };
}
