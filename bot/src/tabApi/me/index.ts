import type restify from 'restify';
import type { TabApiContext } from '../http';
import { registerRoute } from '../routes';
import { putCheckIn } from './checkin';
import { createMeContext } from './context';
import { deleteMe, getExport } from './data';
import { getMe } from './get';
import { putSettings } from './settings';

/**
 * `GET /api/me`, `PUT /api/me/checkins/:date`, `PUT /api/me/settings`, `GET /api/me/export`, `DELETE /api/me`:
 * the caller's own progress and data, with the bot's rules (the check-in service; the data export and erasure of
 * "mijn gegevens"). "Me" answers only about the caller: there is no user id in any of these paths. One file per
 * concern: get.ts, checkin.ts, settings.ts, data.ts (export and erasure); context.ts holds what they share.
 */
export function registerMeRoutes(server: restify.Server, tabCtx: TabApiContext): void {
  const ctx = createMeContext(tabCtx);
  registerRoute(server, tabCtx, 'me.get', (_req, p) => getMe(ctx, p));
  registerRoute(server, tabCtx, 'me.checkin.put', (req, p) => putCheckIn(ctx, req, p));
  registerRoute(server, tabCtx, 'me.settings.put', (req, p) => putSettings(ctx, req.body, p));
  registerRoute(server, tabCtx, 'me.export.get', (_req, p) => getExport(ctx, p));
  registerRoute(server, tabCtx, 'me.delete', (req, p) => deleteMe(ctx, req.body, p));
}
