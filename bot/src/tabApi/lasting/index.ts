import type restify from 'restify';
import type { Request } from 'restify';
import { idSchema } from '@soestainable/shared/api/common';
import { ApiError, type TabApiContext } from '../http';
import { param, queryParam } from '../request';
import { registerRoute } from '../routes';
import { getMyLasting, putMyPledges } from './me';
import { LastingService } from './service';

export { LastingService } from './service';

/** The `campaignId` query parameter, checked like every id (an unknown one is NOT_FOUND later). */
function campaignQuery(req: Request): string | undefined {
  const campaignId = queryParam(req, 'campaignId');
  if (campaignId !== undefined && !idSchema.safeParse(campaignId).success) throw new ApiError('NOT_FOUND', 'There is no such campaign.');
  return campaignId;
}

/**
 * "What lasted" (issue 15, item 4; contract shared/src/api/lasting.ts): the team's view (its members, managers and
 * coordinators, as the team dashboard), the organisation's (everyone), the report's (coordinators), and my own.
 */
export function registerLastingRoutes(server: restify.Server, ctx: TabApiContext, service = new LastingService(ctx)): void {
  registerRoute(server, ctx, 'lasting.team.get', async (req, p) => {
    const teamId = param(req, 'teamId');
    if (!idSchema.safeParse(teamId).success) throw new ApiError('NOT_FOUND', 'There is no such team.');
    return { body: await service.team(p, teamId, campaignQuery(req)) };
  });
  registerRoute(server, ctx, 'lasting.org.get', async (req) => ({ body: await service.organisation(campaignQuery(req)) }));
  registerRoute(server, ctx, 'lasting.report.get', async (req, p) => ({ body: await service.report(p, campaignQuery(req)) }));
  registerRoute(server, ctx, 'me.lasting.get', async (_req, p) => ({ body: await getMyLasting(ctx, p) }));
  registerRoute(server, ctx, 'me.pledges.put', async (req, p) => ({ body: await putMyPledges(ctx, req, p) }));
}
