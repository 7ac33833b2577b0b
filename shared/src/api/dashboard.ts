import type { CampaignStatus } from '../domain/campaign';
import type { IdeaStatus } from '../domain/programme';
import type { ActionStatus, BarrierStatus, IsoDate, KgRange, Localized, Theme, TravelMode } from '../domain/types';

/**
 * Team dashboard and organisation overview (issue 5, Build 1 and 2). Every figure comes from the per-team daily
 * aggregates (never single check-ins) and passes the minimum-group-size rule first.
 *
 *   GET /api/teams/:teamId/dashboard → TeamDashboardResponse  (the team's members, its managers, coordinators)
 *   GET /api/org/overview            → OrgOverviewResponse    (everyone signed in: teams only, never people)
 *
 * Shares are fractions 0..1 (the tab formats them as percentages); CO2 is kg CO2-eq as a range.
 */

/**
 * Why a team shows no numbers: fewer active participants than the minimum group size. (Hidden teams enter the
 * organisation's totals only together, as one residual group: shared/src/privacy/disclosure.ts.)
 */
export type SuppressionReason = 'below_minimum_group_size';
export interface SuppressedReason {
  readonly reason: SuppressionReason;
  /** The minimum group size in force (config `MIN_GROUP_SIZE`, default 5). */
  readonly minimum: number;
}

/** The campaign a dashboard is about. */
export interface CampaignInfo {
  readonly campaignId: string;
  readonly name: Localized;
  readonly status: CampaignStatus;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** The campaign's challenge days (working days), in order. */
  readonly days: readonly IsoDate[];
  /** Challenge days up to and including today. */
  readonly daysSoFar: number;
  /** Today in Europe/Amsterdam. */
  readonly today: IsoDate;
}

/** One challenge day of a team. */
export interface DayPoint {
  readonly date: IsoDate;
  /** 1-based challenge day. */
  readonly day: number;
  readonly checkIns: number;
  readonly wasteFree: number;
  /** Check-ins / active participants that day (0..1). */
  readonly participationRate: number;
}

/** Where the CO2 estimate's factors come from (shown under the figure). */
export interface FactorSourceInfo {
  readonly id: string;
  readonly name: Localized;
  readonly url: string | null;
  /** False while the figures have not been checked against the original publication. */
  readonly verified: boolean;
}

export interface ImpactInfo {
  /** Estimated kg CO2-eq avoided so far, low ≤ mid ≤ high. */
  readonly co2: KgRange;
  readonly cupsAvoided: number;
  /** Version of the factor table the estimates used. */
  readonly factorVersion: string;
  readonly sources: readonly FactorSourceInfo[];
}

/** Baseline (nulmeting, the survey at joining) against the check-ins so far. */
export interface BaselineComparison {
  /** Participants who answered the baseline survey. */
  readonly respondents: number;
  /** Share commuting sustainably (bike, walking, e-bike, public transport, home): baseline and now. */
  readonly sustainableTravel: { readonly baseline: number; readonly now: number | null };
  /** Baseline: share that never uses disposable packaging; now: share of waste-free check-ins. */
  readonly wasteFree: { readonly baseline: number; readonly now: number | null };
}

/** The figures of one team (or of the whole organisation). */
export interface TeamFigures {
  /** Active participants now (the minimum group size is checked against this). */
  readonly participants: number;
  /** Check-ins per person recorded, over the disclosed (final) days (0..1). */
  readonly participationRate: number;
  readonly checkIns: number;
  /** Check-ins that were a waste-free day. */
  readonly wasteFreeDays: number;
  /** Check-ins per travel mode. */
  readonly travel: Readonly<Record<TravelMode, number>>;
  /** Share of check-ins with a sustainable travel mode (0..1); null without check-ins. */
  readonly sustainableTravelShare: number | null;
  readonly impact: ImpactInfo;
}

/** The team's barriers (prikkels) and ideas, anonymous, with what became of them. */
export interface TeamBarrier {
  readonly reference: string;
  readonly theme: Theme;
  readonly text: string;
  readonly status: BarrierStatus;
  readonly createdAt: string;
  /** The action it joined, when linked. */
  readonly action: { readonly actionId: string; readonly title: Localized; readonly status: ActionStatus } | null;
}
export interface TeamIdea {
  readonly reference: string;
  readonly theme: Theme;
  readonly text: string;
  readonly status: IdeaStatus;
  readonly createdAt: string;
}

export interface TeamDashboardVisible {
  readonly suppressed: false;
  readonly teamId: string;
  readonly teamName: string;
  readonly campaign: CampaignInfo | null;
  readonly figures: TeamFigures;
  readonly perDay: readonly DayPoint[];
  /** Null while fewer baseline answers than the minimum group size exist. */
  readonly baseline: BaselineComparison | null;
  /** The same figures for the whole organisation, for "the team beside the organisation average". */
  readonly organisation: TeamFigures | null;
  readonly barriers: readonly TeamBarrier[];
  readonly ideas: readonly TeamIdea[];
}

/** Below the minimum group size: why, and no numbers, no texts. */
export interface TeamDashboardSuppressed extends SuppressedReason {
  readonly suppressed: true;
  readonly teamId: string;
  readonly teamName: string;
  readonly campaign: CampaignInfo | null;
}

export type TeamDashboardResponse = TeamDashboardVisible | TeamDashboardSuppressed;

/** One team in the organisation overview. */
export type OrgTeamRow =
  | {
      readonly suppressed: false;
      readonly teamId: string;
      readonly name: string;
      /** 1 = highest participation rate (ties share a rank); suppressed teams have none. */
      readonly rank: number;
      readonly participants: number;
      readonly participationRate: number;
      readonly checkIns: number;
      readonly wasteFreeDays: number;
      readonly co2: KgRange;
      /** Sustainable travel share now minus at baseline (fraction points); null without enough baseline answers. */
      readonly improvement: number | null;
    }
  | ({ readonly suppressed: true; readonly teamId: string; readonly name: string } & SuppressedReason);

export interface OrgOverviewResponse {
  readonly campaign: CampaignInfo | null;
  /** Visible teams by participation rate (highest first), then suppressed teams by name; empty without a campaign. */
  readonly teams: readonly OrgTeamRow[];
  /** Totals over all teams of the campaign (hidden only if the whole organisation is below the minimum). */
  readonly totals: TeamFigures | null;
  /** Improvement of the whole organisation against its baseline; null without enough baseline answers. */
  readonly baseline: BaselineComparison | null;
  readonly minimumGroupSize: number;
}
