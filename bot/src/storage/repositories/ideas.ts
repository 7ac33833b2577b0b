import { odata, type TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { IDEA_STATUSES, normalizeReference, type Idea, type IdeaStatus } from '../../../../shared/src/domain/programme';
import { THEMES, type Theme } from '../../../../shared/src/domain/types';
import { AppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import { parseRow } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import {
  idSchema,
  insertWithReference,
  readModifyWrite,
  reportTextSchema,
  REPORTS_END,
  resolveReference,
  validated,
  type ReferenceRow,
} from './barriers';

/** Row shape of `Ideas` (PartitionKey orgId, RowKey sortable idea id): see docs/storage.md. */
export type IdeaRow = {
  campaignId: string;
  teamId: string;
  theme: string;
  text: string;
  createdAt: string;
  status: string;
  reference: string;
  /** Present only when the sender opted in to follow-up. */
  contactUserId?: string;
  demo: boolean;
};

const ideaRowSchema = z.object({
  campaignId: z.string().min(1),
  teamId: z.string().min(1),
  theme: z.enum(THEMES),
  text: z.string(),
  createdAt: z.string().min(1),
  status: z.enum(IDEA_STATUSES),
  reference: z.string().min(1),
  contactUserId: z.string().min(1).optional(),
  demo: z.boolean(),
});

function fromRow(row: StoredRow<IdeaRow | ReferenceRow>): Idea {
  const r = parseRow(ideaRowSchema, row, `Ideas row ${row.rowKey}`);
  return {
    orgId: decodeKeyPart(row.partitionKey),
    ideaId: decodeKeyPart(row.rowKey),
    campaignId: r.campaignId,
    teamId: r.teamId,
    theme: r.theme,
    text: r.text,
    createdAt: r.createdAt,
    status: r.status,
    reference: r.reference,
    ...(r.contactUserId === undefined ? {} : { contactUserId: r.contactUserId }),
    demo: r.demo,
  };
}

function toEntity(i: Idea): TableEntity<IdeaRow> {
  return {
    partitionKey: encodeKeyPart(i.orgId),
    rowKey: encodeKeyPart(i.ideaId),
    campaignId: i.campaignId,
    teamId: i.teamId,
    theme: i.theme,
    text: i.text,
    createdAt: i.createdAt,
    status: i.status,
    reference: i.reference,
    ...(i.contactUserId === undefined ? {} : { contactUserId: i.contactUserId }),
    demo: i.demo,
  };
}

/** What a sender hands in. Leave `contactUserId` out unless they opted in to follow-up. */
export interface NewIdea {
  readonly orgId: string;
  readonly campaignId: string;
  readonly teamId: string;
  readonly theme: Theme;
  readonly text: string;
  readonly contactUserId?: string;
  readonly demo?: boolean;
}

const newIdeaSchema = z.object({
  orgId: idSchema,
  campaignId: idSchema,
  teamId: idSchema,
  theme: z.enum(THEMES),
  text: reportTextSchema,
  contactUserId: idSchema.optional(),
  demo: z.boolean().optional(),
});

export interface IdeaFilter {
  readonly campaignId?: string;
  readonly teamId?: string;
  readonly theme?: Theme;
  readonly status?: IdeaStatus;
}

/** Ideas employees sent in: one partition per organisation, like barriers. */
export class IdeasRepository {
  constructor(
    private readonly store: TableStore<IdeaRow | ReferenceRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Stores a new idea with a fresh id and a reference code (`I-…`) unique within the organisation. */
  async create(input: NewIdea): Promise<Idea> {
    const v = validated(newIdeaSchema, input, 'idea');
    return insertWithReference<IdeaRow, Idea>(this.store, encodeKeyPart(v.orgId), 'I', this.now, (ideaId, reference) => {
      const idea: Idea = {
        orgId: v.orgId,
        ideaId,
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
      return { value: idea, entity: toEntity(idea) };
    });
  }

  async get(orgId: string, ideaId: string): Promise<Idea | undefined> {
    const row = await this.store.get(encodeKeyPart(orgId), encodeKeyPart(ideaId));
    return row && fromRow(row);
  }

  async getByReference(orgId: string, reference: string): Promise<Idea | undefined> {
    const canonical = normalizeReference('I', reference);
    if (canonical === undefined) return undefined;
    const ideaId = await resolveReference(this.store, encodeKeyPart(orgId), canonical);
    return ideaId === undefined ? undefined : this.get(orgId, ideaId);
  }

  /** The organisation's ideas, newest first, optionally filtered: one partition query. */
  async list(orgId: string, filter: IdeaFilter = {}): Promise<Idea[]> {
    const parts: string[] = [];
    if (filter.campaignId !== undefined) parts.push(odata`campaignId eq ${filter.campaignId}`);
    if (filter.teamId !== undefined) parts.push(odata`teamId eq ${filter.teamId}`);
    if (filter.theme !== undefined) parts.push(odata`theme eq ${filter.theme}`);
    if (filter.status !== undefined) parts.push(odata`status eq ${filter.status}`);
    return this.query(orgId, parts);
  }

  /** The ideas a user gave their contact for: for their data export. */
  async listByContact(orgId: string, userId: string): Promise<Idea[]> {
    return this.query(orgId, [odata`contactUserId eq ${userId}`]);
  }

  /** Sets the status (`bekeken`, `overgenomen`), ETag-checked with retries. */
  async setStatus(orgId: string, ideaId: string, status: IdeaStatus): Promise<Idea> {
    const result = await readModifyWrite({
      store: this.store,
      partitionKey: encodeKeyPart(orgId),
      rowKey: encodeKeyPart(ideaId),
      parse: fromRow,
      change: (current) => (current.status === status ? undefined : { ...current, status: validated(z.enum(IDEA_STATUSES), status, 'idea status') }),
      toEntity,
    });
    return result.value;
  }

  /** A user's deletion request: removes their user id from their ideas; the ideas stay, anonymous. */
  async forgetContact(orgId: string, userId: string): Promise<number> {
    let changed = 0;
    for (const idea of await this.listByContact(orgId, userId)) {
      try {
        const result = await readModifyWrite({
          store: this.store,
          partitionKey: encodeKeyPart(orgId),
          rowKey: encodeKeyPart(idea.ideaId),
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
        if (!(err instanceof AppError && err.code === 'NOT_FOUND')) throw err;
      }
    }
    return changed;
  }

  private async query(orgId: string, conditions: readonly string[]): Promise<Idea[]> {
    const filter = [odata`PartitionKey eq ${encodeKeyPart(orgId)}`, odata`RowKey lt ${REPORTS_END}`, ...conditions].join(' and ');
    const ideas: Idea[] = [];
    for await (const row of this.store.query(filter)) ideas.push(fromRow(row));
    return ideas.reverse();
  }
}
