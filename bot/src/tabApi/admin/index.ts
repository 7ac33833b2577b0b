import { handle, type TabRouteRegistrar } from '../http';
import { getReport } from '../report/report';
import { getCampaigns, putCampaign } from './campaign';
import { getDayPlan, putDayPlan } from './dayplan';
import { exportCsvRoute, getSendRuns } from './exportCsv';
import { getCoordinators, getTeams, putCoordinators, putTeams } from './people';

/**
 * Campaign admin (issue 5, Build 6), coordinators only, and the printable report's data. Contracts:
 * shared/src/api/admin.ts, shared/src/api/report.ts.
 */
export const registerAdminRoutes: TabRouteRegistrar = (server, ctx) => {
  const { auth, logger } = ctx;
  server.get('/api/admin/campaign', handle(auth, logger, 'admin.campaign.get', async (_req, p) => ({ body: await getCampaigns(ctx, p) })));
  server.put('/api/admin/campaign', handle(auth, logger, 'admin.campaign.put', (req, p) => putCampaign(ctx, p, req)));
  server.get('/api/admin/dayplan', handle(auth, logger, 'admin.dayplan.get', async (req, p) => ({ body: await getDayPlan(ctx, p, req) })));
  server.put('/api/admin/dayplan', handle(auth, logger, 'admin.dayplan.put', (req, p) => putDayPlan(ctx, p, req)));
  server.get('/api/admin/teams', handle(auth, logger, 'admin.teams.get', async (_req, p) => ({ body: await getTeams(ctx, p) })));
  server.put('/api/admin/teams', handle(auth, logger, 'admin.teams.put', async (req, p) => ({ body: await putTeams(ctx, p, req.body) })));
  server.get('/api/admin/coordinators', handle(auth, logger, 'admin.coordinators.get', async (_req, p) => ({ body: await getCoordinators(ctx, p) })));
  server.put('/api/admin/coordinators', handle(auth, logger, 'admin.coordinators.put', async (req, p) => ({ body: await putCoordinators(ctx, p, req.body) })));
  server.get('/api/admin/send-runs', handle(auth, logger, 'admin.sendRuns.get', async (_req, p) => ({ body: await getSendRuns(ctx, p) })));
  server.get('/api/admin/export.csv', exportCsvRoute(ctx));
  server.get('/api/report', handle(auth, logger, 'report.get', async (req, p) => ({ body: await getReport(ctx, p, req) })));
};
