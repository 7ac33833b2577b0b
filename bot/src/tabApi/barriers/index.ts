import type { TabRouteRegistrar } from '../http';
import { param } from '../request';
import { registerRoute } from '../routes';
import { getBarriers, putRecognition } from './barriers';

/** "Herken ik" on barriers for every employee who joined (issue 16). Contract: shared/src/api/barriers.ts. */
export const registerBarrierRoutes: TabRouteRegistrar = (server, ctx) => {
  registerRoute(server, ctx, 'barriers.get', async (_req, p) => ({ body: await getBarriers(ctx, p) }));
  registerRoute(server, ctx, 'barriers.recognition.put', async (req, p) => ({ body: await putRecognition(ctx, p, param(req, 'barrierId'), req.body) }));
};
