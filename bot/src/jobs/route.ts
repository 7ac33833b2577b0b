import { createHash, timingSafeEqual } from 'node:crypto';
import { DateTime } from 'luxon';
import type restify from 'restify';
import type { Request, Response } from 'restify';
import { z } from 'zod';
import { isAppError } from '../errors';
import { errorFields, type Logger } from '../platform/logger';
import type { RouteRegistrar } from '../server/createServer';
import { sendJson } from '../server/json';
import type { DevClock } from '../platform/clock';
import type { JobSummary } from './job';
import { isJobName, type JobRegistry } from './registry';

/** An ISO instant with its offset (`2026-12-07T09:00+01:00`, `…Z`): a bare local time would be ambiguous. */
export const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T([01]\d|2[0-3]):[0-5]\d(:[0-5]\d(\.\d{1,3})?)?(Z|[+-]([01]\d|2[0-3]):[0-5]\d)$/;

/** Parses an `at` value; `undefined` when it is not an ISO instant with an offset. */
export function parseInstant(value: string): Date | undefined {
  if (!ISO_INSTANT.test(value)) return undefined;
  // luxon, not Date.parse: V8 turns 30 February into 2 March.
  const parsed = DateTime.fromISO(value, { setZone: true });
  return parsed.isValid ? parsed.toJSDate() : undefined;
}

const bodySchema = z.strictObject({
  at: z.string().refine((v) => parseInstant(v) !== undefined, { error: 'at must be an ISO instant with an offset, e.g. 2026-12-07T09:00+01:00' }).optional(),
  dryRun: z.boolean().optional(),
});

/** How far an `at` may lie from the server's clock and still count as "now": a timer's clock may drift a little. */
export const AT_LEEWAY_MS = 60_000;

/** Why a triggered run at `at` is refused: a coded 400 body, or `undefined` when it may run. */
export interface InstantRefusal {
  readonly code: 'AT_IN_FUTURE' | 'AT_NEEDS_DRY_RUN';
  readonly message: string;
}

/**
 * The rule for a caller's `at`, against the server's clock `now` (the dev clock on a local stack): no job runs more
 * than {@link AT_LEEWAY_MS} ahead of it (a future `at` would send nudges and digests early, or make retention purge
 * data before its time), and retention, whose deletions cannot be undone, runs at another instant than now only as
 * a dry run. Without an `at` the job runs now and nothing is refused.
 */
export function refuseInstant(job: string, at: Date | undefined, now: Date, dryRun: boolean): InstantRefusal | undefined {
  if (at === undefined) return undefined;
  const ahead = at.getTime() - now.getTime();
  if (ahead > AT_LEEWAY_MS) {
    return { code: 'AT_IN_FUTURE', message: `at lies more than ${AT_LEEWAY_MS / 1000} s after the server's clock; a job never runs ahead of time.` };
  }
  if (job === 'retention' && !dryRun && Math.abs(ahead) > AT_LEEWAY_MS) {
    return { code: 'AT_NEEDS_DRY_RUN', message: 'retention runs at another instant than now only with dryRun: true; leave at out to run it now.' };
  }
  return undefined;
}

/**
 * Compares the presented key with the configured one in constant time: both are hashed first, so neither the
 * length nor a prefix of the secret leaks through timing.
 */
export function keyMatches(presented: string | undefined, configured: string | undefined): boolean {
  if (configured === undefined || configured === '' || presented === undefined || presented === '') return false;
  const a = createHash('sha256').update(presented, 'utf8').digest();
  const b = createHash('sha256').update(configured, 'utf8').digest();
  return timingSafeEqual(a, b);
}

/** The key from `Authorization: Bearer <key>` or `x-jobs-key: <key>`. */
function presentedKey(req: Request): string | undefined {
  const auth = req.headers.authorization;
  if (typeof auth === 'string') {
    const m = /^Bearer\s+(\S+)\s*$/i.exec(auth);
    if (m) return m[1];
  }
  const header = req.headers['x-jobs-key'];
  return typeof header === 'string' ? header.trim() : undefined;
}

export interface JobRouteDeps {
  readonly registry: JobRegistry;
  readonly key: string | undefined;
  readonly logger: Logger;
  readonly now: () => Date;
}

/**
 * `POST /api/jobs/:name` for an external timer (Logic App, Functions) in larger deployments: `Authorization:
 * Bearer <JOBS_KEY>` or `x-jobs-key`; optional JSON body `{at?, dryRun?}` ({@link refuseInstant} says which `at`s
 * are taken). Answers the job's summary. Without a configured key every call is 401: the route is closed, not open.
 */
export function jobRoutes(deps: JobRouteDeps): RouteRegistrar {
  return (server: restify.Server) => {
    server.post('/api/jobs/:name', async (req: Request, res: Response) => {
      if (!keyMatches(presentedKey(req), deps.key)) {
        sendJson(res, 401, { code: 'UNAUTHENTICATED', message: 'A valid jobs key is required (Authorization: Bearer <JOBS_KEY> or x-jobs-key).' }, { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      const name = req.params?.['name'] ?? '';
      if (!isJobName(name)) {
        sendJson(res, 404, { code: 'NOT_FOUND', message: 'No such job.', details: { jobs: deps.registry.names } });
        return;
      }
      const raw: unknown = req.body === undefined || req.body === '' ? {} : req.body;
      const parsed = bodySchema.safeParse(raw);
      if (!parsed.success) {
        sendJson(res, 400, {
          code: 'VALIDATION_FAILED',
          message: 'The body must be a JSON object {at?: ISO instant with offset, dryRun?: boolean} and nothing else.',
          details: { issues: parsed.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message })) },
        });
        return;
      }
      const now = deps.now();
      const given = parsed.data.at === undefined ? undefined : parseInstant(parsed.data.at);
      const dryRun = parsed.data.dryRun ?? false;
      const refused = refuseInstant(name, given, now, dryRun);
      if (refused !== undefined) {
        sendJson(res, 400, { ...refused, details: { now: now.toISOString(), leewaySeconds: AT_LEEWAY_MS / 1000 } });
        return;
      }
      try {
        const summary: JobSummary = await deps.registry.get(name).run({ at: given ?? now, dryRun });
        sendJson(res, 200, summary);
      } catch (err) {
        deps.logger.error('jobs: triggered run failed', { job: name, ...errorFields(err) });
        const unavailable = isAppError(err, 'STORAGE_UNAVAILABLE');
        sendJson(res, unavailable ? 503 : 500, {
          code: unavailable ? 'UNAVAILABLE' : 'INTERNAL',
          message: 'The job stopped; what it finished is recorded, and running it again continues where it stopped.',
          details: { error: isAppError(err) ? err.code : 'UNEXPECTED' },
        });
      }
    });
  };
}

const clockBodySchema = z.strictObject({
  at: z.string().refine((v) => parseInstant(v) !== undefined, { error: 'at must be an ISO instant with an offset, e.g. 2027-01-19T09:00+01:00' }),
});

/**
 * `POST /api/dev/clock` with `{at}` and the jobs key: moves a local stack's clock (DEV_CLOCK) to `at`, from where it
 * runs on; answers `{now}`. Registered only when there is a dev clock, so it does not exist in production.
 */
export function devClockRoute(deps: { readonly clock: DevClock; readonly key: string | undefined; readonly logger: Logger }): RouteRegistrar {
  return (server: restify.Server) => {
    // async: restify wants an async handler (or one taking `next`), though this one awaits nothing.
    server.post('/api/dev/clock', async (req: Request, res: Response) => {
      if (!keyMatches(presentedKey(req), deps.key)) {
        sendJson(res, 401, { code: 'UNAUTHENTICATED', message: 'A valid jobs key is required (Authorization: Bearer <JOBS_KEY> or x-jobs-key).' }, { 'WWW-Authenticate': 'Bearer' });
        return;
      }
      const parsed = clockBodySchema.safeParse(req.body ?? {});
      const at = parsed.success ? parseInstant(parsed.data.at) : undefined;
      if (at === undefined) {
        sendJson(res, 400, { code: 'VALIDATION_FAILED', message: 'The body must be a JSON object {at: ISO instant with offset} and nothing else.' });
        return;
      }
      deps.clock.moveTo(at);
      deps.logger.info('dev clock moved', { now: deps.clock.now().toISOString() });
      sendJson(res, 200, { now: deps.clock.now().toISOString() });
    });
  };
}
