import { TurnContext, type Activity, type Attachment } from 'botbuilder';
import type { ConversationOwner, ConversationScope } from '@soestainable/shared/domain/conversation';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { t } from '@soestainable/shared/text';
import { renderCard } from '../../cards/render';
import type { Feature, FeatureDeps, Turn } from '../core/feature';
import { literal } from '../../cards/texts';
import { button, textsIn, type CardButton } from '../core/cards';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from '../enrol/verbs';
import { SETTINGS_VERBS } from '../settings/verbs';
import { welcomeTexts } from './texts';
import welcomeTemplate from './welcome.card.json';

/** Data of `welcome.card.json`. */
export interface WelcomeCardData {
  readonly title: string;
  readonly lines: ReadonlyArray<{ readonly text: string }>;
  readonly note: string;
  readonly buttons: readonly CardButton[];
}

export interface Welcome {
  /** The welcome has no commands or buttons of its own ("Doe mee" belongs to the enrolment). */
  readonly feature: Feature;
  /** The bot was installed (personal chat or team) or added to a conversation. */
  onInstall(turn: Turn): Promise<void>;
  /** The bot was uninstalled: its conversation reference is kept but marked inactive. */
  onUninstall(turn: Turn): Promise<void>;
}

/** The Teams team an activity comes from (`channelData.team.id`), when it comes from a team. */
export function teamIdOf(activity: Partial<Activity>): string | undefined {
  const id = (activity.channelData as { team?: { id?: unknown } } | undefined)?.team?.id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

function welcomeCard(data: WelcomeCardData): Attachment {
  return renderCard(welcomeTemplate, data);
}

/**
 * Install and welcome. Personal scope: the conversation reference is stored (proactive nudges need it) and the
 * user gets the welcome card with "Doe mee", or a short "welcome back" when they already take part. Team scope:
 * the team's reference is stored and the channel gets a welcome that invites members to a 1:1 chat (no numbers,
 * no names). Teams sends both an `installationUpdate` and a `conversationUpdate` for one install (and the
 * Playground both again on every page load): the welcome is sent once, when the stored reference for this
 * conversation was missing or inactive.
 */
export function createWelcome(deps: FeatureDeps): Welcome {
  const { repos, config, logger } = deps;

  /** Stores the reference; true when it is new for this conversation (missing, inactive or another conversation). */
  async function storeReference(turn: Turn, owner: ConversationOwner, scope: ConversationScope): Promise<boolean> {
    return repos.conversationRefs.saveIfNew(owner, scope, TurnContext.getConversationReference(turn.context.activity));
  }

  async function personalWelcome(turn: Turn): Promise<Attachment> {
    const txt = textsIn(welcomeTexts, turn.lang);
    const p = turn.participant;
    if (!isJoined(p)) {
      return welcomeCard({
        title: txt.title,
        lines: [txt.line1, txt.line2, txt.line3].map((text) => ({ text })),
        note: txt.voluntary,
        buttons: [button(txt.join, ENROL_VERBS.start, 'positive')],
      });
    }
    const team = await repos.orgTeams.get(config.org.id, p.teamId);
    const vars = { team: literal(team?.name ?? p.teamId), time: p.nudgeTime };
    const paused = p.status === 'paused';
    return welcomeCard({
      title: txt.backTitle,
      lines: [{ text: t(paused ? welcomeTexts.backPaused : welcomeTexts.backActive, turn.lang, vars) }],
      note: txt.backHelp,
      buttons: paused ? [button(txt.resume, SETTINGS_VERBS.resume, 'positive')] : [button(txt.checkIn, CHECKIN_OPEN_VERB, 'positive')],
    });
  }

  function channelWelcome(turn: Turn): Attachment {
    const txt = textsIn(welcomeTexts, turn.lang);
    // No buttons: an Action.Execute in a channel would answer for everyone at once. Joining happens 1:1.
    return welcomeCard({
      title: txt.channelTitle,
      lines: [txt.channelLine1, txt.channelLine2].map((text) => ({ text })),
      note: txt.channelPrivacy,
      buttons: [],
    });
  }

  return {
    feature: {},

    async onInstall(turn) {
      const activity = turn.context.activity;
      const teamId = teamIdOf(activity);
      if (turn.personal) {
        const fresh = await storeReference(turn, { kind: 'user', userId: turn.userId }, 'personal');
        logger.info('installed', { scope: 'personal', userId: turn.userId, fresh });
        if (fresh) await turn.context.sendActivity({ attachments: [await personalWelcome(turn)] });
      } else if (teamId !== undefined) {
        const fresh = await storeReference(turn, { kind: 'team', teamId }, 'channel');
        logger.info('installed', { scope: 'team', teamId, fresh });
        if (fresh) await turn.context.sendActivity({ attachments: [channelWelcome(turn)] });
      } else {
        // A group chat: nothing to store (we never message group chats), only where to go; said once, on the
        // installationUpdate (the conversationUpdate of the same install says nothing).
        logger.info('installed', { scope: 'groupChat' });
        if (activity.type === 'installationUpdate') await turn.context.sendActivity(textsIn(welcomeTexts, turn.lang).groupChat);
      }
    },

    async onUninstall(turn) {
      const teamId = teamIdOf(turn.context.activity);
      if (turn.personal) {
        const found = await repos.conversationRefs.markInactive({ kind: 'user', userId: turn.userId }, 'personal');
        logger.info('uninstalled', { scope: 'personal', userId: turn.userId, found });
      } else if (teamId !== undefined) {
        const found = await repos.conversationRefs.markInactive({ kind: 'team', teamId }, 'channel');
        logger.info('uninstalled', { scope: 'team', teamId, found });
      }
    },
  };
}
