import type restify from 'restify';
import { idSchema } from '@soestainable/shared/api/common';
import { ApiError, handle, type TabApiContext } from '../http';
import { param } from '../request';
import { DashboardService } from './service';

export { DashboardService, maySeeTeam } from './service';

/** `GET /api/teams/:teamId/dashboard`: the team's members, its managers and coordinators only. */
export function registerDashboardRoutes(server: restify.Server, ctx: TabApiContext, service = new DashboardService(ctx)): void {
  server.get(
    '/api/teams/:teamId/dashboard',
    handle(ctx.auth, ctx.logger, 'GET /api/teams/:teamId/dashboard', async (req, principal) => {
      const teamId = param(req, 'teamId');
      if (!idSchema.safeParse(teamId).success) throw new ApiError('NOT_FOUND', 'There is no such team.');
      return { body: await service.teamDashboard(principal, teamId) };
    }),
  );
}
