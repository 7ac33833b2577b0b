import type { Attachment } from 'botbuilder';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../cards/render';
import type { FeatureDeps, Turn } from '../core/feature';
import { joinFirstCard } from '../enrol/cards';
import { settingsTexts, settingWords, type SettingId } from './texts';

/**
 * The card for a user who cannot change `setting` here, else `undefined`: outside the 1:1 chat, where to type it
 * instead (someone who joined already must not be told to join); not joined, the join card.
 */
export function gate(turn: Turn, setting: SettingId): Attachment | undefined {
  if (!turn.personal) return messageCard(t(settingsTexts.personalOnly, turn.lang, { command: t(settingWords[setting], turn.lang) }));
  if (!isJoined(turn.participant)) return joinFirstCard(turn.lang);
  return undefined;
}

/** Changes the profile with its ETag; `undefined` when the user is no longer a participant. */
export async function changeProfile(
  { repos, logger }: FeatureDeps,
  turn: Turn,
  what: string,
  f: (p: Participant) => Participant,
): Promise<Participant | undefined> {
  const next = await repos.participants.update(turn.userId, (current) => (!isJoined(current) ? current : f(current)));
  if (!isJoined(next)) return undefined;
  logger.info('participant setting changed', { userId: turn.userId, setting: what });
  return next;
}

/** A command's answer: the card as a new message. */
export async function send(turn: Turn, card: Attachment): Promise<void> {
  await turn.context.sendActivity({ attachments: [card] });
}
