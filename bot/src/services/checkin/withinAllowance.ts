import type { Participant } from '@soestainable/shared/domain/organisation';
import type { ReportAllowance } from '../reportAllowance/allowance';
import type { ActiveDay, CheckInAnswers, CheckInService, RecordResult } from './service';

/** {@link CheckInService.record}, or `overLimit` when the check-in's barrier and idea would pass the day's allowance. */
export type RecordWithinAllowance = (
  p: Participant,
  day: ActiveDay,
  answers: CheckInAnswers,
  expectedEtag: string | null,
  now: Date,
) => Promise<RecordResult | { readonly kind: 'overLimit' }>;

/**
 * Stores a check-in (bot card or tab) within the person's daily allowance of barriers and ideas: its reports are
 * taken from the allowance first, and nothing at all is stored when they do not fit. Reports taken but then not
 * filed (a double submit, a stale or vanished version) are given back. When storing fails half-way they stay taken:
 * the pending part will file them (docs/storage.md), and at worst a person loses one of the day's reports.
 */
export function recordWithinAllowance(service: Pick<CheckInService, 'record'>, allowance: ReportAllowance): RecordWithinAllowance {
  return async (p, day, answers, expectedEtag, now) => {
    const reports = (answers.barrierText === undefined ? 0 : 1) + (answers.ideaText === undefined ? 0 : 1);
    const ticket = await allowance.take(p.userId, now, reports);
    if (!ticket) return { kind: 'overLimit' };
    const result = await service.record(p, day, answers, expectedEtag, now);
    if (result.kind !== 'saved') await allowance.giveBack(ticket);
    return result;
  };
}
