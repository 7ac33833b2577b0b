import type { MeResponse, OpenDay } from '@soestainable/shared/api/me';
import type { CampaignInfo } from '@soestainable/shared/api/dashboard';
import { todayIn } from '@soestainable/shared/calendar';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignDaysOf, dayState, editableDates } from '@soestainable/shared/domain/campaignDay';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import { ownProgress } from '@soestainable/shared/domain/progress';
import type { CheckIn, IsoDate } from '@soestainable/shared/domain/types';
import { FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import { campaignInfo, FACTOR_SOURCE_LIST } from '../dashboard/figures';
import type { Principal } from '../http';
import type { RouteAnswer } from '../routes';
import { myCheckIn, settingsOf, type MeContext } from './context';

const newestFirst = (a: { date: IsoDate }, b: { date: IsoDate }): number => (a.date < b.date ? 1 : -1);

/** The answer for someone who has not joined, or when no campaign runs: who they are, and the campaign if any. */
async function withoutCampaign(ctx: MeContext, p: Participant | undefined, info: CampaignInfo | null): Promise<MeResponse> {
  const enrolled = isJoined(p);
  const team = enrolled ? await ctx.repos.orgTeams.get(p.orgId, p.teamId) : undefined;
  return {
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
}

/** Today and yesterday, where they are challenge days the caller can still check in on, with what they stored. */
async function openDaysOf(ctx: MeContext, p: Participant, now: Date): Promise<OpenDay[]> {
  const open = await Promise.all(
    editableDates(todayIn(now)).map(async (date) => {
      const day = await ctx.checkIns.openDay(p.orgId, now, date);
      if (typeof day === 'string') return undefined;
      const [challenge, stored] = await Promise.all([ctx.checkIns.loadChallenge(p.orgId, day.challengeId), ctx.checkIns.stored(p, day)]);
      return challenge ? { day, challenge, stored } : undefined;
    }),
  );
  return open
    .filter((o) => o !== undefined)
    .map(({ day, challenge, stored }) => ({
      date: day.date,
      day: day.day,
      challenge: { id: challenge.id, theme: challenge.theme, title: challenge.title, action: challenge.action, tip: challenge.tip, question: challenge.question },
      checkIn: stored ? myCheckIn(stored.value, stored.etag, true) : null,
    }));
}

/** The caller's own figures in the campaign: progress, impact, and their check-ins (open days editable). */
function ownFigures(campaign: Campaign, today: IsoDate, mine: readonly CheckIn[], openDays: readonly OpenDay[]): Pick<MeResponse, 'progress' | 'checkIns' | 'impact'> {
  const etags = new Map(openDays.flatMap((d) => (d.checkIn?.etag ? [[d.date, d.checkIn.etag] as const] : [])));
  const progress = ownProgress(campaignDaysOf(campaign), today, mine);
  return {
    progress: {
      streak: progress.streak,
      daysCheckedIn: progress.daysCheckedIn,
      daysSoFar: progress.daysSoFar,
      totalDays: progress.totalDays,
      done: progress.done,
      partly: progress.partly,
    },
    checkIns: [...mine].sort(newestFirst).map((c) => myCheckIn(c, etags.get(c.date) ?? null, etags.has(c.date))),
    impact: {
      co2: progress.co2,
      cupsAvoided: mine.reduce((n, c) => n + c.cupsAvoided, 0),
      factorVersion: FACTOR_TABLE_VERSION,
      sources: FACTOR_SOURCE_LIST,
    },
  };
}

/** `GET /api/me`: the caller's team, settings, progress, check-ins and the days still open. */
export async function getMe(ctx: MeContext, principal: Principal): Promise<RouteAnswer<'me.get'>> {
  const now = ctx.now();
  const today = todayIn(now);
  const p = await ctx.repos.participants.get(principal.userId);
  const state = dayState(await ctx.repos.campaigns.list(p?.orgId ?? ctx.orgId), today);
  const campaign = state.kind === 'noCampaign' ? undefined : state.campaign;
  const info = campaign ? campaignInfo(campaign, today) : null;
  if (!isJoined(p) || !campaign) return { body: await withoutCampaign(ctx, p, info) };
  const [team, mine, baseline, openDays] = await Promise.all([
    ctx.repos.orgTeams.get(p.orgId, p.teamId),
    ctx.repos.checkIns.listForCampaign(p.userId, campaign.campaignId),
    ctx.checkIns.baselineOf(p.userId, campaign.campaignId),
    openDaysOf(ctx, p, now),
  ]);
  const own = ownFigures(campaign, today, mine, openDays);
  const body: MeResponse = {
    enrolled: true,
    teamId: p.teamId,
    teamName: team?.name ?? null,
    settings: settingsOf(p),
    campaign: info,
    progress: own.progress,
    checkIns: own.checkIns,
    openDays: openDays.sort(newestFirst),
    impact: own.impact,
    hasBaseline: baseline !== undefined,
  };
  return { body };
}
