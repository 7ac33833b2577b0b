/**
 * What the fan-out engine needs from a messaging SDK: one send, and errors it can classify. The engine never
 * sees botbuilder; `botbuilderSender.ts` is the one implementation that does.
 */

/** An outgoing activity (a botbuilder `Partial<Activity>` today): opaque to the engine. */
export type OutgoingActivity = object;

export interface SendResult {
  readonly activityId: string;
}

export interface Sender {
  /**
   * Sends one activity to the conversation `reference` points at. Throws an error carrying `statusCode` (the
   * HTTP status) and, when the service said so, `retryAfterMs`; `notSent` when the request provably never reached
   * the service (connection refused, name not resolved); `timedOut` for a timeout or a reset after the request
   * went out, when nobody knows whether the message was delivered.
   * Must not retry by itself: the engine owns retries, so that each attempt passes the rate limiter.
   */
  send(reference: unknown, activity: OutgoingActivity): Promise<SendResult>;
}

/** A failed send, as a {@link Sender} reports it. */
export class SendError extends Error {
  readonly statusCode: number | undefined;
  readonly retryAfterMs: number | undefined;
  readonly timedOut: boolean;
  readonly notSent: boolean;

  constructor(
    message: string,
    details: { statusCode?: number | undefined; retryAfterMs?: number | undefined; timedOut?: boolean; notSent?: boolean },
    options?: { cause?: unknown },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'SendError';
    this.statusCode = details.statusCode;
    this.retryAfterMs = details.retryAfterMs;
    this.timedOut = details.timedOut ?? false;
    this.notSent = details.notSent ?? false;
  }
}

/**
 * How the engine treats a failed attempt: `retry` (nothing was delivered: try again), `gone` (the conversation
 * is gone: mark it inactive), `fatal` (give up), `unknown` (the message may have been delivered: never resend).
 */
export type SendFailure =
  | { readonly kind: 'retry'; readonly code: string; readonly throttled: boolean; readonly retryAfterMs: number | undefined }
  | { readonly kind: 'gone'; readonly code: string }
  | { readonly kind: 'fatal'; readonly code: string }
  | { readonly kind: 'unknown'; readonly code: string };

const RETRY_STATUS = new Set([412, 429, 502, 504]);
const GONE_STATUS = new Set([403, 404]);

/**
 * Sorts any thrown value into retry (429/412/502/504, and a request that never left), gone (403/404), unknown
 * (a timeout or reset after the request went out: maybe delivered) or fatal (the rest).
 */
export function classifySendError(err: unknown): SendFailure {
  const e = (typeof err === 'object' && err !== null ? err : {}) as { statusCode?: unknown; retryAfterMs?: unknown; timedOut?: unknown; notSent?: unknown };
  const status = typeof e.statusCode === 'number' && Number.isInteger(e.statusCode) ? e.statusCode : undefined;
  const retryAfterMs = typeof e.retryAfterMs === 'number' && Number.isFinite(e.retryAfterMs) && e.retryAfterMs >= 0 ? e.retryAfterMs : undefined;
  if (status !== undefined) {
    const code = `HTTP_${status}`;
    if (RETRY_STATUS.has(status)) return { kind: 'retry', code, throttled: status === 429, retryAfterMs };
    if (GONE_STATUS.has(status)) return { kind: 'gone', code };
    return { kind: 'fatal', code };
  }
  if (e.notSent === true) return { kind: 'retry', code: 'NOT_CONNECTED', throttled: false, retryAfterMs };
  if (e.timedOut === true) return { kind: 'unknown', code: 'TIMEOUT' };
  return { kind: 'fatal', code: 'SEND_ERROR' };
}

/** Parses a `Retry-After` header (seconds or an HTTP date) into milliseconds; undefined when absent or bad. */
export function parseRetryAfter(value: string | null | undefined, now: number): number | undefined {
  if (value === null || value === undefined || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
