import type restify from 'restify';
import { DashboardService } from '../dashboard/service';
import { handle, type TabApiContext } from '../http';

/** `GET /api/org/overview`: every signed-in user; teams only, never individuals, small teams without numbers. */
export function registerOrgRoutes(server: restify.Server, ctx: TabApiContext, service = new DashboardService(ctx)): void {
  server.get(
    '/api/org/overview',
    handle(ctx.auth, ctx.logger, 'GET /api/org/overview', async () => ({ body: await service.orgOverview() })),
  );
}
