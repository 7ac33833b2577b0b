import type { Attachment } from 'botbuilder';
import { ACTION_STATUS_LABELS } from '@soestainable/shared/catalogue/labels';
import { OWNER_UPDATE_MAX } from '@soestainable/shared/domain/owners';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../cards/render';
import { buildOwnerCard, OWNER_UPDATE_VERB } from '../../services/owners/card';
import { ownerTexts as T } from '../../services/owners/texts';
import { applyOwnerUpdate, ownerCardBarriers, type OwnerUpdateOutcome } from '../../services/owners/update';
import type { StoredAction } from '../../storage/repositories/actions';
import type { ActionResult, Feature, FeatureDeps, Turn } from '../core/feature';

/** How many owner cards `mijn acties` sends at once (the tab's "Mijn acties" lists them all). */
export const MY_ACTIONS_MAX = 5;

/** The refusal's line on the card, in the person's language. */
function refusalText(outcome: Extract<OwnerUpdateOutcome, { kind: 'refused' }>, turn: Turn): string {
  const lang = turn.lang;
  switch (outcome.reason) {
    case 'gone':
      return t(T.gone, lang);
    case 'not_owner':
      return t(T.notOwner, lang);
    case 'unknown_status':
      return t(T.unknownStatus, lang);
    case 'too_long':
      return t(T.tooLong, lang, { max: OWNER_UPDATE_MAX });
    case 'empty':
      return t(T.nothingToSave, lang);
    case 'old_card':
      return t(T.oldCard, lang);
    case 'transition':
      return t(T.transitionRefused, lang, {
        from: outcome.stored ? t(ACTION_STATUS_LABELS[outcome.stored.action.status], lang) : '',
        to: outcome.to ? t(ACTION_STATUS_LABELS[outcome.to], lang) : '',
      });
  }
}

/**
 * Action owners in the chat (issue 16, item 2): `mijn acties` / `my actions` sends the person's owner cards, and the
 * card's "Opslaan" stores a status and a short update (services/owners/update.ts), answering with the same card
 * updated in place. A refusal stores nothing and says why on the card; a person who does not own the action (any more)
 * or whose action is gone gets a plain answer without the action's details.
 */
export function createOwnersFeature(deps: FeatureDeps): Feature {
  const { repos, config, logger } = deps;
  const orgId = config.org.id;

  async function cardFor(stored: StoredAction, turn: Turn, notice?: { text: string; good: boolean }): Promise<Attachment> {
    const barriers = await ownerCardBarriers(repos, stored.action);
    return buildOwnerCard({ action: stored.action, version: stored.etag, barriers, reason: 'current', ...(notice ? { notice } : {}) }, turn.lang);
  }

  async function myActions(turn: Turn): Promise<void> {
    if (!turn.personal) {
      await turn.context.sendActivity(t(T.personalOnly, turn.lang));
      return;
    }
    const owned = (await repos.actions.list(orgId))
      .filter((s) => s.action.ownerUserId === turn.userId)
      .sort((a, b) => (a.action.updatedAt < b.action.updatedAt ? 1 : a.action.updatedAt > b.action.updatedAt ? -1 : 0));
    if (owned.length === 0) {
      await turn.context.sendActivity({ attachments: [messageCard(t(T.noActions, turn.lang))] });
      return;
    }
    const cards = await Promise.all(owned.slice(0, MY_ACTIONS_MAX).map((s) => cardFor(s, turn)));
    const more = owned.length - cards.length;
    await turn.context.sendActivity({
      attachmentLayout: 'list',
      attachments: more > 0 ? [...cards, messageCard(t(T.moreInTab, turn.lang, { count: more }))] : cards,
    });
  }

  async function update(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    if (!turn.personal) return { card: messageCard(t(T.personalOnly, turn.lang)) };
    const outcome = await applyOwnerUpdate(repos, orgId, turn.userId, { actionId: data['actionId'], version: data['version'], status: data['status'], update: data['update'] }, turn.now);
    if (outcome.kind === 'saved') {
      logger.info('owner update saved', { actionId: outcome.stored.action.actionId, statusChanged: outcome.statusChanged, noted: outcome.noted });
      return { card: await cardFor(outcome.stored, turn, { text: t(T.saved, turn.lang), good: true }) };
    }
    // The reason code only: never the text the person wrote.
    logger.info('owner update refused', { reason: outcome.reason });
    if (outcome.stored === undefined || outcome.reason === 'not_owner') return { card: messageCard(refusalText(outcome, turn)) };
    return { card: await cardFor(outcome.stored, turn, { text: refusalText(outcome, turn), good: false }) };
  }

  return {
    commands: { myActions: (turn) => myActions(turn) },
    actions: { [OWNER_UPDATE_VERB]: (turn, data) => update(turn, data) },
  };
}
