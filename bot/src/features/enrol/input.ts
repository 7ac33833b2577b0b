import { z } from 'zod';
import { nudgeTimeOf } from '@soestainable/shared/domain/nudgeTime';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import {
  DISTANCE_BAND_KEYS,
  FREQUENCIES,
  LANGUAGES,
  TRAVEL_MODES,
  type DistanceBand,
  type Frequency,
  type Language,
  type Survey,
  type TravelMode,
} from '@soestainable/shared/domain/types';

/** Longest value any card field may carry: ids, times and enum values are all far shorter. */
export const MAX_FIELD_LENGTH = 100;

/** The team with this id among the organisation's teams (ids come from a card, so they are checked, not trusted). */
export function teamById(teams: readonly OrgTeam[], teamId: string): OrgTeam | undefined {
  return teams.find((t) => t.teamId === teamId);
}

/** A card toggle sends `"true"`/`"false"`; a client that sends a boolean is accepted too. */
export const toggleSchema = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);

const field = z.string().max(MAX_FIELD_LENGTH);
export const teamIdSchema = field.min(1);
export const nudgeTimeSchema = field.transform((v, ctx) => {
  const time = nudgeTimeOf(v);
  if (time === undefined) {
    ctx.addIssue({ code: 'custom', message: 'expected HH:mm inside the nudge window' });
    return z.NEVER;
  }
  return time;
});
export const languageSchema = z.enum(LANGUAGES);

/**
 * What the enrolment card sends (`Action.Execute` data plus inputs, or the `Action.Submit` value): nothing more.
 * The baseline fields are optional here because the card shows them only while a campaign is running or
 * scheduled; the handler requires them then.
 */
export const enrolInputSchema = z.strictObject({
  verb: z.literal('enrol.submit'),
  teamId: teamIdSchema,
  nudgeTime: nudgeTimeSchema,
  language: languageSchema,
  commuteMode: z.enum(TRAVEL_MODES).optional(),
  distanceBand: z.enum(DISTANCE_BAND_KEYS as [DistanceBand, ...DistanceBand[]]).optional(),
  packaging: z.enum(FREQUENCIES).optional(),
  screensOff: toggleSchema.optional(),
  lightsOff: toggleSchema.optional(),
});
export type EnrolInput = z.infer<typeof enrolInputSchema>;

/** The baseline survey's answers, as the enrolment card gives them. */
export type EnrolBaseline = Omit<Survey, 'userId' | 'campaignId' | 'kind' | 'createdAt'>;

/** The card fields of the baseline: required while a campaign is running or scheduled. */
export const BASELINE_FIELDS = ['commuteMode', 'distanceBand', 'packaging', 'screensOff', 'lightsOff'] as const;

/** The baseline in a campaign, complete: all five answers, or `undefined` when one is missing. */
export function baselineOf(input: EnrolInput): EnrolBaseline | undefined {
  const { commuteMode, distanceBand, packaging, screensOff, lightsOff } = input;
  if (commuteMode === undefined || distanceBand === undefined || packaging === undefined || screensOff === undefined || lightsOff === undefined) {
    return undefined;
  }
  return { commuteMode, distanceBand, disposablePackaging: packaging, screensOffAtNight: screensOff, lightsOffWhenLeaving: lightsOff };
}

/** The fields of the enrolment card, each with what the user sees if it is wrong. */
export const ENROL_FIELDS = ['teamId', 'nudgeTime', 'language', 'commuteMode', 'distanceBand', 'packaging', 'screensOff', 'lightsOff'] as const;
export type EnrolField = (typeof ENROL_FIELDS)[number];

/** The enrolment card's input values, as the card template shows them (strings, `''` = nothing chosen). */
export interface EnrolValues {
  readonly teamId: string;
  readonly nudgeTime: string;
  readonly language: Language;
  readonly commuteMode: TravelMode | '';
  readonly distanceBand: DistanceBand | '';
  readonly packaging: Frequency | '';
  readonly screensOff: 'true' | 'false';
  readonly lightsOff: 'true' | 'false';
}

/**
 * The values of a submitted card that are valid on their own, for showing the card again after an error (so
 * nobody has to fill in everything twice); anything invalid falls back to `fallback`.
 */
export function validValuesOf(data: Readonly<Record<string, unknown>>, fallback: EnrolValues): EnrolValues {
  const pick = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const parsed = schema.safeParse(value);
    return parsed.success ? parsed.data : undefined;
  };
  const toggle = (value: unknown, other: 'true' | 'false'): 'true' | 'false' => {
    const parsed = pick(toggleSchema, value);
    return parsed === undefined ? other : parsed ? 'true' : 'false';
  };
  return {
    teamId: pick(teamIdSchema, data['teamId']) ?? fallback.teamId,
    nudgeTime: pick(nudgeTimeSchema, data['nudgeTime']) ?? fallback.nudgeTime,
    language: pick(languageSchema, data['language']) ?? fallback.language,
    commuteMode: pick(enrolInputSchema.shape.commuteMode, data['commuteMode']) ?? fallback.commuteMode,
    distanceBand: pick(enrolInputSchema.shape.distanceBand, data['distanceBand']) ?? fallback.distanceBand,
    packaging: pick(enrolInputSchema.shape.packaging, data['packaging']) ?? fallback.packaging,
    screensOff: toggle(data['screensOff'], fallback.screensOff),
    lightsOff: toggle(data['lightsOff'], fallback.lightsOff),
  };
}
