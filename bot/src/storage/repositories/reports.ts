import { odata, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { localTimeToInstant, todayIn } from '@soestainable/shared/calendar';
import { normalizeReference, REPORT_TEXT_MAX } from '@soestainable/shared/domain/programme';
import { THEMES, type Theme } from '@soestainable/shared/domain/types';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import type { StoredRow, TableStore } from '../tableStore';
import { readModifyWrite, type Written } from './optimistic';
import { insertWithGivenId, insertWithReference, REPORTS_END, resolveReference, type ReferenceRow } from './references';
import { charCount, idSchema, validateInput } from './rowSchemas';

/*
 * What the two kinds of report, barriers (`Barriers`) and ideas (`Ideas`), have in common in storage: one
 * partition per organisation holding the reports under sortable ids and their reference rows (references.ts),
 * newest-first lists filtered inside that partition, ETag updates, and forgetting a contact. The repositories
 * (barriers.ts, ideas.ts) add what differs: the id's name, the statuses and the rules for changing them.
 */

/** A report as the domain knows it; `Barrier` and `Idea` (shared/src/domain/programme) are reports. */
export interface Report {
  readonly orgId: string;
  readonly campaignId: string;
  readonly teamId: string;
  readonly theme: Theme;
  readonly text: string;
  readonly createdAt: string;
  readonly status: string;
  readonly reference: string;
  /** Only when the reporter opted in to follow-up. */
  readonly contactUserId?: string;
  readonly demo: boolean;
}

/** What a reporter hands in. Leave `contactUserId` out unless they opted in to follow-up. */
export interface NewReport {
  readonly orgId: string;
  readonly campaignId: string;
  readonly teamId: string;
  readonly theme: Theme;
  readonly text: string;
  readonly contactUserId?: string;
  readonly demo?: boolean;
  /**
   * Only for demo reports: the day it was filed when that lies in the past (the demo's earlier campaign files its
   * follow-up barriers on the waves' days). Stored as the day only, like every report; refused on a real report.
   */
  readonly filedOn?: Date;
}

/** Filters of a report list, all optional, combined with "and". */
export interface ReportFilter<S extends string> {
  readonly campaignId?: string;
  readonly teamId?: string;
  readonly theme?: Theme;
  readonly status?: S;
}

/** A report text: trimmed, not empty, at most {@link REPORT_TEXT_MAX} characters. */
const reportTextSchema = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0 && charCount(s) <= REPORT_TEXT_MAX, { error: `1 to ${REPORT_TEXT_MAX} characters` });

/** An id made by keys.ts `newSortableId`: 10 base-36 digits of time, 8 hex digits. */
export const sortableIdSchema = z.string().regex(/^[0-9a-z]{10}[0-9a-f]{8}$/, 'expected a sortable id');

/**
 * The instant a report is stamped with: the start of its local day (Europe/Amsterdam), never the moment it was
 * filed. Its `createdAt` and the time part of its id say only the day: a report's exact time next to a log line or
 * a check-in would name the author of an anonymous barrier or idea (BRIEF.md privacy rule 9). The id's other part
 * is random, so ids still differ and still sort by day.
 */
export function reportDay(now: Date): Date {
  return localTimeToInstant(todayIn(now), '00:00');
}

/** Whether a report id's time part says no more than the day (see {@link reportDay}). */
function saysOnlyTheDay(id: string): boolean {
  const ms = parseInt(id.slice(0, 10), 36);
  return reportDay(new Date(ms)).getTime() === ms;
}

const newReportSchema = z.object({
  orgId: idSchema,
  campaignId: idSchema,
  teamId: idSchema,
  theme: z.enum(THEMES),
  text: reportTextSchema,
  contactUserId: idSchema.optional(),
  demo: z.boolean().optional(),
  filedOn: z.date().optional(),
}).refine((r) => r.filedOn === undefined || r.demo === true, { message: 'filedOn is for demo reports only', path: ['filedOn'] });

/** The columns every report row has (PartitionKey orgId, RowKey the report's sortable id). */
export type ReportRow = {
  campaignId: string;
  teamId: string;
  theme: string;
  text: string;
  createdAt: string;
  status: string;
  reference: string;
  /** Present only when the reporter opted in to follow-up. */
  contactUserId?: string;
  demo: boolean;
};

/** Zod shape of the columns of {@link ReportRow} but `status`, whose values depend on the kind of report. */
export const reportRowShape = {
  campaignId: z.string().min(1),
  teamId: z.string().min(1),
  theme: z.enum(THEMES),
  text: z.string(),
  createdAt: z.string().min(1),
  reference: z.string().min(1),
  contactUserId: z.string().min(1).optional(),
  demo: z.boolean(),
};
type ReportColumns = z.infer<z.ZodObject<typeof reportRowShape>>;

/**
 * The fields every report reads back from its row, once checked against {@link reportRowShape}; `status` and the
 * id are the caller's.
 */
export function reportFields(row: StoredRow<ReportRow | ReferenceRow>, r: ReportColumns): Omit<Report, 'status'> {
  return {
    orgId: decodeKeyPart(row.partitionKey),
    campaignId: r.campaignId,
    teamId: r.teamId,
    theme: r.theme,
    text: r.text,
    createdAt: r.createdAt,
    reference: r.reference,
    ...(r.contactUserId === undefined ? {} : { contactUserId: r.contactUserId }),
    demo: r.demo,
  };
}

/**
 * The keys and common columns of a report's row. Every property is written explicitly and optional ones only
 * when present, so a Replace removes a cleared one.
 */
export function reportColumns(report: Report, id: string): TableEntity<ReportRow> {
  return {
    partitionKey: encodeKeyPart(report.orgId),
    rowKey: encodeKeyPart(id),
    campaignId: report.campaignId,
    teamId: report.teamId,
    theme: report.theme,
    text: report.text,
    createdAt: report.createdAt,
    status: report.status,
    reference: report.reference,
    ...(report.contactUserId === undefined ? {} : { contactUserId: report.contactUserId }),
    demo: report.demo,
  };
}

/** How one kind of report is stored. */
export interface ReportKind<T extends Report, R extends ReportRow> {
  /** `barrier` or `idea`: names the report in validation errors. */
  readonly name: string;
  /** The reference prefix: `P` (prikkel) or `I` (idee). */
  readonly prefix: 'P' | 'I';
  /** The report's id (its RowKey, decoded): `barrierId`, `ideaId`. */
  readonly idOf: (report: T) => string;
  readonly fromRow: (row: StoredRow<R | ReferenceRow>) => T;
  readonly toEntity: (report: T) => TableEntity<R>;
}

/** A new report's fields but its id, which {@link ReportTable.create}'s caller places under its own name. */
export type NewReportFields = Omit<Report, 'status'> & { readonly status: 'nieuw' };

/** The storage of one kind of report: see the top of this file. */
export class ReportTable<T extends Report, R extends ReportRow> {
  constructor(
    private readonly store: TableStore<R | ReferenceRow>,
    private readonly kind: ReportKind<T, R>,
    private readonly now: () => Date,
  ) {}

  /**
   * Validates `input` and stores it as a new report (status `nieuw`) with a fresh id and a reference unique within
   * the organisation. `withId` puts the id under the kind's own name (`barrierId`, `ideaId`).
   */
  async create(input: NewReport, withId: (fields: NewReportFields, id: string) => T): Promise<T> {
    const v = validateInput(newReportSchema, input, this.kind.name);
    const day = reportDay(v.filedOn ?? this.now());
    return insertWithReference<R, T>(this.store, encodeKeyPart(v.orgId), this.kind.prefix, () => day, (id, reference) => {
      const report = withId(
        {
          orgId: v.orgId,
          campaignId: v.campaignId,
          teamId: v.teamId,
          theme: v.theme,
          text: v.text,
          createdAt: day.toISOString(),
          status: 'nieuw',
          reference,
          ...(v.contactUserId === undefined ? {} : { contactUserId: v.contactUserId }),
          demo: v.demo ?? false,
        },
        id,
      );
      return { value: report, entity: this.kind.toEntity(report) };
    });
  }

  /**
   * Insert-if-absent under an id chosen beforehand (a check-in's pending part): filing the same report twice (a
   * retry after a crash) finds the first one and returns it unchanged. The id may move on to a derived one when
   * its reference is taken by another report (references.ts `candidateIds`), the same on every retry.
   */
  async createWithId(input: NewReport, id: string, withId: (fields: NewReportFields, id: string) => T): Promise<{ report: T; created: boolean }> {
    const v = validateInput(newReportSchema, input, this.kind.name);
    validateInput(sortableIdSchema, id, `${this.kind.name} id`);
    if (!saysOnlyTheDay(id)) throw new AppError('VALIDATION_FAILED', `${this.kind.name} id: its time part must be the start of a day (reportDay), not the moment of filing.`);
    const orgKey = encodeKeyPart(v.orgId);
    // The day the id was drawn on (a retry on a later day files the same report, with the same stamp).
    const createdAt = new Date(parseInt(id.slice(0, 10), 36)).toISOString();
    const build = (candidate: string, reference: string): T =>
      withId(
        {
          orgId: v.orgId,
          campaignId: v.campaignId,
          teamId: v.teamId,
          theme: v.theme,
          text: v.text,
          createdAt,
          status: 'nieuw',
          reference,
          ...(v.contactUserId === undefined ? {} : { contactUserId: v.contactUserId }),
          demo: v.demo ?? false,
        },
        candidate,
      );
    let built: T | undefined;
    const stored = await insertWithGivenId<R>(this.store, orgKey, this.kind.prefix, id, (candidate, reference) => {
      built = build(candidate, reference);
      return this.kind.toEntity(built);
    });
    if (stored.created && built !== undefined) return { report: built, created: true };
    const report = await this.get(v.orgId, stored.id);
    if (!report) throw new AppError('NOT_FOUND', `${this.kind.name}: the report just stored is gone.`);
    return { report, created: stored.created };
  }

  async get(orgId: string, id: string): Promise<T | undefined> {
    const row = await this.store.get(encodeKeyPart(orgId), encodeKeyPart(id));
    return row && this.kind.fromRow(row);
  }

  /** The report a reporter's code points to (`P-7K3F`, also typed as `p7k3f`); `undefined` if none. */
  async getByReference(orgId: string, reference: string): Promise<T | undefined> {
    const canonical = normalizeReference(this.kind.prefix, reference);
    if (canonical === undefined) return undefined;
    const id = await resolveReference(this.store, encodeKeyPart(orgId), canonical);
    return id === undefined ? undefined : this.get(orgId, id);
  }

  /**
   * The organisation's reports, newest first, optionally filtered. One partition query; the filters are on plain
   * properties inside that partition, built with the `odata` template (values are quoted, never spliced).
   */
  async list(orgId: string, filter: ReportFilter<T['status']>): Promise<T[]> {
    const conditions: string[] = [];
    if (filter.campaignId !== undefined) conditions.push(odata`campaignId eq ${filter.campaignId}`);
    if (filter.teamId !== undefined) conditions.push(odata`teamId eq ${filter.teamId}`);
    if (filter.theme !== undefined) conditions.push(odata`theme eq ${filter.theme}`);
    if (filter.status !== undefined) conditions.push(odata`status eq ${filter.status}`);
    return this.query(orgId, conditions);
  }

  /** The reports a user gave their contact for: for their data export. */
  async listByContact(orgId: string, userId: string): Promise<T[]> {
    return this.query(orgId, [odata`contactUserId eq ${userId}`]);
  }

  /**
   * Read-modify-write with the row's ETag, retried when someone else wrote in between (then STORAGE_CONFLICT).
   * `change` returns the new report, or `undefined` for no change; it may run more than once. NOT_FOUND when the
   * report does not exist.
   */
  async update(orgId: string, id: string, change: (current: T) => T | undefined): Promise<T> {
    return (await this.readModifyWrite(orgId, id, change)).value;
  }

  /**
   * A user's deletion request: removes their user id from every report they opted in on. The reports stay,
   * anonymous. Returns how many were changed.
   */
  async forgetContact(orgId: string, userId: string): Promise<number> {
    let changed = 0;
    for (const report of await this.listByContact(orgId, userId)) {
      try {
        const result = await this.readModifyWrite(orgId, this.kind.idOf(report), (current) => {
          if (current.contactUserId !== userId) return undefined;
          const { contactUserId: _removed, ...rest } = current;
          // `contactUserId` is optional in every report, so a report without it is still a T.
          return rest as T;
        });
        if (result.changed) changed++;
      } catch (err) {
        // Deleted between the query and the update: nothing left to forget.
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
      }
    }
    return changed;
  }

  /**
   * The retention purge of the reports of `campaignIds`: the text becomes `replacement` and an opted-in contact is
   * removed; theme, status, team, campaign, reference and links stay, so counts and the programme's numbers do not
   * change. A report whose text is `replacement` already and has no contact is left alone, so a second run (or a
   * second instance) changes nothing. `dryRun` only counts. Returns how many reports were (or would be) purged.
   * `leave` names reports of those campaigns that keep their text for now (the retention job's later rule for
   * barriers filed after the challenge); it reads only fields that never change.
   */
  async purgeTexts(orgId: string, campaignIds: ReadonlySet<string>, replacement: string, dryRun: boolean, leave: (report: T) => boolean = () => false): Promise<number> {
    const purged = (r: T) => r.text === replacement && r.contactUserId === undefined;
    const due: T[] = [];
    for (const campaignId of campaignIds) due.push(...(await this.query(orgId, [odata`campaignId eq ${campaignId}`])).filter((r) => !purged(r) && !leave(r)));
    if (dryRun) return due.length;
    let changed = 0;
    for (const report of due) {
      try {
        const result = await this.readModifyWrite(orgId, this.kind.idOf(report), (current) => {
          if (purged(current)) return undefined;
          const { contactUserId: _removed, ...rest } = current;
          return { ...rest, text: replacement } as T;
        });
        if (result.changed) changed++;
      } catch (err) {
        // Deleted between the query and the update: nothing left to purge.
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
      }
    }
    return changed;
  }

  private async readModifyWrite(orgId: string, id: string, change: (current: T) => T | undefined): Promise<Written<T>> {
    return readModifyWrite({
      store: this.store,
      partitionKey: encodeKeyPart(orgId),
      rowKey: encodeKeyPart(id),
      parse: this.kind.fromRow,
      change,
      toEntity: this.kind.toEntity,
    });
  }

  /** The reports of one organisation (`RowKey lt '~'` leaves the reference rows out), newest first. */
  private async query(orgId: string, conditions: readonly string[]): Promise<T[]> {
    const filter = [odata`PartitionKey eq ${encodeKeyPart(orgId)}`, odata`RowKey lt ${REPORTS_END}`, ...conditions].join(' and ');
    const reports: T[] = [];
    for await (const row of this.store.query(filter)) reports.push(this.kind.fromRow(row));
    return reports.reverse();
  }
}
