/**
 * Domain vocabulary shared by the bot and the tab. Pure types and constant lists: no SDK, no Node, no DOM.
 * The lists are `as const` tuples so that a schema (zod in the bot) and a union type come from one place.
 */

/** Languages every user-facing text exists in. Dutch is the source and the default. */
export const LANGUAGES = ['nl', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'nl';
/** A text in every language: `nl` is the source, `en` the translation. */
export type Localized = Readonly<Record<Language, string>>;

/** The three themes of Soest's integrated sustainability programme (BRIEF.md). */
export const THEMES = ['circulariteit', 'energietransitie', 'mvoi'] as const;
export type Theme = (typeof THEMES)[number];

/** The five embedding dimensions; theme × dimension is the kansenkaart (opportunity map). */
export const DIMENSIONS = ['beleid', 'organisatie', 'cultuur', 'uitvoering', 'sturing'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

/** Life cycle of an action in the action programme. `geparkeerd` (parked) can be left for any other state. */
export const ACTION_STATUSES = ['idee', 'gepland', 'in_uitvoering', 'gerealiseerd', 'geparkeerd'] as const;
export type ActionStatus = (typeof ACTION_STATUSES)[number];

/** Status of a reported barrier (prikkel) in the coordinator's inbox. */
export const BARRIER_STATUSES = ['nieuw', 'gekoppeld', 'opgelost', 'afgewezen', 'samengevoegd'] as const;
export type BarrierStatus = (typeof BARRIER_STATUSES)[number];

/** How someone got to work today; `thuis` = worked from home (no commute). */
export const TRAVEL_MODES = ['fiets', 'lopen', 'ebike', 'ov', 'auto', 'eauto', 'thuis'] as const;
export type TravelMode = (typeof TRAVEL_MODES)[number];

/** Travel modes that count as sustainable in the dashboard's "share of sustainable travel". */
export const SUSTAINABLE_TRAVEL_MODES: readonly TravelMode[] = ['fiets', 'lopen', 'ebike', 'ov', 'thuis'];

/**
 * One-way commute distance bands. We never ask for an address or an exact distance (AVG: collect the minimum);
 * `representativeKm` is the value impact estimates use, `lowKm`/`highKm` bound the range.
 */
export const DISTANCE_BANDS = {
  '0-5': { lowKm: 0, representativeKm: 3, highKm: 5 },
  '5-10': { lowKm: 5, representativeKm: 7.5, highKm: 10 },
  '10-20': { lowKm: 10, representativeKm: 15, highKm: 20 },
  '20-40': { lowKm: 20, representativeKm: 30, highKm: 40 },
  '40+': { lowKm: 40, representativeKm: 50, highKm: 70 },
} as const;
export type DistanceBand = keyof typeof DISTANCE_BANDS;
export const DISTANCE_BAND_KEYS = Object.keys(DISTANCE_BANDS) as DistanceBand[];

/** How the day's challenge went. */
export const CHECKIN_OUTCOMES = ['done', 'partly', 'not_today'] as const;
export type CheckInOutcome = (typeof CHECKIN_OUTCOMES)[number];

/** Roles a participant can hold besides being an employee. */
export const ROLES = ['manager', 'coordinator'] as const;
export type Role = (typeof ROLES)[number];

/** How often lunch or coffee comes in disposable packaging (baseline question). */
export const FREQUENCIES = ['never', 'sometimes', 'often', 'daily'] as const;
export type Frequency = (typeof FREQUENCIES)[number];

/** A calendar date in Europe/Amsterdam, ISO `YYYY-MM-DD`. */
export type IsoDate = string;
/** A local wall-clock time `HH:mm` in Europe/Amsterdam. */
export type LocalTime = string;

/** An estimate with its uncertainty: kg CO2-eq, low ≤ mid ≤ high. */
export interface KgRange {
  readonly low: number;
  readonly mid: number;
  readonly high: number;
}

/** A check-in for one participant on one campaign day. */
export interface CheckIn {
  readonly userId: string;
  readonly teamId: string;
  readonly campaignId: string;
  readonly date: IsoDate;
  /** Day number within the campaign (1-based, working days only). */
  readonly day: number;
  readonly challengeId: string;
  readonly outcome: CheckInOutcome;
  readonly travelMode: TravelMode;
  readonly distanceBand: DistanceBand;
  readonly wasteFree: boolean;
  /** Answer to the day's own question (see the catalogue), yes/no. */
  readonly challengeAnswer: boolean | undefined;
  /** Number of disposable cups avoided today, if the day's challenge asks for it. */
  readonly cupsAvoided: number;
  /** Estimated kg CO2-eq avoided, computed when stored, with the factor table version it used. */
  readonly impact: KgRange;
  readonly factorVersion: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

/** The nulmeting (baseline) a participant gives when joining, and the same questions at the end. */
export interface Survey {
  readonly userId: string;
  readonly campaignId: string;
  readonly kind: 'baseline' | 'end';
  readonly commuteMode: TravelMode;
  readonly distanceBand: DistanceBand;
  readonly disposablePackaging: Frequency;
  readonly screensOffAtNight: boolean;
  readonly lightsOffWhenLeaving: boolean;
  readonly createdAt: string;
}
