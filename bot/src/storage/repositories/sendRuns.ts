import type { TableEntity } from '@azure/data-tables';
import { z } from 'zod';
import { SEND_CODE_PATTERN, SEND_KINDS, type SendKind, type SendRun } from '@soestainable/shared/domain/sending';
import { decodeKeyPart, encodeKeyPart, invertedTimeKey } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { validateInput } from './rowSchemas';

/** Row shape of `SendRuns` (PartitionKey kind, RowKey inverted time + random: newest first). Counters are Int32. */
export type SendRunRow = {
  startedAt: string;
  finishedAt?: string;
  queued: number;
  sent: number;
  retried: number;
  throttled: number;
  failed: number;
  skipped: number;
  /** JSON Record<reason code, count>. */
  skippedByReason: string;
  uncertain: number;
  durationMs: number;
};

/** Int32, never Int64 (the SDK would hand those back as BigInt). */
const counter = z.number().int().min(0).max(2_147_483_647);
const skippedByReasonSchema = z.record(z.string().regex(SEND_CODE_PATTERN), counter);
const rowSchema = z.object({
  startedAt: z.string().min(1),
  finishedAt: z.string().min(1).optional(),
  queued: counter,
  sent: counter,
  retried: counter,
  throttled: counter,
  failed: counter,
  skipped: counter,
  skippedByReason: z.string(),
  uncertain: counter,
  durationMs: counter,
});
const runSchema = rowSchema.extend({
  kind: z.enum(SEND_KINDS),
  runId: z.string().min(1),
  skippedByReason: skippedByReasonSchema.refine((r) => Object.keys(r).length <= 50, { error: 'at most 50 reasons' }),
});

function fromRow(row: StoredRow<SendRunRow>): SendRun {
  const where = `SendRuns row ${row.rowKey}`;
  const r = parseRow(rowSchema, row, where);
  const kind = parseRow(z.enum(SEND_KINDS), decodeKeyPart(row.partitionKey), where);
  return {
    kind,
    runId: decodeKeyPart(row.rowKey),
    startedAt: r.startedAt,
    ...(r.finishedAt === undefined ? {} : { finishedAt: r.finishedAt }),
    queued: r.queued,
    sent: r.sent,
    retried: r.retried,
    throttled: r.throttled,
    failed: r.failed,
    skipped: r.skipped,
    skippedByReason: parseRowJson(skippedByReasonSchema, r.skippedByReason, where),
    uncertain: r.uncertain,
    durationMs: r.durationMs,
  };
}

function toEntity(run: SendRun): TableEntity<SendRunRow> {
  return {
    partitionKey: encodeKeyPart(run.kind),
    rowKey: encodeKeyPart(run.runId),
    startedAt: run.startedAt,
    ...(run.finishedAt === undefined ? {} : { finishedAt: run.finishedAt }),
    queued: run.queued,
    sent: run.sent,
    retried: run.retried,
    throttled: run.throttled,
    failed: run.failed,
    skipped: run.skipped,
    skippedByReason: JSON.stringify(run.skippedByReason),
    uncertain: run.uncertain,
    durationMs: run.durationMs,
  };
}

/** One row per run of a sending job: the admin page reads the newest few of a kind. */
export class SendRunsRepository {
  constructor(
    private readonly store: TableStore<SendRunRow>,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Records the start of a run with zero counters. The run id sorts newest first. */
  async start(kind: SendKind): Promise<SendRun> {
    validateInput(z.enum(SEND_KINDS), kind, 'send run kind');
    const startedAt = this.now();
    const run: SendRun = {
      kind,
      runId: invertedTimeKey(startedAt),
      startedAt: startedAt.toISOString(),
      queued: 0,
      sent: 0,
      retried: 0,
      throttled: 0,
      failed: 0,
      skipped: 0,
      skippedByReason: {},
      uncertain: 0,
      durationMs: 0,
    };
    await this.store.create(toEntity(run));
    return run;
  }

  async get(kind: SendKind, runId: string): Promise<SendRun | undefined> {
    const row = await this.store.get(encodeKeyPart(kind), encodeKeyPart(runId));
    return row && fromRow(row);
  }

  /** Writes the run's counters so far. A run has one writer (the job that started it), so this replaces the row. */
  async save(run: SendRun): Promise<void> {
    validateInput(runSchema, run, 'send run');
    // If-Match `*`: replaces the row whatever its version, but only if it exists (NOT_FOUND for a run never started).
    await this.store.update(toEntity(run), '*');
  }

  /** Stamps the end time and duration and saves; returns the finished run. */
  async finish(run: SendRun): Promise<SendRun> {
    const finishedAt = this.now();
    const durationMs = Math.max(0, Math.min(2_147_483_647, finishedAt.getTime() - Date.parse(run.startedAt)));
    const finished: SendRun = { ...run, finishedAt: finishedAt.toISOString(), durationMs };
    await this.save(finished);
    return finished;
  }

  /** The newest `n` runs of a kind, newest first: the first rows of one partition. */
  async latest(kind: SendKind, n = 10): Promise<SendRun[]> {
    const count = validateInput(z.number().int().min(1).max(1000), n, 'count');
    const runs: SendRun[] = [];
    for await (const row of this.store.queryPartition(encodeKeyPart(kind))) {
      runs.push(fromRow(row));
      if (runs.length >= count) break;
    }
    return runs;
  }
}
