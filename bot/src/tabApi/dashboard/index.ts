import type restify from 'restify';
import { idSchema } from '@soestainable/shared/api/common';
import { ApiError, type TabApiContext } from '../http';
import { param } from '../request';
import { registerRoute } from '../routes';
import { DashboardService } from './service';

export { DashboardService, maySeeTeam } from './service';

/** `GET /api/teams/:teamId/dashboard`: the team's members, its managers and coordinators only. */
export function registerDashboardRoutes(server: restify.Server, ctx: TabApiContext, service = new DashboardService(ctx)): void {
  registerRoute(server, ctx, 'dashboard.get', async (req, principal) => {
    const teamId = param(req, 'teamId');
    if (!idSchema.safeParse(teamId).success) throw new ApiError('NOT_FOUND', 'There is no such team.');
    return { body: await service.teamDashboard(principal, teamId) };
  });
}
