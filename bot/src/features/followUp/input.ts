import { z } from 'zod';
import { KEPT_ANSWERS, keptAnswerSchema, MAX_FOLLOW_UP_TEXT, MAX_PLEDGES, type KeptAnswerInput } from '@soestainable/shared/domain/followUp';
import { FOLLOW_UP_VERBS } from './verbs';

/** Texts are measured after parsing, so that "too long" is told as such; beyond this the input is not a card's. */
const MAX_TEXT_FIELD = 20 * MAX_FOLLOW_UP_TEXT;
const field = z.string().min(1).max(100);
/** A card toggle sends `"true"`/`"false"`; a client that sends a boolean is accepted too. */
const toggle = z.union([z.boolean(), z.enum(['true', 'false']).transform((v) => v === 'true')]);
const kept = z.union([z.enum(KEPT_ANSWERS), z.literal('')]).optional();
const text = z.string().max(MAX_TEXT_FIELD).optional();

/** Every input name a pulse card can carry: `kept<i>` and `holdsBack<i>` for each possible pledge. */
const perPledge = Object.fromEntries(
  Array.from({ length: MAX_PLEDGES }, (_, i) => [
    [`kept${i}`, kept],
    [`holdsBack${i}`, text],
  ]).flat(),
) as Record<string, typeof kept | typeof text>;

/** What the pulse card sends: nothing more (an unknown field means a card that is not ours). */
export const pulseInputSchema = z.strictObject({
  verb: z.literal(FOLLOW_UP_VERBS.submit),
  campaignId: field,
  wave: z.union([z.number().int(), z.string().regex(/^\d{1,2}$/).transform(Number)]),
  contact: toggle.optional(),
  ...perPledge,
});

/** What the person is told about a submit that cannot be stored; `form`: fields extra, of the wrong kind or not of this card. */
export type PulseProblem = 'form' | 'missing' | 'tooLong';

export type PulseChecked =
  | { readonly ok: true; readonly answers: readonly KeptAnswerInput[]; readonly contact: boolean }
  | { readonly ok: false; readonly problems: ReadonlySet<PulseProblem> };

/** The campaign and wave a submit names, when it names them the way our card does. */
export function pulseTarget(data: Readonly<Record<string, unknown>>): { campaignId: string; wave: number } | undefined {
  const parsed = z.object({ campaignId: field, wave: pulseInputSchema.shape.wave }).safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

/**
 * The pulse card's submit for a pledge of `challengeIds`, checked in full before anything is stored: one answer per
 * pledge (ja / soms / nee), no answer for a pledge the card did not ask, texts of at most 500 characters.
 */
export function checkPulseInput(data: Readonly<Record<string, unknown>>, challengeIds: readonly string[]): PulseChecked {
  const parsed = pulseInputSchema.safeParse(data);
  if (!parsed.success) return { ok: false, problems: new Set(['form']) };
  const values = parsed.data as Record<string, unknown>;
  const problems = new Set<PulseProblem>();
  const answers: KeptAnswerInput[] = [];
  for (let i = 0; i < MAX_PLEDGES; i++) {
    const k = values[`kept${i}`];
    const h = values[`holdsBack${i}`];
    const challengeId = challengeIds[i];
    if (challengeId === undefined) {
      // A pledge this card did not ask about: an answer to it is not ours.
      if ((k !== undefined && k !== '') || (typeof h === 'string' && h.trim() !== '')) problems.add('form');
      continue;
    }
    const holdsBack = typeof h === 'string' ? h.trim() : '';
    if ([...holdsBack].length > MAX_FOLLOW_UP_TEXT) problems.add('tooLong');
    const answer = keptAnswerSchema.safeParse({ challengeId, kept: k, ...(holdsBack === '' ? {} : { holdsBack }) });
    if (k === undefined || k === '') problems.add('missing');
    else if (answer.success) answers.push(answer.data);
    else problems.add('tooLong');
  }
  if (problems.size > 0) return { ok: false, problems };
  return { ok: true, answers, contact: parsed.data.contact === true };
}
