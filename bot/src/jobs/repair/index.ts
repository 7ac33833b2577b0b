import { createCheckInService } from '../../services/checkin/service';
import { sweepPersonalRows } from '../../services/personalData/erasure';
import type { StoredCheckIn } from '../../storage/repositories/checkIns';
import { errorFields, type Logger } from '../../platform/logger';
import type { Repositories } from '../../storage/repositories';
import type { JobContext, JobSummary } from '../job';

/** Summary `counts` keys of a repair run. */
export const REPAIR_COUNTS = ['pending', 'completed', 'erased', 'failed', 'unreadable'] as const;

/** What the repair job needs: the repositories and a logger (no sending). */
export interface RepairDeps {
  readonly repos: Repositories;
  readonly logger: Logger;
}

/** The repair job's summary: a {@link JobSummary} named `repair`. */
export type RepairSummary = Omit<JobSummary, 'job'> & { readonly job: 'repair' };

export interface RepairJob {
  readonly name: 'repair';
  run(context: JobContext): Promise<RepairSummary>;
}

/**
 * Repair: finishes check-in writes that were cut off (a storage outage or a killed process between the check-in
 * write and its follow-up). Every check-in row with a pending part (checkIns.ts `listPending`) is completed by the
 * check-in service's `completePending`: counted once (idempotent by its token), its barrier and idea filed once
 * (insert-if-absent by their ids chosen beforehand), its pending part cleared. Idempotent and safe beside other
 * instances and beside the participant's own retry: a second run finds nothing. A row that fails (storage gone
 * again) is logged by its code and left for the next run; a row that does not parse is counted and logged by its
 * keys, never repaired by guesswork. A dry run only counts. Logs ids and counts, never texts.
 *
 * An erasure wins here too: a row whose person has no profile, or one marked as being erased, is not finished but
 * swept with the rest of their rows (`erased`). Such a row is a check-in written while an erasure ran whose writer
 * was stopped before its own check after the write (services/personalData/erasure.ts `fenced`).
 */
export function createRepairJob(deps: RepairDeps): RepairJob {
  const { repos, logger } = deps;
  const service = createCheckInService({ repos, logger });

  /** True when the check-in's person is gone or being erased: then their rows are swept (this one included). */
  async function sweptForErasure(stored: StoredCheckIn): Promise<boolean> {
    const { userId } = stored.value;
    if ((await repos.participants.erasureState(userId)) === 'present') return false;
    await sweepPersonalRows(repos, stored.pending ? [stored.pending.orgId] : [], userId);
    return true;
  }

  async function run(context: JobContext): Promise<RepairSummary> {
    const startedMs = Date.now();
    const counts: Record<(typeof REPAIR_COUNTS)[number], number> = { pending: 0, completed: 0, erased: 0, failed: 0, unreadable: 0 };
    for await (const stored of repos.checkIns.listPending()) {
      counts.pending++;
      if ('unreadable' in stored) {
        // Left as it is for an operator: its keys are ids (user, campaign, date), no content.
        counts.unreadable++;
        logger.warn('repair: a check-in with a pending part does not parse; left as it is', { row: stored.unreadable, code: 'STORAGE_DATA_INVALID' });
        continue;
      }
      if (context.dryRun) continue;
      try {
        if (await sweptForErasure(stored)) counts.erased++;
        else {
          await service.completePending(stored);
          counts.completed++;
        }
      } catch (err) {
        counts.failed++;
        const { userId, campaignId, date } = stored.value;
        logger.warn('repair: a check-in could not be completed; the next run tries again', { userId, campaignId, date, ...errorFields(err) });
      }
      context.onProgress?.({ done: counts.completed + counts.erased + counts.failed });
    }
    if (counts.pending > 0) logger.info('repair: unfinished check-ins found', { ...counts, dryRun: context.dryRun });
    return {
      job: 'repair',
      at: context.at.toISOString(),
      dryRun: context.dryRun,
      runs: [],
      counts,
      ...(counts.pending === 0 ? { skippedBecause: 'nothing_pending' } : {}),
      durationMs: Date.now() - startedMs,
    };
  }

  return { name: 'repair', run };
}
