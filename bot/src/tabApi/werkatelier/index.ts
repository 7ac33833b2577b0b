import type { TabRouteRegistrar } from '../http';
import { LastingService } from '../lasting/service';
import { mountRoute, registerRoute } from '../routes';
import { getWerkatelier, werkatelierCsvRoute } from './werkatelier';

/** The werkatelier sheet (issue 16, item 4), coordinators only. Contract: shared/src/api/werkatelier.ts. */
export const registerWerkatelierRoutes: TabRouteRegistrar = (server, ctx) => {
  // Its own lasting service (and cache): the sheet shows the organisation's "what lasted" of the theme's habits.
  const lasting = new LastingService(ctx);
  registerRoute(server, ctx, 'werkatelier.get', async (req, p) => ({ body: await getWerkatelier(ctx, lasting, p, req) }));
  mountRoute(server, 'werkatelier.csv', ({ label }) => werkatelierCsvRoute(ctx, lasting, label));
};
