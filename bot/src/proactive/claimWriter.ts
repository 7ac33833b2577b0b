import type { SendKind } from '@soestainable/shared/domain/sending';
import type { ClaimOutcome, SendClaimsRepository } from '../storage/repositories/sendClaims';
import { MAX_BATCH } from '../storage/tableStore';
import { GroupCommit } from './groupCommit';

/** How one run writes its claims: one by one, or grouped (see {@link GroupCommit}). */
export interface ClaimWriter {
  claim(recipientId: string): Promise<'claimed' | 'taken'>;
  finish(outcome: ClaimOutcome): Promise<void>;
}

export type ClaimStore = Pick<SendClaimsRepository, 'claim' | 'markSent' | 'markFailed' | 'markSkipped'> &
  Partial<Pick<SendClaimsRepository, 'claimMany' | 'finishMany'>>;

export interface ClaimWriterOptions {
  readonly kind: SendKind;
  readonly period: string;
  /** The run's claim token. */
  readonly token: string;
  /** Group when the store can (default true). */
  readonly grouped: boolean;
  /** Rows per group at most (capped at a transaction's 100). */
  readonly maxBatch: number;
}

/** The run's claim writer: grouped when asked and the store offers `claimMany`/`finishMany`, else one by one. */
export function createClaimWriter(claims: ClaimStore, options: ClaimWriterOptions): ClaimWriter {
  const { claimMany, finishMany } = claims;
  if (!options.grouped || claimMany === undefined || finishMany === undefined) return singleWriter(claims, options);
  const { kind, period, token } = options;
  const maxBatch = Math.min(MAX_BATCH, options.maxBatch);
  const claimGroup = new GroupCommit<string, 'claimed' | 'taken'>(async (ids) => {
    // A recipient listed twice: its first entry claims, the others find it taken (as one by one they would).
    const unique = [...new Set(ids)];
    const answers = await claimMany.call(claims, kind, period, unique, token);
    const byId = new Map(unique.map((id, i) => [id, answers[i] ?? 'taken']));
    return ids.map((id) => {
      const answer = byId.get(id) ?? 'taken';
      byId.set(id, 'taken');
      return answer;
    });
  }, maxBatch);
  const finishGroup = new GroupCommit<ClaimOutcome, undefined>(async (outcomes) => {
    await finishMany.call(claims, kind, period, outcomes);
    return outcomes.map(() => undefined);
  }, maxBatch);
  return { claim: (id) => claimGroup.submit(id), finish: (o) => finishGroup.submit(o) };
}

function singleWriter(claims: ClaimStore, { kind, period, token }: ClaimWriterOptions): ClaimWriter {
  return {
    claim: (recipientId) => claims.claim(kind, period, recipientId, token),
    finish: async (o) => {
      if (o.state === 'sent') await claims.markSent(kind, period, o.recipientId, o.activityId);
      else if (o.state === 'failed') await claims.markFailed(kind, period, o.recipientId, o.errorCode);
      else await claims.markSkipped(kind, period, o.recipientId, o.reason);
    },
  };
}
