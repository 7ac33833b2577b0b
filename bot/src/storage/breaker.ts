import type { TableServiceClientOptions } from '@azure/data-tables';
import { AppError } from '../errors';
import { isConnectionFailure } from './tableStore';

/**
 * The Azure SDK's pipeline policy types, taken from the options the Tables client accepts (so we depend on
 * `@azure/data-tables` only, not on `@azure/core-rest-pipeline`, which it brings along).
 */
type AdditionalPolicy = NonNullable<TableServiceClientOptions['additionalPolicies']>[number];
export type PipelinePolicy = AdditionalPolicy['policy'];
type PipelineRequest = Parameters<PipelinePolicy['sendRequest']>[0];
type SendRequest = Parameters<PipelinePolicy['sendRequest']>[1];
type PipelineResponse = Awaited<ReturnType<PipelinePolicy['sendRequest']>>;

/** Default time calls fail at once after storage was found unreachable, before one call may try again. */
export const DEFAULT_COOL_DOWN_MS = 1000;
/**
 * Default limit for one call, its retries included. Table operations take milliseconds and the SDK's retries of a
 * refused connection about 1.5 s (`STORAGE_RETRY_OPTIONS`); Table Storage itself ends a query page after 5 s
 * (it returns what it has and a continuation). A call with no answer after 10 s is talking to a storage account
 * it cannot reach: a network path that drops packets would otherwise wait for the operating system's connect
 * timeout, about two minutes on Linux, and the SDK sets no limit of its own.
 */
export const DEFAULT_CALL_TIMEOUT_MS = 10_000;
export const BREAKER_POLICY_NAME = 'soestainableStorageBreaker';

export type BreakerState = 'closed' | 'open' | 'probing';

export interface BreakerChange {
  readonly from: BreakerState;
  readonly to: BreakerState;
  /** Calls refused at once while the breaker was open (reset when it closes). */
  readonly refused: number;
}

export interface BreakerOptions {
  /** How long calls fail at once after a connection failure before one call is let through as a probe. */
  readonly coolDownMs?: number;
  /** The limit for one call, retries included; a call that runs out counts as unreachable. */
  readonly callTimeoutMs?: number;
  /** A monotonic clock in milliseconds (default `performance.now`); tests pass their own. */
  readonly now?: () => number;
  /** Told about every state change, e.g. for a log line (states and counts only). */
  readonly onChange?: (change: BreakerChange) => void;
}

/** The error a call gets while the breaker is open: a STORAGE_UNAVAILABLE, like any other unreachable storage. */
export class StorageCircuitOpenError extends AppError {
  constructor(retryInMs: number) {
    super('STORAGE_UNAVAILABLE', `Storage was unreachable moments ago: not calling it for another ${Math.max(0, Math.ceil(retryInMs))} ms.`);
    this.name = 'StorageCircuitOpenError';
  }
}

/** Did the call reach storage? An error that carries an HTTP response (404, 409, 412, 500, 503…) did. */
function gotAnAnswer(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const { statusCode, response } = err as { statusCode?: unknown; response?: unknown };
  return typeof statusCode === 'number' || (typeof response === 'object' && response !== null);
}

/**
 * A circuit breaker for one storage account, as an Azure SDK pipeline policy. Installed `perCall` (see
 * {@link TableClients}), it sits outside the SDK's retry policy, so it sees the outcome of a call after the SDK
 * has retried it:
 *
 * - **closed**: calls go through. A call that fails because storage could not be reached (connection refused,
 *   reset, host not found, or no answer within `callTimeoutMs`: no HTTP answer at all) opens the breaker. An HTTP answer of any status,
 *   even a 500 or 503, means storage is reachable: that is the repositories' business, not the breaker's (a hot
 *   partition answering 503 must not stop calls to every other partition).
 * - **open**: calls fail at once with a {@link StorageCircuitOpenError} (a STORAGE_UNAVAILABLE, mapped to 503)
 *   instead of each waiting through the SDK's retries. After `coolDownMs`, the next call is let through.
 * - **probing**: that one call is on its way; the others still fail at once. An answer closes the breaker; a
 *   connection failure opens it again for another cool-down. A probe that ends without a verdict (aborted by its
 *   caller) lets the next call probe.
 *
 * No timer: the state moves only when calls arrive, so nothing keeps the process alive and nothing polls a
 * storage account nobody is using. The first call after the outage is the probe, so service resumes on its own.
 */
export class StorageBreaker {
  readonly policy: PipelinePolicy;
  private readonly coolDownMs: number;
  private readonly callTimeoutMs: number;
  private readonly now: () => number;
  private readonly onChange: ((change: BreakerChange) => void) | undefined;
  private current: BreakerState = 'closed';
  private openedAt = 0;
  private refused = 0;

  constructor(options: BreakerOptions = {}) {
    this.coolDownMs = options.coolDownMs ?? DEFAULT_COOL_DOWN_MS;
    this.callTimeoutMs = options.callTimeoutMs ?? DEFAULT_CALL_TIMEOUT_MS;
    this.now = options.now ?? (() => performance.now());
    this.onChange = options.onChange;
    this.policy = { name: BREAKER_POLICY_NAME, sendRequest: (request, next) => this.send(request, next) };
  }

  get state(): BreakerState {
    return this.current;
  }

  /** Calls refused at once since the breaker last opened. */
  get refusedCalls(): number {
    return this.refused;
  }

  private async send(request: PipelineRequest, next: SendRequest): Promise<PipelineResponse> {
    const probe = this.admit();
    // The call's deadline: our own abort signal, following the caller's, and a timer cleared however the call ends
    // (the SDK's per-try `request.timeout` would leave its timer running after a refused connection).
    const deadline = new AbortController();
    const callerSignal = request.abortSignal;
    const follow = () => deadline.abort();
    if (callerSignal?.aborted === true) deadline.abort();
    callerSignal?.addEventListener('abort', follow);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      deadline.abort();
    }, this.callTimeoutMs);
    request.abortSignal = deadline.signal;
    let response: PipelineResponse;
    try {
      response = await next(request);
    } catch (err) {
      if (gotAnAnswer(err)) this.reachable();
      else if (isConnectionFailure(err) || (timedOut && callerSignal?.aborted !== true)) this.unreachable();
      else if (probe) this.noVerdict();
      throw err;
    } finally {
      clearTimeout(timer);
      callerSignal?.removeEventListener('abort', follow);
      if (callerSignal === undefined) delete request.abortSignal;
      else request.abortSignal = callerSignal;
    }
    this.reachable();
    return response;
  }

  /** Lets a call through (true when it is the probe) or throws at once. */
  private admit(): boolean {
    if (this.current === 'closed') return false;
    const waited = this.now() - this.openedAt;
    if (this.current === 'open' && waited >= this.coolDownMs) {
      this.move('probing');
      return true;
    }
    this.refused += 1;
    throw new StorageCircuitOpenError(this.coolDownMs - waited);
  }

  private reachable(): void {
    if (this.current === 'closed') return;
    this.move('closed');
    this.refused = 0;
  }

  private unreachable(): void {
    // Also from `open`: a call that set out before the breaker opened and fails now restarts the cool-down.
    this.openedAt = this.now();
    if (this.current !== 'open') this.move('open');
  }

  private noVerdict(): void {
    // Only the probe gets here; leave the breaker open with its cool-down over, so the next call probes.
    if (this.current === 'probing') this.move('open');
  }

  private move(to: BreakerState): void {
    const from = this.current;
    this.current = to;
    this.onChange?.({ from, to, refused: this.refused });
  }
}
