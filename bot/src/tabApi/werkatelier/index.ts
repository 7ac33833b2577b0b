import type { TabRouteRegistrar } from '../http';
import { mountRoute, registerRoute } from '../routes';
import { getWerkatelier, werkatelierCsvRoute } from './werkatelier';

/** The werkatelier sheet (issue 16, item 4), coordinators only. Contract: shared/src/api/werkatelier.ts. */
export const registerWerkatelierRoutes: TabRouteRegistrar = (server, ctx) => {
  registerRoute(server, ctx, 'werkatelier.get', async (req, p) => ({ body: await getWerkatelier(ctx, p, req) }));
  mountRoute(server, 'werkatelier.csv', ({ label }) => werkatelierCsvRoute(ctx, label));
};
