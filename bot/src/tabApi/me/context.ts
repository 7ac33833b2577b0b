import type { MyCheckIn, MySettings } from '@soestainable/shared/api/me';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import type { CheckIn } from '@soestainable/shared/domain/types';
import { createCheckInService, type CheckInService } from '../../services/checkin/service';
import { recordWithinAllowance, type RecordWithinAllowance } from '../../services/checkin/withinAllowance';
import { createReportAllowance, type ReportAllowance } from '../../services/reportAllowance/allowance';
import { ApiError, type Principal, type TabApiContext } from '../http';

/** What the "me" handlers share: the tab API's context, the check-in service and the daily report allowance. */
export interface MeContext extends TabApiContext {
  readonly orgId: string;
  readonly checkIns: CheckInService;
  readonly allowance: ReportAllowance;
  /** A check-in stored within the day's allowance of barriers and ideas (as the bot's card does). */
  readonly record: RecordWithinAllowance;
}

/** Builds the services once, when the routes are registered. */
export function createMeContext(ctx: TabApiContext): MeContext {
  const checkIns = createCheckInService({ repos: ctx.repos, logger: ctx.logger });
  const allowance = createReportAllowance({ repos: ctx.repos, config: ctx.config });
  return { ...ctx, orgId: ctx.config.org.id, checkIns, allowance, record: recordWithinAllowance(checkIns, allowance) };
}

export function notEnrolled(): ApiError {
  return new ApiError('FORBIDDEN', 'Join the challenge in the bot first.', { rule: 'not_enrolled' });
}

/** The caller's profile, when they take part; FORBIDDEN `not_enrolled` otherwise. */
export async function joined(ctx: MeContext, principal: Principal): Promise<Participant> {
  const p = await ctx.repos.participants.get(principal.userId);
  if (!isJoined(p)) throw notEnrolled();
  return p;
}

/** A check-in as the tab shows it: its etag only while it can still be changed. */
export function myCheckIn(c: CheckIn, etag: string | null, editable: boolean): MyCheckIn {
  return {
    date: c.date,
    day: c.day,
    challengeId: c.challengeId,
    outcome: c.outcome,
    travelMode: c.travelMode,
    distanceBand: c.distanceBand,
    wasteFree: c.wasteFree,
    challengeAnswer: c.challengeAnswer ?? null,
    cupsAvoided: c.cupsAvoided,
    impact: c.impact,
    updatedAt: c.updatedAt,
    etag: editable ? etag : null,
    editable,
  };
}

export function settingsOf(p: Participant): MySettings {
  return { nudgeTime: p.nudgeTime, language: p.language, status: p.status === 'paused' ? 'paused' : 'active' };
}
