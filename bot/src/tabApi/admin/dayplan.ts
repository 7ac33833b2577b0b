import type { Request } from 'restify';
import { CHALLENGE_TEXT_LIMITS, dayPlanBodySchema, type CatalogueEntryView, type DayPlanResponse } from '@soestainable/shared/api/admin';
import { CATALOGUE, challengeSchema } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { campaignDaysOf } from '@soestainable/shared/domain/campaignDay';
import type { CatalogueChallenge } from '../../storage/repositories/challenges';
import type { Versioned } from '../../storage/repositories/optimistic';
import { ApiError, requireRole, type Principal, type TabApiContext } from '../http';
import { audit, ifMatch, invalid, orgOf, parseBody, queryParam } from '../request';
import { campaignFor, checkDates } from './campaign';

/**
 * The day plan (issue 5, Build 6): which catalogue challenge runs on which campaign day, and the catalogue's
 * texts in both languages, edited within the catalogue's limits (CHALLENGE_TEXT_LIMITS; the shared
 * `challengeSchema` is the rule).
 */

/** The organisation's catalogue: its stored entries over the built-in ones, by day then id. */
export async function catalogueOf(ctx: TabApiContext): Promise<CatalogueChallenge[]> {
  const stored = await ctx.repos.challenges.list(orgOf(ctx));
  const byId = new Map<string, CatalogueChallenge>(CATALOGUE.map((c) => [c.id, c]));
  for (const c of stored) byId.set(c.id, c);
  return [...byId.values()].sort((a, b) => a.day - b.day || (a.id < b.id ? -1 : 1));
}

function entryView(c: CatalogueChallenge): CatalogueEntryView {
  return { id: c.id, day: c.day, theme: c.theme, title: c.title, action: c.action, tip: c.tip, question: c.question };
}

function dayPlanView(campaign: Versioned<Campaign>, catalogue: readonly CatalogueChallenge[]): DayPlanResponse {
  return {
    campaignId: campaign.value.campaignId,
    etag: campaign.etag,
    dayPlan: campaign.value.dayPlan,
    days: campaignDaysOf(campaign.value),
    catalogue: catalogue.map(entryView),
    limits: CHALLENGE_TEXT_LIMITS,
  };
}

export async function getDayPlan(ctx: TabApiContext, principal: Principal, req: Request): Promise<DayPlanResponse> {
  requireRole(principal, 'coordinator');
  const campaign = await campaignFor(ctx, queryParam(req, 'campaignId'));
  return dayPlanView(campaign, await catalogueOf(ctx));
}

/**
 * Saves edited texts (one atomic batch in `Challenges`) and then the campaign's plan (an ETag update). Everything
 * is checked first; if the plan's write meets a newer version after the texts were saved, sending the same
 * request again (after a reload) completes it: saving the same texts twice changes nothing.
 */
export async function putDayPlan(ctx: TabApiContext, principal: Principal, req: Request): Promise<{ body: DayPlanResponse; headers: Record<string, string> }> {
  requireRole(principal, 'coordinator');
  const input = parseBody(dayPlanBodySchema, req.body);
  const etag = ifMatch(req);
  const campaign = await campaignFor(ctx, input.campaignId);
  if (campaign.etag !== etag) {
    throw new ApiError('STALE', 'Someone else changed this campaign in the meantime; reload and try again.', { etag: campaign.etag });
  }
  const catalogue = await catalogueOf(ctx);
  const byId = new Map(catalogue.map((c) => [c.id, c]));
  const seen = new Set<string>();
  input.dayPlan.forEach((id, i) => {
    if (!byId.has(id)) throw invalid(`dayPlan.${i}`, 'unknown_challenge', 'The day plan names a challenge that is not in the catalogue.');
    if (seen.has(id)) throw invalid(`dayPlan.${i}`, 'duplicate', 'A challenge is planned twice.');
    seen.add(id);
  });
  const edited: CatalogueChallenge[] = [];
  const editedIds = new Set<string>();
  input.texts.forEach((t, i) => {
    const current = byId.get(t.id);
    if (!current) throw invalid(`texts.${i}.id`, 'unknown_challenge', 'Only catalogue entries can be edited.');
    if (editedIds.has(t.id)) throw invalid(`texts.${i}.id`, 'duplicate', 'An entry is edited twice.');
    editedIds.add(t.id);
    const next: CatalogueChallenge = { ...current, title: t.title, action: t.action, tip: t.tip, question: { ...current.question, text: t.question } };
    const checked = challengeSchema.safeParse(next);
    if (!checked.success) throw invalid(`texts.${i}`, 'invalid', 'The edited entry breaks the catalogue rules.');
    edited.push(next);
  });
  const planned: Campaign = { ...campaign.value, dayPlan: input.dayPlan };
  checkDates(planned);
  if (edited.length > 0) await ctx.repos.challenges.saveAll(orgOf(ctx), edited);
  const newEtag = await ctx.repos.campaigns.save(planned, etag);
  await audit(ctx, principal, 'dayplan.update', planned.campaignId, { days: planned.dayPlan.length, textsEdited: edited.length });
  const updatedCatalogue = await catalogueOf(ctx);
  return { body: dayPlanView({ value: planned, etag: newEtag }, updatedCatalogue), headers: { ETag: newEtag } };
}
