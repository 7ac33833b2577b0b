import { isJoined, leftBefore } from '@soestainable/shared/domain/organisation';
import {
  countPersonalRows,
  eraseIfLeftBefore,
  orgIdsToSweep,
  type CountedElsewhere,
  type DeletionCounts,
} from '../../services/personalData/erasure';
import type { JobDeps } from '../job';

/** What the erasure of people who left removed (or would remove), by the job's count keys. */
export interface PeopleCounts {
  Participants: number;
  CheckIns: number;
  Surveys: number;
  Pledges: number;
  FollowUpAnswers: number;
  ReportContacts: number;
  ConversationRefs: number;
  SendClaims: number;
  Recognitions: number;
  /** Actions whose owner link to the person went (the action stays). */
  ActionOwners: number;
  /** Team cards whose `changedBy` was the person, now unknown (the switch stays). */
  TeamCardChangers: number;
  /** Organisation teams that named the person as a manager, now without them. */
  TeamManagers: number;
}

function asCounts(c: DeletionCounts): PeopleCounts {
  return {
    Participants: c.profile ? 1 : 0,
    CheckIns: c.checkIns,
    Surveys: c.surveys,
    Pledges: c.pledges,
    FollowUpAnswers: c.followUps,
    ReportContacts: c.barriers + c.ideas,
    ConversationRefs: c.conversationRefs,
    SendClaims: c.sendClaims,
    Recognitions: c.recognitions,
    ActionOwners: c.ownedActions,
    TeamCardChangers: c.teamCards,
    TeamManagers: c.managedTeams,
  };
}

/** What erasing `userId` would remove, or `undefined` when they did not leave before `cutoff` (a dry run). */
async function wouldErase(deps: Pick<JobDeps, 'config' | 'repos'>, userId: string, cutoff: string, elsewhere: CountedElsewhere): Promise<PeopleCounts | undefined> {
  const { config, repos } = deps;
  const departure = await repos.participants.departure(userId);
  if (!leftBefore(departure, cutoff)) return undefined;
  const orgIds = await orgIdsToSweep(repos, config.org.id, userId);
  return asCounts({ profile: true, ...(await countPersonalRows(repos, orgIds, userId, elsewhere)) });
}

/**
 * People who left more than `retentionDays` ago (their status `left` since before `cutoff`, ISO) are erased as if
 * they had asked: profile with its index rows, chat link, what is left of their check-ins and surveys, their send
 * claims and their contact on reports (eraseIfLeftBefore). Found through the `TeamMembers` index of `teamIds`
 * (every status), so never by a table scan; the mark is ETag-checked against the stored status, so someone who
 * came back meanwhile is left alone. A dry run counts, leaving out what the run's other steps count already.
 */
export async function erasePeopleWhoLeft(
  deps: Pick<JobDeps, 'config' | 'logger' | 'repos'>,
  teamIds: ReadonlySet<string>,
  cutoff: string,
  elsewhere: CountedElsewhere,
  dryRun: boolean,
): Promise<PeopleCounts> {
  const { config, logger, repos } = deps;
  const total: PeopleCounts = { Participants: 0, CheckIns: 0, Surveys: 0, Pledges: 0, FollowUpAnswers: 0, ReportContacts: 0, ConversationRefs: 0, SendClaims: 0, Recognitions: 0, ActionOwners: 0, TeamCardChangers: 0, TeamManagers: 0 };
  for (const teamId of teamIds) {
    for (const member of await repos.participants.listTeamMembers(teamId)) {
      if (isJoined(member)) continue;
      const erased = dryRun ? await wouldErase(deps, member.userId, cutoff, elsewhere) : await eraseIfLeftBefore(repos, config.org.id, member.userId, cutoff);
      if (!erased) continue;
      const counts = 'Participants' in erased ? erased : asCounts(erased);
      for (const key of Object.keys(total) as Array<keyof PeopleCounts>) total[key] += counts[key];
    }
  }
  if (total.Participants > 0) logger.info(dryRun ? 'retention: would erase people who left' : 'retention: erased people who left', { ...total });
  return total;
}
