import type { Request } from 'restify';
import type { z } from 'zod';
import type { AuditDetails } from '@soestainable/shared/domain/audit';
import { ApiError, type Principal, type TabApiContext } from './http';

/**
 * Request helpers the programme, inbox, admin and report routes share: a body checked against its contract's
 * zod schema, path and query parameters, the `If-Match` version, and the audit entry every coordinator change
 * writes.
 */

/** One failing field: its path and a rule code the tab can translate (`required`, `too_long`, `invalid_type`, …). */
export interface Issue {
  readonly path: string;
  readonly rule: string;
  readonly max?: number;
}

/** Our schemas' custom messages are rule codes (`too_long:200`, `invalid_date`); zod's own issues give their code. */
function issueOf(issue: z.core.$ZodIssue): Issue {
  const path = issue.path.map(String).join('.') || '(body)';
  if (issue.code === 'custom' && /^[a-z_]+(:\d+)?$/.test(issue.message)) {
    const [rule = 'invalid', max] = issue.message.split(':');
    return max === undefined ? { path, rule } : { path, rule, max: Number(max) };
  }
  if (issue.code === 'too_big') {
    const max = Number(issue.maximum);
    return Number.isFinite(max) ? { path, rule: 'too_big', max } : { path, rule: 'too_big' };
  }
  return { path, rule: issue.code };
}

/**
 * The request body parsed by `schema`; VALIDATION_FAILED naming each failing field and rule (never the values
 * given, which can be personal) otherwise.
 */
export function parseBody<S extends z.ZodType>(schema: S, body: unknown): z.infer<S> {
  const parsed = schema.safeParse(body ?? {});
  if (!parsed.success) {
    const issues = parsed.error.issues.slice(0, 20).map(issueOf);
    throw new ApiError('VALIDATION_FAILED', `The request body is not valid: ${issues.map((i) => `${i.path} (${i.rule})`).join(', ')}.`, { issues });
  }
  return parsed.data;
}

/** A VALIDATION_FAILED for one field and rule, shaped like {@link parseBody}'s. */
export function invalid(path: string, rule: string, message: string, extra: Record<string, unknown> = {}): ApiError {
  return new ApiError('VALIDATION_FAILED', message, { issues: [{ path, rule }], ...extra });
}

/** A path parameter; routes declare them, so a missing one is a programming error answered as NOT_FOUND. */
export function param(req: Request, name: string): string {
  const value = req.params?.[name];
  if (value === undefined || value === '') throw new ApiError('NOT_FOUND', `No ${name} in the path.`);
  return value;
}

/** A query parameter, or undefined (lists and objects never get here: the server refuses them, createServer.ts). */
export function queryParam(req: Request, name: string): string | undefined {
  const value = req.query?.[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}

/** The `If-Match` header: the version the editor saw. Required for edits of existing rows. */
export function ifMatch(req: Request): string {
  const value = req.headers['if-match'];
  const etag = Array.isArray(value) ? value[0] : value;
  if (etag === undefined || etag.trim() === '' || etag.trim() === '*') {
    throw new ApiError('VALIDATION_FAILED', 'This edit needs an If-Match header with the version you read.', { rule: 'if_match_required' });
  }
  return etag.trim();
}

/** The optional `If-Match` header. */
export function optionalIfMatch(req: Request): string | undefined {
  const value = req.headers['if-match'];
  const etag = Array.isArray(value) ? value[0] : value;
  return etag === undefined || etag.trim() === '' ? undefined : etag.trim();
}

/** The organisation every tab API call works on (one organisation per deployment). */
export function orgOf(ctx: TabApiContext): string {
  return ctx.config.org.id;
}

/** Records a coordinator's change: who, what, which ids. Never a text someone typed. */
export async function audit(ctx: TabApiContext, principal: Principal, action: string, target: string, details?: AuditDetails): Promise<void> {
  await ctx.repos.auditLog.append({
    orgId: orgOf(ctx),
    at: ctx.now().toISOString(),
    actor: principal.userId,
    action,
    target,
    ...(details === undefined ? {} : { details }),
  });
}

/** Runs `fn` over `items` with at most `limit` at a time, in order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      results[i] = await fn(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

/** `T` without the `undefined` zod leaves on absent optional fields (for `exactOptionalPropertyTypes`). */
export type Defined<T> = { [K in keyof T as undefined extends T[K] ? never : K]: T[K] } & {
  [K in keyof T as undefined extends T[K] ? K : never]?: Exclude<T[K], undefined>;
};

/** A copy of `o` without its `undefined` properties. */
export function defined<T extends object>(o: T): Defined<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Defined<T>;
}
