import type { ConfigurationBotFrameworkAuthentication } from 'botbuilder';

/**
 * Limits on every call the bot makes to the Bot Connector (replies, card updates, proactive sends).
 *
 * What botbuilder 4.23.3 does by itself (its `ConnectorClient` runs on `@azure/core-client`'s default pipeline):
 * - 5xx (except 501/505) and 408: up to 3 retries (4 attempts) with jittered exponential backoff from 1 s, for
 *   every method, a new message (POST) too;
 * - 429 or 503 with `Retry-After`: the same 3 retries, each waiting exactly what `Retry-After` says, uncapped;
 * - no timeout at all: a connector that accepts the request and never answers holds the turn (and the incoming
 *   `/api/messages` request) forever.
 *
 * botbuilder's connector factory replaces any `requestPolicyFactories` we pass, so the one hook left is the HTTP
 * client: {@link connectorClientOptions} gives the connector client a small fetch-based transport (the innermost
 * step, under the SDK's retry loop) that adds
 * - a timeout per attempt: a timed-out PUT/GET/DELETE (a card update is a PUT: idempotent) is reported as a
 *   transport timeout (`ETIMEDOUT`), which the SDK retries within its 3 retries; a timed-out POST (a new message)
 *   is not retried, because Teams has no idempotency key for a new activity and the first one may have arrived
 *   (the fan-out engine's rule too, docs/proactive.md);
 * - a budget for the whole call, retries and `Retry-After` waits included: when it runs out the call fails with an
 *   `AbortError`, which the turn's error handling reports and the proactive sender counts as "delivery unknown";
 * - no retry of a new message (POST) the connector answered 5xx: the server may have delivered it before failing,
 *   and a second POST would show the message twice. The call fails with {@link NotResentError} (status and
 *   response like a RestError). A 429 is still retried (throttled: not delivered), and so is every 5xx of an
 *   update (PUT: replacing a card twice changes nothing).
 *
 * Trade-off: this transport does not read proxy settings (`HTTPS_PROXY`); App Service reaches the Bot Connector
 * directly.
 */
export interface ConnectorCallLimits {
  /** One HTTP attempt: no answer within this many ms and the attempt is aborted. */
  readonly attemptTimeoutMs: number;
  /** The whole call, all attempts and waits included. */
  readonly budgetMs: number;
}

/**
 * Teams gives a bot about 15 s to answer an activity; a reply that needs longer than that is better given up (the
 * turn's error handling takes over) than left hanging. A healthy Bot Connector answers in well under a second.
 */
export const DEFAULT_CONNECTOR_LIMITS: ConnectorCallLimits = Object.freeze({ attemptTimeoutMs: 8_000, budgetMs: 15_000 });

/** botbuilder's `ConnectorClientOptions` (the 5th constructor argument), named without importing its inner package. */
export type ConnectorClientOptions = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[4]>;
type HttpClient = NonNullable<ConnectorClientOptions['httpClient']>;
type WebResource = Parameters<HttpClient['sendRequest']>[0];
type CompatResponse = Awaited<ReturnType<HttpClient['sendRequest']>>;
type HeadersLike = CompatResponse['headers'];
type SignalLike = NonNullable<WebResource['abortSignal']>;

const IDEMPOTENT = new Set(['GET', 'HEAD', 'PUT', 'DELETE']);
/** Headers fetch sets itself (a wrong length would break the request). */
const MANAGED_HEADERS = new Set(['content-length', 'host', 'connection']);

/** An error the SDK's retry policy recognises: `name` is how `@azure/core-rest-pipeline` tells a RestError. */
class ConnectorCallError extends Error {
  constructor(
    name: 'RestError' | 'AbortError',
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = name;
  }
}

/**
 * A new message (POST) the Bot Connector answered 5xx: it may have arrived, so it is not sent again. Its name is
 * not `RestError`, which is what makes the SDK's retry policy pass it on at once; like a RestError it carries
 * `statusCode` and `response`, so callers (the turn's error handling, the proactive sender) read it the same way.
 */
export class NotResentError extends Error {
  override readonly name = 'ConnectorMessageNotResent';
  readonly code = 'NOT_RESENT';

  constructor(
    readonly statusCode: number,
    readonly response: CompatResponse,
  ) {
    super(`Bot Connector answered ${statusCode} to a new message; not re-sent (it may have arrived)`);
  }
}

/** The header collection the SDK's compat layer expects (case-insensitive names, original case kept). */
class CompatHeaders implements HeadersLike {
  private readonly map = new Map<string, { name: string; value: string }>();

  constructor(raw: Iterable<[string, string]> = []) {
    for (const [name, value] of raw) this.set(name, value);
  }
  set(name: string, value: string | number): void {
    this.map.set(name.toLowerCase(), { name, value: String(value) });
  }
  get(name: string): string | undefined {
    return this.map.get(name.toLowerCase())?.value;
  }
  contains(name: string): boolean {
    return this.map.has(name.toLowerCase());
  }
  remove(name: string): boolean {
    return this.map.delete(name.toLowerCase());
  }
  rawHeaders(): Record<string, string> {
    return this.toJson({ preserveCase: true });
  }
  headersArray(): { name: string; value: string }[] {
    return [...this.map.values()].map((h) => ({ ...h }));
  }
  headerNames(): string[] {
    return [...this.map.values()].map((h) => h.name);
  }
  headerValues(): string[] {
    return [...this.map.values()].map((h) => h.value);
  }
  clone(): CompatHeaders {
    return new CompatHeaders([...this.map.values()].map((h): [string, string] => [h.name, h.value]));
  }
  toJson(options: { preserveCase?: boolean } = {}): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [key, h] of this.map) out[options.preserveCase === true ? h.name : key] = h.value;
    return out;
  }
  toString(): string {
    return JSON.stringify(this.toJson({ preserveCase: true }));
  }
}

function requestBody(body: WebResource['body']): string | Uint8Array | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === 'string' || body instanceof Uint8Array) return body;
  // The connector's operations send JSON text; anything else (streams, forms) is not expected from them.
  throw new ConnectorCallError('RestError', 'unsupported request body for the Bot Connector transport', 'REQUEST_SEND_ERROR');
}

/** The fetch-based transport with a per-attempt timeout and a per-call budget (see the file comment). */
class LimitedTransport implements HttpClient {
  /** Budget signals this transport made: a retried attempt of the same call finds its own on the request. */
  private readonly budgets = new WeakSet<object>();

  constructor(private readonly limits: ConnectorCallLimits) {}

  /**
   * The call's budget: made on its first attempt and put on the request, so the SDK's retry waits end with it.
   * Plain controllers and timers, not `AbortSignal.timeout`/`AbortSignal.any`: on Node 20 a composed timeout
   * signal that nothing else references can be garbage-collected before it fires (seen here: a hung attempt was
   * never aborted).
   */
  private budgetOf(request: WebResource): AbortSignal {
    const current: SignalLike | undefined = request.abortSignal;
    if (current instanceof AbortSignal && this.budgets.has(current)) return current;
    const budget = new AbortController();
    const timer = setTimeout(() => budget.abort(), this.limits.budgetMs);
    timer.unref();
    if (current?.aborted === true) budget.abort();
    else current?.addEventListener('abort', () => budget.abort());
    this.budgets.add(budget.signal);
    request.abortSignal = budget.signal;
    return budget.signal;
  }

  async sendRequest(request: WebResource): Promise<CompatResponse> {
    const budget = this.budgetOf(request);
    const method = request.method.toUpperCase();
    const attemptController = new AbortController();
    const attempt = attemptController.signal;
    const onBudget = () => attemptController.abort();
    budget.addEventListener('abort', onBudget);
    const timer = setTimeout(() => attemptController.abort(), this.limits.attemptTimeoutMs);
    if (budget.aborted) attemptController.abort();
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(request.headers.toJson({ preserveCase: true }))) {
      if (!MANAGED_HEADERS.has(name.toLowerCase())) headers[name] = value;
    }
    try {
      const body = requestBody(request.body);
      const res = await fetch(request.url, { method, headers, signal: attempt, ...(body === undefined ? {} : { body }) });
      const bodyAsText = await res.text();
      const response: CompatResponse = { request, status: res.status, headers: new CompatHeaders(res.headers), bodyAsText };
      if (res.status >= 500 && !IDEMPOTENT.has(method)) throw new NotResentError(res.status, response);
      return response;
    } catch (err) {
      if (err instanceof ConnectorCallError || err instanceof NotResentError) throw err;
      if (budget.aborted) throw new ConnectorCallError('AbortError', 'Bot Connector call abandoned: its time budget ran out', 'ETIMEDOUT');
      if (attempt.aborted) {
        // A PUT can safely be tried again (the SDK does, as for any transport timeout); a POST may have arrived.
        if (IDEMPOTENT.has(method)) throw new ConnectorCallError('RestError', 'Bot Connector attempt timed out', 'ETIMEDOUT');
        throw new ConnectorCallError('AbortError', 'Bot Connector attempt timed out; not re-sent (it may have arrived)', 'ETIMEDOUT');
      }
      // Connection refused, reset…: a transport error the SDK's retry policy knows by its code.
      const cause = (err as { cause?: { code?: unknown } }).cause;
      const code = typeof cause?.code === 'string' ? cause.code : 'REQUEST_SEND_ERROR';
      throw new ConnectorCallError('RestError', `Bot Connector request failed (${code})`, code);
    } finally {
      clearTimeout(timer);
      budget.removeEventListener('abort', onBudget);
    }
  }
}

/**
 * The options for `new ConfigurationBotFrameworkAuthentication(…, connectorClientOptions())`: every connector
 * client the adapter makes (one per turn) sends through one {@link LimitedTransport}. The SDK's retry policy stays.
 */
export function connectorClientOptions(limits: ConnectorCallLimits = DEFAULT_CONNECTOR_LIMITS): ConnectorClientOptions {
  if (!(limits.attemptTimeoutMs > 0 && limits.budgetMs >= limits.attemptTimeoutMs)) {
    throw new RangeError('connector limits: attemptTimeoutMs > 0 and budgetMs ≥ attemptTimeoutMs');
  }
  return { httpClient: new LimitedTransport(limits) };
}
