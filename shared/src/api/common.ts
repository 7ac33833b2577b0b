import { z } from 'zod';
import { isIsoDate } from '../calendar/isoDate';

/**
 * What every tab API answer shares: the coded error body (the one definition: `bot/src/tabApi/http.ts` re-exports it, and the tab imports
 * it), the roles a caller can have, and small schema pieces the contracts reuse. Pure: zod only.
 */

/** Error codes and their HTTP status. The tab has a text for each code in nl and en. */
export const API_ERROR_STATUS = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  VALIDATION_FAILED: 400,
  TOO_LARGE: 413,
  STALE: 412,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  UNAVAILABLE: 503,
  INTERNAL: 500,
} as const;
export type ApiErrorCode = keyof typeof API_ERROR_STATUS;
export const API_ERROR_CODES = Object.keys(API_ERROR_STATUS) as ApiErrorCode[];

/**
 * The JSON body of every error answer. `message` is English, for developers; the tab shows its own text for
 * `code`. `details` may name the fields that failed (`details.fields`), never the values given.
 */
export interface ApiErrorBody {
  readonly code: ApiErrorCode;
  readonly message: string;
  readonly details?: Readonly<Record<string, unknown>>;
}

export const apiErrorBodySchema = z.object({
  code: z.enum(API_ERROR_CODES as [ApiErrorCode, ...ApiErrorCode[]]),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** True when `body` is a coded error answer (the tab checks this before showing a text for its code). */
export function isApiErrorBody(body: unknown): body is ApiErrorBody {
  return apiErrorBodySchema.safeParse(body).success;
}

/** The roles a caller can act in. `employee` is everyone; manager and coordinator are stored on the participant. */
export const SESSION_ROLES = ['employee', 'manager', 'coordinator'] as const;
export type SessionRole = (typeof SESSION_ROLES)[number];

/** Ids the API hands out and takes back (team ids, user ids): bounded, no control characters. */
export const idSchema = z
  .string()
  .min(1)
  .max(200)
  .refine((v) => ![...v].some((ch) => ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f || '/\\#?'.includes(ch)), { error: 'not an id' });

/** A calendar date `YYYY-MM-DD` (the check-in day, in Europe/Amsterdam). */
export const isoDateParamSchema = z.string().refine(isIsoDate, { error: 'expected a calendar date YYYY-MM-DD' });
