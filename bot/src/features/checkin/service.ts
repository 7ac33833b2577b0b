import { todayIn } from '../../../../shared/src/calendar';
import { challengeById } from '../../../../shared/src/catalogue';
import type { Participant } from '../../../../shared/src/domain/organisation';
import type { Barrier, Idea } from '../../../../shared/src/domain/programme';
import type { CheckIn, IsoDate, Survey, Theme } from '../../../../shared/src/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '../../../../shared/src/impact';
import { ConflictError, isAppError } from '../../errors';
import type { Logger } from '../../platform/logger';
import type { Repositories } from '../../storage/repositories';
import type { Versioned } from '../../storage/repositories/optimistic';
import { dayState, editableDates, type DayState } from './campaignDay';
import type { DayChallenge } from './cards';

/**
 * The check-in rules shared by the bot's card and the tab's API: which day may still take a check-in, and how a
 * check-in is stored, counted once, and filed with its reports.
 */

export type ActiveDay = Extract<DayState, { kind: 'day' }>;

/** Why a day cannot take a check-in: before yesterday (`closed`), in the future, or no challenge day of the campaign named (`ended`). */
export type DayRefusal = 'closed' | 'future' | 'ended';

/** The answers of one check-in, already validated (the day's own question read for its kind). */
export type CheckInAnswers = Pick<CheckIn, 'outcome' | 'travelMode' | 'distanceBand' | 'wasteFree' | 'challengeAnswer' | 'cupsAvoided'> & {
  /** Theme of the barrier or idea; the day's theme when absent. */
  readonly theme?: Theme;
  /** Trimmed, not empty, within the length limit. */
  readonly barrierText?: string;
  readonly barrierContact?: boolean;
  readonly ideaText?: string;
};

/** The answers with their optional parts left out where absent (zod gives `undefined` for an absent optional field). */
export function checkInAnswers(
  required: Pick<CheckInAnswers, 'outcome' | 'travelMode' | 'distanceBand' | 'wasteFree' | 'challengeAnswer' | 'cupsAvoided'>,
  optional: { readonly theme?: Theme | undefined; readonly barrierText?: string | undefined; readonly barrierContact?: boolean | undefined; readonly ideaText?: string | undefined },
): CheckInAnswers {
  return {
    outcome: required.outcome,
    travelMode: required.travelMode,
    distanceBand: required.distanceBand,
    wasteFree: required.wasteFree,
    challengeAnswer: required.challengeAnswer,
    cupsAvoided: required.cupsAvoided,
    ...(optional.theme === undefined ? {} : { theme: optional.theme }),
    ...(optional.barrierText === undefined ? {} : { barrierText: optional.barrierText }),
    ...(optional.barrierContact === undefined ? {} : { barrierContact: optional.barrierContact }),
    ...(optional.ideaText === undefined ? {} : { ideaText: optional.ideaText }),
  };
}

export type RecordResult =
  | { readonly kind: 'saved'; readonly checkIn: CheckIn; readonly etag: string; readonly how: 'new' | 'changed'; readonly barrier?: Barrier; readonly idea?: Idea }
  /** A first check-in met one already stored (a double submit): nothing was written. */
  | { readonly kind: 'exists' }
  /** The version being corrected changed meanwhile: nothing was written. */
  | { readonly kind: 'changedMeanwhile' }
  /** The version being corrected is gone: nothing was written. */
  | { readonly kind: 'gone' };

export interface CheckInService {
  /** The coordinator may have edited the day's texts; the built-in catalogue is the fallback. */
  loadChallenge(orgId: string, challengeId: string): Promise<DayChallenge | undefined>;
  baselineOf(userId: string, campaignId: string): Promise<Survey | undefined>;
  /**
   * Whether `date` can still take a check-in on `now`: today or yesterday, a challenge day of a running campaign
   * (of `campaignId`, when the caller names one).
   */
  openDay(orgId: string, now: Date, date: IsoDate, campaignId?: string): Promise<ActiveDay | DayRefusal>;
  /**
   * Stores the check-in of `p` for `day`: `expectedEtag` `null` for a first one (insert-if-absent), else the
   * version corrected. Write order: check-in → team-day aggregate → barrier → idea. Only the request whose
   * check-in write succeeded counts it and files its reports, so a double submit counts once.
   */
  record(p: Participant, day: ActiveDay, answers: CheckInAnswers, expectedEtag: string | null, now: Date): Promise<RecordResult>;
  /** The check-in stored for the day, with its etag. */
  stored(p: Participant, day: Pick<ActiveDay, 'campaign' | 'date'>): Promise<Versioned<CheckIn> | undefined>;
}

export function createCheckInService(deps: { readonly repos: Repositories; readonly logger: Logger }): CheckInService {
  const { repos, logger } = deps;

  async function loadChallenge(orgId: string, challengeId: string): Promise<DayChallenge | undefined> {
    return (await repos.challenges.get(orgId, challengeId)) ?? challengeById(challengeId);
  }

  return {
    loadChallenge,
    baselineOf: (userId, campaignId) => repos.surveys.get(userId, campaignId, 'baseline'),
    stored: (p, day) => repos.checkIns.get(p.userId, day.campaign.campaignId, day.date),

    async openDay(orgId, now, date, campaignId) {
      const today = todayIn(now);
      const [, yesterday] = editableDates(today);
      if (date < yesterday) return 'closed';
      if (date > today) return 'future';
      const state = dayState(await repos.campaigns.list(orgId), date);
      if (state.kind !== 'day' || (campaignId !== undefined && state.campaign.campaignId !== campaignId)) return 'ended';
      return state;
    },

    async record(p, day, answers, expectedEtag, now) {
      const [challenge, baseline] = await Promise.all([loadChallenge(p.orgId, day.challengeId), repos.surveys.get(p.userId, day.campaign.campaignId, 'baseline')]);
      if (!challenge) throw new Error(`challenge ${day.challengeId} of campaign ${day.campaign.campaignId} is in no catalogue`);
      const stored = expectedEtag === null ? undefined : await repos.checkIns.get(p.userId, day.campaign.campaignId, day.date);
      if (expectedEtag !== null) {
        if (!stored) return { kind: 'gone' };
        if (stored.etag !== expectedEtag) return { kind: 'changedMeanwhile' };
      }
      const nowIso = now.toISOString();
      const counted = {
        outcome: answers.outcome,
        travelMode: answers.travelMode,
        distanceBand: answers.distanceBand,
        wasteFree: answers.wasteFree,
        cupsAvoided: answers.cupsAvoided,
      };
      const checkIn: CheckIn = {
        userId: p.userId,
        teamId: p.teamId,
        campaignId: day.campaign.campaignId,
        date: day.date,
        day: day.day,
        challengeId: day.challengeId,
        ...counted,
        challengeAnswer: answers.challengeAnswer,
        impact: estimateCheckInImpact(counted, baseline),
        factorVersion: FACTOR_TABLE_VERSION,
        createdAt: stored?.value.createdAt ?? nowIso,
        updatedAt: nowIso,
      };
      let saved: { etag: string; previous?: CheckIn };
      try {
        saved = await repos.checkIns.save(checkIn, stored ? stored.etag : null);
      } catch (err) {
        if (err instanceof ConflictError) {
          logger.info('check-in already recorded', { userId: p.userId, campaignId: checkIn.campaignId, date: checkIn.date, reason: err.reason });
          return { kind: err.reason === 'exists' ? 'exists' : 'changedMeanwhile' };
        }
        if (isAppError(err, 'NOT_FOUND')) return { kind: 'gone' };
        throw err;
      }

      // Counted once: this request is the one whose write succeeded.
      await repos.dailyAggregates.apply(checkIn, saved.previous);

      // The reports, anonymous unless the reporter ticked "you may contact me".
      const report = { orgId: p.orgId, campaignId: checkIn.campaignId, teamId: p.teamId, theme: answers.theme ?? challenge.theme };
      const contact = answers.barrierContact === true ? { contactUserId: p.userId } : {};
      const barrier = answers.barrierText === undefined ? undefined : await repos.barriers.create({ ...report, text: answers.barrierText, ...contact });
      const idea = answers.ideaText === undefined ? undefined : await repos.ideas.create({ ...report, text: answers.ideaText, ...contact });
      logger.info('check-in stored', {
        userId: p.userId,
        campaignId: checkIn.campaignId,
        date: checkIn.date,
        edit: saved.previous !== undefined,
        barrierId: barrier?.barrierId,
        ideaId: idea?.ideaId,
      });
      return {
        kind: 'saved',
        checkIn,
        etag: saved.etag,
        how: stored ? 'changed' : 'new',
        ...(barrier ? { barrier } : {}),
        ...(idea ? { idea } : {}),
      };
    },
  };
}
