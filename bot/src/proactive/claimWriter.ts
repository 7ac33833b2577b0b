import type { SendKind } from '@soestainable/shared/domain/sending';
import type { ClaimOutcome, SendClaimsRepository } from '../storage/repositories/sendClaims';
import { MAX_BATCH } from '../storage/tableStore';
import { GroupCommit } from './groupCommit';

/** How one run writes its claims: one by one, or grouped in transactions. */
export interface ClaimWriter {
  /** Claims a block of distinct recipients; one answer per recipient, in order. */
  claim(recipientIds: readonly string[]): Promise<('claimed' | 'taken')[]>;
  /** Moves one held claim out of `claimed`; resolves once that is stored. */
  finish(outcome: ClaimOutcome): Promise<void>;
  /** Outcomes waiting to be written (not yet in a transaction under way). */
  readonly waitingFinishes: number;
  /** Writes the waiting outcomes now, however few. */
  flushFinishes(): void;
}

export type ClaimStore = Pick<SendClaimsRepository, 'claim' | 'markSent' | 'markFailed' | 'markSkipped'> &
  Partial<Pick<SendClaimsRepository, 'claimMany' | 'finishMany'>>;

export interface ClaimWriterOptions {
  readonly kind: SendKind;
  readonly period: string;
  /** The run's claim token. */
  readonly token: string;
  /** Group when the store can. */
  readonly grouped: boolean;
  /** Outcomes per transaction: wait for this many (capped at a transaction's 100) ... */
  readonly finishBatch: number;
  /** ... or this long, or a flush. */
  readonly finishLingerMs: number;
  readonly sleep: (ms: number) => Promise<void>;
}

/** The run's claim writer: grouped when asked and the store offers `claimMany`/`finishMany`, else one by one. */
export function createClaimWriter(claims: ClaimStore, options: ClaimWriterOptions): ClaimWriter {
  const { claimMany, finishMany } = claims;
  if (!options.grouped || claimMany === undefined || finishMany === undefined) return singleWriter(claims, options);
  const { kind, period, token } = options;
  const finishes = new GroupCommit<ClaimOutcome, undefined>(
    async (outcomes) => {
      await finishMany.call(claims, kind, period, outcomes);
      return outcomes.map(() => undefined);
    },
    MAX_BATCH,
    2,
    { minBatch: options.finishBatch, lingerMs: options.finishLingerMs, sleep: options.sleep },
  );
  return {
    claim: async (ids) => {
      const answers: ('claimed' | 'taken')[] = [];
      for (let i = 0; i < ids.length; i += MAX_BATCH) answers.push(...(await claimMany.call(claims, kind, period, ids.slice(i, i + MAX_BATCH), token)));
      return answers;
    },
    finish: (o) => finishes.submit(o),
    get waitingFinishes() {
      return finishes.waiting;
    },
    flushFinishes: () => finishes.flush(),
  };
}

function singleWriter(claims: ClaimStore, { kind, period, token }: ClaimWriterOptions): ClaimWriter {
  return {
    claim: (ids) => Promise.all(ids.map((id) => claims.claim(kind, period, id, token))),
    finish: async (o) => {
      if (o.state === 'sent') await claims.markSent(kind, period, o.recipientId, o.activityId);
      else if (o.state === 'failed') await claims.markFailed(kind, period, o.recipientId, o.errorCode);
      else await claims.markSkipped(kind, period, o.recipientId, o.reason);
    },
    waitingFinishes: 0,
    flushFinishes: () => undefined,
  };
}
