import { z } from 'zod';
import type { BarrierStatus, Localized, Theme } from '../domain/types';

/**
 * "Herken ik" (me too) in the tab: the Prikkels page, for every employee who joined (issue 16, item 1).
 *
 *   GET /api/barriers                          → BarriersResponse (the same list as the bot's `prikkels` card)
 *   PUT /api/barriers/:barrierId/recognition   RecognitionBody → RecognitionResponse
 *
 * Anonymous: a barrier's text, theme, status, linked action and how many recognise it; who recognised what is never
 * in any answer, only the caller's own `mine` and `notify`. The body states what the caller wants (not "toggle"),
 * so a double click, a second device or an old page changes nothing twice. A barrier that is not there (deleted,
 * another organisation's) is NOT_FOUND; one merged, dismissed or resolved is CONFLICT with `details.status`
 * (a withdrawal is always allowed). Someone who has not joined gets FORBIDDEN `not_enrolled`.
 */

export interface BarrierItem {
  readonly barrierId: string;
  readonly text: string;
  readonly theme: Theme;
  readonly status: BarrierStatus;
  /** The linked action's title, when there is one. */
  readonly action: Localized | null;
  readonly recognitions: number;
  /** The caller recognises it. */
  readonly mine: boolean;
  /** The caller asked to hear what happens with it ("laat me weten"). */
  readonly notify: boolean;
  /** It can still be recognised. */
  readonly open: boolean;
}

export interface BarriersResponse {
  readonly items: readonly BarrierItem[];
}

export const recognitionBodySchema = z.object({ on: z.boolean(), notify: z.boolean().optional() }).strict();
export type RecognitionBody = z.input<typeof recognitionBodySchema>;

export interface RecognitionResponse {
  /** What the call did: `already` when it found it done (then nothing changed). */
  readonly outcome: 'recognised' | 'withdrawn' | 'already' | 'notify';
  readonly item: BarrierItem;
}
