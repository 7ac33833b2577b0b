import type { Action } from '@soestainable/shared/domain/programme';
import type { BarrierStatus } from '@soestainable/shared/domain/types';
import { isAppError } from '../../errors';
import type { Repositories } from '../../storage/repositories';

/** How many barrier writes run at a time. */
const WRITE_CONCURRENCY = 8;

/** The barrier status an action's linked barriers should have: solved once the action is realised. */
export function linkedStatusFor(action: Action): BarrierStatus {
  return action.status === 'gerealiseerd' ? 'opgelost' : 'gekoppeld';
}

/**
 * Brings the linked barriers' status in line with the action (gekoppeld ↔ opgelost). Idempotent: a barrier
 * already right, gone, or handled otherwise is left alone, so running it again after a failure finishes it. Shared
 * by the coordinator's edit (tab API) and the owner's update (bot card).
 */
export async function syncLinkedBarriers(repos: Pick<Repositories, 'barriers'>, action: Action): Promise<void> {
  const want = linkedStatusFor(action);
  const ids = [...action.barrierIds];
  const worker = async (): Promise<void> => {
    for (let id = ids.shift(); id !== undefined; id = ids.shift()) {
      const barrierId = id;
      try {
        await repos.barriers.update(action.orgId, barrierId, (b) => {
          if (b.actionId !== action.actionId || b.status === want) return undefined;
          if (b.status !== 'gekoppeld' && b.status !== 'opgelost' && b.status !== 'nieuw') return undefined;
          return { ...b, status: want, actionId: action.actionId };
        });
      } catch (err) {
        if (!isAppError(err, 'NOT_FOUND')) throw err;
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(WRITE_CONCURRENCY, ids.length) }, worker));
}
