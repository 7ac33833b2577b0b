import { odata, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import {
  AUDIT_ACTION_PATTERN,
  AUDIT_DETAIL_STRING_MAX,
  AUDIT_DETAILS_MAX_KEYS,
  AUDIT_MONTH_PATTERN,
  auditMonthOf,
  type AuditEntry,
} from '@soestainable/shared/domain/audit';
import { encodeKeyPart, invertedTimeKey, key, splitKey } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { retryOnConflict, type RetryPolicy } from './optimistic';
import { idSchema, validateInput } from './rowSchemas';

/** Row shape of `AuditLog` (PartitionKey `orgId|YYYY-MM`, RowKey inverted time + random: newest first). */
export type AuditRow = {
  at: string;
  actor: string;
  action: string;
  target: string;
  /** JSON Record<string, string | number | boolean>. */
  details?: string;
};

const detailsSchema = z
  .record(z.string().min(1).max(64), z.union([z.string().max(AUDIT_DETAIL_STRING_MAX), z.number().refine(Number.isFinite), z.boolean()]))
  .refine((d) => Object.keys(d).length <= AUDIT_DETAILS_MAX_KEYS, { error: `at most ${AUDIT_DETAILS_MAX_KEYS} details` });
const rowSchema = z.object({
  at: z.string().min(1),
  actor: z.string().min(1),
  action: z.string().min(1),
  target: z.string().min(1),
  details: z.string().optional(),
});

const isoTimestamp = z.string().refine((s) => !Number.isNaN(Date.parse(s)) && /^\d{4}-\d{2}-\d{2}T/.test(s), { error: 'ISO timestamp' });
const newEntrySchema = z.object({
  orgId: idSchema,
  at: isoTimestamp.optional(),
  actor: idSchema,
  action: z.string().max(64).regex(AUDIT_ACTION_PATTERN),
  target: idSchema,
  details: detailsSchema.optional(),
});

function fromRow(row: StoredRow<AuditRow>): AuditEntry {
  const where = `AuditLog row ${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const [orgId] = splitKey(row.partitionKey);
  return {
    orgId: orgId ?? '',
    at: r.at,
    actor: r.actor,
    action: r.action,
    target: r.target,
    ...(r.details === undefined ? {} : { details: parseRowJson(detailsSchema, r.details, where) }),
  };
}

/** A fresh random RowKey needs no wait; three draws in a row never all meet. */
const NEW_KEY_RETRY: RetryPolicy = { maxAttempts: 3, baseDelayMs: 0, maxDelayMs: 0 };

/** An entry to append; `at` defaults to now. */
export type NewAuditEntry = Omit<AuditEntry, 'at'> & { readonly at?: string };

/** The coordinator audit trail: one partition per organisation and month (Europe/Amsterdam), newest first. */
export class AuditLogRepository {
  constructor(
    private readonly store: TableStore<AuditRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  async append(input: NewAuditEntry): Promise<AuditEntry> {
    const v = validateInput(newEntrySchema, input, 'audit entry');
    const at = new Date(v.at ?? this.now().toISOString());
    const entry: AuditEntry = {
      orgId: v.orgId,
      at: at.toISOString(),
      actor: v.actor,
      action: v.action,
      target: v.target,
      ...(v.details === undefined ? {} : { details: v.details }),
    };
    const base: Omit<TableEntity<AuditRow>, 'rowKey'> = {
      partitionKey: key(entry.orgId, auditMonthOf(entry.at)),
      at: entry.at,
      actor: entry.actor,
      action: entry.action,
      target: entry.target,
      ...(entry.details === undefined ? {} : { details: JSON.stringify(entry.details) }),
    };
    // The RowKey ends in 32 random bits; two entries in the same millisecond meeting is unlikely, not impossible:
    // a taken RowKey draws a new one.
    await retryOnConflict(`append to AuditLog ${base.partitionKey}`, NEW_KEY_RETRY, () =>
      this.store.create({ ...base, rowKey: invertedTimeKey(at) }),
    );
    return entry;
  }

  /** A month's trail (`YYYY-MM`, Europe/Amsterdam), newest first; at most `limit` entries when given. */
  async list(orgId: string, month: string, limit?: number): Promise<AuditEntry[]> {
    validateInput(z.string().regex(AUDIT_MONTH_PATTERN), month, 'month');
    const max = limit === undefined ? Infinity : validateInput(z.number().int().min(1), limit, 'limit');
    const entries: AuditEntry[] = [];
    for await (const row of this.store.queryPartition(key(orgId, month))) {
      entries.push(fromRow(row));
      if (entries.length >= max) break;
    }
    return entries;
  }

  /**
   * Retention: deletes (or, `dryRun`, counts) every entry of the organisation's months before `month` (`YYYY-MM`),
   * whole partitions found by one PartitionKey range. Safe beside another instance doing the same. Returns how many.
   */
  async purgeMonthsBefore(orgId: string, month: string, dryRun: boolean): Promise<number> {
    validateInput(z.string().regex(AUDIT_MONTH_PATTERN), month, 'month');
    const from = `${encodeKeyPart(orgId)}|`;
    const rows: StoredRow<AuditRow>[] = [];
    for await (const row of this.store.query(odata`PartitionKey ge ${from} and PartitionKey lt ${key(orgId, month)}`)) rows.push(row);
    return dryRun ? rows.length : this.store.deleteRows(rows);
  }
}
