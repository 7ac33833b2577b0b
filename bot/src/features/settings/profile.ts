import type { Attachment } from 'botbuilder';
import { isJoined, type Participant } from '@soestainable/shared/domain/organisation';
import { messageCard } from '../../cards/render';
import type { FeatureDeps, Turn } from '../core/feature';
import { textsIn } from '../core/cards';
import { joinFirstCard } from '../enrol/cards';
import { enrolTexts } from '../enrol/texts';

/** The card for a user who cannot use settings here (not in a 1:1 chat, or not joined), else `undefined`. */
export function gate(turn: Turn): Attachment | undefined {
  if (!turn.personal) return messageCard(textsIn(enrolTexts, turn.lang).personalOnly);
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
