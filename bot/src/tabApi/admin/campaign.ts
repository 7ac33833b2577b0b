import type { Request } from 'restify';
import {
  CAMPAIGN_MAX_DAYS,
  campaignBodySchema,
  type CampaignAdminResponse,
  type CampaignResponse,
  type CampaignView,
} from '@soestainable/shared/api/admin';
import { campaignDays, parseIsoDate, todayIn, validateClosingDays } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import { campaignIncludes, type Campaign } from '@soestainable/shared/domain/campaign';
import type { IsoDate } from '@soestainable/shared/domain/types';
import { campaignDaysOf } from '@soestainable/shared/domain/campaignDay';
import { campaignFollowUpWeeks, campaignWaves } from '@soestainable/shared/domain/followUp';
import type { Versioned } from '../../storage/repositories/optimistic';
import { ApiError, requireRole, type Principal, type TabApiContext } from '../http';
import { byClientId } from '../programme/programme';
import { audit, invalid, optionalIfMatch, orgOf, parseBody } from '../request';

/** Campaign dates and local closing days (issue 5, Build 6). */

export function campaignView({ value: c, etag }: Versioned<Campaign>): CampaignView {
  return {
    campaignId: c.campaignId,
    name: c.name,
    startDate: c.startDate,
    endDate: c.endDate,
    closingDays: c.closingDays,
    status: c.status,
    dayPlan: c.dayPlan,
    days: campaignDaysOf(c),
    etag,
    demo: c.demo,
    followUpWeeks: campaignFollowUpWeeks(c),
    followUpDates: campaignWaves(c).map((w) => w.sendOn),
  };
}

/** The campaign the admin pages and the report mean by default: running, else the next, else the latest. */
export function currentCampaign<C extends Campaign>(campaigns: readonly C[], today: IsoDate): C | undefined {
  const byStart = [...campaigns].sort((a, b) => (a.startDate < b.startDate ? -1 : a.startDate > b.startDate ? 1 : 0));
  return (
    byStart.filter((c) => c.status === 'active' && campaignIncludes(c, today)).at(-1) ??
    byStart.find((c) => c.status !== 'ended' && c.startDate > today) ??
    byStart.at(-1)
  );
}

/** Every campaign of the organisation with its etag, oldest start first. */
async function versionedCampaigns(ctx: TabApiContext): Promise<Versioned<Campaign>[]> {
  const org = orgOf(ctx);
  const list = await ctx.repos.campaigns.list(org);
  const versioned = await Promise.all(list.map((c) => ctx.repos.campaigns.get(org, c.campaignId)));
  return versioned.filter((v): v is Versioned<Campaign> => v !== undefined);
}

/** The campaign named by `campaignId` (query), or the current one; NOT_FOUND when there is none. */
export async function campaignFor(ctx: TabApiContext, campaignId: string | undefined): Promise<Versioned<Campaign>> {
  const org = orgOf(ctx);
  if (campaignId !== undefined) {
    const found = await byClientId(() => ctx.repos.campaigns.get(org, campaignId));
    if (!found) throw new ApiError('NOT_FOUND', 'There is no such campaign.', { campaignId });
    return found;
  }
  const all = await versionedCampaigns(ctx);
  const current = currentCampaign(all.map((v) => ({ ...v.value, v })), todayIn(ctx.now()));
  if (!current) throw new ApiError('NOT_FOUND', 'There is no campaign yet.', { rule: 'no_campaign' });
  return current.v;
}

export async function getCampaigns(ctx: TabApiContext, principal: Principal): Promise<CampaignAdminResponse> {
  requireRole(principal, 'coordinator');
  const all = await versionedCampaigns(ctx);
  const current = currentCampaign(all.map((v) => ({ ...v.value, v })), todayIn(ctx.now()));
  return { current: current ? campaignView(current.v) : null, campaigns: all.map(campaignView) };
}

function daysBetween(a: IsoDate, b: IsoDate): number {
  return Math.round(parseIsoDate(b).diff(parseIsoDate(a), 'days').days);
}

/** The campaign's dates and closing days against the rules; VALIDATION_FAILED naming the rule otherwise. */
export function checkDates(c: Pick<Campaign, 'startDate' | 'endDate' | 'closingDays' | 'dayPlan'>): void {
  if (c.endDate <= c.startDate) throw invalid('endDate', 'end_before_start', 'The campaign must end after it starts.');
  if (daysBetween(c.startDate, c.endDate) + 1 > CAMPAIGN_MAX_DAYS) {
    throw invalid('endDate', 'longer_than_a_year', `A campaign lasts at most ${CAMPAIGN_MAX_DAYS} days.`);
  }
  const outside = c.closingDays.findIndex((d) => d < c.startDate || d > c.endDate);
  if (outside !== -1) throw invalid(`closingDays.${outside}`, 'closing_day_outside', 'A closing day must lie inside the campaign.');
  const closing = validateClosingDays(c.closingDays);
  if (!closing.ok) {
    const at = 'value' in closing ? c.closingDays.indexOf(closing.value) : -1;
    throw invalid(at === -1 ? 'closingDays' : `closingDays.${at}`, closing.reason, 'These closing days are not valid.');
  }
  const days = campaignDays(c.startDate, c.dayPlan.length, c.closingDays);
  const last = days.at(-1);
  if (last !== undefined && last > c.endDate) {
    throw invalid('endDate', 'too_short_for_day_plan', `The campaign needs ${c.dayPlan.length} working days; it ends before the last one.`, {
      lastDay: last,
    });
  }
}

/**
 * A change of the follow-up waves (the setting itself is checked by the body's schema), or of the dates they are
 * counted from: refused once the campaign's first wave has gone out or goes out today (`follow_up_started` for the
 * setting; `follow_up_dates_fixed` for new dates or closing days that would move a wave: the claims and answers of
 * sent waves are counted by wave number and day, so moving or renumbering them would mix waves), and when the new
 * first wave would lie before today (`follow_up_in_past`: a wave whose day has passed is never sent). A change
 * that leaves every wave where it was always passes.
 */
export function checkFollowUpChange(before: Campaign | undefined, next: Campaign, today: IsoDate): void {
  const same = <T>(a: readonly T[], b: readonly T[]): boolean => a.length === b.length && a.every((w, i) => w === b[i]);
  const sameWeeks = same(campaignFollowUpWeeks(next), campaignFollowUpWeeks(before ?? next));
  const sameDays = same(campaignWaves(next).map((w) => w.sendOn), before ? campaignWaves(before).map((w) => w.sendOn) : []);
  if (sameWeeks && (before === undefined || sameDays)) return;
  const wasFirst = before && before.status !== 'draft' ? campaignWaves(before)[0] : undefined;
  if (wasFirst !== undefined && wasFirst.sendOn <= today) {
    if (!sameWeeks) throw invalid('followUpWeeks', 'follow_up_started', 'The first follow-up wave has gone out; the waves can no longer change.', { firstWave: wasFirst.sendOn });
    throw invalid('endDate', 'follow_up_dates_fixed', 'The first follow-up wave has gone out; dates that would move the waves can no longer change.', { firstWave: wasFirst.sendOn });
  }
  if (sameWeeks) return;
  const first = campaignWaves(next)[0];
  if (first !== undefined && first.sendOn < today) {
    throw invalid('followUpWeeks', 'follow_up_in_past', 'The first follow-up wave would lie in the past.', { firstWave: first.sendOn });
  }
}

const withFollowUpWeeks = (weeks: readonly number[] | undefined): Pick<Campaign, 'followUpWeeks'> => (weeks === undefined ? {} : { followUpWeeks: [...weeks] });

/** Creates the campaign (no such id yet) or changes it (with `If-Match`). */
export async function putCampaign(ctx: TabApiContext, principal: Principal, req: Request): Promise<{ status: number; body: CampaignResponse; headers: Record<string, string> }> {
  requireRole(principal, 'coordinator');
  const input = parseBody(campaignBodySchema, req.body);
  const org = orgOf(ctx);
  const etag = optionalIfMatch(req);
  const existing = await ctx.repos.campaigns.get(org, input.campaignId);
  if (existing && etag === undefined) {
    throw new ApiError('VALIDATION_FAILED', 'Changing a campaign needs an If-Match header with the version you read.', { rule: 'if_match_required' });
  }
  if (!existing && etag !== undefined) throw new ApiError('NOT_FOUND', 'There is no such campaign.', { campaignId: input.campaignId });
  if (existing && existing.etag !== etag) {
    throw new ApiError('STALE', 'Someone else changed this campaign in the meantime; reload and try again.', { etag: existing.etag });
  }
  const closingDays = [...new Set(input.closingDays)].sort();
  const next: Campaign = {
    orgId: org,
    campaignId: input.campaignId,
    name: input.name,
    startDate: input.startDate,
    endDate: input.endDate,
    closingDays,
    dayPlan: existing?.value.dayPlan ?? CATALOGUE.map((c) => c.id),
    status: input.status ?? existing?.value.status ?? 'draft',
    demo: existing?.value.demo ?? false,
    ...withFollowUpWeeks(input.followUpWeeks ?? existing?.value.followUpWeeks),
  };
  if (input.closingDays.length !== closingDays.length) throw invalid('closingDays', 'duplicate_date', 'A closing day is listed twice.');
  checkDates(next);
  checkFollowUpChange(existing?.value, next, todayIn(ctx.now()));
  const newEtag = await ctx.repos.campaigns.save(next, existing ? existing.etag : null);
  await audit(ctx, principal, existing ? 'campaign.update' : 'campaign.create', next.campaignId, { status: next.status, followUpWeeks: campaignFollowUpWeeks(next).join(',') });
  return { status: existing ? 200 : 201, body: { campaign: campaignView({ value: next, etag: newEtag }) }, headers: { ETag: newEtag } };
}
