import type { Request } from 'restify';
import { isoDateParamSchema } from '@soestainable/shared/api/common';
import { CHECKIN_TEXT_MAX, checkInBodySchema, type CheckInSaved } from '@soestainable/shared/api/me';
import { charCount, parseChallengeAnswer, typedText } from '@soestainable/shared/domain/checkInAnswers';
import type { Participant } from '@soestainable/shared/domain/organisation';
import { checkInAnswers, type ActiveDay, type RecordResult } from '../../services/checkin/service';
import { fenced } from '../../services/personalData/erasure';
import { ApiError, type Principal } from '../http';
import { invalid, param, parseBody } from '../request';
import type { RouteAnswer } from '../routes';
import { joined, myCheckIn, type MeContext } from './context';

/** Trimmed text within the limit; TOO_LARGE naming the field (never its content) otherwise. */
function boundedText(field: 'barrierText' | 'ideaText', value: string | undefined): string | undefined {
  const text = typedText(value);
  if (text !== undefined && charCount(text) > CHECKIN_TEXT_MAX) {
    throw new ApiError('TOO_LARGE', `${field} is longer than ${CHECKIN_TEXT_MAX} characters.`, { issues: [{ path: field, rule: 'too_long', max: CHECKIN_TEXT_MAX }] });
  }
  return text;
}

/** The challenge day `date` when it still takes a check-in; VALIDATION_FAILED saying why not otherwise. */
async function openDay(ctx: MeContext, p: Participant, date: string): Promise<ActiveDay> {
  const day = await ctx.checkIns.openDay(p.orgId, ctx.now(), date);
  if (day === 'closed') throw invalid('date', 'day_closed', 'Check-ins can be given or changed for today and yesterday only.');
  if (day === 'future') throw invalid('date', 'day_in_future', 'That day has not begun yet.');
  if (day === 'ended') throw invalid('date', 'no_challenge_day', 'That day is no challenge day of a running campaign.');
  return day;
}

/** Why nothing was stored: the day's report limit, a check-in already there, or a version that changed. */
async function refusal(
  ctx: MeContext,
  p: Participant,
  day: ActiveDay,
  kind: Exclude<RecordResult['kind'], 'saved'> | 'overLimit',
  reports: { readonly barrierText: string | undefined; readonly ideaText: string | undefined },
): Promise<ApiError> {
  if (kind === 'overLimit') {
    const max = ctx.allowance.perDay;
    const issues = [...(reports.barrierText === undefined ? [] : ['barrierText']), ...(reports.ideaText === undefined ? [] : ['ideaText'])].map((path) => ({ path, rule: 'daily_report_limit', max }));
    return new ApiError('VALIDATION_FAILED', `At most ${max} barriers and ideas a day; nothing was stored.`, { rule: 'daily_report_limit', max, issues });
  }
  const stored = await ctx.checkIns.stored(p, day);
  const current = stored ? myCheckIn(stored.value, stored.etag, true) : null;
  if (kind === 'exists') return new ApiError('CONFLICT', 'There is already a check-in for this day; change that one.', { current });
  return new ApiError('STALE', 'This check-in changed (or went) since you read it; reload and try again.', { current });
}

/** `PUT /api/me/checkins/:date`: gives or changes the caller's check-in of today or yesterday, with the bot's rules. */
export async function putCheckIn(ctx: MeContext, req: Request, principal: Principal): Promise<RouteAnswer<'me.checkin.put'>> {
  const date = param(req, 'date');
  if (!isoDateParamSchema.safeParse(date).success) throw invalid('date', 'invalid_date', 'The date is not a calendar date YYYY-MM-DD.');
  const p = await joined(ctx, principal);
  const body = parseBody(checkInBodySchema, req.body);
  const barrierText = boundedText('barrierText', body.barrierText);
  const ideaText = boundedText('ideaText', body.ideaText);
  const day = await openDay(ctx, p, date);
  const challenge = await ctx.checkIns.loadChallenge(p.orgId, day.challengeId);
  if (!challenge) throw new Error(`challenge ${day.challengeId} is in no catalogue`);
  const answer = parseChallengeAnswer(challenge.question.kind, body.challenge);
  if (!answer) throw invalid('challenge', challenge.question.kind === 'yesno' ? 'expected_boolean' : 'expected_count', "The answer does not fit the day's question.");
  const answers = checkInAnswers(
    { outcome: body.outcome, travelMode: body.travelMode, distanceBand: body.distanceBand, wasteFree: body.wasteFree, ...answer },
    { theme: body.theme, barrierText, barrierContact: body.barrierContact, ideaText },
  );
  const result = await fenced(ctx.repos, ctx.orgId, p, () => ctx.record(p, day, answers, body.etag ?? null, ctx.now()));
  if (result.kind !== 'saved') throw await refusal(ctx, p, day, result.kind, { barrierText, ideaText });
  const saved: CheckInSaved = {
    checkIn: myCheckIn(result.checkIn, result.etag, true),
    how: result.how === 'new' ? 'created' : 'changed',
    barrierReference: result.barrier?.reference ?? null,
    ideaReference: result.idea?.reference ?? null,
  };
  return { status: result.how === 'new' ? 201 : 200, body: saved };
}
