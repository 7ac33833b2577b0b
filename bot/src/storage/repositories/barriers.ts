import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import {
  barrierProblems,
  normalizeReference,
  referenceFromId,
  REPORT_TEXT_MAX,
  type Barrier,
} from '../../../../shared/src/domain/programme';
import { BARRIER_STATUSES, THEMES, type BarrierStatus, type Theme } from '../../../../shared/src/domain/types';
import { AppError, ConflictError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, MAX_KEY_PART_LENGTH, newSortableId } from '../keys';
import { parseRow } from '../rowJson';
import type { Row, StoredRow, TableStore } from '../tableStore';

/*
 * Helpers shared by the report repositories (barriers here, ideas in ideas.ts). They would sit in a module of
 * their own (or read-modify-write in TableStore); this change was limited to the repository files.
 */

/**
 * RowKeys of the reference index rows that live in the same partition as the reports they point to:
 * `~ref|P-7K3F`. `~` sorts after every generated id (base 36 digits and hex), so the reports themselves are the
 * range `RowKey lt '~'` and a reporter's reference is a point read.
 */
export const REFERENCE_ROW_PREFIX = '~ref|';
export const REPORTS_END = '~';

/** An index row: reference code → report id. */
export type ReferenceRow = { refersTo: string };

const referenceRowSchema = z.object({ refersTo: z.string().min(1) });

/** Reads a reference index row and returns the id it points to. */
export async function resolveReference<R extends Row>(
  store: TableStore<R | ReferenceRow>,
  partitionKey: string,
  reference: string,
): Promise<string | undefined> {
  const row = await store.get(partitionKey, REFERENCE_ROW_PREFIX + encodeKeyPart(reference));
  return row && parseRow(referenceRowSchema, row, `${store.tableName} reference row ${row.rowKey}`).refersTo;
}

/**
 * Inserts a report and its reference index row in one transaction (same partition), drawing a new id while
 * the reference is taken: the reference is then unique within the organisation, not only "unique enough".
 */
export async function insertWithReference<R extends Row, T>(
  store: TableStore<R | ReferenceRow>,
  partitionKey: string,
  prefix: 'P' | 'I',
  now: () => Date,
  build: (id: string, reference: string) => { value: T; entity: TableEntity<R> },
): Promise<T> {
  const maxAttempts = 8;
  for (let attempt = 1; ; attempt++) {
    const id = newSortableId(now());
    const reference = referenceFromId(prefix, id);
    const { value, entity } = build(id, reference);
    const index: TableEntity<ReferenceRow> = { partitionKey, rowKey: REFERENCE_ROW_PREFIX + encodeKeyPart(reference), refersTo: id };
    try {
      await store.batch([
        ['create', entity],
        ['create', index],
      ] satisfies TransactionAction[]);
      return value;
    } catch (err) {
      if (!(err instanceof ConflictError) || attempt >= maxAttempts) throw err;
    }
  }
}

/**
 * ETag read-modify-write with a bounded number of retries: reads the row, applies `change`, writes with the
 * etag it read; on a `ConflictError('changed')` it reads again (jittered backoff). `change` returning
 * `undefined` means "nothing to do". A missing row is NOT_FOUND.
 */
export async function readModifyWrite<R extends Row, D>(args: {
  store: TableStore<R>;
  partitionKey: string;
  rowKey: string;
  parse: (row: StoredRow<R>) => D;
  change: (current: D) => D | undefined;
  toEntity: (value: D) => TableEntity<R>;
  attempts?: number;
}): Promise<{ value: D; etag: string; changed: boolean }> {
  const { store, partitionKey, rowKey, parse, change, toEntity, attempts = 5 } = args;
  for (let attempt = 1; ; attempt++) {
    const row = await store.get(partitionKey, rowKey);
    if (!row) throw new AppError('NOT_FOUND', `${store.tableName}: row ${rowKey} does not exist.`);
    const current = parse(row);
    const next = change(current);
    if (next === undefined) return { value: current, etag: row.etag, changed: false };
    try {
      const etag = await store.update(toEntity(next), row.etag);
      return { value: next, etag, changed: true };
    } catch (err) {
      if (!(err instanceof ConflictError && err.reason === 'changed') || attempt >= attempts) throw err;
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * 2 ** attempt));
    }
  }
}

/** Throws VALIDATION_FAILED naming the fields (never their values, which can be personal). */
export function validated<S extends z.ZodType>(schema: S, input: unknown, what: string): z.infer<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const fields = [...new Set(parsed.error.issues.map((i) => i.path.join('.') || '(input)'))].join(', ');
    throw new AppError('VALIDATION_FAILED', `${what}: invalid ${fields}.`);
  }
  return parsed.data;
}

/** Length in characters as people count them (code points, so an emoji is one). */
export function charCount(text: string): number {
  return [...text].length;
}

/** A report text: trimmed, not empty, at most {@link REPORT_TEXT_MAX} characters. */
export const reportTextSchema = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0 && charCount(s) <= REPORT_TEXT_MAX, { message: `1 to ${REPORT_TEXT_MAX} characters` });
/** An id given by a caller (team, campaign, user). */
export const idSchema = z.string().min(1).max(MAX_KEY_PART_LENGTH);

/** Row shape of `Barriers` (PartitionKey orgId, RowKey sortable barrier id): see docs/storage.md. */
export type BarrierRow = {
  campaignId: string;
  teamId: string;
  theme: string;
  text: string;
  createdAt: string;
  status: string;
  actionId?: string;
  duplicateOf?: string;
  dismissReason?: string;
  reference: string;
  /** Present only when the reporter opted in to follow-up. */
  contactUserId?: string;
  demo: boolean;
};

const barrierRowSchema = z.object({
  campaignId: z.string().min(1),
  teamId: z.string().min(1),
  theme: z.enum(THEMES),
  text: z.string(),
  createdAt: z.string().min(1),
  status: z.enum(BARRIER_STATUSES),
  actionId: z.string().min(1).optional(),
  duplicateOf: z.string().min(1).optional(),
  dismissReason: z.string().optional(),
  reference: z.string().min(1),
  contactUserId: z.string().min(1).optional(),
  demo: z.boolean(),
});

function fromRow(row: StoredRow<BarrierRow | ReferenceRow>): Barrier {
  const r = parseRow(barrierRowSchema, row, `Barriers row ${row.rowKey}`);
  return {
    orgId: decodeKeyPart(row.partitionKey),
    barrierId: decodeKeyPart(row.rowKey),
    campaignId: r.campaignId,
    teamId: r.teamId,
    theme: r.theme,
    text: r.text,
    createdAt: r.createdAt,
    status: r.status,
    ...(r.actionId === undefined ? {} : { actionId: r.actionId }),
    ...(r.duplicateOf === undefined ? {} : { duplicateOf: r.duplicateOf }),
    ...(r.dismissReason === undefined ? {} : { dismissReason: r.dismissReason }),
    reference: r.reference,
    ...(r.contactUserId === undefined ? {} : { contactUserId: r.contactUserId }),
    demo: r.demo,
  };
}

/** Every property written explicitly; optional ones only when present (Replace then removes cleared ones). */
function toEntity(b: Barrier): TableEntity<BarrierRow> {
  return {
    partitionKey: encodeKeyPart(b.orgId),
    rowKey: encodeKeyPart(b.barrierId),
    campaignId: b.campaignId,
    teamId: b.teamId,
    theme: b.theme,
    text: b.text,
    createdAt: b.createdAt,
    status: b.status,
    ...(b.actionId === undefined ? {} : { actionId: b.actionId }),
    ...(b.duplicateOf === undefined ? {} : { duplicateOf: b.duplicateOf }),
    ...(b.dismissReason === undefined ? {} : { dismissReason: b.dismissReason }),
    reference: b.reference,
    ...(b.contactUserId === undefined ? {} : { contactUserId: b.contactUserId }),
    demo: b.demo,
  };
}

/** What a reporter hands in. Leave `contactUserId` out unless they opted in to follow-up. */
export interface NewBarrier {
  readonly orgId: string;
  readonly campaignId: string;
  readonly teamId: string;
  readonly theme: Theme;
  readonly text: string;
  readonly contactUserId?: string;
  readonly demo?: boolean;
}

const newBarrierSchema = z.object({
  orgId: idSchema,
  campaignId: idSchema,
  teamId: idSchema,
  theme: z.enum(THEMES),
  text: reportTextSchema,
  contactUserId: idSchema.optional(),
  demo: z.boolean().optional(),
});

export interface BarrierFilter {
  readonly campaignId?: string;
  readonly teamId?: string;
  readonly theme?: Theme;
  readonly status?: BarrierStatus;
}

/** Barriers (prikkels): the coordinator's inbox, one partition per organisation. */
export class BarriersRepository {
  constructor(
    private readonly store: TableStore<BarrierRow | ReferenceRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a new barrier with a fresh id and a reference code unique within the organisation. */
  async create(input: NewBarrier): Promise<Barrier> {
    const v = validated(newBarrierSchema, input, 'barrier');
    const partitionKey = encodeKeyPart(v.orgId);
    return insertWithReference<BarrierRow, Barrier>(this.store, partitionKey, 'P', this.now, (barrierId, reference) => {
      const barrier: Barrier = {
        orgId: v.orgId,
        barrierId,
        campaignId: v.campaignId,
        teamId: v.teamId,
        theme: v.theme,
        text: v.text,
        createdAt: this.now().toISOString(),
        status: 'nieuw',
        reference,
        ...(v.contactUserId === undefined ? {} : { contactUserId: v.contactUserId }),
        demo: v.demo ?? false,
      };
      return { value: barrier, entity: toEntity(barrier) };
    });
  }

  async get(orgId: string, barrierId: string): Promise<Barrier | undefined> {
    const row = await this.store.get(encodeKeyPart(orgId), encodeKeyPart(barrierId));
    return row && fromRow(row);
  }

  /** The barrier a reporter's code points to (`P-7K3F`, also typed as `p7k3f`); `undefined` if none. */
  async getByReference(orgId: string, reference: string): Promise<Barrier | undefined> {
    const canonical = normalizeReference('P', reference);
    if (canonical === undefined) return undefined;
    const barrierId = await resolveReference(this.store, encodeKeyPart(orgId), canonical);
    return barrierId === undefined ? undefined : this.get(orgId, barrierId);
  }

  /**
   * The organisation's barriers, newest first, optionally filtered. One partition query; the filters are on
   * plain properties inside that partition, built with the `odata` template (values are quoted, never spliced).
   */
  async list(orgId: string, filter: BarrierFilter = {}): Promise<Barrier[]> {
    const parts: string[] = [];
    if (filter.campaignId !== undefined) parts.push(odata`campaignId eq ${filter.campaignId}`);
    if (filter.teamId !== undefined) parts.push(odata`teamId eq ${filter.teamId}`);
    if (filter.theme !== undefined) parts.push(odata`theme eq ${filter.theme}`);
    if (filter.status !== undefined) parts.push(odata`status eq ${filter.status}`);
    return this.query(orgId, parts);
  }

  /** The barriers a user asked to be contacted about: for their data export. */
  async listByContact(orgId: string, userId: string): Promise<Barrier[]> {
    return this.query(orgId, [odata`contactUserId eq ${userId}`]);
  }

  /**
   * Read-modify-write with the row's ETag, retried a few times when someone else wrote in between. `change`
   * gets the current barrier and returns the new one (or `undefined` for no change); it may run more than once.
   * Id, organisation, reference and creation time cannot change; a contact can be removed but never added.
   */
  async update(orgId: string, barrierId: string, change: (current: Barrier) => Barrier | undefined): Promise<Barrier> {
    const result = await readModifyWrite({
      store: this.store,
      partitionKey: encodeKeyPart(orgId),
      rowKey: encodeKeyPart(barrierId),
      parse: fromRow,
      change: (current) => {
        const next = change(current);
        if (next !== undefined) checkUpdate(current, next);
        return next;
      },
      toEntity,
    });
    return result.value;
  }

  /**
   * A user's deletion request: removes their user id from every barrier they opted in on. The barriers stay,
   * anonymous. Returns how many were changed.
   */
  async forgetContact(orgId: string, userId: string): Promise<number> {
    let changed = 0;
    for (const barrier of await this.listByContact(orgId, userId)) {
      try {
        const result = await readModifyWrite({
          store: this.store,
          partitionKey: encodeKeyPart(orgId),
          rowKey: encodeKeyPart(barrier.barrierId),
          parse: fromRow,
          change: (current) => {
            if (current.contactUserId !== userId) return undefined;
            const { contactUserId: _removed, ...rest } = current;
            return rest;
          },
          toEntity,
        });
        if (result.changed) changed++;
      } catch (err) {
        // Deleted between the query and the update: nothing left to forget.
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
      }
    }
    return changed;
  }

  private async query(orgId: string, conditions: readonly string[]): Promise<Barrier[]> {
    const filter = [odata`PartitionKey eq ${encodeKeyPart(orgId)}`, odata`RowKey lt ${REPORTS_END}`, ...conditions].join(' and ');
    const barriers: Barrier[] = [];
    for await (const row of this.store.query(filter)) barriers.push(fromRow(row));
    return barriers.reverse();
  }
}

function checkUpdate(current: Barrier, next: Barrier): void {
  const fixed = ['orgId', 'barrierId', 'reference', 'createdAt'] as const;
  const moved = fixed.filter((f) => next[f] !== current[f]);
  if (moved.length > 0) throw new AppError('VALIDATION_FAILED', `barrier: ${moved.join(', ')} cannot change.`);
  if (next.contactUserId !== undefined && next.contactUserId !== current.contactUserId) {
    throw new AppError('VALIDATION_FAILED', 'barrier: a contact can only be given by the reporter when reporting.');
  }
  validated(
    z.object({
      campaignId: idSchema,
      teamId: idSchema,
      theme: z.enum(THEMES),
      status: z.enum(BARRIER_STATUSES),
      text: z.string().refine((s) => s.trim().length > 0 && charCount(s) <= REPORT_TEXT_MAX),
      actionId: idSchema.optional(),
      duplicateOf: idSchema.optional(),
      demo: z.boolean(),
    }),
    next,
    'barrier',
  );
  const problems = barrierProblems(next);
  if (problems.length > 0) throw new AppError('VALIDATION_FAILED', `barrier: ${problems.join('; ')}.`);
}
