import { odata, type TableEntity, type TransactionAction } from '@azure/data-tables';
import { z } from 'zod';
import {
  SEND_CLAIM_STATES,
  SEND_CODE_PATTERN,
  SEND_KINDS,
  type SendClaim,
  type SendClaimState,
  type SendKind,
} from '@soestainable/shared/domain/sending';
import { AppError, ConflictError } from '../../errors';
import { decodeKeyPart, encodeKeyPart, key, prefixRange, splitKey } from '../keys';
import { parseRow } from '../rowJson';
import { MAX_BATCH, type StoredRow, type TableStore } from '../tableStore';
import { readModifyWrite } from './optimistic';
import { idSchema, validateInput } from './rowSchemas';

/** Row shape of `SendClaims` (PartitionKey `kind|period`, RowKey recipient id): see docs/storage.md. */
export type SendClaimRow = {
  state: string;
  claimedBy: string;
  claimedAt: string;
  /** Int32. */
  attempts: number;
  finishedAt?: string;
  activityId?: string;
  lastError?: string;
  skipReason?: string;
};

const rowSchema = z.object({
  state: z.enum(SEND_CLAIM_STATES),
  claimedBy: z.string().min(1),
  claimedAt: z.string().min(1),
  attempts: z.number().int().min(1),
  finishedAt: z.string().min(1).optional(),
  activityId: z.string().min(1).optional(),
  lastError: z.string().min(1).optional(),
  skipReason: z.string().min(1).optional(),
});

function fromRow(row: StoredRow<SendClaimRow>): SendClaim {
  const where = `SendClaims row ${row.partitionKey}/${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const [kind, period, ...extra] = splitKey(row.partitionKey);
  const parsedKind = z.enum(SEND_KINDS).safeParse(kind);
  if (!parsedKind.success || period === undefined || extra.length > 0) {
    throw new AppError('STORAGE_DATA_INVALID', `${where} does not parse.`);
  }
  return {
    kind: parsedKind.data,
    period,
    recipientId: decodeKeyPart(row.rowKey),
    state: r.state,
    claimedBy: r.claimedBy,
    claimedAt: r.claimedAt,
    attempts: r.attempts,
    ...(r.finishedAt === undefined ? {} : { finishedAt: r.finishedAt }),
    ...(r.activityId === undefined ? {} : { activityId: r.activityId }),
    ...(r.lastError === undefined ? {} : { lastError: r.lastError }),
    ...(r.skipReason === undefined ? {} : { skipReason: r.skipReason }),
  };
}

function toEntity(c: SendClaim): TableEntity<SendClaimRow> {
  return {
    partitionKey: key(c.kind, c.period),
    rowKey: encodeKeyPart(c.recipientId),
    state: c.state,
    claimedBy: c.claimedBy,
    claimedAt: c.claimedAt,
    attempts: c.attempts,
    ...(c.finishedAt === undefined ? {} : { finishedAt: c.finishedAt }),
    ...(c.activityId === undefined ? {} : { activityId: c.activityId }),
    ...(c.lastError === undefined ? {} : { lastError: c.lastError }),
    ...(c.skipReason === undefined ? {} : { skipReason: c.skipReason }),
  };
}

/**
 * Longest period. It may hold ids: the owner card's is `announce|<actionId>|<userId>` and a user id may be 200
 * characters (idSchema); 64 refused any owner whose id is longer than 36 characters and stopped the whole owners job
 * (found with the Playground's 37-character user id). The encoded key part's own limit (keys.ts, 256) still applies.
 */
export const SEND_PERIOD_MAX = 240;

const refSchema = z.object({
  kind: z.enum(SEND_KINDS),
  period: z.string().min(1).max(SEND_PERIOD_MAX),
  recipientId: idSchema,
});
const codeSchema = z.string().regex(SEND_CODE_PATTERN);
const activityIdSchema = z.string().min(1).max(512);

/** How a claim leaves `claimed`, for {@link SendClaimsRepository.finishMany}. */
export type ClaimOutcome =
  | { readonly recipientId: string; readonly state: 'sent'; readonly activityId: string }
  | { readonly recipientId: string; readonly state: 'failed'; readonly errorCode: string }
  | { readonly recipientId: string; readonly state: 'skipped'; readonly reason: string };

/**
 * Claims before proactive sends. `claim` inserts the row if absent: the one caller whose insert succeeds sends,
 * every other gets `'taken'` (a 409 from storage). A claim then moves once from `claimed` to `sent`, `failed` or
 * `skipped`; a `failed` one may be taken again with {@link reclaimFailed}.
 *
 * `claimant` is the caller's **per-run token** (the fan-out engine passes instance id + a random nonce per run),
 * never shared by two runs. It is what tells "someone else has it" from "our own insert, retried": the storage SDK
 * retries a request that timed out, and when the first attempt had committed the retry answers 409. On a 409 the
 * row is read once: if it is still `claimed` by this very token (and not sent), the claim is ours. Two runs, even
 * in one process, never hold the same token, so they can never both think they own a claim; a caller must not ask
 * for the same recipient twice within one run (the engine drops repeated recipients before claiming).
 */
export class SendClaimsRepository {
  constructor(
    private readonly store: TableStore<SendClaimRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /**
   * Takes the claim for this recipient and period: `'claimed'` means "you send", `'taken'` means "leave it".
   * A 409 is `'taken'` unless the row is this claimant's own, still `claimed`, first attempt (a retried insert
   * whose first attempt committed: see the class comment).
   */
  async claim(kind: SendKind, period: string, recipientId: string, claimant: string): Promise<'claimed' | 'taken'> {
    const ref = validateInput(refSchema, { kind, period, recipientId }, 'send claim');
    validateInput(idSchema, claimant, 'claimant');
    try {
      await this.store.create(toEntity({ ...ref, state: 'claimed', claimedBy: claimant, claimedAt: this.now().toISOString(), attempts: 1 }));
      return 'claimed';
    } catch (err) {
      if (!(err instanceof ConflictError && err.reason === 'exists')) throw err;
      return (await this.heldBy(ref, claimant, 1)) ? 'claimed' : 'taken';
    }
  }

  /**
   * Whether the stored claim is `claimant`'s, still `claimed` and unsent, at `attempts`: our own write, committed
   * although storage answered a conflict to its retry. Read leniently (these columns only): a row that does not
   * parse is not ours.
   */
  private async heldBy(ref: { kind: SendKind; period: string; recipientId: string }, claimant: string, attempts: number): Promise<boolean> {
    const row = await this.store.get(key(ref.kind, ref.period), encodeKeyPart(ref.recipientId));
    return (
      row !== undefined &&
      row.claimedBy === claimant &&
      row.state === 'claimed' &&
      row.attempts === attempts &&
      row.activityId === undefined &&
      row.finishedAt === undefined
    );
  }

  /**
   * {@link claim} for up to 100 recipients of one run in one entity-group transaction (one round trip instead of
   * one per recipient; the claims share a partition). The transaction is atomic: when any of the rows exists it
   * inserts none, and each recipient is then claimed on its own, so the answer per recipient is exactly what
   * {@link claim} would have said. That includes a transaction the SDK retried after it had committed: the retry
   * answers 409 for the batch, and each row, found `claimed` by this `claimant`, is answered `'claimed'`.
   * Answers in the order of `recipientIds`.
   */
  async claimMany(kind: SendKind, period: string, recipientIds: readonly string[], claimant: string): Promise<('claimed' | 'taken')[]> {
    if (recipientIds.length === 0) return [];
    if (recipientIds.length > MAX_BATCH) throw new AppError('VALIDATION_FAILED', `claimMany takes at most ${MAX_BATCH} recipients.`);
    validateInput(idSchema, claimant, 'claimant');
    if (new Set(recipientIds).size !== recipientIds.length) throw new AppError('VALIDATION_FAILED', 'claimMany: a recipient appears twice.');
    const claimedAt = this.now().toISOString();
    const actions = recipientIds.map((recipientId): TransactionAction => {
      const ref = validateInput(refSchema, { kind, period, recipientId }, 'send claim');
      return ['create', toEntity({ ...ref, state: 'claimed', claimedBy: claimant, claimedAt, attempts: 1 })];
    });
    try {
      await this.store.batch(actions);
      return recipientIds.map(() => 'claimed');
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
    return Promise.all(recipientIds.map((id) => this.claim(kind, period, id, claimant)));
  }

  /**
   * Moves up to 100 claims **this caller holds** out of `claimed` in one transaction, without reading them first:
   * a merge of the outcome fields. Safe without an ETag because only a claim's holder moves it out of `claimed`
   * (no other method writes a `claimed` row: {@link reclaimFailed} takes `failed` ones only). When the
   * transaction meets a conflict, each claim goes through its single, checked method instead.
   */
  async finishMany(kind: SendKind, period: string, outcomes: readonly ClaimOutcome[]): Promise<void> {
    if (outcomes.length === 0) return;
    if (outcomes.length > MAX_BATCH) throw new AppError('VALIDATION_FAILED', `finishMany takes at most ${MAX_BATCH} claims.`);
    const finishedAt = this.now().toISOString();
    const actions = outcomes.map((o): TransactionAction => {
      const ref = validateInput(refSchema, { kind, period, recipientId: o.recipientId }, 'send claim');
      const fields =
        o.state === 'sent'
          ? { activityId: validateInput(activityIdSchema, o.activityId, 'activity id') }
          : o.state === 'failed'
            ? { lastError: validateInput(codeSchema, o.errorCode, 'error code') }
            : { skipReason: validateInput(codeSchema, o.reason, 'skip reason') };
      const entity: TableEntity<Partial<SendClaimRow>> = {
        partitionKey: key(ref.kind, ref.period),
        rowKey: encodeKeyPart(ref.recipientId),
        state: o.state,
        finishedAt,
        ...fields,
      };
      return ['update', entity, 'Merge', { etag: '*' }];
    });
    try {
      await this.store.batch(actions);
      return;
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
    }
    await Promise.all(
      outcomes.map((o) =>
        o.state === 'sent'
          ? this.markSent(kind, period, o.recipientId, o.activityId)
          : o.state === 'failed'
            ? this.markFailed(kind, period, o.recipientId, o.errorCode)
            : this.markSkipped(kind, period, o.recipientId, o.reason),
      ),
    );
  }

  /**
   * Takes a `failed` claim again for another try (attempts + 1), ETag-checked: of several instances only one
   * gets `'claimed'`. A claim in any other state answers `'taken'`: `claimed` may already have been sent. A 412
   * to an update that had committed (the SDK's retry) is recognised like {@link claim}'s 409.
   */
  async reclaimFailed(kind: SendKind, period: string, recipientId: string, claimant: string): Promise<'claimed' | 'taken'> {
    const ref = validateInput(refSchema, { kind, period, recipientId }, 'send claim');
    validateInput(idSchema, claimant, 'claimant');
    const row = await this.store.get(key(ref.kind, ref.period), encodeKeyPart(ref.recipientId));
    if (!row) return this.claim(kind, period, recipientId, claimant);
    const current = fromRow(row);
    if (current.state !== 'failed') return 'taken';
    const { finishedAt: _f, ...rest } = current;
    const attempts = current.attempts + 1;
    try {
      await this.store.update(toEntity({ ...rest, state: 'claimed', claimedBy: claimant, claimedAt: this.now().toISOString(), attempts }), row.etag);
      return 'claimed';
    } catch (err) {
      if (!(err instanceof ConflictError)) throw err;
      return (await this.heldBy(ref, claimant, attempts)) ? 'claimed' : 'taken';
    }
  }

  /** The message went out. Idempotent for the same activity id. */
  async markSent(kind: SendKind, period: string, recipientId: string, activityId: string): Promise<SendClaim> {
    const id = validateInput(activityIdSchema, activityId, 'activity id');
    return this.finish(kind, period, recipientId, 'sent', { activityId: id }, (c) => c.activityId === id);
  }

  /** The send failed for good (after the sender's own retries): `errorCode` is a code, never a message. */
  async markFailed(kind: SendKind, period: string, recipientId: string, errorCode: string): Promise<SendClaim> {
    const code = validateInput(codeSchema, errorCode, 'error code');
    return this.finish(kind, period, recipientId, 'failed', { lastError: code }, (c) => c.lastError === code);
  }

  /** Nothing was sent on purpose (paused, holiday, no conversation): `reason` is a code. */
  async markSkipped(kind: SendKind, period: string, recipientId: string, reason: string): Promise<SendClaim> {
    const code = validateInput(codeSchema, reason, 'skip reason');
    return this.finish(kind, period, recipientId, 'skipped', { skipReason: code }, (c) => c.skipReason === code);
  }

  async get(kind: SendKind, period: string, recipientId: string): Promise<SendClaim | undefined> {
    const ref = validateInput(refSchema, { kind, period, recipientId }, 'send claim');
    const row = await this.store.get(key(ref.kind, ref.period), encodeKeyPart(ref.recipientId));
    return row && fromRow(row);
  }

  /** Every claim of one run (kind + period), page by page: one partition, any size. */
  async *iterateRun(kind: SendKind, period: string): AsyncGenerator<SendClaim> {
    const ref = validateInput(refSchema.pick({ kind: true, period: true }), { kind, period }, 'send run');
    for await (const row of this.store.queryPartition(key(ref.kind, ref.period))) yield fromRow(row);
  }

  /** {@link iterateRun} collected (thousands of rows are fine; it follows continuation tokens). */
  async listRun(kind: SendKind, period: string): Promise<SendClaim[]> {
    const claims: SendClaim[] = [];
    for await (const claim of this.iterateRun(kind, period)) claims.push(claim);
    return claims;
  }

  /**
   * Claims still in `claimed` state: after the run ended (or crashed) these are *uncertain*, maybe sent, maybe
   * not. `claimedBefore` leaves out the claims of a send that is still going on.
   */
  async inFlight(kind: SendKind, period: string, options: { claimedBefore?: Date } = {}): Promise<SendClaim[]> {
    const ref = validateInput(refSchema.pick({ kind: true, period: true }), { kind, period }, 'send run');
    let filter = odata`PartitionKey eq ${key(ref.kind, ref.period)} and state eq ${'claimed'}`;
    if (options.claimedBefore !== undefined) filter += ' and ' + odata`claimedAt lt ${options.claimedBefore.toISOString()}`;
    const claims: SendClaim[] = [];
    for await (const row of this.store.query(filter)) claims.push(fromRow(row));
    return claims;
  }

  /**
   * Every claim whose recipient is the person `userId`, for their data export: nudges and "you said, we did"
   * (RowKey the user id) and digests they got as a manager (RowKey `<teamId>|<userId>`). Two filtered queries over
   * the table (its size is bounded by the retention purge, {@link purgeClaimedBefore}); for a person's own export
   * and erasure only, never a bot turn.
   */
  async listForRecipient(userId: string): Promise<SendClaim[]> {
    return (await this.rowsForRecipient(userId)).map(fromRow);
  }

  /** Deletes every claim of {@link listForRecipient} (read by keys only, so a damaged row goes too); returns how many. */
  async deleteForRecipient(userId: string): Promise<number> {
    return this.store.deleteRows(await this.rowsForRecipient(userId));
  }

  /**
   * The retention purge: deletes every claim claimed before `cutoff` (a filtered query over the table), or only
   * counts them (`dryRun`). Safe beside another instance doing the same. Returns how many.
   */
  async purgeClaimedBefore(cutoff: Date, dryRun: boolean): Promise<number> {
    const rows: StoredRow<SendClaimRow>[] = [];
    for await (const row of this.store.query(odata`claimedAt lt ${cutoff.toISOString()}`)) rows.push(row);
    return dryRun ? rows.length : this.store.deleteRows(rows);
  }

  private async rowsForRecipient(userId: string): Promise<StoredRow<SendClaimRow>[]> {
    const id = validateInput(idSchema, userId, 'recipient');
    const rows: StoredRow<SendClaimRow>[] = [];
    for await (const row of this.store.query(odata`RowKey eq ${encodeKeyPart(id)}`)) rows.push(row);
    const digests = prefixRange('digest');
    for await (const row of this.store.query(odata`PartitionKey ge ${digests.from} and PartitionKey lt ${digests.to}`)) {
      if (decodeKeyPart(row.rowKey).endsWith(`|${id}`)) rows.push(row);
    }
    return rows;
  }

  /** Moves a claim from `claimed` to a final state, once. Another state is a conflict, unless it is this very change. */
  private async finish(
    kind: SendKind,
    period: string,
    recipientId: string,
    state: Exclude<SendClaimState, 'claimed'>,
    fields: Pick<SendClaim, 'activityId' | 'lastError' | 'skipReason'>,
    sameAs: (current: SendClaim) => boolean,
  ): Promise<SendClaim> {
    const ref = validateInput(refSchema, { kind, period, recipientId }, 'send claim');
    const result = await readModifyWrite({
      store: this.store,
      partitionKey: key(ref.kind, ref.period),
      rowKey: encodeKeyPart(ref.recipientId),
      parse: fromRow,
      change: (current): SendClaim | undefined => {
        if (current.state === state && sameAs(current)) return undefined;
        if (current.state !== 'claimed') {
          throw new ConflictError('changed', `SendClaims: the claim is ${current.state}, not claimed.`);
        }
        return { ...current, ...fields, state, finishedAt: this.now().toISOString() };
      },
      toEntity,
    });
    return result.value;
  }
}
