import type { Attachment } from 'botbuilder';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../../cards/render';
import { coreTexts } from '../../core/coreTexts';
import type { ActionResult, FeatureDeps, Turn } from '../../core/feature';
import { button, noticeCard, textsIn } from '../../core/cards';
import { joinFirstCard } from '../cards';
import { enrolTexts } from '../texts';
import { ENROL_VERBS } from '../verbs';

type Data = Readonly<Record<string, unknown>>;

/** True when a button sent nothing but its verb (these buttons have no inputs). */
const onlyVerb = (data: Data): boolean => Object.keys(data).every((k) => k === 'verb');

/** "Do you really want to stop?", with a confirm and a stay button (or "join first" for someone not taking part). */
export function leaveQuestion(turn: Turn): Attachment {
  const txt = textsIn(enrolTexts, turn.lang);
  if (!turn.personal) return messageCard(txt.personalOnly);
  if (!isJoined(turn.participant)) {
    return noticeCard({ title: txt.joinFirstTitle, lines: [txt.notJoinedLeave], buttons: [button(txt.join, ENROL_VERBS.start, 'positive')] });
  }
  return noticeCard({
    title: txt.leaveTitle,
    lines: [txt.leaveBody],
    buttons: [button(txt.leaveConfirm, ENROL_VERBS.leaveConfirm, 'destructive'), button(txt.stay, ENROL_VERBS.stay)],
  });
}

/** The `leave` command: the leave question, as a new message. */
export async function leaveCommand(turn: Turn): Promise<void> {
  await turn.context.sendActivity({ attachments: [leaveQuestion(turn)] });
}

/** "Yes, stop": status `left` (the data stays until the user deletes it). */
export async function confirmLeave({ repos, logger }: FeatureDeps, turn: Turn, data: Data): Promise<ActionResult> {
  const txt = textsIn(enrolTexts, turn.lang);
  if (!onlyVerb(data)) return { card: messageCard(t(coreTexts.unknownAction, turn.lang)) };
  if (!turn.personal) return { card: messageCard(txt.personalOnly) };
  const left = isJoined(turn.participant)
    ? await repos.participants.update(turn.userId, (current) => ({ ...current, status: 'left' }))
    : undefined;
  if (!left) return { card: joinFirstCard(turn.lang) };
  logger.info('participant left', { userId: turn.userId });
  return { card: noticeCard({ title: txt.leftTitle, lines: [txt.leftBody], buttons: [button(txt.join, ENROL_VERBS.start)] }) };
}

/** "No, I'll stay": nothing changes. */
export async function stay(turn: Turn, data: Data): Promise<ActionResult> {
  if (!onlyVerb(data)) return { card: messageCard(t(coreTexts.unknownAction, turn.lang)) };
  const txt = textsIn(enrolTexts, turn.lang);
  return { card: noticeCard({ title: txt.stayedTitle, lines: [txt.stayedBody] }) };
}
