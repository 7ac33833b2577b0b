import { leftBefore, type Participant } from '@soestainable/shared/domain/organisation';
import type { Barrier } from '@soestainable/shared/domain/programme';
import { AppError, isAppError } from '../../errors';
import type { Repositories } from '../../storage/repositories';

/*
 * Erasure of everything personal about one person, and the fence that makes it win against their own writes.
 * "Verwijder mijn gegevens" (features/myData), the tab's DELETE /api/me, the writers of personal data (check-in,
 * reports, enrolment) and the retention job (people who left long ago) all use it, so it is a service beside the
 * adapters (bot features, tab API, jobs) instead of inside one of them.
 *
 * How the erasure wins: it first marks the profile (`ParticipantsRepository.markErasing`, ETag-checked; from then
 * on the profile refuses every save), then sweeps every table, sweeps again, and deletes the profile last. A writer
 * of the person's other data reads the mark before it writes (and refuses) and again after it wrote ({@link fenced}):
 * seeing the mark, or no profile, then, it sweeps too and refuses. A write whose second read came before the mark
 * was stored before the erasure's first sweep, which removes it; a later write is seen by its own writer. So no
 * check-in, survey, contact or chat link outlives an erasure, however the two interleave. (The check-in takes its
 * first read from the profile this instance read moments ago, `firstCheck: 'recent'`: that read only spares a
 * write, the second one is what the guarantee rests on. A check-in writer stopped between its write and its second
 * read leaves a pending row, which the repair job sweeps when it finds the person gone or being erased.)
 */

/** How many of each kind one erasure deleted (or, for barriers and ideas, made anonymous). */
export interface DeletionCounts {
  readonly profile: boolean;
  readonly checkIns: number;
  readonly surveys: number;
  /** Pledges (voornemens) from the end survey card. */
  readonly pledges: number;
  /** Answers to the follow-up pulses. */
  readonly followUps: number;
  readonly barriers: number;
  readonly ideas: number;
  /** Recognitions ("herken ik") withdrawn: the barriers' counts go down with them. */
  readonly recognitions: number;
  /** Actions that named the person as their owner in the app, now unlinked (the action and its owner name stay). */
  readonly ownedActions: number;
  readonly conversationRefs: number;
  readonly sendClaims: number;
  /** Team channels the person switched last, now with `changedBy` `CHANGED_BY_UNKNOWN` (the switch stays). */
  readonly teamCards: number;
  /** Organisation teams the person was a manager of, now without them (the team and its other managers stay). */
  readonly managedTeams: number;
}

/** {@link DeletionCounts} but the profile: what one sweep of a person's rows found. */
export type RowCounts = Omit<DeletionCounts, 'profile'>;

/** The organisations to look in: the configured one, and the participant's if it differs. */
export function orgIdsOf(configOrgId: string, participant: Pick<Participant, 'orgId'> | undefined): string[] {
  return [...new Set([configOrgId, ...(participant ? [participant.orgId] : [])])];
}

/**
 * Deletes every personal row of `userId` but the profile: check-ins, surveys, pledges, follow-up answers, the contact on barriers and ideas
 * (the reports stay, anonymous), their recognitions of barriers (the counts go down), their link as owner of actions
 * (the action stays, see `ActionsRepository.forgetOwner`), their id on the team cards they switched (made unknown) and
 * among teams' managers (taken out), chat references, send claims and an open delete confirmation. Every step is
 * idempotent and safe beside another sweep of the same person.
 */
export async function sweepPersonalRows(repos: Repositories, orgIds: readonly string[], userId: string): Promise<RowCounts> {
  const checkIns = await repos.checkIns.deleteAll(userId);
  const surveys = await repos.surveys.deleteAll(userId);
  const pledges = await repos.pledges.deleteAll(userId);
  const followUps = await repos.followUpAnswers.deleteAll(userId);
  let barriers = 0;
  let ideas = 0;
  let recognitions = 0;
  let ownedActions = 0;
  let teamCards = 0;
  let managedTeams = 0;
  for (const orgId of orgIds) {
    barriers += await repos.barriers.forgetContact(orgId, userId);
    ideas += await repos.ideas.forgetContact(orgId, userId);
    recognitions += await repos.recognitions.forgetUser(orgId, userId);
    ownedActions += await repos.actions.forgetOwner(orgId, userId);
    teamCards += await repos.teamCards.forgetChanger(orgId, userId);
    managedTeams += await repos.orgTeams.forgetManager(orgId, userId);
  }
  const conversationRefs = await repos.conversationRefs.deleteAll({ kind: 'user', userId });
  const sendClaims = await repos.sendClaims.deleteForRecipient(userId);
  await repos.erasureConfirmations.remove(userId);
  return { checkIns, surveys, pledges, followUps, barriers, ideas, recognitions, ownedActions, conversationRefs, sendClaims, teamCards, managedTeams };
}

/** What the retention job's other steps count already: rows of campaigns past retention, claims before a cutoff. */
export interface CountedElsewhere {
  /** Campaigns whose check-ins and idea texts the same run purges. */
  readonly campaigns: ReadonlySet<string>;
  /** Campaigns whose surveys, pledges and follow-up answers the same run purges (their follow-ups are over, too). */
  readonly followUpCampaigns: ReadonlySet<string>;
  /** True for a barrier whose text, contact and recognisers the same run purges. */
  readonly barrierTextPurged: (barrier: Pick<Barrier, 'campaignId' | 'createdAt'>) => boolean;
  /** ISO instant: claims made before it are counted by the send-claims purge. */
  readonly claimedBefore: string;
}

/**
 * What {@link sweepPersonalRows} would delete, counted without deleting (the retention job's dry run), leaving out
 * what the same run counts elsewhere, so that a dry run adds up to what a real run removes.
 */
export async function countPersonalRows(repos: Repositories, orgIds: readonly string[], userId: string, elsewhere: CountedElsewhere): Promise<RowCounts> {
  const keptOf = (purged: ReadonlySet<string>) => <T extends { readonly campaignId: string }>(rows: readonly T[]) => rows.filter((r) => !purged.has(r.campaignId)).length;
  const kept = keptOf(elsewhere.campaigns);
  const keptFollowUps = keptOf(elsewhere.followUpCampaigns);
  let barriers = 0;
  let ideas = 0;
  let recognitions = 0;
  let ownedActions = 0;
  let teamCards = 0;
  let managedTeams = 0;
  for (const orgId of orgIds) {
    ownedActions += (await repos.actions.listByOwner(orgId, userId)).length;
    teamCards += (await repos.teamCards.listChangedBy(orgId, userId)).length;
    managedTeams += (await repos.orgTeams.listManagedBy(orgId, userId)).length;
    barriers += (await repos.barriers.listByContact(orgId, userId)).filter((b) => !elsewhere.barrierTextPurged(b)).length;
    ideas += kept(await repos.ideas.listByContact(orgId, userId));
    // Recognitions of a barrier of a campaign past retention go with that campaign's step.
    for (const r of await repos.recognitions.listByUser(orgId, userId)) {
      const barrier = await repos.barriers.get(orgId, r.barrierId);
      if (!barrier || !elsewhere.barrierTextPurged(barrier)) recognitions++;
    }
  }
  return {
    checkIns: kept(await repos.checkIns.listAll(userId)),
    surveys: keptFollowUps(await repos.surveys.listAll(userId)),
    pledges: keptFollowUps(await repos.pledges.listAll(userId)),
    followUps: keptFollowUps(await repos.followUpAnswers.listAll(userId)),
    barriers,
    ideas,
    recognitions,
    ownedActions,
    conversationRefs: (await repos.conversationRefs.listAll({ kind: 'user', userId })).length,
    sendClaims: (await repos.sendClaims.listForRecipient(userId)).filter((c) => c.claimedAt >= elsewhere.claimedBefore).length,
    teamCards,
    managedTeams,
  };
}

/**
 * Erases everything personal about `userId`: marks the profile, sweeps twice, deletes the profile last, so that an
 * erasure that stopped half-way (a crash) still has its mark and is finished by running it again. Team totals
 * (`DailyAggregates`) are not touched. Without a profile it sweeps what is left and deletes no profile (one made
 * meanwhile by joining is a new start).
 */
export async function eraseStoredData(repos: Repositories, configOrgId: string, userId: string): Promise<DeletionCounts> {
  const mark = await repos.participants.markErasing(userId);
  return eraseMarked(repos, configOrgId, userId, mark === 'marked');
}

/**
 * The retention job's erasure of someone who left before `cutoff` (ISO): marks the profile only when it is still
 * `left` since before then (checked in the same ETag write, so someone who came back meanwhile is never erased),
 * then erases as {@link eraseStoredData}. `undefined` when it declined or there was no profile.
 */
export async function eraseIfLeftBefore(repos: Repositories, configOrgId: string, userId: string, cutoff: string): Promise<DeletionCounts | undefined> {
  const mark = await repos.participants.markErasing(userId, (d) => leftBefore(d, cutoff));
  return mark === 'marked' ? eraseMarked(repos, configOrgId, userId, true) : undefined;
}

/**
 * The organisations to sweep for `userId`: the configured one and their profile's. A profile that no longer parses
 * must not stop an erasure (nor the retention job): then the configured organisation only.
 */
export async function orgIdsToSweep(repos: Repositories, configOrgId: string, userId: string): Promise<string[]> {
  try {
    return orgIdsOf(configOrgId, await repos.participants.get(userId));
  } catch (err) {
    if (!isAppError(err, 'STORAGE_DATA_INVALID')) throw err;
    return [configOrgId];
  }
}

async function eraseMarked(repos: Repositories, configOrgId: string, userId: string, removeProfile: boolean): Promise<DeletionCounts> {
  const orgIds = await orgIdsToSweep(repos, configOrgId, userId);
  const first = await sweepPersonalRows(repos, orgIds, userId);
  // Again, for a write that landed during the first sweep. Its writer removes it as well ({@link fenced}); this
  // sweep does not rely on that.
  const second = await sweepPersonalRows(repos, orgIds, userId);
  const profile = removeProfile ? await repos.participants.remove(userId) : false;
  return {
    profile,
    checkIns: first.checkIns + second.checkIns,
    surveys: first.surveys + second.surveys,
    pledges: first.pledges + second.pledges,
    followUps: first.followUps + second.followUps,
    barriers: first.barriers + second.barriers,
    ideas: first.ideas + second.ideas,
    recognitions: first.recognitions + second.recognitions,
    ownedActions: first.ownedActions + second.ownedActions,
    conversationRefs: first.conversationRefs + second.conversationRefs,
    sendClaims: first.sendClaims + second.sendClaims,
    teamCards: first.teamCards + second.teamCards,
    managedTeams: first.managedTeams + second.managedTeams,
  };
}

/** True when an erasure found nothing to delete. */
export function nothingDeleted(c: DeletionCounts): boolean {
  return !c.profile && c.checkIns + c.surveys + c.pledges + c.followUps + c.barriers + c.ideas + c.recognitions + c.ownedActions + c.conversationRefs + c.sendClaims + c.teamCards + c.managedTeams === 0;
}

function erasureInProgress(): AppError {
  return new AppError('ERASURE_IN_PROGRESS', 'The person\'s data is being erased; the write is refused.');
}

/** How {@link fenced} makes its first check. */
export interface FenceOptions {
  /**
   * `storage` (the default): a read. `recent`: this instance's recent profile (`ParticipantsRepository.recent`,
   * which the dispatcher's turn has just read, and which an erasure through this instance drops at once), for the
   * check-in's short response path. The first check only spares a write that would be swept anyway; the check
   * after the write, which the guarantee rests on, always reads storage.
   */
  readonly firstCheck?: 'storage' | 'recent';
}

/**
 * Runs a write of `participant`'s personal data (a check-in, a report, enrolment details) inside the erasure fence:
 * refused with ERASURE_IN_PROGRESS when an erasure has begun (or the profile is gone); when one began while the
 * write ran, the person's rows are swept (what this write stored included) and the write is refused all the same.
 * For writers that hold a participant who was there when their turn began.
 */
export async function fenced<T>(
  repos: Repositories,
  configOrgId: string,
  participant: Pick<Participant, 'userId' | 'orgId'>,
  write: () => Promise<T>,
  options: FenceOptions = {},
): Promise<T> {
  const before = options.firstCheck === 'recent' ? (await repos.participants.recent(participant.userId)).erasure : await repos.participants.erasureState(participant.userId);
  if (before !== 'present') throw erasureInProgress();
  const result = await write();
  if ((await repos.participants.erasureState(participant.userId)) === 'present') return result;
  await sweepPersonalRows(repos, orgIdsOf(configOrgId, participant), participant.userId);
  throw erasureInProgress();
}
