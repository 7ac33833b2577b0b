import { handle, type TabRouteRegistrar } from '../http';
import { createFromBarriers, dismiss, getInbox, link, merge } from './inbox';

/** The barrier inbox (issue 5, Build 5), coordinators only. Contract: shared/src/api/inbox.ts. */
export const registerInboxRoutes: TabRouteRegistrar = (server, ctx) => {
  const { auth, logger } = ctx;
  server.get('/api/inbox', handle(auth, logger, 'inbox.get', async (_req, p) => ({ body: await getInbox(ctx, p) })));
  server.post('/api/inbox/link', handle(auth, logger, 'inbox.link', (req, p) => link(ctx, p, req.body)));
  server.post('/api/inbox/create-action', handle(auth, logger, 'inbox.createAction', (req, p) => createFromBarriers(ctx, p, req.body)));
  server.post('/api/inbox/merge', handle(auth, logger, 'inbox.merge', (req, p) => merge(ctx, p, req.body)));
  server.post('/api/inbox/dismiss', handle(auth, logger, 'inbox.dismiss', (req, p) => dismiss(ctx, p, req.body)));
};
