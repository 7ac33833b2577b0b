import type { TabRouteRegistrar } from '../http';
import { addNote, createAction, getActionDetail, getProgramme, getYouSaid, updateAction } from './programme';
import { param } from '../request';
import { registerRoute } from '../routes';

/**
 * The action programme (issue 5, Build 4): everyone signed in reads the programme, the kansenkaart, an action's
 * timeline and "you said, we did"; coordinators create and edit actions. Contract: shared/src/api/programme.ts.
 */
export const registerProgrammeRoutes: TabRouteRegistrar = (server, ctx) => {
  registerRoute(server, ctx, 'programme.get', async (_req, p) => ({ body: await getProgramme(ctx, p) }));
  registerRoute(server, ctx, 'actions.get', async (req, p) => {
    const detail = await getActionDetail(ctx, p, param(req, 'actionId'));
    return { body: detail, headers: { ETag: detail.action.etag } };
  });
  registerRoute(server, ctx, 'actions.create', (req, p) => createAction(ctx, p, req.body));
  registerRoute(server, ctx, 'actions.update', (req, p) => updateAction(ctx, p, req));
  registerRoute(server, ctx, 'actions.note', (req, p) => addNote(ctx, p, req));
  registerRoute(server, ctx, 'yousaid.get', async () => ({ body: await getYouSaid(ctx) }));
};
