import type restify from 'restify';
import { DashboardService } from '../dashboard/service';
import type { TabApiContext } from '../http';
import { registerRoute } from '../routes';

/** `GET /api/org/overview`: every signed-in user; teams only, never individuals, small teams without numbers. */
export function registerOrgRoutes(server: restify.Server, ctx: TabApiContext, service = new DashboardService(ctx)): void {
  registerRoute(server, ctx, 'org.overview.get', async () => ({ body: await service.orgOverview() }));
}
