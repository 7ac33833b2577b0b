import { z } from 'zod';
import { CHALLENGE_TEXT_LIMITS } from '../catalogue/challenge';
import type { CampaignStatus } from '../domain/campaign';
import { CAMPAIGN_STATUSES } from '../domain/campaign';
import { followUpWeeksRule } from '../domain/followUp';
import type { SendKind, SendRun } from '../domain/sending';
import type { IsoDate, Localized, Theme } from '../domain/types';
import { boundedText, idField, isoDateField } from './programme';

/**
 * The campaign admin API (issue 5, Build 6), coordinators only. Every change is recorded in the audit log.
 *
 *   GET /api/admin/campaign          → CampaignAdminResponse
 *   PUT /api/admin/campaign          CampaignBody (If-Match: the campaign's etag when it exists) → CampaignResponse
 *   GET /api/admin/dayplan[?campaignId=]  → DayPlanResponse
 *   PUT /api/admin/dayplan           DayPlanBody (If-Match: the campaign's etag) → DayPlanResponse
 *   GET /api/admin/teams             → TeamsAdminResponse
 *   PUT /api/admin/teams             TeamsBody → TeamsAdminResponse   (the whole list; a team left out is removed)
 *   GET /api/admin/coordinators      → CoordinatorsResponse
 *   PUT /api/admin/coordinators      CoordinatorsBody → CoordinatorsResponse (the whole list)
 *   GET /api/admin/send-runs         → SendRunsResponse
 *   GET /api/admin/export.csv[?campaignId=]  → text/csv; charset=utf-8 (BOM, `;` separated, decimal comma)
 *
 * Validation failures are VALIDATION_FAILED with `details.issues` ([{path, rule}]); rules include
 * `end_before_start`, `longer_than_a_year`, `closing_day_outside`, `too_short_for_day_plan`,
 * `unknown_challenge`, `duplicate`, `last_coordinator`, `not_a_participant`, `team_has_members`, and for the
 * follow-up waves `follow_up_not_numbers`, `follow_up_count`, `follow_up_range`, `follow_up_not_rising`,
 * `follow_up_started` (the first wave went out already) and `follow_up_in_past` (a new first wave before today).
 */

/** Longest campaign, from start to end (inclusive days). */
export const CAMPAIGN_MAX_DAYS = 366;
export const CAMPAIGN_NAME_MAX = 100;
export const TEAM_NAME_MAX = 100;
export const TEAM_MANAGERS_MAX = 20;
export const TEAMS_MAX = 200;
export const COORDINATORS_MAX = 50;
export { CHALLENGE_TEXT_LIMITS };

export interface CampaignView {
  readonly campaignId: string;
  readonly name: Localized;
  readonly startDate: IsoDate;
  readonly endDate: IsoDate;
  readonly closingDays: readonly IsoDate[];
  readonly status: CampaignStatus;
  readonly dayPlan: readonly string[];
  /** The campaign's challenge days (working days from the start, holidays and closing days skipped). */
  readonly days: readonly IsoDate[];
  readonly etag: string;
  readonly demo: boolean;
  /** The follow-up waves in weeks after the last challenge day: the campaign's own setting, else +2/+6/+12. */
  readonly followUpWeeks: readonly number[];
  /** The day each wave goes out (holidays and closing days moved to the next working day); empty without challenge days. */
  readonly followUpDates: readonly IsoDate[];
}

export interface CampaignAdminResponse {
  /** The campaign the admin page edits: the running one, else the next, else the latest; null when none. */
  readonly current: CampaignView | null;
  /** Every campaign, oldest start first. */
  readonly campaigns: readonly CampaignView[];
}

export interface CampaignResponse {
  readonly campaign: CampaignView;
}

/**
 * The wave setting in a body: anything is let through to one check, so that a refusal names the rule a coordinator
 * can act on (`follow_up_not_rising`, …) rather than zod's generic codes.
 */
const followUpWeeksField = z.custom<readonly number[]>().superRefine((weeks, ctx) => {
  const rule = followUpWeeksRule(weeks);
  if (rule !== undefined) ctx.addIssue({ code: 'custom', message: rule });
});

/** `PUT /api/admin/campaign`: create (no campaign with that id yet) or change (with `If-Match`). */
export const campaignBodySchema = z
  .object({
    campaignId: z.string().regex(/^[a-z0-9][a-z0-9-]{0,62}$/, { error: 'slug' }),
    name: z.object({ nl: boundedText(CAMPAIGN_NAME_MAX), en: boundedText(CAMPAIGN_NAME_MAX) }),
    startDate: isoDateField,
    endDate: isoDateField,
    closingDays: z.array(isoDateField).max(10).default([]),
    status: z.enum(CAMPAIGN_STATUSES).optional(),
    /** The follow-up waves (weeks after the last challenge day); absent = unchanged (a new campaign: +2/+6/+12). */
    followUpWeeks: followUpWeeksField.optional(),
  })
  .strict();
export type CampaignBody = z.input<typeof campaignBodySchema>;

/** One catalogue entry as the day plan editor shows it. */
export interface CatalogueEntryView {
  readonly id: string;
  readonly day: number;
  readonly theme: Theme;
  readonly title: Localized;
  readonly action: Localized;
  readonly tip: Localized;
  readonly question: { readonly id: string; readonly kind: 'yesno' | 'count'; readonly text: Localized };
}

export interface DayPlanResponse {
  readonly campaignId: string;
  /** The campaign's etag: send it back in `If-Match`. */
  readonly etag: string;
  /** Challenge ids in order: entry n-1 is working day n. */
  readonly dayPlan: readonly string[];
  /** The dates of the plan's days. */
  readonly days: readonly IsoDate[];
  /** The organisation's catalogue (the built-in one until a coordinator edits it). */
  readonly catalogue: readonly CatalogueEntryView[];
  readonly limits: typeof CHALLENGE_TEXT_LIMITS;
}

const text = (max: number) =>
  z
    .object({ nl: boundedText(max), en: boundedText(max) })
    .refine((t) => t.nl !== t.en, { error: 'untranslated' });

/** An edited catalogue entry's texts (id, day, theme and question kind stay). */
export const challengeTextsSchema = z
  .object({
    id: idField,
    title: text(CHALLENGE_TEXT_LIMITS.title),
    action: text(CHALLENGE_TEXT_LIMITS.action),
    tip: text(CHALLENGE_TEXT_LIMITS.tip),
    question: text(CHALLENGE_TEXT_LIMITS.question),
  })
  .strict();
export type ChallengeTexts = z.input<typeof challengeTextsSchema>;

/** `PUT /api/admin/dayplan` (If-Match: the campaign's etag). */
export const dayPlanBodySchema = z
  .object({
    campaignId: idField,
    dayPlan: z.array(idField).min(1).max(10),
    texts: z.array(challengeTextsSchema).max(100).default([]),
  })
  .strict();
export type DayPlanBody = z.input<typeof dayPlanBodySchema>;

export interface TeamAdminView {
  readonly teamId: string;
  readonly name: string;
  readonly managerIds: readonly string[];
  /** Participants in the team (any status). */
  readonly members: number;
  readonly demo: boolean;
}

export interface TeamsAdminResponse {
  readonly teams: readonly TeamAdminView[];
}

/** `PUT /api/admin/teams`: the whole list. A new team has no `teamId` (one is made from its name). */
export const teamsBodySchema = z
  .object({
    teams: z
      .array(
        z
          .object({
            teamId: idField.optional(),
            name: boundedText(TEAM_NAME_MAX),
            managerIds: z.array(idField).max(TEAM_MANAGERS_MAX).default([]),
          })
          .strict(),
      )
      .max(TEAMS_MAX),
  })
  .strict();
export type TeamsBody = z.input<typeof teamsBodySchema>;

export interface PersonView {
  readonly userId: string;
  readonly teamId: string;
  readonly teamName: string;
  readonly roles: readonly string[];
  readonly status: string;
}

export interface CoordinatorsResponse {
  readonly coordinators: readonly PersonView[];
  /** Every participant of the organisation (for the coordinator and manager pickers). */
  readonly people: readonly PersonView[];
}

/** `PUT /api/admin/coordinators`: the whole list; an empty one is refused (rule `last_coordinator`). */
export const coordinatorsBodySchema = z.object({ userIds: z.array(idField).max(COORDINATORS_MAX) }).strict();
export type CoordinatorsBody = z.input<typeof coordinatorsBodySchema>;

/** One run of a sending job with its figures, as stored (shared/src/domain/sending.ts). */
export type SendRunView = SendRun;

export interface SendRunsResponse {
  /** Newest first, at most 10 per kind. */
  readonly runs: Readonly<Record<SendKind, readonly SendRunView[]>>;
}

/** Columns of the CSV export, in order. */
export const EXPORT_CSV_COLUMNS = [
  'campaign',
  'team_id',
  'team',
  'date',
  'participants',
  'check_ins',
  'done',
  'partly',
  'not_today',
  'waste_free',
  'cups_avoided',
  'travel_fiets',
  'travel_lopen',
  'travel_ebike',
  'travel_ov',
  'travel_auto',
  'travel_eauto',
  'travel_thuis',
  'co2_low_kg',
  'co2_mid_kg',
  'co2_high_kg',
  'suppressed',
] as const;

