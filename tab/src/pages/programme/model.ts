import type { ActionView, Kansenkaart } from '@soestainable/shared/api/programme';
import type { ActionStatus, Dimension, Theme } from '@soestainable/shared/domain/types';

/** The list's filters: `undefined` means "all". */
export interface ActionFilter {
  readonly theme?: Theme;
  readonly dimension?: Dimension;
  readonly status?: ActionStatus;
  readonly owner?: string;
}

export function filterActions(actions: readonly ActionView[], f: ActionFilter): ActionView[] {
  return actions.filter(
    (a) =>
      (f.theme === undefined || a.theme === f.theme) &&
      (f.dimension === undefined || a.dimension === f.dimension) &&
      (f.status === undefined || a.status === f.status) &&
      (f.owner === undefined || a.owner === f.owner),
  );
}

/** Every owner once, sorted the way the reader's language sorts. */
export function ownersOf(actions: readonly ActionView[], locale: string): string[] {
  return [...new Set(actions.map((a) => a.owner))].sort((a, b) => a.localeCompare(b, locale));
}

/** The actions of one kansenkaart cell, in the order the server listed them (newest first). */
export function cellActions(actions: readonly ActionView[], map: Kansenkaart, theme: Theme, dimension: Dimension): ActionView[] {
  const cell = map.cells.find((c) => c.theme === theme && c.dimension === dimension);
  if (cell === undefined) return [];
  const ids = new Set(cell.actionIds);
  return actions.filter((a) => ids.has(a.actionId));
}
