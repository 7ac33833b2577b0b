import type { Activity, TurnContext } from 'botbuilder';
import type { Logger } from './platform/logger';

/**
 * What the Bot Framework edge checks once botbuilder has authenticated a request and before the bot runs: the
 * activity comes from our tenant. A refused turn runs no feature, so nothing is stored and nothing is sent; the
 * HTTP status it gets is left on the turn's state for the server to write ({@link turnRefusal}).
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

export interface BotGateDeps {
  /** MicrosoftAppTenantId; empty = no tenant check (local, where botbuilder accepts any request anyway). */
  readonly tenantId: string;
  readonly logger: Logger;
}

export class BotGate {
  private readonly tenantId: string;

  constructor(private readonly deps: BotGateDeps) {
    this.tenantId = deps.tenantId.toLowerCase();
  }

  /** True when the bot may run this turn; otherwise the gate has answered it (see {@link turnRefusal}). */
  admit(context: TurnContext): boolean {
    if (!this.fromOurTenant(context.activity)) {
      // Ids and codes only: the tenant named is not logged (it is the caller's claim, not ours to keep).
      this.deps.logger.warn('bot activity refused', { reason: 'other_tenant', activityType: context.activity.type });
      refuseTurn(context, { status: 403 });
      return false;
    }
    return true;
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
}
