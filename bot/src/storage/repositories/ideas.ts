import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { IDEA_STATUSES, type Idea, type IdeaStatus } from '@soestainable/shared/domain/programme';
import { decodeKeyPart } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import type { ReferenceRow } from './references';
import { reportColumns, reportFields, reportRowShape, ReportTable, type NewReport, type ReportFilter, type ReportRow } from './reports';
import { validateInput } from './rowSchemas';

/**
 * Row shape of `Ideas` (PartitionKey orgId, RowKey sortable idea id; reference rows `~ref|…` beside them):
 * see docs/storage.md.
 */
export type IdeaRow = ReportRow;

const ideaRowSchema = z.object({ ...reportRowShape, status: z.enum(IDEA_STATUSES) });

function fromRow(row: StoredRow<IdeaRow | ReferenceRow>): Idea {
  const r = parseRow(ideaRowSchema, row, `Ideas row ${row.rowKey}`);
  return { ...reportFields(row, r), ideaId: decodeKeyPart(row.rowKey), status: r.status };
}

function toEntity(i: Idea): TableEntity<IdeaRow> {
  return reportColumns(i, i.ideaId);
}

/** What a sender hands in. Leave `contactUserId` out unless they opted in to follow-up. */
export type NewIdea = NewReport;

export type IdeaFilter = ReportFilter<IdeaStatus>;

/** Ideas employees sent in: one partition per organisation, like barriers. */
export class IdeasRepository {
  private readonly reports: ReportTable<Idea, IdeaRow>;

  constructor(store: TableStore<IdeaRow | ReferenceRow>, now: () => Date = () => new Date()) {
    this.reports = new ReportTable(store, { name: 'idea', prefix: 'I', idOf: (i) => i.ideaId, fromRow, toEntity }, now);
  }

  /** Stores a new idea with a fresh id and a reference code (`I-…`) unique within the organisation. */
  async create(input: NewIdea): Promise<Idea> {
    return this.reports.create(input, (fields, ideaId) => ({ ...fields, ideaId }));
  }

  /**
   * Files a idea under an id chosen beforehand (a check-in's pending part), insert-if-absent: when it is stored
   * already (an earlier try), that one is returned with `created` false. See ReportTable.createWithId.
   */
  async createWithId(input: NewIdea, ideaId: string): Promise<{ idea: Idea; created: boolean }> {
    const { report, created } = await this.reports.createWithId(input, ideaId, (fields, id) => ({ ...fields, ideaId: id }));
    return { idea: report, created };
  }

  async get(orgId: string, ideaId: string): Promise<Idea | undefined> {
    return this.reports.get(orgId, ideaId);
  }

  /** The idea a sender's code points to (`I-2QX9`, also typed as `i2qx9`); `undefined` if none. */
  async getByReference(orgId: string, reference: string): Promise<Idea | undefined> {
    return this.reports.getByReference(orgId, reference);
  }

  /** The organisation's ideas, newest first, optionally filtered: one partition query. */
  async list(orgId: string, filter: IdeaFilter = {}): Promise<Idea[]> {
    return this.reports.list(orgId, filter);
  }

  /** The ideas a user gave their contact for: for their data export. */
  async listByContact(orgId: string, userId: string): Promise<Idea[]> {
    return this.reports.listByContact(orgId, userId);
  }

  /** Sets the status (`bekeken`, `overgenomen`), ETag-checked with retries. NOT_FOUND when there is no such idea. */
  async setStatus(orgId: string, ideaId: string, status: IdeaStatus): Promise<Idea> {
    const s = validateInput(z.enum(IDEA_STATUSES), status, 'idea status');
    return this.reports.update(orgId, ideaId, (current) => (current.status === s ? undefined : { ...current, status: s }));
  }

  /** A user's deletion request: removes their user id from their ideas; the ideas stay, anonymous. */
  async forgetContact(orgId: string, userId: string): Promise<number> {
    return this.reports.forgetContact(orgId, userId);
  }

  /**
   * Retention: the ideas of `campaignIds` keep everything but their text (replaced by `replacement`) and an
   * opted-in contact (removed). Idempotent; `dryRun` only counts. See ReportTable.purgeTexts.
   */
  async purgeTexts(orgId: string, campaignIds: ReadonlySet<string>, replacement: string, dryRun: boolean): Promise<number> {
    return this.reports.purgeTexts(orgId, campaignIds, replacement, dryRun);
  }
}
