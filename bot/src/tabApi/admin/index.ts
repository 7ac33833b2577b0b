import type { TabRouteRegistrar } from '../http';
import { getReport } from '../report/report';
import { getCampaigns, putCampaign } from './campaign';
import { getDayPlan, putDayPlan } from './dayplan';
import { exportCsvRoute, getSendRuns } from './exportCsv';
import { getCoordinators, getTeams, putCoordinators, putTeams } from './people';
import { mountRoute, registerRoute } from '../routes';

/**
 * Campaign admin (issue 5, Build 6), coordinators only, and the printable report's data. Contracts:
 * shared/src/api/admin.ts, shared/src/api/report.ts.
 */
export const registerAdminRoutes: TabRouteRegistrar = (server, ctx) => {
  registerRoute(server, ctx, 'admin.campaign.get', async (_req, p) => ({ body: await getCampaigns(ctx, p) }));
  registerRoute(server, ctx, 'admin.campaign.put', (req, p) => putCampaign(ctx, p, req));
  registerRoute(server, ctx, 'admin.dayplan.get', async (req, p) => ({ body: await getDayPlan(ctx, p, req) }));
  registerRoute(server, ctx, 'admin.dayplan.put', (req, p) => putDayPlan(ctx, p, req));
  registerRoute(server, ctx, 'admin.teams.get', async (_req, p) => ({ body: await getTeams(ctx, p) }));
  registerRoute(server, ctx, 'admin.teams.put', async (req, p) => ({ body: await putTeams(ctx, p, req.body) }));
  registerRoute(server, ctx, 'admin.coordinators.get', async (_req, p) => ({ body: await getCoordinators(ctx, p) }));
  registerRoute(server, ctx, 'admin.coordinators.put', async (req, p) => ({ body: await putCoordinators(ctx, p, req.body) }));
  registerRoute(server, ctx, 'admin.sendRuns.get', async (_req, p) => ({ body: await getSendRuns(ctx, p) }));
  mountRoute(server, 'admin.exportCsv', ({ label }) => exportCsvRoute(ctx, label));
  registerRoute(server, ctx, 'report.get', async (req, p) => ({ body: await getReport(ctx, p, req) }));
};
