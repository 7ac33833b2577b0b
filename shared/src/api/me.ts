import { z } from 'zod';
import type { Challenge } from '../catalogue/challenge';
import type { ParticipantStatus } from '../domain/organisation';
import { REPORT_TEXT_MAX } from '../domain/programme';
import {
  CHECKIN_OUTCOMES,
  DISTANCE_BAND_KEYS,
  LANGUAGES,
  THEMES,
  TRAVEL_MODES,
  type CheckInOutcome,
  type DistanceBand,
  type IsoDate,
  type KgRange,
  type Language,
  type LocalTime,
  type TravelMode,
} from '../domain/types';
import type { CampaignInfo, ImpactInfo } from './dashboard';

/**
 * "My progress" (issue 5, Build 3): the caller's own days, streak, check-ins, impact, settings, export and delete.
 * Every route acts on the caller only; there is no user id in any path.
 *
 *   GET    /api/me                  → MeResponse
 *   PUT    /api/me/checkins/:date   CheckInBody → 200 CheckInSaved (400 closed day, 409 already there, 412 stale)
 *   PUT    /api/me/settings         SettingsBody → 200 MySettings
 *   GET    /api/me/export           → the "mijn gegevens" JSON document (as the bot's download), attachment
 *   DELETE /api/me                  DeleteMeBody `{confirm: true}` → 200 DeleteMeResponse
 */

/** The nudge time window (mirrors the bot's enrolment rule; the server checks it). */
export const NUDGE_TIME_WINDOW = { min: '07:00', max: '11:00' } as const;
/** Longest barrier or idea text on a check-in (characters, as people count them). */
export const CHECKIN_TEXT_MAX = REPORT_TEXT_MAX;
/** Most disposable cups one day can count (a typo guard, as on the card). */
export const CUPS_MAX = 50;

/** One of my check-ins. */
export interface MyCheckIn {
  readonly date: IsoDate;
  readonly day: number;
  readonly challengeId: string;
  readonly outcome: CheckInOutcome;
  readonly travelMode: TravelMode;
  readonly distanceBand: DistanceBand;
  readonly wasteFree: boolean;
  /** Answer to the day's yes/no question; null for a count question. */
  readonly challengeAnswer: boolean | null;
  readonly cupsAvoided: number;
  readonly impact: KgRange;
  readonly updatedAt: string;
  /** The stored version, while editable: send it back as `etag` to change this check-in; null otherwise. */
  readonly etag: string | null;
  /** True for today and yesterday while the campaign runs (the bot's rule). */
  readonly editable: boolean;
}

/** A day I can still check in for or change: today or yesterday, when it is a challenge day. */
export interface OpenDay {
  readonly date: IsoDate;
  readonly day: number;
  readonly challenge: Pick<Challenge, 'id' | 'theme' | 'title' | 'action' | 'tip' | 'question'>;
  readonly checkIn: MyCheckIn | null;
}

export interface MySettings {
  readonly nudgeTime: LocalTime;
  readonly language: Language;
  /** `active` gets nudges; `paused` does not. */
  readonly status: Exclude<ParticipantStatus, 'left'>;
}

export interface MyProgress {
  /** Consecutive challenge days with a check-in (today may still be open). */
  readonly streak: number;
  readonly daysCheckedIn: number;
  readonly daysSoFar: number;
  readonly totalDays: number;
  readonly done: number;
  readonly partly: number;
}

export interface MeResponse {
  /** False when the caller has not joined (then only `campaign` is filled; join through the bot). */
  readonly enrolled: boolean;
  readonly teamId: string | null;
  readonly teamName: string | null;
  readonly settings: MySettings | null;
  readonly campaign: CampaignInfo | null;
  readonly progress: MyProgress | null;
  /** My check-ins of this campaign, newest first. */
  readonly checkIns: readonly MyCheckIn[];
  /** Today and yesterday, where they are challenge days, newest first. */
  readonly openDays: readonly OpenDay[];
  /** My estimated impact in this campaign. */
  readonly impact: ImpactInfo | null;
  /**
   * Whether I gave a baseline (nulmeting): without it, my travel counts 0 in the estimate (we do not know how I
   * would otherwise have travelled, so nothing is guessed; see `travelAvoided` in shared/src/impact/estimate.ts).
   */
  readonly hasBaseline: boolean;
}

/**
 * A barrier or idea text as sent. Its limit ({@link CHECKIN_TEXT_MAX} characters) is counted by the server after
 * control and bidi characters are removed and the text is trimmed, and a longer one is refused naming that limit;
 * the raw string is bounded by the request body limit only (a bound here would name another number).
 */
const text = z.string();

/** The body of `PUT /api/me/checkins/:date`. */
export const checkInBodySchema = z.strictObject({
  outcome: z.enum(CHECKIN_OUTCOMES),
  travelMode: z.enum(TRAVEL_MODES),
  distanceBand: z.enum(DISTANCE_BAND_KEYS as [DistanceBand, ...DistanceBand[]]),
  wasteFree: z.boolean(),
  /** The day's own question: a boolean for yes/no, a whole number of cups (0..{@link CUPS_MAX}) for a count. */
  challenge: z.union([z.boolean(), z.number().int().min(0).max(CUPS_MAX)]),
  theme: z.enum(THEMES).optional(),
  barrierText: text.optional(),
  /** "You may contact me about this barrier" (otherwise it is stored anonymously). */
  barrierContact: z.boolean().optional(),
  ideaText: text.optional(),
  /** null (or absent) for a first check-in; the `etag` of the version shown, to change it. */
  etag: z.string().min(1).max(200).nullable().optional(),
});
export type CheckInBody = z.infer<typeof checkInBodySchema>;

export interface CheckInSaved {
  readonly checkIn: MyCheckIn;
  /** `created` for a first check-in, `changed` for a correction. */
  readonly how: 'created' | 'changed';
  /** The reference codes of a barrier or idea filed with it. */
  readonly barrierReference: string | null;
  readonly ideaReference: string | null;
}

/** The body of `PUT /api/me/settings`: any of the three, at least one. */
export const settingsBodySchema = z
  .strictObject({
    nudgeTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: 'expected HH:mm' }).optional(),
    language: z.enum(LANGUAGES).optional(),
    paused: z.boolean().optional(),
  })
  .refine((b) => b.nudgeTime !== undefined || b.language !== undefined || b.paused !== undefined, { error: 'nothing to change' });
export type SettingsBody = z.infer<typeof settingsBodySchema>;

/** The body of `DELETE /api/me`: deletion is final, so it must be confirmed explicitly. */
export const deleteMeBodySchema = z.strictObject({ confirm: z.literal(true) });
export type DeleteMeBody = z.input<typeof deleteMeBodySchema>;

/**
 * `GET /api/me/export`: everything stored about the caller, as a JSON file download (its layout is the bot's,
 * bot/src/features/myData/exportRoute.ts, versioned by its `version` field).
 */
export type MyDataExport = Readonly<Record<string, unknown>>;

export interface DeleteMeResponse {
  readonly deleted: {
    readonly profile: boolean;
    readonly checkIns: number;
    /** Baseline and end surveys. */
    readonly surveys: number;
    readonly pledges: number;
    /** Answers to follow-ups ("terugblik"). */
    readonly followUps: number;
    /** Barriers and ideas whose contact was removed (the reports stay, anonymous). */
    readonly reports: number;
    /** "Herken ik" marks withdrawn (the barriers' counts go down). */
    readonly recognitions: number;
    /** Actions the person owned in the app: the owner link removed (the actions stay). */
    readonly ownedActions: number;
    readonly conversationRefs: number;
    /** Team cards the person switched last: who switched them is no longer known (the switch stays). */
    readonly teamCards: number;
    /** Organisation teams that no longer name the person as a manager (the team stays). */
    readonly managedTeams: number;
  };
}
