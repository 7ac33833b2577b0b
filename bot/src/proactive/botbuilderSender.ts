import type { Activity, CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';
import { parseRetryAfter, SendError, type OutgoingActivity, type SendResult, type Sender } from './sender';

/** Transport errors before anything was sent: the engine retries them. */
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN']);
/** Transport errors after the request may have gone out: delivered or not, nobody knows (never resent). */
const UNKNOWN_CODES = new Set(['ETIMEDOUT', 'ESOCKETTIMEDOUT', 'ECONNRESET', 'EPIPE', 'TimeoutError', 'AbortError', 'REQUEST_SEND_ERROR']);

/**
 * The real {@link Sender}: `continueConversationAsync` + `sendActivity` on a botbuilder CloudAdapter. The only
 * proactive file that knows botbuilder (a move to the Teams SDK replaces this one).
 */
export class BotbuilderSender implements Sender {
  constructor(
    private readonly adapter: CloudAdapter,
    /** The bot's app id (empty locally, where the adapter authenticates nothing). */
    private readonly appId: string,
    private readonly now: () => number = () => Date.now(),
  ) {}

  async send(reference: unknown, activity: OutgoingActivity): Promise<SendResult> {
    let result: { id?: string } | undefined;
    let failure: { error: unknown } | undefined;
    await this.adapter.continueConversationAsync(this.appId, reference as Partial<ConversationReference>, async (context) => {
      // Caught here, not thrown: a throw would reach the adapter's onTurnError, which tells the *user* the turn failed.
      try {
        this.withoutSdkRetries(context);
        result = await context.sendActivity(activity as Partial<Activity>);
      } catch (error) {
        failure = { error };
      }
    });
    if (failure !== undefined) throw toSendError(failure.error, this.now());
    // Teams always answers with an id; a 2xx without one still means the message went out.
    return { activityId: result?.id !== undefined && result.id !== '' ? result.id : 'unknown' };
  }

  /**
   * botbuilder's connector client (Azure core pipeline) retries 429 and 5xx by itself, up to 3 times, past our
   * rate limiter and counters. The engine owns retries, so the turn's client drops that policy. The client is
   * made per turn, so this touches nothing else; if a botbuilder update changes its shape, the SDK's retries
   * simply stay (pinned: botbuilder 4.23.3, covered by the fan-out integration test).
   */
  private withoutSdkRetries(context: TurnContext): void {
    const connector: unknown = context.turnState.get(this.adapter.ConnectorClientKey);
    const pipeline = (connector as { client?: { pipeline?: { removePolicy?: (p: { name: string }) => unknown } } } | undefined)?.client?.pipeline;
    pipeline?.removePolicy?.({ name: 'defaultRetryPolicy' });
  }
}

/** Maps a botbuilder / Azure core `RestError` (statusCode, response headers, code) to a {@link SendError}. */
export function toSendError(err: unknown, now: number): SendError {
  const e = (typeof err === 'object' && err !== null ? err : {}) as {
    statusCode?: unknown;
    code?: unknown;
    name?: unknown;
    response?: { headers?: { get?: (name: string) => string | null | undefined } };
  };
  const statusCode = typeof e.statusCode === 'number' ? e.statusCode : undefined;
  const header = typeof e.response?.headers?.get === 'function' ? e.response.headers.get('retry-after') : undefined;
  const code = typeof e.code === 'string' ? e.code : typeof e.name === 'string' ? e.name : undefined;
  const notSent = statusCode === undefined && code !== undefined && NOT_SENT_CODES.has(code);
  const timedOut = statusCode === undefined && code !== undefined && UNKNOWN_CODES.has(code);
  return new SendError(
    statusCode === undefined ? `send failed (${code ?? 'unknown'})` : `send failed: HTTP ${statusCode}`,
    { statusCode, retryAfterMs: parseRetryAfter(header, now), timedOut, notSent },
    { cause: err },
  );
}
