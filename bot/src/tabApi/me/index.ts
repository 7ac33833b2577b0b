import type restify from 'restify';
import type { Request } from 'restify';
import { isoDateParamSchema } from '@soestainable/shared/api/common';
import {
  CHECKIN_TEXT_MAX,
  checkInBodySchema,
  deleteMeBodySchema,
  settingsBodySchema,
  type CheckInSaved,
  type DeleteMeResponse,
  type MeResponse,
  type MyCheckIn,
  type MySettings,
  type OpenDay,
} from '@soestainable/shared/api/me';
import { todayIn } from '@soestainable/shared/calendar';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import type { CheckIn } from '@soestainable/shared/domain/types';
import { FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import { campaignDaysOf, dayState, editableDates } from '@soestainable/shared/domain/campaignDay';
import { charCount, parseChallengeAnswer, typedText } from '@soestainable/shared/domain/checkInAnswers';
import { NUDGE_WINDOW, nudgeTimeOf } from '@soestainable/shared/domain/nudgeTime';
import { ownProgress } from '@soestainable/shared/domain/progress';
import { checkInAnswers, createCheckInService } from '../../services/checkin/service';
import { recordWithinAllowance } from '../../services/checkin/withinAllowance';
import { createReportAllowance } from '../../services/reportAllowance/allowance';
import { eraseStoredData, fenced } from '../../services/personalData/erasure';
import { EXPORT_FILE_NAME, exportDocument } from '../../services/personalData/exportDocument';
import { readStoredData } from '../../services/personalData/storedData';
import { campaignInfo, FACTOR_SOURCE_LIST } from '../dashboard/figures';
import { ApiError, type Principal, type TabApiContext } from '../http';
import { invalid, param, parseBody } from '../request';
import { registerRoute } from '../routes';

/** "Me" answers only about the caller: there is no user id in any of these paths. */

function notEnrolled(): ApiError {
  return new ApiError('FORBIDDEN', 'Join the challenge in the bot first.', { rule: 'not_enrolled' });
}

function myCheckIn(c: CheckIn, etag: string | null, editable: boolean): MyCheckIn {
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

function settingsOf(p: Participant): MySettings {
  return { nudgeTime: p.nudgeTime, language: p.language, status: p.status === 'paused' ? 'paused' : 'active' };
}

/**
 * `GET /api/me`, `PUT /api/me/checkins/:date`, `PUT /api/me/settings`, `GET /api/me/export`, `DELETE /api/me`:
 * the caller's own progress and data, with the bot's rules (the check-in feature's service; the data export and
 * erasure of "mijn gegevens").
 */
export function registerMeRoutes(server: restify.Server, ctx: TabApiContext): void {
  const { logger, repos, config } = ctx;
  const orgId = config.org.id;
  const checkIns = createCheckInService({ repos, logger });
  const allowance = createReportAllowance({ repos, config });
  const record = recordWithinAllowance(checkIns, allowance);

  async function joined(principal: Principal): Promise<Participant> {
    const p = await repos.participants.get(principal.userId);
    if (!isJoined(p)) throw notEnrolled();
    return p;
  }

  registerRoute(
    server,
    ctx,
    'me.get',
    async (_req, principal) => {
      const now = ctx.now();
      const today = todayIn(now);
      const p = await repos.participants.get(principal.userId);
      const enrolled = isJoined(p);
      const state = dayState(await repos.campaigns.list(p?.orgId ?? orgId), today);
      const campaign = state.kind === 'noCampaign' ? undefined : state.campaign;
      const info = campaign ? campaignInfo(campaign, today) : null;
      if (!enrolled || !campaign) {
        const team = enrolled ? await repos.orgTeams.get(p.orgId, p.teamId) : undefined;
        const body: MeResponse = {
          enrolled,
          teamId: enrolled ? p.teamId : null,
          teamName: team?.name ?? null,
          settings: enrolled ? settingsOf(p) : null,
          campaign: info,
          progress: null,
          checkIns: [],
          openDays: [],
          impact: null,
          hasBaseline: false,
        };
        return { body };
      }
      const editable = editableDates(today);
      const [team, mine, baseline, open] = await Promise.all([
        repos.orgTeams.get(p.orgId, p.teamId),
        repos.checkIns.listForCampaign(p.userId, campaign.campaignId),
        checkIns.baselineOf(p.userId, campaign.campaignId),
        Promise.all(
          editable.map(async (date) => {
            const day = await checkIns.openDay(p.orgId, now, date);
            if (typeof day === 'string') return undefined;
            const [challenge, stored] = await Promise.all([checkIns.loadChallenge(p.orgId, day.challengeId), checkIns.stored(p, day)]);
            return challenge ? { day, challenge, stored } : undefined;
          }),
        ),
      ]);
      const openDays: OpenDay[] = open
        .filter((o) => o !== undefined)
        .map(({ day, challenge, stored }) => ({
          date: day.date,
          day: day.day,
          challenge: { id: challenge.id, theme: challenge.theme, title: challenge.title, action: challenge.action, tip: challenge.tip, question: challenge.question },
          checkIn: stored ? myCheckIn(stored.value, stored.etag, true) : null,
        }));
      const etags = new Map(openDays.flatMap((d) => (d.checkIn?.etag ? [[d.date, d.checkIn.etag] as const] : [])));
      const progress = ownProgress(campaignDaysOf(campaign), today, mine);
      const body: MeResponse = {
        enrolled: true,
        teamId: p.teamId,
        teamName: team?.name ?? null,
        settings: settingsOf(p),
        campaign: info,
        progress: {
          streak: progress.streak,
          daysCheckedIn: progress.daysCheckedIn,
          daysSoFar: progress.daysSoFar,
          totalDays: progress.totalDays,
          done: progress.done,
          partly: progress.partly,
        },
        checkIns: [...mine]
          .sort((a, b) => (a.date < b.date ? 1 : -1))
          .map((c) => myCheckIn(c, etags.get(c.date) ?? null, etags.has(c.date))),
        openDays: openDays.sort((a, b) => (a.date < b.date ? 1 : -1)),
        impact: {
          co2: progress.co2,
          cupsAvoided: mine.reduce((n, c) => n + c.cupsAvoided, 0),
          factorVersion: FACTOR_TABLE_VERSION,
          sources: FACTOR_SOURCE_LIST,
        },
        hasBaseline: baseline !== undefined,
      };
      return { body };
    },
  );

  /** Trimmed text within the limit; TOO_LARGE naming the field (never its content) otherwise. */
  function boundedText(field: 'barrierText' | 'ideaText', value: string | undefined): string | undefined {
    const text = typedText(value);
    if (text !== undefined && charCount(text) > CHECKIN_TEXT_MAX) {
      throw new ApiError('TOO_LARGE', `${field} is longer than ${CHECKIN_TEXT_MAX} characters.`, { issues: [{ path: field, rule: 'too_long', max: CHECKIN_TEXT_MAX }] });
    }
    return text;
  }

  registerRoute(
    server,
    ctx,
    'me.checkin.put',
    async (req: Request, principal) => {
      const date = param(req, 'date');
      if (!isoDateParamSchema.safeParse(date).success) throw invalid('date', 'invalid_date', 'The date is not a calendar date YYYY-MM-DD.');
      const p = await joined(principal);
      const body = parseBody(checkInBodySchema, req.body);
      const barrierText = boundedText('barrierText', body.barrierText);
      const ideaText = boundedText('ideaText', body.ideaText);
      const day = await checkIns.openDay(p.orgId, ctx.now(), date);
      if (day === 'closed') throw invalid('date', 'day_closed', 'Check-ins can be given or changed for today and yesterday only.');
      if (day === 'future') throw invalid('date', 'day_in_future', 'That day has not begun yet.');
      if (day === 'ended') throw invalid('date', 'no_challenge_day', 'That day is no challenge day of a running campaign.');
      const challenge = await checkIns.loadChallenge(p.orgId, day.challengeId);
      if (!challenge) throw new Error(`challenge ${day.challengeId} is in no catalogue`);
      const answer = parseChallengeAnswer(challenge.question.kind, body.challenge);
      if (!answer) throw invalid('challenge', challenge.question.kind === 'yesno' ? 'expected_boolean' : 'expected_count', "The answer does not fit the day's question.");
      const answers = checkInAnswers(
        { outcome: body.outcome, travelMode: body.travelMode, distanceBand: body.distanceBand, wasteFree: body.wasteFree, ...answer },
        { theme: body.theme, barrierText, barrierContact: body.barrierContact, ideaText },
      );
      const result = await fenced(repos, orgId, p, () => record(p, day, answers, body.etag ?? null, ctx.now()));
      if (result.kind === 'overLimit') {
        const issues = [...(barrierText === undefined ? [] : ['barrierText']), ...(ideaText === undefined ? [] : ['ideaText'])].map((path) => ({ path, rule: 'daily_report_limit', max: allowance.perDay }));
        throw new ApiError('VALIDATION_FAILED', `At most ${allowance.perDay} barriers and ideas a day; nothing was stored.`, { rule: 'daily_report_limit', max: allowance.perDay, issues });
      }
      if (result.kind !== 'saved') {
        const stored = await checkIns.stored(p, day);
        const current = stored ? myCheckIn(stored.value, stored.etag, true) : null;
        if (result.kind === 'exists') throw new ApiError('CONFLICT', 'There is already a check-in for this day; change that one.', { current });
        throw new ApiError('STALE', 'This check-in changed (or went) since you read it; reload and try again.', { current });
      }
      const saved: CheckInSaved = {
        checkIn: myCheckIn(result.checkIn, result.etag, true),
        how: result.how === 'new' ? 'created' : 'changed',
        barrierReference: result.barrier?.reference ?? null,
        ideaReference: result.idea?.reference ?? null,
      };
      return { status: result.how === 'new' ? 201 : 200, body: saved };
    },
  );

  registerRoute(
    server,
    ctx,
    'me.settings.put',
    async (req, principal) => {
      const body = parseBody(settingsBodySchema, req.body);
      let nudgeTime: string | undefined;
      if (body.nudgeTime !== undefined) {
        nudgeTime = nudgeTimeOf(body.nudgeTime);
        if (nudgeTime === undefined) {
          throw invalid('nudgeTime', 'nudge_window', `The nudge time must lie from ${NUDGE_WINDOW.min} to ${NUDGE_WINDOW.max}.`, { window: NUDGE_WINDOW });
        }
      }
      const next = await repos.participants.update(principal.userId, (current) =>
        !isJoined(current)
          ? current
          : {
              ...current,
              ...(nudgeTime === undefined ? {} : { nudgeTime }),
              ...(body.language === undefined ? {} : { language: body.language }),
              ...(body.paused === undefined ? {} : { status: body.paused ? ('paused' as const) : ('active' as const) }),
            },
      );
      if (!isJoined(next)) throw notEnrolled();
      logger.info('participant setting changed', {
        userId: principal.userId,
        setting: Object.keys(body).sort().join(','),
        via: 'tab',
      });
      return { body: settingsOf(next) };
    },
  );

  registerRoute(
    server,
    ctx,
    'me.export.get',
    async (_req, principal) => {
      const data = await readStoredData(repos, orgId, principal.userId);
      logger.info('data export served', { via: 'tab', checkIns: data.checkIns.length, surveys: data.surveys.length });
      return {
        body: exportDocument(data, ctx.now()),
        headers: { 'Content-Disposition': `attachment; filename="${EXPORT_FILE_NAME}"`, 'Referrer-Policy': 'no-referrer' },
      };
    },
  );

  registerRoute(
    server,
    ctx,
    'me.delete',
    async (req, principal) => {
      const confirmed = deleteMeBodySchema.safeParse(req.body ?? {});
      if (!confirmed.success) throw invalid('confirm', 'confirm_required', 'Deleting your data is final: send {"confirm": true}.');
      const counts = await eraseStoredData(repos, orgId, principal.userId);
      logger.info('personal data erased', { via: 'tab', ...counts });
      const body: DeleteMeResponse = {
        deleted: {
          profile: counts.profile,
          checkIns: counts.checkIns,
          surveys: counts.surveys,
          reports: counts.barriers + counts.ideas,
          conversationRefs: counts.conversationRefs,
        },
      };
      return { body };
    },
  );
}
