import type restify from 'restify';
import type { Request, Response } from 'restify';
import type { Config } from '../config';
import type { Repositories } from '../storage/repositories';
import { API_ERROR_STATUS, type ApiErrorBody, type ApiErrorCode } from '@soestainable/shared/api/common';
import type { Role } from '@soestainable/shared/domain/types';
import { isAppError } from '../errors';
import { errorFields, type Logger } from '../platform/logger';
import { sendJson } from '../server/json';

/**
 * The small HTTP layer every tab API feature shares: who is calling (a {@link Principal}, from an
 * {@link Authenticator}), coded errors the tab translates ({@link ApiError}), and {@link handle}, which wraps a
 * handler so that every answer is JSON, never cached, and never a stack trace.
 */

/** The caller, once their token (Teams SSO, or the local dev sign-in) has been validated. */
export interface Principal {
  /** Entra object id (the same id the bot stores as the participant's user id). */
  readonly userId: string;
  readonly tenantId: string;
  readonly name: string;
  /** Roles stored on the participant (employee is implicit). */
  readonly roles: ReadonlySet<Role>;
  /** The organisation team the participant belongs to, if enrolled. */
  readonly teamId: string | undefined;
  readonly via: 'sso' | 'dev';
}

export interface Authenticator {
  /** Validates the request's `Authorization: Bearer` token; throws ApiError UNAUTHENTICATED (401) otherwise. */
  authenticate(req: Request): Promise<Principal>;
}

/**
 * Error codes and their HTTP status, and the error body: defined once in the shared contract, which the tab imports
 * too (it has a text for each code in nl and en). The `message` is English, for developers and logs, and never
 * holds user text.
 */
export type { ApiErrorBody, ApiErrorCode } from '@soestainable/shared/api/common';

export class ApiError extends Error {
  readonly status: number;
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
    /** Headers the answer carries besides the JSON ones (`Retry-After`). */
    readonly headers: Readonly<Record<string, string>> = {},
  ) {
    super(message);
    this.name = 'ApiError';
    this.status = API_ERROR_STATUS[code];
  }
}

/** Maps anything thrown to an ApiError: storage outages → 503, conflicts → 412, the rest → 500 (logged). */
export function toApiError(err: unknown, logger: Logger, route: string): ApiError {
  if (err instanceof ApiError) return err;
  if (isAppError(err, 'STORAGE_UNAVAILABLE')) return new ApiError('UNAVAILABLE', 'Storage is not answering; try again shortly.');
  if (isAppError(err, 'ERASURE_IN_PROGRESS')) {
    return new ApiError('CONFLICT', 'Your data is being deleted; finish that first (delete again), then join again if you like.', { rule: 'erasure_in_progress' });
  }
  if (isAppError(err, 'STORAGE_CONFLICT')) return new ApiError('STALE', 'Someone else changed this in the meantime; reload and try again.');
  if (isAppError(err, 'VALIDATION_FAILED') || isAppError(err, 'KEY_INVALID')) return new ApiError('VALIDATION_FAILED', err.message);
  if (isAppError(err, 'NOT_FOUND')) return new ApiError('NOT_FOUND', err.message);
  logger.error('tab api: unexpected error', { route, ...errorFields(err) });
  return new ApiError('INTERNAL', 'Something went wrong on our side; nothing was half-saved.');
}

export type Handler = (req: Request, principal: Principal) => Promise<{ status?: number; body: unknown; headers?: Record<string, string> }>;

/** Wraps an authenticated JSON handler: authenticate → handler → JSON; every failure a coded JSON error. */
export function handle(auth: Authenticator, logger: Logger, route: string, handler: Handler) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const principal = await auth.authenticate(req);
      const out = await handler(req, principal);
      sendJson(res, out.status ?? 200, out.body, out.headers);
    } catch (err) {
      sendError(res, toApiError(err, logger, route));
    }
  };
}

/** A download the tab saves as a file (a CSV export): its name, type and text. */
export interface FileAnswer {
  readonly fileName: string;
  readonly contentType: string;
  readonly text: string;
}

/**
 * Wraps an authenticated handler whose answer is a file, not JSON (the CSV exports): authenticate → handler → the
 * file as an attachment, never cached or sniffed; every failure the same coded JSON error as {@link handle}'s.
 */
export function handleFile(auth: Authenticator, logger: Logger, route: string, handler: (req: Request, principal: Principal) => Promise<FileAnswer>) {
  return async (req: Request, res: Response): Promise<void> => {
    try {
      const principal = await auth.authenticate(req);
      const file = await handler(req, principal);
      res.writeHead(200, {
        'Content-Type': file.contentType,
        'Content-Disposition': `attachment; filename="${file.fileName}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
        'Content-Length': String(Buffer.byteLength(file.text, 'utf8')),
      });
      res.end(file.text);
    } catch (err) {
      sendError(res, toApiError(err, logger, route));
    }
  };
}

function sendError(res: Response, e: ApiError): void {
  const body: ApiErrorBody = e.details === undefined ? { code: e.code, message: e.message } : { code: e.code, message: e.message, details: e.details };
  sendJson(res, e.status, body, { ...(e.status === 401 ? { 'WWW-Authenticate': 'Bearer' } : {}), ...e.headers });
}

/** Throws FORBIDDEN unless the caller has one of `roles`. */
export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (!roles.some((r) => principal.roles.has(r))) throw new ApiError('FORBIDDEN', `This needs the role ${roles.join(' or ')}.`);
}

/** What every tab API feature gets: the caller's authenticator and the app's parts. */
export interface TabApiContext {
  readonly auth: Authenticator;
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  readonly now: () => Date;
}

/** A tab API feature adds its routes (`registerProgrammeRoutes(server, ctx)`, …). */
export type TabRouteRegistrar = (server: restify.Server, ctx: TabApiContext) => void;
