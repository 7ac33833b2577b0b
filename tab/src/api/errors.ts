import type { ApiErrorCode } from '@soestainable/shared/api/common';

/** The server's error codes, plus the client's own: no answer at all, or an answer that is not the API's. */
export type ClientErrorCode = ApiErrorCode | 'NETWORK' | 'BAD_RESPONSE';

// A Record over the codes, so that a code added in shared/src/api/common.ts fails the typecheck until listed here.
// (Importing API_ERROR_STATUS itself would bring that module's zod schemas into the first view.)
const SERVER_CODES: Readonly<Record<ApiErrorCode, true>> = {
  UNAUTHENTICATED: true, FORBIDDEN: true, NOT_FOUND: true, VALIDATION_FAILED: true, TOO_LARGE: true, STALE: true,
  CONFLICT: true, RATE_LIMITED: true, UNAVAILABLE: true, INTERNAL: true,
};
const isServerCode = (code: string): code is ApiErrorCode => Object.prototype.hasOwnProperty.call(SERVER_CODES, code);

/**
 * What every failed API call throws: the coded error the server answered with (its `code`, HTTP `status` and
 * `details`), or NETWORK / BAD_RESPONSE. The UI shows the text for `code` in the user's language, never `message`.
 */
export class ApiClientError extends Error {
  constructor(
    readonly code: ClientErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = 'ApiClientError';
  }
}

/**
 * Reads a coded error body (`{code, message, details?}`) without pulling zod into the first view: the shape is
 * small, so it is checked by hand (the server's schema is `apiErrorBodySchema` in shared/src/api/common.ts).
 */
export function errorFromBody(status: number, body: unknown): ApiClientError {
  if (typeof body === 'object' && body !== null) {
    const { code, message, details } = body as Record<string, unknown>;
    if (typeof code === 'string' && isServerCode(code) && typeof message === 'string') {
      const detailObject = typeof details === 'object' && details !== null ? (details as Record<string, unknown>) : undefined;
      return new ApiClientError(code, status, message, detailObject);
    }
  }
  return new ApiClientError('BAD_RESPONSE', status, `HTTP ${status} without a coded error body`);
}

export function isApiClientError(err: unknown): err is ApiClientError {
  return err instanceof ApiClientError;
}
