import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { barrierProblems, REPORT_TEXT_MAX, type Barrier } from '@soestainable/shared/domain/programme';
import { BARRIER_STATUSES, THEMES, type BarrierStatus } from '@soestainable/shared/domain/types';
import { AppError } from '../../errors';
import { decodeKeyPart } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import type { ReferenceRow } from './references';
import { reportColumns, reportFields, reportRowShape, ReportTable, type NewReport, type ReportFilter, type ReportRow } from './reports';
import { charCount, idSchema, validateInput } from './rowSchemas';

/**
 * Row shape of `Barriers` (PartitionKey orgId, RowKey sortable barrier id; reference rows `~ref|…` beside them):
 * see docs/storage.md.
 */
export type BarrierRow = ReportRow & {
  actionId?: string;
  duplicateOf?: string;
  dismissReason?: string;
};

const barrierRowSchema = z.object({
  ...reportRowShape,
  status: z.enum(BARRIER_STATUSES),
  actionId: z.string().min(1).optional(),
  duplicateOf: z.string().min(1).optional(),
  dismissReason: z.string().optional(),
});

function fromRow(row: StoredRow<BarrierRow | ReferenceRow>): Barrier {
  const r = parseRow(barrierRowSchema, row, `Barriers row ${row.rowKey}`);
  return {
    ...reportFields(row, r),
    barrierId: decodeKeyPart(row.rowKey),
    status: r.status,
    ...(r.actionId === undefined ? {} : { actionId: r.actionId }),
    ...(r.duplicateOf === undefined ? {} : { duplicateOf: r.duplicateOf }),
    ...(r.dismissReason === undefined ? {} : { dismissReason: r.dismissReason }),
  };
}

function toEntity(b: Barrier): TableEntity<BarrierRow> {
  return {
    ...reportColumns(b, b.barrierId),
    ...(b.actionId === undefined ? {} : { actionId: b.actionId }),
    ...(b.duplicateOf === undefined ? {} : { duplicateOf: b.duplicateOf }),
    ...(b.dismissReason === undefined ? {} : { dismissReason: b.dismissReason }),
  };
}

/** What a reporter hands in. Leave `contactUserId` out unless they opted in to follow-up. */
export type NewBarrier = NewReport;

export type BarrierFilter = ReportFilter<BarrierStatus>;

/** Barriers (prikkels): the coordinator's inbox, one partition per organisation. */
export class BarriersRepository {
  private readonly reports: ReportTable<Barrier, BarrierRow>;

  constructor(store: TableStore<BarrierRow | ReferenceRow>, now: () => Date = () => new Date()) {
    this.reports = new ReportTable(store, { name: 'barrier', prefix: 'P', idOf: (b) => b.barrierId, fromRow, toEntity }, now);
  }

  /** Stores a new barrier with a fresh id and a reference code (`P-…`) unique within the organisation. */
  async create(input: NewBarrier): Promise<Barrier> {
    return this.reports.create(input, (fields, barrierId) => ({ ...fields, barrierId }));
  }

  /**
   * Files a barrier under an id chosen beforehand (a check-in's pending part), insert-if-absent: when it is stored
   * already (an earlier try), that one is returned with `created` false. See ReportTable.createWithId.
   */
  async createWithId(input: NewBarrier, barrierId: string): Promise<{ barrier: Barrier; created: boolean }> {
    const { report, created } = await this.reports.createWithId(input, barrierId, (fields, id) => ({ ...fields, barrierId: id }));
    return { barrier: report, created };
  }

  async get(orgId: string, barrierId: string): Promise<Barrier | undefined> {
    return this.reports.get(orgId, barrierId);
  }

  /** The barrier a reporter's code points to (`P-7K3F`, also typed as `p7k3f`); `undefined` if none. */
  async getByReference(orgId: string, reference: string): Promise<Barrier | undefined> {
    return this.reports.getByReference(orgId, reference);
  }

  /** The organisation's barriers, newest first, optionally filtered: one partition query. */
  async list(orgId: string, filter: BarrierFilter = {}): Promise<Barrier[]> {
    return this.reports.list(orgId, filter);
  }

  /** The barriers a user asked to be contacted about: for their data export. */
  async listByContact(orgId: string, userId: string): Promise<Barrier[]> {
    return this.reports.listByContact(orgId, userId);
  }

  /**
   * Read-modify-write with the row's ETag, retried a few times when someone else wrote in between (then
   * STORAGE_CONFLICT). `change` gets the current barrier and returns the new one (or `undefined` for no change);
   * it may run more than once. Id, organisation, reference and creation time cannot change; a contact can be
   * removed but never added.
   */
  async update(orgId: string, barrierId: string, change: (current: Barrier) => Barrier | undefined): Promise<Barrier> {
    return this.reports.update(orgId, barrierId, (current) => {
      const next = change(current);
      if (next !== undefined) checkUpdate(current, next);
      return next;
    });
  }

  /**
   * A user's deletion request: removes their user id from every barrier they opted in on. The barriers stay,
   * anonymous. Returns how many were changed.
   */
  async forgetContact(orgId: string, userId: string): Promise<number> {
    return this.reports.forgetContact(orgId, userId);
  }

  /**
   * Retention: the barriers of `campaignIds` keep everything but their text (replaced by `replacement`) and an
   * opted-in contact (removed). Idempotent; `dryRun` only counts. See ReportTable.purgeTexts.
   */
  async purgeTexts(orgId: string, campaignIds: ReadonlySet<string>, replacement: string, dryRun: boolean, leave?: (barrier: Barrier) => boolean): Promise<number> {
    return this.reports.purgeTexts(orgId, campaignIds, replacement, dryRun, leave);
  }
}

const changedBarrierSchema = z.object({
  campaignId: idSchema,
  teamId: idSchema,
  theme: z.enum(THEMES),
  status: z.enum(BARRIER_STATUSES),
  text: z.string().refine((s) => s.trim().length > 0 && charCount(s) <= REPORT_TEXT_MAX),
  actionId: idSchema.optional(),
  duplicateOf: idSchema.optional(),
  demo: z.boolean(),
});

function checkUpdate(current: Barrier, next: Barrier): void {
  const fixed = ['orgId', 'barrierId', 'reference', 'createdAt'] as const;
  const moved = fixed.filter((f) => next[f] !== current[f]);
  if (moved.length > 0) throw new AppError('VALIDATION_FAILED', `barrier: ${moved.join(', ')} cannot change.`);
  if (next.contactUserId !== undefined && next.contactUserId !== current.contactUserId) {
    throw new AppError('VALIDATION_FAILED', 'barrier: a contact can only be given by the reporter when reporting.');
  }
  validateInput(changedBarrierSchema, next, 'barrier');
  const problems = barrierProblems(next);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `barrier: ${problems.join('; ')}.`);
}
