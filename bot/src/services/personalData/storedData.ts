import type { FollowUpAnswers, Pledge } from '@soestainable/shared/domain/followUp';
import type { OrgTeam, Participant } from '@soestainable/shared/domain/organisation';
import type { TeamCardChannel } from '@soestainable/shared/domain/owners';
import type { StoredConversationRef } from '@soestainable/shared/domain/conversation';
import type { Action, Barrier, Idea } from '@soestainable/shared/domain/programme';
import type { Recognition } from '@soestainable/shared/domain/recognition';
import type { SendClaim } from '@soestainable/shared/domain/sending';
import type { CheckIn, Survey } from '@soestainable/shared/domain/types';
import type { Repositories } from '../../storage/repositories';
import { orgIdsOf } from './erasure';

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
  /** Pledges (voornemens) made on the end survey card. */
  readonly pledges: readonly Pledge[];
  /** Answers to the follow-up pulses (one row per campaign and wave). */
  readonly followUps: readonly FollowUpAnswers[];
  readonly conversationRefs: readonly StoredConversationRef[];
  /** Barriers the person reported with "you may contact me" ticked. */
  readonly barriers: readonly Barrier[];
  /** Ideas the person sent with "you may contact me" ticked. */
  readonly ideas: readonly Idea[];
  /** Barriers the person recognised ("herken ik"), with their "laat me weten" choice. */
  readonly recognitions: readonly Recognition[];
  /** Actions that name the person as their owner in the app (the coordinator picked them; owner cards go to them). */
  readonly ownedActions: readonly Action[];
  /** The proactive messages recorded for the person (nudges, digests as a manager, "you said, we did"). */
  readonly sendClaims: readonly SendClaim[];
  /** Team channels whose weekly team card the person switched on or off last (`teamkaart aan/uit`). */
  readonly teamCards: readonly TeamCardChannel[];
  /** Organisation teams that name the person as a manager. */
  readonly managedTeams: readonly OrgTeam[];
}

/**
 * Reads everything stored about `userId`: a handful of partition queries (`TeamCards` and `OrgTeams` are one small
 * partition per organisation, filtered here), and two filtered queries of `SendClaims`.
 */
export async function readStoredData(repos: Repositories, configOrgId: string, userId: string): Promise<StoredData> {
  const participant = await repos.participants.get(userId);
  const orgIds = orgIdsOf(configOrgId, participant);
  const perOrg = <T>(read: (orgId: string) => Promise<T[]>): Promise<T[]> => Promise.all(orgIds.map(read)).then((lists) => lists.flat());
  const [checkIns, surveys, pledges, followUps, conversationRefs, barriers, ideas, sendClaims, recognitions, ownedActions, teamCards, managedTeams] = await Promise.all([
    repos.checkIns.listAll(userId),
    repos.surveys.listAll(userId),
    repos.pledges.listAll(userId),
    repos.followUpAnswers.listAll(userId),
    repos.conversationRefs.listAll({ kind: 'user', userId }),
    Promise.all(orgIds.map((orgId) => repos.barriers.listByContact(orgId, userId))).then((lists) => lists.flat()),
    Promise.all(orgIds.map((orgId) => repos.ideas.listByContact(orgId, userId))).then((lists) => lists.flat()),
    repos.sendClaims.listForRecipient(userId),
    Promise.all(orgIds.map((orgId) => repos.recognitions.listByUser(orgId, userId))).then((lists) => lists.flat()),
    Promise.all(orgIds.map((orgId) => repos.actions.listByOwner(orgId, userId))).then((lists) => lists.flat().map((s) => s.action)),
    perOrg((orgId) => repos.teamCards.listChangedBy(orgId, userId)),
    perOrg((orgId) => repos.orgTeams.listManagedBy(orgId, userId)),
  ]);
  return { userId, participant, checkIns, surveys, pledges, followUps, conversationRefs, barriers, ideas, recognitions, ownedActions, sendClaims, teamCards, managedTeams };
}

/** True when nothing at all is stored about the person. */
export function isEmpty(data: StoredData): boolean {
  return (
    data.participant === undefined &&
    data.checkIns.length === 0 &&
    data.surveys.length === 0 &&
    data.pledges.length === 0 &&
    data.followUps.length === 0 &&
    data.conversationRefs.length === 0 &&
    data.barriers.length === 0 &&
    data.ideas.length === 0 &&
    data.recognitions.length === 0 &&
    data.ownedActions.length === 0 &&
    data.sendClaims.length === 0 &&
    data.teamCards.length === 0 &&
    data.managedTeams.length === 0
  );
}
