import { z } from 'zod';
import { isIsoDate } from '@soestainable/shared/calendar';
import { toggleAnswer as toggle } from '@soestainable/shared/domain/checkInAnswers';
import { REPORT_TEXT_MAX } from '@soestainable/shared/domain/programme';
import {
  CHECKIN_OUTCOMES,
  DISTANCE_BANDS,
  THEMES,
  TRAVEL_MODES,
  type CheckInOutcome,
  type DistanceBand,
  type Theme,
  type TravelMode,
} from '@soestainable/shared/domain/types';
import { CHECKIN_VERBS } from './verbs';

/**
 * What the daily card may send, checked before anything is written. Teams sends every input as a string
 * (`"true"`/`"false"` for a toggle, digits for a number); the Bot Framework Emulator and tests may send JSON
 * booleans and numbers: both are accepted, nothing else. Unknown fields make the whole card invalid.
 */

const blank = (v: unknown): unknown => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const distanceBands = Object.keys(DISTANCE_BANDS) as [DistanceBand, ...DistanceBand[]];
const isoDate = z.string().refine(isIsoDate);
/** Ids and etags are ours, but they come back through the client: bound them. */
const token = z.string().min(1).max(200);

/** Where a card's answers belong: enough to know which day and campaign it is for. */
export const cardEnvelopeSchema = z.object({ campaignId: token, date: isoDate });

/** `checkin.change` (the "Wijzig" button) and its fallback carry only the day. */
export const changeSchema = z.strictObject({
  verb: z.literal(CHECKIN_VERBS.change),
  campaignId: token,
  date: isoDate,
});

/** The answer fields of the daily card, each checkable on its own (to pre-fill the card after an error). */
export const answerFields = {
  outcome: z.enum(CHECKIN_OUTCOMES),
  travelMode: z.enum(TRAVEL_MODES),
  distanceBand: z.enum(distanceBands),
  wasteFree: toggle,
  /** Checked against the day's question kind afterwards: a toggle (yes/no) or a count. */
  challenge: z.union([z.boolean(), z.number(), z.string()]),
  theme: z.preprocess(blank, z.enum(THEMES).optional()),
  barrierText: z.preprocess(blank, z.string().optional()),
  barrierContact: z.preprocess(blank, toggle.optional()),
  ideaText: z.preprocess(blank, z.string().optional()),
} as const;

export const submitSchema = z.strictObject({
  verb: z.literal(CHECKIN_VERBS.submit),
  campaignId: token,
  date: isoDate,
  /** Present on a correction: the version the user saw (an edit of another version is refused). */
  etag: z.preprocess(blank, token.optional()),
  ...answerFields,
});
export type SubmitData = z.infer<typeof submitSchema>;

export type SubmitField = keyof typeof answerFields | 'etag';

export const TEXT_MAX = REPORT_TEXT_MAX;

/** Answers that parsed on their own, for pre-filling the card again after an error. */
export interface PartialAnswers {
  readonly outcome?: CheckInOutcome;
  readonly travelMode?: TravelMode;
  readonly distanceBand?: DistanceBand;
  readonly wasteFree?: boolean;
  readonly challenge?: boolean | number | string;
  readonly theme?: Theme;
}

/** Each answer field that parses on its own; the rest is left out. */
export function salvageAnswers(data: Readonly<Record<string, unknown>>): PartialAnswers {
  const pick = <T>(schema: z.ZodType<T>, value: unknown): T | undefined => {
    const r = schema.safeParse(value);
    return r.success ? r.data : undefined;
  };
  const out: { -readonly [K in keyof PartialAnswers]: PartialAnswers[K] } = {};
  const outcome = pick(answerFields.outcome, data['outcome']);
  if (outcome !== undefined) out.outcome = outcome;
  const travelMode = pick(answerFields.travelMode, data['travelMode']);
  if (travelMode !== undefined) out.travelMode = travelMode;
  const distanceBand = pick(answerFields.distanceBand, data['distanceBand']);
  if (distanceBand !== undefined) out.distanceBand = distanceBand;
  const wasteFree = pick(answerFields.wasteFree, data['wasteFree']);
  if (wasteFree !== undefined) out.wasteFree = wasteFree;
  const challenge = pick(answerFields.challenge, data['challenge']);
  if (challenge !== undefined) out.challenge = challenge;
  const theme = pick(answerFields.theme, data['theme']);
  if (theme !== undefined) out.theme = theme;
  return out;
}
