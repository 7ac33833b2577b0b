import type { TabRouteRegistrar } from '../http';
import { createFromBarriers, dismiss, getInbox, link, merge } from './inbox';
import { registerRoute } from '../routes';

/** The barrier inbox (issue 5, Build 5), coordinators only. Contract: shared/src/api/inbox.ts. */
export const registerInboxRoutes: TabRouteRegistrar = (server, ctx) => {
  registerRoute(server, ctx, 'inbox.get', async (_req, p) => ({ body: await getInbox(ctx, p) }));
  registerRoute(server, ctx, 'inbox.link', (req, p) => link(ctx, p, req.body));
  registerRoute(server, ctx, 'inbox.createAction', (req, p) => createFromBarriers(ctx, p, req.body));
  registerRoute(server, ctx, 'inbox.merge', (req, p) => merge(ctx, p, req.body));
  registerRoute(server, ctx, 'inbox.dismiss', (req, p) => dismiss(ctx, p, req.body));
};
