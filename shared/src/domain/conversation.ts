/**
 * Whom a stored conversation reference belongs to: one person (the 1:1 chat with the bot) or a Teams team
 * (its channel). The reference itself is opaque to the domain: only the bot edge understands it.
 */
export type ConversationOwner =
  | { readonly kind: 'user'; readonly userId: string }
  | { readonly kind: 'team'; readonly teamId: string };

/**
 * `personal`: a person's 1:1 chat; `channel`: the team's channel the app was installed in; `teamcard`: the channel of
 * a team where a manager or coordinator switched the weekly team card on (`teamkaart aan`).
 */
export const CONVERSATION_SCOPES = ['personal', 'channel', 'teamcard'] as const;
export type ConversationScope = (typeof CONVERSATION_SCOPES)[number];

/** A stored conversation reference, as the proactive sender reads it. */
export interface StoredConversationRef {
  readonly owner: ConversationOwner;
  readonly scope: ConversationScope;
  /** The serialised Bot Framework conversation reference (any JSON value). */
  readonly reference: unknown;
  /** False once Teams answered 403/404 or the app was uninstalled: do not send. */
  readonly active: boolean;
  readonly updatedAt: string;
}
