import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import {
  ACTION_BARRIERS_MAX,
  ACTION_CREATED_NOTE,
  ACTION_DESCRIPTION_MAX,
  ACTION_NOTE_MAX,
  ACTION_OWNER_MAX,
  ACTION_TITLE_MAX,
  ACTION_UPDATE_KINDS,
  canTransition,
  type Action,
  type ActionUpdate,
} from '@soestainable/shared/domain/programme';
import {
  ACTION_STATUSES,
  DIMENSIONS,
  THEMES,
  type ActionStatus,
  type Dimension,
  type IsoDate,
  type Localized,
  type Theme,
} from '@soestainable/shared/domain/types';
import { AppError, ConflictError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, newSortableId } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { changeEachExisting, readModifyWrite } from './optimistic';
import { charCount, idSchema, isoDateSchema, validateInput } from './rowSchemas';

/** Row shape of `Actions` (PartitionKey orgId, RowKey actionId): see docs/storage.md. */
export type ActionRow = {
  /** JSON {@link Localized}. */
  title: string;
  /** JSON {@link Localized}. */
  description: string;
  theme: string;
  dimension: string;
  status: string;
  owner: string;
  ownerUserId?: string;
  dueDate?: string;
  /** JSON string[]. */
  barrierIds: string;
  createdAt: string;
  updatedAt: string;
  demo: boolean;
};

/** Row shape of `ActionUpdates` (PartitionKey actionId, RowKey sortable update id). */
export type ActionUpdateRow = {
  at: string;
  author: string;
  kind: string;
  fromStatus?: string;
  toStatus?: string;
  /** JSON: a string or a {@link Localized}. */
  text?: string;
};

/** An action with the ETag to send back when changing it (optimistic concurrency for user edits). */
export interface StoredAction {
  readonly action: Action;
  readonly etag: string;
}

const localizedSchema = z.object({ nl: z.string(), en: z.string() });
const actionRowSchema = z.object({
  title: z.string(),
  description: z.string(),
  theme: z.enum(THEMES),
  dimension: z.enum(DIMENSIONS),
  status: z.enum(ACTION_STATUSES),
  owner: z.string().min(1),
  ownerUserId: z.string().min(1).optional(),
  dueDate: z.string().min(1).optional(),
  barrierIds: z.string(),
  createdAt: z.string().min(1),
  updatedAt: z.string().min(1),
  demo: z.boolean(),
});
const updateRowSchema = z.object({
  at: z.string().min(1),
  author: z.string().min(1),
  kind: z.enum(ACTION_UPDATE_KINDS),
  fromStatus: z.enum(ACTION_STATUSES).optional(),
  toStatus: z.enum(ACTION_STATUSES).optional(),
  text: z.string().optional(),
});

function fromRow(row: StoredRow<ActionRow>): Action {
  const where = `Actions row ${row.rowKey}`;
  const r = parseRow(actionRowSchema, row, where);
  return {
    orgId: decodeKeyPart(row.partitionKey),
    actionId: decodeKeyPart(row.rowKey),
    title: parseRowJson(localizedSchema, r.title, where),
    description: parseRowJson(localizedSchema, r.description, where),
    theme: r.theme,
    dimension: r.dimension,
    status: r.status,
    owner: r.owner,
    ...(r.ownerUserId === undefined ? {} : { ownerUserId: r.ownerUserId }),
    ...(r.dueDate === undefined ? {} : { dueDate: r.dueDate }),
    barrierIds: parseRowJson(z.array(z.string()), r.barrierIds, where),
    createdAt: r.createdAt,
    updatedAt: r.updatedAt,
    demo: r.demo,
  };
}

function toEntity(a: Action): TableEntity<ActionRow> {
  return {
    partitionKey: encodeKeyPart(a.orgId),
    rowKey: encodeKeyPart(a.actionId),
    title: JSON.stringify({ nl: a.title.nl, en: a.title.en }),
    description: JSON.stringify({ nl: a.description.nl, en: a.description.en }),
    theme: a.theme,
    dimension: a.dimension,
    status: a.status,
    owner: a.owner,
    ...(a.ownerUserId === undefined ? {} : { ownerUserId: a.ownerUserId }),
    ...(a.dueDate === undefined ? {} : { dueDate: a.dueDate }),
    barrierIds: JSON.stringify(a.barrierIds),
    createdAt: a.createdAt,
    updatedAt: a.updatedAt,
    demo: a.demo,
  };
}

function updateFromRow(row: StoredRow<ActionUpdateRow>): ActionUpdate {
  const where = `ActionUpdates row ${row.rowKey}`;
  const r = parseRow(updateRowSchema, row, where);
  return {
    actionId: decodeKeyPart(row.partitionKey),
    updateId: decodeKeyPart(row.rowKey),
    at: r.at,
    author: r.author,
    kind: r.kind,
    ...(r.fromStatus === undefined ? {} : { fromStatus: r.fromStatus }),
    ...(r.toStatus === undefined ? {} : { toStatus: r.toStatus }),
    ...(r.text === undefined ? {} : { text: parseRowJson(z.union([z.string(), localizedSchema]), r.text, where) }),
  };
}

/** A localized text: Dutch (the source) required, English may wait for its translation. */
function localizedInput(max: number, nlRequired: boolean) {
  const part = z.string().transform((s) => s.trim()).refine((s) => charCount(s) <= max, { error: `at most ${max} characters` });
  return z.object({
    nl: nlRequired ? part.refine((s) => s.length > 0, { error: 'required' }) : part,
    en: part,
  });
}

const ownerSchema = z
  .string()
  .transform((s) => s.trim())
  .refine((s) => s.length > 0 && charCount(s) <= ACTION_OWNER_MAX, { error: `1 to ${ACTION_OWNER_MAX} characters` });
/** Barrier ids are generated (18 characters); 64 keeps the JSON list far below a property's 64 KiB. */
const barrierIdsSchema = z.array(z.string().min(1).max(64)).max(ACTION_BARRIERS_MAX);
const noteSchema = z.union([
  z.string().transform((s) => s.trim()).refine((s) => s.length > 0 && charCount(s) <= ACTION_NOTE_MAX),
  localizedInput(ACTION_NOTE_MAX, true),
]);

export interface NewAction {
  readonly orgId: string;
  readonly title: Localized;
  readonly description: Localized;
  readonly theme: Theme;
  readonly dimension: Dimension;
  /** Defaults to `idee`. */
  readonly status?: ActionStatus;
  readonly owner: string;
  readonly ownerUserId?: string;
  readonly dueDate?: IsoDate;
  readonly barrierIds?: readonly string[];
  readonly demo?: boolean;
}

const newActionSchema = z.object({
  orgId: idSchema,
  title: localizedInput(ACTION_TITLE_MAX, true),
  description: localizedInput(ACTION_DESCRIPTION_MAX, false),
  theme: z.enum(THEMES),
  dimension: z.enum(DIMENSIONS),
  status: z.enum(ACTION_STATUSES).optional(),
  owner: ownerSchema,
  ownerUserId: idSchema.optional(),
  dueDate: isoDateSchema.optional(),
  barrierIds: barrierIdsSchema.optional(),
  demo: z.boolean().optional(),
});

/** What a coordinator may change on an action. `null` clears an optional field. */
export interface ActionChanges {
  readonly title?: Localized;
  readonly description?: Localized;
  readonly theme?: Theme;
  readonly dimension?: Dimension;
  readonly status?: ActionStatus;
  readonly owner?: string;
  readonly ownerUserId?: string | null;
  readonly dueDate?: IsoDate | null;
}

const changesSchema = z.object({
  title: localizedInput(ACTION_TITLE_MAX, true).optional(),
  description: localizedInput(ACTION_DESCRIPTION_MAX, false).optional(),
  theme: z.enum(THEMES).optional(),
  dimension: z.enum(DIMENSIONS).optional(),
  status: z.enum(ACTION_STATUSES).optional(),
  owner: ownerSchema.optional(),
  ownerUserId: idSchema.nullable().optional(),
  dueDate: isoDateSchema.nullable().optional(),
});

/** The owner name an erasure leaves when the name was the erased person's user id (see `forgetOwner`). */
export const ERASED_OWNER_NAME = '—';

/** The action programme (`Actions`, one partition per organisation) and each action's timeline (`ActionUpdates`). */
export class ActionsRepository {
  constructor(
    private readonly actions: TableStore<ActionRow>,
    private readonly updates: TableStore<ActionUpdateRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  private lastUpdateMs = 0;

  /** Creates an action with a new id and writes the `created` note on its timeline. */
  async create(input: NewAction, author: string): Promise<StoredAction> {
    const v = validateInput(newActionSchema, input, 'action');
    validateInput(idSchema, author, 'action author');
    const at = this.now();
    const action: Action = {
      orgId: v.orgId,
      actionId: newSortableId(at),
      title: v.title,
      description: v.description,
      theme: v.theme,
      dimension: v.dimension,
      status: v.status ?? 'idee',
      owner: v.owner,
      ...(v.ownerUserId === undefined ? {} : { ownerUserId: v.ownerUserId }),
      ...(v.dueDate === undefined ? {} : { dueDate: v.dueDate }),
      barrierIds: [...new Set(v.barrierIds ?? [])],
      createdAt: at.toISOString(),
      updatedAt: at.toISOString(),
      demo: v.demo ?? false,
    };
    const etag = await this.actions.create(toEntity(action));
    await this.append({ actionId: action.actionId, at: action.createdAt, author, kind: 'note', text: ACTION_CREATED_NOTE });
    return { action, etag };
  }

  async get(orgId: string, actionId: string): Promise<StoredAction | undefined> {
    const row = await this.actions.get(encodeKeyPart(orgId), encodeKeyPart(actionId));
    return row && { action: fromRow(row), etag: row.etag };
  }

  /** The organisation's action programme in creation order: one partition. */
  async list(orgId: string): Promise<StoredAction[]> {
    const rows = await this.actions.listPartition(encodeKeyPart(orgId));
    return rows.map((row) => ({ action: fromRow(row), etag: row.etag }));
  }

  /** The actions that name `userId` as their owner in the app (`ownerUserId`): their "mijn gegevens". One partition. */
  async listByOwner(orgId: string, userId: string): Promise<StoredAction[]> {
    return (await this.list(orgId)).filter((s) => s.action.ownerUserId === userId);
  }

  /**
   * Erasure: every action naming `userId` as owner in the app loses that link (`ownerUserId`), so no owner card or
   * reminder goes to them and nothing ties them to the action. The owner name (`owner`) is the coordinator's own
   * free text and stays, unless it is the person's user id itself (not a name anyone typed for people to read):
   * then it becomes {@link ERASED_OWNER_NAME}. `updatedAt` and the timeline are left alone (no programme change).
   * Idempotent; each action ETag-checked and retried, so a coordinator's edit at the same time is never lost.
   * Returns how many actions it unlinked.
   */
  async forgetOwner(orgId: string, userId: string): Promise<number> {
    return changeEachExisting({
      store: this.actions,
      partitionKey: encodeKeyPart(orgId),
      rowKeys: (await this.listByOwner(orgId, userId)).map(({ action }) => encodeKeyPart(action.actionId)),
      parse: fromRow,
      change: (current) => {
        if (current.ownerUserId !== userId) return undefined;
        const { ownerUserId: _unlinked, ...rest } = current;
        return current.owner.trim() === userId ? { ...rest, owner: ERASED_OWNER_NAME } : rest;
      },
      toEntity,
    });
  }

  /**
   * A coordinator's edit, made against the version they saw (`expectedEtag`): a `ConflictError('changed')`
   * when someone else changed the action since. A status change must follow {@link canTransition}
   * (VALIDATION_FAILED otherwise) and is written to the timeline with its from and to.
   *
   * The action row and its timeline entry live in two tables, so they are two writes: the action first (that is
   * the one that can conflict), then the timeline entry. If the second fails the error is thrown, not swallowed.
   */
  async update(orgId: string, actionId: string, expectedEtag: string, changes: ActionChanges, author: string): Promise<StoredAction> {
    const c = validateInput(changesSchema, changes, 'action changes');
    validateInput(idSchema, author, 'action author');
    const row = await this.actions.get(encodeKeyPart(orgId), encodeKeyPart(actionId));
    if (!row) throw new AppError('NOT_FOUND', 'The action does not exist.');
    if (row.etag !== expectedEtag) throw new ConflictError('changed', 'update Actions: the action changed since it was read.');
    const current = fromRow(row);
    const statusChanged = c.status !== undefined && c.status !== current.status;
    if (c.status !== undefined && statusChanged && !canTransition(current.status, c.status)) {
      throw new AppError('VALIDATION_FAILED', `An action cannot go from ${current.status} to ${c.status}.`);
    }
    const { ownerUserId: _o, dueDate: _d, ...rest } = current;
    const ownerUserId = c.ownerUserId === undefined ? current.ownerUserId : (c.ownerUserId ?? undefined);
    const dueDate = c.dueDate === undefined ? current.dueDate : (c.dueDate ?? undefined);
    const at = this.now().toISOString();
    const next: Action = {
      ...rest,
      ...(c.title === undefined ? {} : { title: c.title }),
      ...(c.description === undefined ? {} : { description: c.description }),
      ...(c.theme === undefined ? {} : { theme: c.theme }),
      ...(c.dimension === undefined ? {} : { dimension: c.dimension }),
      ...(c.status === undefined ? {} : { status: c.status }),
      ...(c.owner === undefined ? {} : { owner: c.owner }),
      ...(ownerUserId === undefined ? {} : { ownerUserId }),
      ...(dueDate === undefined ? {} : { dueDate }),
      updatedAt: at,
    };
    const etag = await this.actions.update(toEntity(next), expectedEtag);
    if (statusChanged) {
      await this.append({ actionId, at, author, kind: 'status', fromStatus: current.status, toStatus: next.status });
    }
    return { action: next, etag };
  }

  /**
   * Adds barriers to the action (ids already there are ignored). Linking only adds, so a concurrent write is
   * simply retried on the fresh row. Writes a `link` timeline entry naming the newly linked ids (comma separated).
   * The barriers themselves are updated by the caller through the barriers repository.
   */
  async linkBarriers(orgId: string, actionId: string, barrierIds: readonly string[], author: string): Promise<StoredAction> {
    const ids = validateInput(barrierIdsSchema.min(1), barrierIds, 'barrier ids');
    validateInput(idSchema, author, 'action author');
    let added: string[] = [];
    const at = this.now().toISOString();
    const result = await readModifyWrite({
      store: this.actions,
      partitionKey: encodeKeyPart(orgId),
      rowKey: encodeKeyPart(actionId),
      parse: fromRow,
      change: (current) => {
        added = [...new Set(ids)].filter((id) => !current.barrierIds.includes(id));
        if (added.length === 0) return undefined;
        const barrierIdsNext = [...current.barrierIds, ...added];
        if (barrierIdsNext.length > ACTION_BARRIERS_MAX) {
          throw new AppError('VALIDATION_FAILED', `An action holds at most ${ACTION_BARRIERS_MAX} barriers.`);
        }
        return { ...current, barrierIds: barrierIdsNext, updatedAt: at };
      },
      toEntity,
    });
    if (result.changed) await this.append({ actionId, at, author, kind: 'link', text: added.join(',') });
    return { action: result.value, etag: result.etag };
  }

  /** Adds a note (one text, or nl/en) to the action's timeline. The action must exist in the organisation. */
  async addNote(orgId: string, actionId: string, text: Localized | string, author: string): Promise<ActionUpdate> {
    const note = validateInput(noteSchema, text, 'note');
    validateInput(idSchema, author, 'note author');
    if (!(await this.actions.get(encodeKeyPart(orgId), encodeKeyPart(actionId)))) {
      throw new AppError('NOT_FOUND', 'The action does not exist.');
    }
    return this.append({ actionId, at: this.now().toISOString(), author, kind: 'note', text: note });
  }

  /** The action's timeline, oldest first: one partition. */
  async timeline(actionId: string): Promise<ActionUpdate[]> {
    const rows = await this.updates.listPartition(encodeKeyPart(actionId));
    return rows.map(updateFromRow);
  }

  private async append(entry: Omit<ActionUpdate, 'updateId'>): Promise<ActionUpdate> {
    // Entries written by this instance within one millisecond still sort in the order they were written.
    this.lastUpdateMs = Math.max(Date.parse(entry.at), this.lastUpdateMs + 1);
    const update: ActionUpdate = { ...entry, updateId: newSortableId(new Date(this.lastUpdateMs)) };
    await this.updates.create({
      partitionKey: encodeKeyPart(update.actionId),
      rowKey: encodeKeyPart(update.updateId),
      at: update.at,
      author: update.author,
      kind: update.kind,
      ...(update.fromStatus === undefined ? {} : { fromStatus: update.fromStatus }),
      ...(update.toStatus === undefined ? {} : { toStatus: update.toStatus }),
      ...(update.text === undefined ? {} : { text: JSON.stringify(update.text) }),
    });
    return update;
  }

  /**
   * Records on the timeline (a `link` entry) barriers the action already lists but whose link has no entry yet:
   * `create` with `barrierIds` lists them in the action's own write, and this writes their entry, which the
   * "you said, we did" job reads. Ids the action does not list are ignored; ids some `link` entry names already
   * are left out, so running it again writes nothing. Returns the entry, or `undefined` when nothing was left.
   */
  async recordLinked(orgId: string, actionId: string, barrierIds: readonly string[], author: string): Promise<ActionUpdate | undefined> {
    const ids = validateInput(barrierIdsSchema.min(1), barrierIds, 'barrier ids');
    validateInput(idSchema, author, 'action author');
    const row = await this.actions.get(encodeKeyPart(orgId), encodeKeyPart(actionId));
    if (!row) throw new AppError('NOT_FOUND', 'The action does not exist.');
    const listed = new Set(fromRow(row).barrierIds);
    const recorded = new Set(
      (await this.timeline(actionId)).flatMap((u) => (u.kind === 'link' && typeof u.text === 'string' ? u.text.split(',') : [])),
    );
    const todo = [...new Set(ids)].filter((id) => listed.has(id) && !recorded.has(id));
    if (todo.length === 0) return undefined;
    return this.append({ actionId, at: this.now().toISOString(), author, kind: 'link', text: todo.join(',') });
  }
}
