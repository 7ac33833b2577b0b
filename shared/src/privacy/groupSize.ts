/**
 * Minimum group size, BRIEF.md privacy rule 3: "no team statistic is shown for fewer than 5 active participants
 * (configurable); manager digests likewise; hide cells that could be subtracted from each other." What may be
 * subtracted from what is the disclosure rule's part (disclosure.ts): this file is the gate itself.
 * Anchor: Microsoft Viva Insights shows group insights only for groups of at least 5 (analysts) or 10 (managers).
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

export type Gated<T> =
  | { readonly visible: true; readonly value: T }
  | { readonly visible: false; readonly reason: 'below_minimum_group_size'; readonly minimum: number };

/** Throws a RangeError unless `minimum` is a positive whole number (every privacy rule checks its minimum first). */
export function assertMinimum(minimum: number): void {
  if (!Number.isInteger(minimum) || minimum < 1) {
    throw new RangeError(`minimum group size must be a positive integer, got ${minimum}`);
  }
}

/**
 * Shows `value` (a team statistic, a digest section) only when the group behind it has at least `minimum` active
 * participants. The hidden variant carries no trace of the value, only why it is hidden, so a caller cannot leak
 * it by accident (e.g. by serialising the gated result).
 */
export function gate<T>(value: T, activeParticipants: number, minimum: number = DEFAULT_MIN_GROUP_SIZE): Gated<T> {
  assertMinimum(minimum);
  if (activeParticipants >= minimum) {
    return { visible: true, value };
  }
  return { visible: false, reason: 'below_minimum_group_size', minimum };
}
