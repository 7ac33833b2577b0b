import type {
  ActionView,
  Kansenkaart,
  KansenkaartCell,
  LinkedBarrierView,
  TimelineEntryView,
} from '@soestainable/shared/api/programme';
import { nextStatuses, type Action, type ActionUpdate, type Barrier } from '@soestainable/shared/domain/programme';
import { ACTION_STATUSES, DIMENSIONS, THEMES, type ActionStatus } from '@soestainable/shared/domain/types';
import type { StoredAction } from '../../storage/repositories/actions';

/** Pure mappings from stored programme objects to what the API answers. */

export function actionView({ action, etag }: StoredAction): ActionView {
  const { orgId: _org, barrierIds, ...shown } = action;
  return { ...shown, barrierCount: barrierIds.length, etag, nextStatuses: nextStatuses(action.status) };
}

function zeroByStatus(): Record<ActionStatus, number> {
  const counts = {} as Record<ActionStatus, number>;
  for (const s of ACTION_STATUSES) counts[s] = 0;
  return counts;
}

/** The kansenkaart: every theme × dimension cell (empty ones too) with its actions. */
export function kansenkaart(actions: readonly Action[]): Kansenkaart {
  const cells: KansenkaartCell[] = [];
  for (const theme of THEMES) {
    for (const dimension of DIMENSIONS) {
      const inCell = actions.filter((a) => a.theme === theme && a.dimension === dimension);
      const byStatus = zeroByStatus();
      for (const a of inCell) byStatus[a.status]++;
      cells.push({
        theme,
        dimension,
        count: inCell.length,
        actionIds: inCell.map((a) => a.actionId),
        byStatus,
        barrierCount: inCell.reduce((n, a) => n + a.barrierIds.length, 0),
      });
    }
  }
  return { themes: THEMES, dimensions: DIMENSIONS, cells };
}

/** A barrier as shown with its action; the team only for coordinators, the contact never. */
export function linkedBarrierView(b: Barrier, withTeam: boolean): LinkedBarrierView {
  return {
    barrierId: b.barrierId,
    reference: b.reference,
    theme: b.theme,
    text: b.text,
    status: b.status,
    createdAt: b.createdAt,
    ...(withTeam ? { teamId: b.teamId } : {}),
  };
}

export function timelineEntryView(u: ActionUpdate): TimelineEntryView {
  const base = {
    updateId: u.updateId,
    at: u.at,
    author: u.author,
    kind: u.kind,
    ...(u.fromStatus === undefined ? {} : { fromStatus: u.fromStatus }),
    ...(u.toStatus === undefined ? {} : { toStatus: u.toStatus }),
  };
  if (u.kind === 'link' && typeof u.text === 'string') {
    return { ...base, barrierIds: u.text.split(',').filter((id) => id !== '') };
  }
  return u.text === undefined ? base : { ...base, text: u.text };
}

/** Newest first by creation (ids are time-ordered). */
export function newestFirst(a: StoredAction, b: StoredAction): number {
  return a.action.createdAt < b.action.createdAt ? 1 : a.action.createdAt > b.action.createdAt ? -1 : a.action.actionId < b.action.actionId ? 1 : -1;
}
