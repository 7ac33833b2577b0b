import type { BarrierStatus } from './types';

/**
 * "Herken ik" (me too): a person says a barrier someone else reported is theirs too. One per person per barrier;
 * pressing again withdraws it. Who recognised what is personal data: it is never shown to anyone (coordinators
 * included), only counted; the person sees it in "mijn gegevens" and it goes with an erasure.
 */
export interface Recognition {
  readonly orgId: string;
  readonly barrierId: string;
  readonly userId: string;
  /** "Laat me weten wat ermee gebeurt": "jij zei, wij deden" reaches them as it reaches a reporter with contact. */
  readonly notify: boolean;
  readonly createdAt: string;
}

/** Barriers people can still recognise: not merged, dismissed or resolved. */
export const RECOGNISABLE_STATUSES: readonly BarrierStatus[] = ['nieuw', 'gekoppeld'];

export function isRecognisable(status: BarrierStatus): boolean {
  return RECOGNISABLE_STATUSES.includes(status);
}
