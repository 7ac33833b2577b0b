/**
 * Coded errors. Every failure the server can report has a stable code (like fastify's FST_ERR_* or trpc's
 * TRPCError codes) so that callers branch on `code`, never on message text, and HTTP answers map from it.
 */
export const ERROR_CODES = {
  CONFIG_INVALID: 500,
  STORAGE_CONFLICT: 409,
  STORAGE_UNAVAILABLE: 503,
  STORAGE_FAILED: 500,
  STORAGE_DATA_INVALID: 500,
  KEY_INVALID: 400,
  VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  FORBIDDEN_IN_PRODUCTION: 500,
  /** The person's data is being erased (or an erasure stopped half-way): their writes are refused until it is done. */
  ERASURE_IN_PROGRESS: 409,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly httpStatus: number;

  constructor(code: ErrorCode, message: string, options?: { cause?: unknown }) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.httpStatus = ERROR_CODES[code];
  }
}

/** Two writers met: the row exists already (409) or changed since it was read (412). */
export class ConflictError extends AppError {
  readonly reason: 'exists' | 'changed';

  constructor(reason: 'exists' | 'changed', message: string, options?: { cause?: unknown }) {
    super('STORAGE_CONFLICT', message, options);
    this.name = 'ConflictError';
    this.reason = reason;
  }
}

export function isAppError(err: unknown, code?: ErrorCode): err is AppError {
  return err instanceof AppError && (code === undefined || err.code === code);
}

/**
 * A command line a CLI cannot run (unknown option, missing argument): the problem and the usage line, exit code 2,
 * before anything is opened. Each CLI's parser throws its own subclass; `cli/run.ts` `argsOrExit` answers it.
 */
export class UsageError extends Error {
  readonly exitCode = 2;
  constructor(problem: string, usage: string) {
    super(`${problem}\n${usage}`);
    this.name = new.target.name;
  }
}
