import type { Attachment, TurnContext } from 'botbuilder';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import type { Config } from '../../config';
import type { DeferredWork } from '../../platform/deferredWork';
import type { Sender } from '../../proactive/sender';
import type { Logger } from '../../platform/logger';
import type { Repositories } from '../../storage/repositories';
import type { CommandId } from '../commands/catalog';

/**
 * What every feature handler gets: who is talking, in which language, and their participant record if they
 * joined. Built once per turn by the dispatcher (teamsBot.ts) from a validated activity.
 */
export interface Turn {
  readonly context: TurnContext;
  /** Entra object id (`from.aadObjectId`): the key of everything we store about a person. */
  readonly userId: string;
  readonly tenantId: string;
  /** The participant's chosen language, else the Teams locale, else Dutch. */
  readonly lang: Language;
  readonly participant: Participant | undefined;
  readonly now: Date;
  /** True in a 1:1 chat with the bot; false in a team channel or group chat. */
  readonly personal: boolean;
}

/** What a card action (Action.Execute, or its Action.Submit fallback) answers: the card that replaces the old one. */
export interface ActionResult {
  readonly card: Attachment;
  /**
   * Further messages, worked out and sent once the card is replaced (the look-alike barriers after a report). In
   * the server they are worked out and sent after the answer (the dispatcher's `afterAnswer`), so they never delay
   * the card; a failure there loses only these messages. Without it (botbuilder's TestAdapter) within the turn.
   */
  readonly followUps?: () => Promise<ReadonlyArray<string | Attachment>>;
}

export type CommandHandler = (turn: Turn, args: string) => Promise<void>;
export type ActionHandler = (turn: Turn, data: Readonly<Record<string, unknown>>) => Promise<ActionResult>;

/**
 * A feature: the commands it answers and the card verbs it handles. The dispatcher routes to it; a feature never
 * routes itself. One folder per feature under `bot/src/features/`.
 */
export interface Feature {
  readonly commands?: Partial<Record<CommandId, CommandHandler>>;
  readonly actions?: Readonly<Record<string, ActionHandler>>;
}

/** What features are built from (constructor injection; the composition root makes one of each). */
export interface FeatureDeps {
  readonly repos: Repositories;
  readonly config: Config;
  readonly logger: Logger;
  readonly now: () => Date;
  /**
   * Work that finishes after the answer (a check-in's counting), drained on shutdown. `createBot` makes one when
   * it is not given; without one a feature does everything before it answers.
   */
  readonly deferred?: DeferredWork;
  /** Sends to a conversation outside a turn: the follow-up messages of an action, after its answer (see {@link ActionResult}). */
  readonly sender?: Sender;
}
