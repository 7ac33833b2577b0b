import { randomUUID } from 'node:crypto';
import {
  TeamsActivityHandler,
  TurnContext,
  type Activity,
  type AdaptiveCardInvokeResponse,
  type AdaptiveCardInvokeValue,
  type Attachment,
  type InvokeResponse,
} from 'botbuilder';
import { t } from '@soestainable/shared/text';
import { isAppError } from './errors';
import { parseCommand } from './features/commands/parse';
import type { CommandId } from './features/commands/catalog';
import { messageCard } from './cards/render';
import { coreTexts } from './features/core/coreTexts';
import type { ActionHandler, ActionResult, CommandHandler, Feature, Turn } from './features/core/feature';
import { languageOfLocale } from './cards/texts';
import type { Repositories } from './storage/repositories';
import { errorFields, type Logger } from './platform/logger';
import type { DeferredWork } from './platform/deferredWork';
import type { Sender } from './proactive/sender';

export interface TeamsBotDeps {
  readonly features: readonly Feature[];
  /** Called when the bot is installed or a member is added (personal or team scope). */
  readonly onInstall: (turn: Turn) => Promise<void>;
  /** Called when the bot is uninstalled or the user removed. */
  readonly onUninstall: (turn: Turn) => Promise<void>;
  readonly repos: Repositories;
  readonly logger: Logger;
  readonly now: () => Date;
  /**
   * Where an action's follow-up messages go after its answer (the server): worked out and sent by `sender` as
   * deferred work, so the card is answered first. Absent (botbuilder's TestAdapter, which cannot continue a
   * conversation), they are sent within the turn.
   */
  readonly afterAnswer?: { readonly deferred: DeferredWork; readonly sender: Sender };
}

/** The card's verb: `Action.Execute` sends it as `action.verb`, the `Action.Submit` fallback inside its data. */
function verbOf(data: unknown): string | undefined {
  if (typeof data === 'object' && data !== null && 'verb' in data) {
    const verb = (data as { verb: unknown }).verb;
    return typeof verb === 'string' ? verb : undefined;
  }
  return undefined;
}

function asRecord(data: unknown): Readonly<Record<string, unknown>> {
  return typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : {};
}

/**
 * The bot's dispatcher. It only routes: text to the command a feature registered, card actions (Universal
 * Action `Action.Execute`, or its `Action.Submit` fallback) to the feature that owns the verb, installs to the
 * welcome. It validates who is talking first, so no feature ever sees an activity without a user and tenant.
 */
export class TeamsBot extends TeamsActivityHandler {
  private readonly commands = new Map<CommandId, CommandHandler>();
  private readonly actions = new Map<string, ActionHandler>();

  constructor(private readonly deps: TeamsBotDeps) {
    super();
    for (const feature of deps.features) {
      for (const [id, handler] of Object.entries(feature.commands ?? {}) as Array<[CommandId, CommandHandler]>) {
        if (this.commands.has(id)) throw new Error(`Command ${id} is registered twice.`);
        this.commands.set(id, handler);
      }
      for (const [verb, handler] of Object.entries(feature.actions ?? {})) {
        if (this.actions.has(verb)) throw new Error(`Card verb ${verb} is registered twice.`);
        this.actions.set(verb, handler);
      }
    }
    if (!this.commands.has('help')) throw new Error('A help command is required: it answers everything unknown.');

    this.onInstallationUpdateAdd(async (context, next) => {
      const turn = await this.turnFor(context);
      if (turn) await deps.onInstall(turn);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      const turn = await this.turnFor(context, false);
      if (turn) await deps.onUninstall(turn);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      // The Playground and Teams send membersAdded for the bot itself on install, and for people joining a team.
      const botId = context.activity.recipient.id;
      const others = (context.activity.membersAdded ?? []).filter((m) => m.id !== botId);
      const botAdded = (context.activity.membersAdded ?? []).some((m) => m.id === botId);
      if (botAdded || (others.length > 0 && context.activity.conversation.conversationType === 'personal')) {
        const turn = await this.turnFor(context, false);
        if (turn) await deps.onInstall(turn);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });
  }

  /** Builds the Turn, or answers that we cannot tell who is talking (and returns undefined). */
  private async turnFor(context: TurnContext, answerIfUnknown = true): Promise<Turn | undefined> {
    const a = context.activity;
    const userId = a.from?.aadObjectId;
    const tenantId = a.conversation?.tenantId ?? (a.channelData as { tenant?: { id?: string } } | undefined)?.tenant?.id;
    if (!userId || !tenantId) {
      this.deps.logger.warn('activity without user or tenant', { activityType: a.type });
      if (answerIfUnknown) await context.sendActivity(t(coreTexts.noIdentity, languageOfLocale(a.locale)));
      return undefined;
    }
    // From this instance's recent profiles: a card action reads it on every click (see ParticipantsRepository.recent).
    const { participant } = await this.deps.repos.participants.recent(userId);
    return {
      context,
      userId,
      tenantId,
      lang: participant?.language ?? languageOfLocale(a.locale),
      participant,
      now: this.deps.now(),
      personal: a.conversation?.conversationType === 'personal' || a.conversation?.conversationType === undefined,
    };
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const turn = await this.turnFor(context);
    if (!turn) return;
    try {
      await this.routeMessage(context, turn);
    } catch (err) {
      // The person's data is being erased: their writes are refused with a clear answer, not a failure text.
      if (!isAppError(err, 'ERASURE_IN_PROGRESS')) throw err;
      await context.sendActivity({ attachments: [messageCard(t(coreTexts.erasing, turn.lang))] });
    }
  }

  private async routeMessage(context: TurnContext, turn: Turn): Promise<void> {
    const value = context.activity.value as unknown;
    const verb = verbOf(value);
    if (value !== undefined && verb !== undefined) {
      // Action.Submit fallback: run the action, then replace the card the button was on.
      const result = await this.runAction(turn, verb, value);
      const replyToId = context.activity.replyToId;
      if (replyToId) {
        try {
          await context.updateActivity({ type: 'message', id: replyToId, attachments: [result.card] });
        } catch (err) {
          // The action is done and stored; only the card could not be replaced (the connector failed within its
          // limits, platform/connectorClient.ts). Never let the turn's error text suggest nothing was saved.
          this.deps.logger.warn('card update failed after the action', { verb, ...errorFields(err) });
          try {
            await context.sendActivity(t(coreTexts.savedNotShown, turn.lang));
          } catch (sendError) {
            // The connector is down (or this message may have arrived): nothing more to say in this turn, and
            // certainly not the turn-error text, which would read as "not saved".
            this.deps.logger.warn('could not tell the user the action was saved', { verb, ...errorFields(sendError) });
            return;
          }
        }
      } else {
        await context.sendActivity({ attachments: [result.card] });
      }
      await this.sendFollowUps(context, result);
      return;
    }
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? '';
    const parsed = parseCommand(text);
    const handler = (parsed.command && this.commands.get(parsed.command)) ?? this.commands.get('help');
    await handler?.(turn, parsed.command ? parsed.args : '');
  }

  /**
   * A card action whose value has no `action` object is refused with 400 before botbuilder reads it (it would
   * throw a TypeError and answer 501). Teams never sends one; only an authenticated channel can.
   */
  protected override async onInvokeActivity(context: TurnContext): Promise<InvokeResponse> {
    if (context.activity.name === 'adaptiveCard/action') {
      const value: unknown = context.activity.value;
      const action = typeof value === 'object' && value !== null ? (value as { action?: unknown }).action : undefined;
      if (typeof action !== 'object' || action === null || Array.isArray(action)) {
        return { status: 400, body: { code: 'BadRequest', message: 'An adaptiveCard/action invoke needs value.action.' } };
      }
    }
    return super.onInvokeActivity(context);
  }

  /** Universal Actions: the returned card replaces the one the user clicked, in place. */
  protected override async onAdaptiveCardInvoke(context: TurnContext, invokeValue: AdaptiveCardInvokeValue): Promise<AdaptiveCardInvokeResponse> {
    const turn = await this.turnFor(context, false);
    const lang = turn?.lang ?? languageOfLocale(context.activity.locale);
    let card: Attachment;
    let result: ActionResult | undefined;
    if (!turn) {
      card = messageCard(t(coreTexts.noIdentity, lang));
    } else {
      try {
        result = await this.runAction(turn, invokeValue.action?.verb ?? '', { ...asRecord(invokeValue.action?.data), verb: invokeValue.action?.verb });
        card = result.card;
      } catch (err) {
        // Storage gone mid-action: onTurnError answers 503 with the storage text (nothing was saved).
        if (isAppError(err, 'STORAGE_UNAVAILABLE')) throw err;
        if (isAppError(err, 'ERASURE_IN_PROGRESS')) return this.cardResponse(messageCard(t(coreTexts.erasing, lang)));
        // An invoke must be answered: never a 500 for the client to show as a broken card.
        const id = randomUUID().slice(0, 8);
        this.deps.logger.error('card action failed', { correlationId: id, verb: invokeValue.action?.verb, ...errorFields(err) });
        card = messageCard(t(isAppError(err, 'STORAGE_CONFLICT') ? coreTexts.busy : coreTexts.failed, lang, { id }));
      }
    }
    if (result) await this.sendFollowUps(context, result);
    return this.cardResponse(card);
  }

  private cardResponse(card: Attachment): AdaptiveCardInvokeResponse {
    return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: card.content as Record<string, unknown> };
  }

  private async runAction(turn: Turn, verb: string, data: unknown): Promise<ActionResult> {
    const handler = this.actions.get(verb);
    if (!handler) return { card: messageCard(t(coreTexts.unknownAction, turn.lang)) };
    return handler(turn, asRecord(data));
  }

  /** The action's follow-up messages: after the answer when there is {@link TeamsBotDeps.afterAnswer}, else now. */
  private async sendFollowUps(context: TurnContext, result: ActionResult): Promise<void> {
    const { followUps } = result;
    if (!followUps) return;
    const asActivity = (m: string | Attachment): Partial<Activity> => (typeof m === 'string' ? { type: 'message', text: m } : { type: 'message', attachments: [m] });
    const later = this.deps.afterAnswer;
    if (!later) {
      for (const message of await followUps()) await context.sendActivity(asActivity(message));
      return;
    }
    const reference = TurnContext.getConversationReference(context.activity);
    later.deferred.defer(
      'follow-up messages',
      async () => {
        for (const message of await followUps()) await later.sender.send(reference, asActivity(message));
      },
      {},
      'dropped',
    );
  }
}
