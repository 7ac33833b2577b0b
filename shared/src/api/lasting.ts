import type { KeptAnswer } from '../domain/followUp';
import type { DistanceBand, Frequency, IsoDate, Localized, TravelMode } from '../domain/types';

/**
 * "Wat bleef / What lasted" (issue 15, item 4): after a campaign, the end survey (eindmeting) beside the baseline
 * (nulmeting), and per follow-up wave (+2/+6/+12 weeks) the share of pledges kept: ja / soms / nee, per habit and
 * overall.
 *
 *   GET /api/teams/:teamId/lasting[?campaignId=]  → LastingTeamResponse    (the team's members, its managers, coordinators)
 *   GET /api/org/lasting[?campaignId=]            → LastingOrgResponse     (everyone signed in: teams only, never people)
 *   GET /api/report/lasting[?campaignId=]         → LastingReportResponse  (coordinators: the organisation and every team)
 *   GET /api/me/lasting                           → MyLastingResponse      (my own pledges, end survey and pulse answers)
 *   PUT /api/me/pledges/:campaignId               PledgesBody → 200 MyPledge (change my pledge; the bot's rules)
 *
 * The body of the PUT is ./lastingBody.ts (with zod, which the tab's pages need not load).
 *
 * Default campaign: the one that ended last and whose first follow-up wave has gone out, else the last that ended,
 * else the running one. Every cell passes the minimum group size and the disclosure rule (docs/privacy.md, "What
 * lasted"): a hidden cell carries no number at all. Shares are fractions 0..1.
 */

/** A cell below the minimum group size (or one that could be subtracted to such a group): why, and no numbers. */
export interface LastingHidden {
  readonly hidden: true;
  readonly reason: 'below_minimum_group_size';
}

/** "Doe je dit nog?" answers of one group: how many answers, and the share of each answer. */
export interface KeptShares {
  readonly hidden: false;
  /** Answers behind the shares (one per person per pledged habit). */
  readonly answers: number;
  readonly ja: number;
  readonly soms: number;
  readonly nee: number;
}
export type KeptCell = KeptShares | LastingHidden;

/** The questions of the baseline survey (nulmeting), asked again in the end survey (eindmeting). */
export const SURVEY_QUESTIONS = ['commuteMode', 'distanceBand', 'disposablePackaging', 'screensOffAtNight', 'lightsOffWhenLeaving'] as const;
export type SurveyQuestion = (typeof SURVEY_QUESTIONS)[number];
/** A yes/no question's answers, as option keys. */
export type YesNo = 'yes' | 'no';
/** The answer options of each question, as keys. */
export interface SurveyOptions {
  readonly commuteMode: TravelMode;
  readonly distanceBand: DistanceBand;
  readonly disposablePackaging: Frequency;
  readonly screensOffAtNight: YesNo;
  readonly lightsOffWhenLeaving: YesNo;
}

/** One survey's answers of one group: how many people, and per question the share of each option. */
export interface SurveyShares {
  readonly hidden: false;
  readonly respondents: number;
  readonly questions: { readonly [Q in SurveyQuestion]: Readonly<Record<SurveyOptions[Q], number>> };
}
export type SurveyCell = SurveyShares | LastingHidden;

/**
 * Nulmeting → eindmeting of one group. Basis: everyone in the group who answered that survey (the two columns may
 * hold different people; each says how many). The end survey's answers can be corrected until the first wave goes
 * out, so its column shows only after that (`endFinal`).
 */
export interface SurveyComparison {
  readonly baseline: SurveyCell;
  /** Null while the end survey can still be answered or corrected. */
  readonly end: SurveyCell | null;
  readonly endFinal: boolean;
}

/** One habit that was pledged, with its "keep it" phrasing. */
export interface LastingHabit {
  readonly challengeId: string;
  readonly phrase: Localized;
}

/**
 * One follow-up wave of one group. `planned`: not sent yet; `open`: sent, answers still count (its figures would
 * move with one person's answer, so none are shown yet); `final`: its answers no longer change.
 */
export interface LastingWave {
  readonly wave: number;
  readonly weeks: number;
  readonly sendOn: IsoDate;
  readonly openUntil: IsoDate;
  readonly state: 'planned' | 'open' | 'final';
  /** Final waves only: every answer of the group's habits that are shown (hidden habits never enter it). */
  readonly overall: KeptCell | null;
  /** Final waves only: one cell per habit of the campaign, in the day plan's order. */
  readonly habits: readonly { readonly challengeId: string; readonly cell: KeptCell }[];
}

/** What lasted for one group (a team, or the organisation). */
export interface LastingFigures {
  readonly surveys: SurveyComparison;
  readonly waves: readonly LastingWave[];
}

/** A campaign the view can be about (the selector lists them, newest first). */
export interface LastingCampaignInfo {
  readonly campaignId: string;
  readonly name: Localized;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  /** The last challenge day (the waves count from it). */
  readonly lastDay: IsoDate;
}

interface LastingBase {
  /** The campaign shown; null when no campaign has ended or runs yet (the tab's empty state). */
  readonly campaign: LastingCampaignInfo | null;
  /** Campaigns to choose from (ended, or running), newest first. */
  readonly campaigns: readonly LastingCampaignInfo[];
  /** The campaign's habits, in its day plan's order. */
  readonly habits: readonly LastingHabit[];
  readonly minimumGroupSize: number;
  readonly today: IsoDate;
}

export interface LastingTeamResponse extends LastingBase {
  readonly teamId: string;
  readonly teamName: string;
  /** Null without a campaign. */
  readonly figures: LastingFigures | null;
}

export interface LastingOrgResponse extends LastingBase {
  readonly figures: LastingFigures | null;
}

/** The report: the organisation, and each team's overall share per final wave (a team is never a person). */
export interface LastingReportResponse extends LastingBase {
  readonly figures: LastingFigures | null;
  readonly teams: readonly {
    readonly teamId: string;
    readonly name: string;
    readonly waves: readonly { readonly wave: number; readonly overall: KeptCell | null }[];
  }[];
}

/** My pledge of one campaign, with my end survey and my answers per wave. */
export interface MyPledge {
  readonly campaign: LastingCampaignInfo;
  readonly challengeIds: readonly string[];
  readonly help: string | null;
  readonly updatedAt: string;
  /** Whether I may still change it (the bot's rule: a pledge I made, of a campaign of the organisation). */
  readonly editable: boolean;
  /** The habits I may pick from (the campaign's challenges). */
  readonly choices: readonly LastingHabit[];
}

export interface MyEndSurvey {
  readonly campaignId: string;
  readonly answers: { readonly [Q in SurveyQuestion]: SurveyOptions[Q] };
  /** The same questions at the baseline, when I answered it. */
  readonly baseline: { readonly [Q in SurveyQuestion]: SurveyOptions[Q] } | null;
  readonly answeredAt: string;
}

export interface MyWaveAnswers {
  readonly campaignId: string;
  readonly wave: number;
  readonly sendOn: IsoDate | null;
  readonly answers: readonly { readonly challengeId: string; readonly phrase: Localized; readonly kept: KeptAnswer }[];
  readonly answeredAt: string;
}

export interface MyLastingResponse {
  readonly enrolled: boolean;
  /** My pledges, newest campaign first. */
  readonly pledges: readonly MyPledge[];
  readonly endSurveys: readonly MyEndSurvey[];
  readonly waves: readonly MyWaveAnswers[];
}
