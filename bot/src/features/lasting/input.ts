import { z } from 'zod';
import { MAX_FOLLOW_UP_TEXT, MAX_PLEDGES, MIN_PLEDGES, pledgeSchema } from '@soestainable/shared/domain/followUp';
import { DISTANCE_BAND_KEYS, FREQUENCIES, TRAVEL_MODES, type DistanceBand } from '@soestainable/shared/domain/types';
import type { EndAnswers } from '../../services/lasting/endSurvey';
import { LASTING_VERBS } from './verbs';

/** Longest id or enum value a card field may carry. */
const MAX_FIELD_LENGTH = 100;
/** Longer than any pledge list the card can send (3 ids); more is not a card of ours. */
const MAX_PLEDGES_FIELD = 1_000;
/** Texts are measured after parsing, so that "too long" is told as such; beyond this the input is not a card's. */
const MAX_TEXT_FIELD = 20 * MAX_FOLLOW_UP_TEXT;

const field = z.string().max(MAX_FIELD_LENGTH);
/** A card toggle sends `"true"`/`"false"`; a client that sends a boolean is accepted too. */
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
/** A multi-select sends its values comma-separated; a client that sends an array is accepted too. */
const pledgesField = z.union([z.string().max(MAX_PLEDGES_FIELD), z.array(field).max(20)]);
const distanceBand = z.enum(DISTANCE_BAND_KEYS as [DistanceBand, ...DistanceBand[]]);

const pledgePart = {
  campaignId: field.min(1),
  pledges: pledgesField.optional(),
  help: z.string().max(MAX_TEXT_FIELD).optional(),
};

/** What the end survey card sends: nothing more (an unknown field means a card that is not ours). */
export const endInputSchema = z.strictObject({
  verb: z.literal(LASTING_VERBS.submitEnd),
  ...pledgePart,
  commuteMode: z.enum(TRAVEL_MODES).optional(),
  distanceBand: distanceBand.optional(),
  packaging: z.enum(FREQUENCIES).optional(),
  screensOff: toggle.optional(),
  lightsOff: toggle.optional(),
});

/** What the pledges card sends. */
export const pledgesInputSchema = z.strictObject({ verb: z.literal(LASTING_VERBS.submitPledges), ...pledgePart });

/** What the person is told about a submit that cannot be stored; `form`: fields missing, extra or of the wrong kind. */
export type Problem = 'form' | 'answers' | 'none' | 'tooMany' | 'choice' | 'tooLong';

/** The pledge part, checked against the campaign's habits. */
export interface PledgeInput {
  readonly challengeIds: readonly string[];
  readonly help?: string;
}

export type Checked<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: ReadonlySet<Problem> };

/** The ids of a multi-select's value (`"a,b"` or `["a","b"]`), blanks dropped. */
export function idsOf(value: string | readonly string[] | undefined): string[] {
  const parts = typeof value === 'string' ? value.split(',') : (value ?? []);
  return parts.map((p) => p.trim()).filter((p) => p.length > 0);
}

/** Checks the pledges and the "what would help" text, adding what is wrong to `problems`. */
function checkPledges(raw: { pledges?: string | readonly string[] | undefined; help?: string | undefined }, choiceIds: readonly string[], problems: Set<Problem>): PledgeInput | undefined {
  const challengeIds = idsOf(raw.pledges);
  const help = raw.help?.trim() ?? '';
  if (challengeIds.length < MIN_PLEDGES) problems.add('none');
  else if (challengeIds.length > MAX_PLEDGES) problems.add('tooMany');
  else if (challengeIds.some((id) => !choiceIds.includes(id)) || new Set(challengeIds).size !== challengeIds.length) problems.add('choice');
  if ([...help].length > MAX_FOLLOW_UP_TEXT) problems.add('tooLong');
  if (problems.size > 0) return undefined;
  // The shared rule, once more: what passes here is what the repository and the tab accept.
  const parsed = pledgeSchema(choiceIds).safeParse({ challengeIds, ...(help === '' ? {} : { help }) });
  if (!parsed.success) {
    problems.add('choice');
    return undefined;
  }
  return parsed.data.help === undefined ? { challengeIds: parsed.data.challengeIds } : { challengeIds: parsed.data.challengeIds, help: parsed.data.help };
}

/** The end survey submit, checked in full before anything is stored. */
export function checkEndInput(data: Readonly<Record<string, unknown>>, choiceIds: readonly string[]): Checked<PledgeInput & { answers: EndAnswers }> {
  const parsed = endInputSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: new Set(['form']) };
  const problems = new Set<Problem>();
  const { commuteMode, distanceBand: band, packaging, screensOff, lightsOff } = parsed.data;
  if (commuteMode === undefined || band === undefined || packaging === undefined || screensOff === undefined || lightsOff === undefined) problems.add('answers');
  const pledge = checkPledges(parsed.data, choiceIds, problems);
  if (!pledge || problems.size > 0 || commuteMode === undefined || band === undefined || packaging === undefined) return { ok: false, problems };
  const answers: EndAnswers = { commuteMode, distanceBand: band, disposablePackaging: packaging, screensOffAtNight: screensOff === true, lightsOffWhenLeaving: lightsOff === true };
  return { ok: true, value: { ...pledge, answers } };
}

/** The pledges card's submit, checked in full before anything is stored. */
export function checkPledgesInput(data: Readonly<Record<string, unknown>>, choiceIds: readonly string[]): Checked<PledgeInput> {
  const parsed = pledgesInputSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: new Set(['form']) };
  const problems = new Set<Problem>();
  const pledge = checkPledges(parsed.data, choiceIds, problems);
  return pledge ? { ok: true, value: pledge } : { ok: false, problems };
}

/** The campaign id a submit names, when it names one the way our cards do. */
export function campaignIdOf(data: Readonly<Record<string, unknown>>): string | undefined {
  const parsed = field.min(1).safeParse(data['campaignId']);
  return parsed.success ? parsed.data : undefined;
}
