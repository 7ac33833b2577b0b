import type { Participant } from '../../../../shared/src/domain/organisation';
import type { StoredConversationRef } from '../../../../shared/src/domain/conversation';
import type { Barrier, Idea } from '../../../../shared/src/domain/programme';
import type { CheckIn, Survey } from '../../../../shared/src/domain/types';
import type { Repositories } from '../../storage/repositories';

/**
 * Everything the app stores about one person, read from every repository that holds personal data: what the
 * "my data" card summarises and the download contains. Team totals (`DailyAggregates`) hold no personal data
 * and are not part of it; anonymous barriers and ideas cannot be tied to anyone, so they are not either.
 */
export interface StoredData {
  readonly userId: string;
  readonly participant: Participant | undefined;
  readonly checkIns: readonly CheckIn[];
  readonly surveys: readonly Survey[];
  readonly conversationRefs: readonly StoredConversationRef[];
  /** Barriers the person reported with "you may contact me" ticked. */
  readonly barriers: readonly Barrier[];
  /** Ideas the person sent with "you may contact me" ticked. */
  readonly ideas: readonly Idea[];
}

/** The organisations to look in: the configured one, and the participant's if it differs. */
export function orgIdsOf(configOrgId: string, participant: Participant | undefined): string[] {
  return [...new Set([configOrgId, ...(participant ? [participant.orgId] : [])])];
}

/** Reads everything stored about `userId` (a handful of partition queries). */
export async function readStoredData(repos: Repositories, configOrgId: string, userId: string): Promise<StoredData> {
  const participant = await repos.participants.get(userId);
  const orgIds = orgIdsOf(configOrgId, participant);
  const [checkIns, surveys, conversationRefs, barriers, ideas] = await Promise.all([
    repos.checkIns.listAll(userId),
    repos.surveys.listAll(userId),
    repos.conversationRefs.listAll({ kind: 'user', userId }),
    Promise.all(orgIds.map((orgId) => repos.barriers.listByContact(orgId, userId))).then((lists) => lists.flat()),
    Promise.all(orgIds.map((orgId) => repos.ideas.listByContact(orgId, userId))).then((lists) => lists.flat()),
  ]);
  return { userId, participant, checkIns, surveys, conversationRefs, barriers, ideas };
}

/** True when nothing at all is stored about the person. */
export function isEmpty(data: StoredData): boolean {
  return (
    data.participant === undefined &&
    data.checkIns.length === 0 &&
    data.surveys.length === 0 &&
    data.conversationRefs.length === 0 &&
    data.barriers.length === 0 &&
    data.ideas.length === 0
  );
}

/** How many of each kind were deleted (or anonymised) by one erasure. */
export interface DeletionCounts {
  readonly profile: boolean;
  readonly checkIns: number;
  readonly surveys: number;
  readonly barriers: number;
  readonly ideas: number;
  readonly conversationRefs: number;
}

/**
 * Erases everything personal about `userId`, in an order that can be run again after a crash: check-ins,
 * surveys, the contact on barriers and ideas (the reports stay, anonymous), conversation references, and the
 * participant last, so that until the very end the person still "exists" and a retry finds what is left. Every
 * step is idempotent. Team totals (`DailyAggregates`) are not touched.
 */
export async function eraseStoredData(repos: Repositories, configOrgId: string, userId: string): Promise<DeletionCounts> {
  const participant = await repos.participants.get(userId);
  const orgIds = orgIdsOf(configOrgId, participant);
  const checkIns = await repos.checkIns.deleteAll(userId);
  const surveys = await repos.surveys.deleteAll(userId);
  let barriers = 0;
  let ideas = 0;
  for (const orgId of orgIds) {
    barriers += await repos.barriers.forgetContact(orgId, userId);
    ideas += await repos.ideas.forgetContact(orgId, userId);
  }
  const conversationRefs = await repos.conversationRefs.deleteAll({ kind: 'user', userId });
  const profile = await repos.participants.remove(userId);
  return { profile, checkIns, surveys, barriers, ideas, conversationRefs };
}

/** True when an erasure found nothing to delete. */
export function nothingDeleted(c: DeletionCounts): boolean {
  return !c.profile && c.checkIns + c.surveys + c.barriers + c.ideas + c.conversationRefs === 0;
}
