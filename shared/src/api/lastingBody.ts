import { z } from 'zod';
import { MAX_FOLLOW_UP_TEXT, MAX_PLEDGES, MIN_PLEDGES } from '../domain/followUp';
import { optionalText } from './programme';

/** `PUT /api/me/pledges/:campaignId`: 1–3 distinct habits of the campaign, and (optionally) what would help. */
export const pledgesBodySchema = z.strictObject({
  challengeIds: z
    .array(z.string().min(1).max(200))
    .min(MIN_PLEDGES)
    .max(MAX_PLEDGES)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'duplicate' }),
  /** Cleaned and trimmed; empty means nothing. */
  help: optionalText(MAX_FOLLOW_UP_TEXT).optional(),
});
export type PledgesBody = z.infer<typeof pledgesBodySchema>;
