import { todayIn } from '@soestainable/shared/calendar';
import type { IsoDate } from '@soestainable/shared/domain/types';
import type { Config } from '../../config';
import type { Repositories } from '../../storage/repositories';

/**
 * How many barriers and ideas one person may file per local day (`config.reportsPerDay`), counted over every way in:
 * the report card (after a `prikkel:`/`idee:` command or its button), the check-in card's barrier and idea, and the
 * tab's check-in. Reports are taken from the allowance before they are stored; beyond it nothing is stored. The
 * count is kept without the person and without the report (ReportQuotaRepository).
 */
export interface ReportAllowance {
  readonly perDay: number;
  /** Takes `n` of today's reports for `userId`: a ticket, or `undefined` (nothing taken) when that would pass the limit. */
  take(userId: string, now: Date, n: number): Promise<AllowanceTicket | undefined>;
  /** Gives back what a ticket took, for reports that were not filed after all (a check-in submitted twice). */
  giveBack(ticket: AllowanceTicket): Promise<void>;
}

/** What was taken: the day it counts on (the local date at the moment of taking), so giving back finds it. */
export interface AllowanceTicket {
  readonly userId: string;
  readonly date: IsoDate;
  readonly n: number;
}

export function createReportAllowance(deps: { readonly repos: Repositories; readonly config: Config }): ReportAllowance {
  const { repos, config } = deps;
  const orgId = config.org.id;
  return {
    perDay: config.reportsPerDay,
    async take(userId, now, n) {
      const date = todayIn(now);
      return (await repos.reportQuota.take(orgId, date, userId, n, config.reportsPerDay)) ? { userId, date, n } : undefined;
    },
    giveBack: (ticket) => repos.reportQuota.giveBack(orgId, ticket.date, ticket.userId, ticket.n),
  };
}
