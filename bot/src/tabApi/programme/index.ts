import { handle, type TabRouteRegistrar } from '../http';
import { addNote, createAction, getActionDetail, getProgramme, getYouSaid, updateAction } from './programme';
import { param } from '../request';

/**
 * The action programme (issue 5, Build 4): everyone signed in reads the programme, the kansenkaart, an action's
 * timeline and "you said, we did"; coordinators create and edit actions. Contract: shared/src/api/programme.ts.
 */
export const registerProgrammeRoutes: TabRouteRegistrar = (server, ctx) => {
  const { auth, logger } = ctx;
  server.get('/api/programme', handle(auth, logger, 'programme.get', async (_req, p) => ({ body: await getProgramme(ctx, p) })));
  server.get(
    '/api/actions/:actionId',
    handle(auth, logger, 'actions.get', async (req, p) => {
      const detail = await getActionDetail(ctx, p, param(req, 'actionId'));
      return { body: detail, headers: { ETag: detail.action.etag } };
    }),
  );
  server.post('/api/actions', handle(auth, logger, 'actions.create', (req, p) => createAction(ctx, p, req.body)));
  server.patch('/api/actions/:actionId', handle(auth, logger, 'actions.update', (req, p) => updateAction(ctx, p, req)));
  server.post('/api/actions/:actionId/notes', handle(auth, logger, 'actions.note', (req, p) => addNote(ctx, p, req)));
  server.get('/api/yousaid', handle(auth, logger, 'yousaid.get', async () => ({ body: await getYouSaid(ctx) })));
};
