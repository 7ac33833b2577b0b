/**
 * A fake Bot Connector with Teams' limits (per-conversation windows, a tenant limit, injected faults), for tests
 * and benchmarks, never for the server: it lives in the `@soestainable/testing` package that `tests/` and `bench/`
 * share, so nothing of it is compiled into bot/dist.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';

/** What the connector does with one call instead of accepting it. */
export interface Fault {
  /** Answer this status (no delivery). */
  readonly status?: number;
  /** With `status`: a Retry-After header, in seconds. */
  readonly retryAfterSeconds?: number;
  /** Wait this long before answering (then accept, or answer `status`). */
  readonly delayMs?: number;
}

export interface Delivery {
  readonly conversationId: string;
  readonly activityId: string;
  readonly body: unknown;
  /** When it was accepted (ms since the epoch). */
  readonly at: number;
}

export interface LimitedConnectorOptions {
  /** Accepted sends per rolling second across all conversations; above it, 429 (no Retry-After). None if absent. */
  readonly tenantLimitPerSecond?: number;
  /** Enforce Teams' per-conversation limits (7/1 s, 8/2 s, 60/30 s, 1800/h). Default true. */
  readonly conversationLimits?: boolean;
  /** Keep each accepted activity's body in {@link Delivery.body} (default true; a benchmark turns it off). */
  readonly keepBodies?: boolean;
}

const CONVERSATION_WINDOWS = [
  { count: 7, windowMs: 1_000 },
  { count: 8, windowMs: 2_000 },
  { count: 60, windowMs: 30_000 },
  { count: 1_800, windowMs: 3_600_000 },
];

/**
 * A fake Bot Connector that behaves like Teams under load: it enforces the per-conversation limits and a tenant
 * limit with 429s, and answers injected faults (429 with or without Retry-After, 403, 404, 500, slow answers).
 * It records every accepted message, so tests count duplicates. Written independently of the engine's limiter,
 * so the engine is checked against a second implementation of the limits.
 */
export class LimitedConnector {
  readonly deliveries: Delivery[] = [];
  /** Every call, accepted or not, per conversation. */
  readonly callsByConversation = new Map<string, number>();
  /** 429s the connector's own limits answered (not the injected ones). */
  conversationLimit429 = 0;
  tenantLimit429 = 0;
  /** Calls whose client went away before the request was complete (never delivered). */
  abortedCalls = 0;
  /** Decides a fault for a call: `seq` counts calls to that conversation, from 1. */
  fault: ((call: { conversationId: string; seq: number }) => Fault | undefined) | undefined;

  private readonly accepted = new Map<string, number[]>();
  private readonly deliveredCount = new Map<string, number>();
  private readonly tenantAccepted: number[] = [];
  private tenantHead = 0;
  private server: Server | undefined;
  private counter = 0;
  url = '';

  constructor(private readonly options: LimitedConnectorOptions = {}) {}

  async start(): Promise<this> {
    this.server = createServer((req, res) => {
      this.handle(req, res).catch(() => {
        // The client went away mid-request (a killed sender): nothing was delivered.
        this.abortedCalls++;
        res.destroy();
      });
    });
    // Many concurrent senders: keep their connections open between requests, as the Bot Connector does.
    this.server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    return this;
  }

  async stop(): Promise<void> {
    const server = this.server;
    if (!server) return;
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  /** Accepted messages per conversation. */
  deliveredTo(conversationId: string): number {
    return this.deliveredCount.get(conversationId) ?? 0;
  }

  /** Conversations that received more than `expected` messages (default 1). */
  duplicates(expected = 1): string[] {
    return [...this.deliveredCount].filter(([, n]) => n > expected).map(([id]) => id);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const text = await readBody(req);
    const match = /^\/v3\/conversations\/([^/]+)\/activities(?:\/[^/]+)?$/.exec(req.url ?? '');
    if (req.method !== 'POST' || !match) return answer(res, 404, { error: { code: 'NotFound' } });
    const conversationId = decodeURIComponent(match[1] ?? '');
    const seq = (this.callsByConversation.get(conversationId) ?? 0) + 1;
    this.callsByConversation.set(conversationId, seq);

    const fault = this.fault?.({ conversationId, seq });
    if (fault?.delayMs !== undefined) await new Promise((resolve) => setTimeout(resolve, fault.delayMs));
    if (fault?.status !== undefined) {
      const headers = fault.retryAfterSeconds === undefined ? {} : { 'retry-after': String(fault.retryAfterSeconds) };
      return answer(res, fault.status, { error: { code: `Injected${fault.status}` } }, headers);
    }

    // Limits are checked when the answer is decided, as a real service would.
    const now = Date.now();
    const sends = this.accepted.get(conversationId) ?? [];
    if (this.options.conversationLimits !== false) {
      const full = CONVERSATION_WINDOWS.some(({ count, windowMs }) => sends.filter((t) => t > now - windowMs).length >= count);
      if (full) {
        this.conversationLimit429++;
        return answer(res, 429, { error: { code: 'ConversationThrottled' } });
      }
    }
    const limit = this.options.tenantLimitPerSecond;
    if (limit !== undefined) {
      // A rolling second: the accepted sends after `tenantHead` are the ones inside it.
      while (this.tenantHead < this.tenantAccepted.length && (this.tenantAccepted[this.tenantHead] as number) <= now - 1_000) this.tenantHead++;
      if (this.tenantHead > 4096) {
        this.tenantAccepted.splice(0, this.tenantHead);
        this.tenantHead = 0;
      }
      if (this.tenantAccepted.length - this.tenantHead >= limit) {
        this.tenantLimit429++;
        return answer(res, 429, { error: { code: 'TenantThrottled' } });
      }
      this.tenantAccepted.push(now);
    }
    sends.push(now);
    this.accepted.set(conversationId, sends.filter((t) => t > now - 3_600_000));
    let body: unknown = undefined;
    if (this.options.keepBodies !== false) {
      try {
        body = JSON.parse(text);
      } catch {
        body = text;
      }
    }
    const activityId = `activity-${++this.counter}`;
    this.deliveries.push({ conversationId, activityId, body, at: now });
    this.deliveredCount.set(conversationId, (this.deliveredCount.get(conversationId) ?? 0) + 1);
    answer(res, 200, { id: activityId });
  }
}

function answer(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  if (res.destroyed) return;
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** The whole body; rejects when the client goes away before the end (then nothing may count as delivered). */
function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let data = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => (data += chunk));
    req.on('end', () => resolve(data));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('aborted')));
    req.on('close', () => {
      if (!req.complete) reject(new Error('closed before the end'));
    });
  });
}
