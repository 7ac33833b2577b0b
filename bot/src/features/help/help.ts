import type { Attachment } from 'botbuilder';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { HELP_SUB_PAGE, tabDeepLink } from '@soestainable/shared/api/deepLinks';
import { COMMANDS, COMMAND_IDS } from '../commands/catalog';
import { parseCommand } from '../commands/parse';
import { renderCard } from '../../cards/render';
import type { Feature, FeatureDeps } from '../core/feature';
import { button, textsIn, type CardButton } from '../core/cards';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from '../enrol/verbs';
import channelHelpTemplate from './channelHelp.card.json';
import helpTemplate from './help.card.json';
import { COMMAND_HELP, helpTexts } from './texts';

/** Data of `help.card.json`. */
export interface HelpCardData {
  readonly title: string;
  readonly hasLead: boolean;
  readonly lead: string;
  readonly intro: string;
  readonly commands: ReadonlyArray<{ readonly usage: string; readonly text: string }>;
  readonly roles: ReadonlyArray<{ readonly title: string; readonly text: string }>;
  readonly buttons: readonly CardButton[];
  /** The link to the tab's "Hoe werkt het?" page; no button without one (no Teams app id configured). */
  readonly hasGuide: boolean;
  readonly guide: string;
  readonly guideUrl: string;
}

/**
 * The help card: every command in the user's language with a short line each, the extra lines of a manager or
 * coordinator, and the one button that matters most now ("Doe mee" for a newcomer, else "Inchecken").
 * `unknown`: the text was not a command (the card then says so, kindly, without repeating it). `teamsAppId`: for the
 * button "Hoe werkt het?", a Teams deep link to the tab's page of that name (none without an app id).
 */
export function helpCard(lang: Language, participant: Participant | undefined, unknown: boolean, teamsAppId?: string): Attachment {
  const txt = textsIn(helpTexts, lang);
  const roles = isJoined(participant) ? participant.roles : [];
  const guideUrl = tabDeepLink(teamsAppId, HELP_SUB_PAGE);
  const data: HelpCardData = {
    title: txt.title,
    hasLead: unknown,
    lead: unknown ? txt.unknown : '',
    intro: txt.intro,
    commands: COMMAND_IDS.map((id) => ({ usage: t(COMMANDS[id].usage, lang), text: t(COMMAND_HELP[id], lang) })),
    roles: [
      ...(roles.includes('manager') ? [{ title: txt.managerTitle, text: txt.managerLine }] : []),
      ...(roles.includes('coordinator') ? [{ title: txt.coordinatorTitle, text: txt.coordinatorLine }] : []),
    ],
    buttons: isJoined(participant) ? [button(txt.checkIn, CHECKIN_OPEN_VERB, 'positive')] : [button(txt.join, ENROL_VERBS.start, 'positive')],
    hasGuide: guideUrl !== undefined,
    guide: txt.guide,
    guideUrl: guideUrl ?? '',
  };
  return renderCard(helpTemplate, data);
}

/** Data of `channelHelp.card.json`. */
export interface ChannelHelpCardData {
  readonly title: string;
  readonly hasLead: boolean;
  readonly lead: string;
  readonly teamCard: string;
  /** The words that work in a channel: the team card on and off, and this help. */
  readonly commands: ReadonlyArray<{ readonly usage: string; readonly text: string }>;
  readonly personalTitle: string;
  readonly personal: string;
  readonly privacy: string;
  readonly hasGuide: boolean;
  readonly guide: string;
  readonly guideUrl: string;
}

/**
 * The help card in a team channel or group chat, where everyone reads it and anyone may press its buttons: what the
 * bot does for a team (the weekly team card, switched with `teamkaart aan` / `teamkaart uit`), and that taking
 * part, check-ins, reports and settings happen in the personal chat. No Action.Execute: its answer would replace
 * the card for everyone at once (as the channel welcome, welcome.ts). Nothing about the person who asked, not even
 * their roles. The "Hoe werkt het?" link stays: it opens the tab for whoever clicks it and answers nobody else.
 */
export function channelHelpCard(lang: Language, unknown: boolean, teamsAppId?: string): Attachment {
  const txt = textsIn(helpTexts, lang);
  const guideUrl = tabDeepLink(teamsAppId, HELP_SUB_PAGE);
  const data: ChannelHelpCardData = {
    title: txt.channelTitle,
    hasLead: unknown,
    lead: unknown ? txt.channelUnknown : '',
    teamCard: txt.channelTeamCard,
    commands: [
      { usage: t(COMMANDS.teamCard.usage, lang), text: txt.channelTeamCardOn },
      { usage: txt.channelTeamCardOffUsage, text: txt.channelTeamCardOff },
      { usage: t(COMMANDS.help.usage, lang), text: txt.channelHelp },
    ],
    personalTitle: txt.channelPersonalTitle,
    personal: txt.channelPersonal,
    privacy: txt.channelPrivacy,
    hasGuide: guideUrl !== undefined,
    guide: txt.guide,
    guideUrl: guideUrl ?? '',
  };
  return renderCard(channelHelpTemplate, data);
}

/**
 * The `help` command, which the dispatcher also runs for every text it does not know. It cannot tell us which
 * of the two it was, so the text is read once more: anything that does not parse as "help" gets the friendly
 * "I didn't recognise that" line on top. In a team channel or group chat it answers with the channel's help card.
 */
export function createHelpFeature({ config }: FeatureDeps): Feature {
  return {
    commands: {
      help: async (turn) => {
        const text = turn.context.activity.text ?? '';
        const unknown = parseCommand(text).command !== 'help';
        const card = turn.personal ? helpCard(turn.lang, turn.participant, unknown, config.jobs.teamsAppId) : channelHelpCard(turn.lang, unknown, config.jobs.teamsAppId);
        await turn.context.sendActivity({ attachments: [card] });
      },
    },
  };
}
