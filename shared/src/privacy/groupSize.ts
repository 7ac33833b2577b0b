/**
 * Minimum group size, BRIEF.md privacy rule 3: "no team statistic is shown for fewer than 5 active participants
 * (configurable); manager digests likewise; hide cells that could be subtracted from each other."
 * Anchor: Microsoft Viva Insights shows group insights only for groups of at least 5 (analysts) or 10 (managers).
 */
export const DEFAULT_MIN_GROUP_SIZE = 5;

export type Gated<T> =
  | { readonly visible: true; readonly value: T }
  | { readonly visible: false; readonly reason: 'below_minimum_group_size'; readonly minimum: number };

function assertMinimum(minimum: number): void {
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

/** One cell of a table shown together (e.g. teams in a comparison, travel modes in a breakdown). */
export interface GroupCell {
  readonly key: string;
  /** Active participants behind the cell. */
  readonly participants: number;
}

/**
 * The keys of the cells to hide in a table of cells shown together.
 *
 * 1. Primary suppression: every cell with fewer than `minimum` participants.
 * 2. Complementary suppression: when exactly one cell is hidden and the total is shown, total − visible cells
 *    would give the hidden cell back. Then also hide the smallest remaining cell (ties: the key that sorts
 *    first, so the result is stable), so only the sum of the two is known. With two or more hidden cells,
 *    subtraction gives only their sum, never a single one.
 *
 * The total itself is not a cell here: gate it separately with {@link gate} on the whole group.
 */
export function suppressComplementary(
  cells: readonly GroupCell[],
  minimum: number,
  totalShown: boolean,
): Set<string> {
  assertMinimum(minimum);
  const keys = new Set<string>();
  for (const cell of cells) {
    if (keys.has(cell.key)) {
      throw new RangeError(`duplicate cell key '${cell.key}'`);
    }
    keys.add(cell.key);
  }
  const hidden = new Set(cells.filter((cell) => cell.participants < minimum).map((cell) => cell.key));
  if (totalShown && hidden.size === 1) {
    const next = cells
      .filter((cell) => !hidden.has(cell.key))
      .sort((a, b) => a.participants - b.participants || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0))[0];
    if (next !== undefined) {
      hidden.add(next.key);
    }
  }
  return hidden;
}
