import { ActivityTypes, type Activity, type TurnContext } from 'botbuilder';
import { t } from '@soestainable/shared/text';
import { coreTexts } from './features/core/coreTexts';
import { languageOfLocale } from './cards/texts';
import type { Admission, KeyedRateLimit } from './platform/keyedRateLimit';
import { errorFields, type Logger } from './platform/logger';

/**
 * What the Bot Framework edge checks once botbuilder has authenticated a request and before the bot runs: the
 * activity comes from our tenant, and its conversation is within its rate limit. A refused turn runs no feature,
 * so nothing is stored; the HTTP status it gets is left on the turn's state for the server to write
 * ({@link turnRefusal}).
 */

/** The status (and wait) the server answers a refused turn with, instead of botbuilder's. */
export interface TurnRefusal {
  readonly status: number;
  readonly retryAfterSeconds?: number;
}

const REFUSAL = Symbol('turnRefusal');

/**
 * The refusal of the turn whose state this is, if the gate refused it. Takes the turn's state, not its context:
 * botbuilder revokes the context when the turn ends, before the status is written.
 */
export function turnRefusal(turnState: TurnContext['turnState']): TurnRefusal | undefined {
  return turnState.get(REFUSAL) as TurnRefusal | undefined;
}

export function refuseTurn(context: TurnContext, refusal: TurnRefusal): void {
  context.turnState.set(REFUSAL, refusal);
}

/** The tenant ids an activity names: Teams puts it in `channelData.tenant.id` and `conversation.tenantId`. */
export function tenantsOf(activity: Partial<Activity>): string[] {
  const fromChannel = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  return [activity.conversation?.tenantId, fromChannel].filter((t): t is string => typeof t === 'string' && t !== '');
}

/** The slow-down text in the client's language; both (Dutch first) when the activity does not say which. */
export function slowDownText(locale: string | undefined): string {
  if (locale === undefined || locale.trim() === '') return `${coreTexts.slowDown.nl}\n\n${coreTexts.slowDown.en}`;
  return t(coreTexts.slowDown, languageOfLocale(locale));
}

export interface BotGateDeps {
  /** MicrosoftAppTenantId; empty = no tenant check (local, where botbuilder accepts any request anyway). */
  readonly tenantId: string;
  /** Activities per conversation (config.limits.messagesPerMinute). */
  readonly limit: KeyedRateLimit;
  readonly logger: Logger;
}

export class BotGate {
  private readonly tenantId: string;

  constructor(private readonly deps: BotGateDeps) {
    this.tenantId = deps.tenantId.toLowerCase();
  }

  /** True when the bot may run this turn; otherwise the gate has answered it (see {@link turnRefusal}). */
  async admit(context: TurnContext): Promise<boolean> {
    if (!this.fromOurTenant(context.activity)) {
      // Ids and codes only: the tenant named is not logged (it is the caller's claim, not ours to keep).
      this.deps.logger.warn('bot activity refused', { reason: 'other_tenant', activityType: context.activity.type });
      refuseTurn(context, { status: 403 });
      return false;
    }
    // Counted after the tenant check, so that nobody outside can use up a conversation's allowance.
    const admission = this.deps.limit.take(context.activity.conversation?.id ?? '');
    if (admission.allowed) return true;
    await this.slowDown(context, admission);
    return false;
  }

  /**
   * Every tenant the activity names must be ours (GUIDs, compared without case); an activity that names none is
   * not ours either. Teams always sends the tenant.
   */
  private fromOurTenant(activity: Partial<Activity>): boolean {
    if (this.tenantId === '') return true;
    const named = tenantsOf(activity);
    return named.length > 0 && named.every((t) => t.toLowerCase() === this.tenantId);
  }

  /**
   * Over the limit: a message is answered 200 like any other, with the slow-down text on the first refusal of a
   * burst only (a flood is not answered with a flood, and Teams limits what the bot may send too); a card action
   * gets 429 with `Retry-After` and the Universal Actions error body; any other activity 429 alone.
   */
  private async slowDown(context: TurnContext, refused: Extract<Admission, { allowed: false }>): Promise<void> {
    const { activity } = context;
    if (refused.firstRefusal) {
      this.deps.logger.warn('bot activity refused', { reason: 'rate_limited', activityType: activity.type, perMinute: this.deps.limit.perMinute });
    }
    const text = slowDownText(activity.locale);
    if (activity.type === ActivityTypes.Message) {
      if (refused.firstRefusal) await this.tell(context, text);
      return;
    }
    refuseTurn(context, { status: 429, retryAfterSeconds: refused.retryAfterSeconds });
    if (activity.type === ActivityTypes.Invoke) {
      const body = { statusCode: 429, type: 'application/vnd.microsoft.error', value: { code: 'RATE_LIMITED', message: text } };
      await context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 429, body } });
    }
  }

  /** Sends the text; a failing connector only costs the text (the turn's error text would say something else). */
  private async tell(context: TurnContext, text: string): Promise<void> {
    try {
      await context.sendActivity(text);
    } catch (err) {
      this.deps.logger.warn('could not tell the user to slow down', errorFields(err));
    }
  }
}
