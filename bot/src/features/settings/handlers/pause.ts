import type { Attachment } from 'botbuilder';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../../cards/render';
import type { ActionResult, FeatureDeps, Turn } from '../../core/feature';
import { button, noticeCard, textsIn } from '../../core/cards';
import { joinFirstCard } from '../../enrol/cards';
import { CHECKIN_OPEN_VERB } from '../../enrol/verbs';
import { settingsSchemas } from '../input';
import { changeProfile, gate, send } from '../profile';
import { settingsTexts } from '../texts';
import { SETTINGS_VERBS } from '../verbs';

type Data = Readonly<Record<string, unknown>>;

/** Pauses the nudges; the confirmation offers to resume. */
async function pause(deps: FeatureDeps, turn: Turn): Promise<Attachment> {
  const blocked = gate(turn);
  if (blocked) return blocked;
  const txt = textsIn(settingsTexts, turn.lang);
  const was = turn.participant?.status;
  const p = await changeProfile(deps, turn, 'pause', (current) => ({ ...current, status: 'paused' }));
  if (!p) return joinFirstCard(turn.lang);
  return noticeCard({
    title: txt.pausedTitle,
    lines: [was === 'paused' ? txt.alreadyPaused : txt.pausedBody],
    buttons: [button(txt.resume, SETTINGS_VERBS.resume, 'positive')],
  });
}

/** Resumes the nudges; the confirmation says when the next one comes and offers today's check-in. */
async function resume(deps: FeatureDeps, turn: Turn): Promise<Attachment> {
  const blocked = gate(turn);
  if (blocked) return blocked;
  const txt = textsIn(settingsTexts, turn.lang);
  const was = turn.participant?.status;
  const p = await changeProfile(deps, turn, 'resume', (current) => ({ ...current, status: 'active' }));
  if (!p) return joinFirstCard(turn.lang);
  return noticeCard({
    title: was === 'active' ? txt.activeTitle : txt.resumedTitle,
    lines: [was === 'active' ? txt.alreadyActive : t(settingsTexts.resumedBody, turn.lang, { time: p.nudgeTime })],
    buttons: [button(txt.checkIn, CHECKIN_OPEN_VERB, 'positive')],
  });
}

/** The `pause` command. */
export async function pauseCommand(deps: FeatureDeps, turn: Turn): Promise<void> {
  return send(turn, await pause(deps, turn));
}

/** The `resume` command. */
export async function resumeCommand(deps: FeatureDeps, turn: Turn): Promise<void> {
  return send(turn, await resume(deps, turn));
}

/** The pause button (a button with nothing but its verb). */
export async function pauseAction(deps: FeatureDeps, turn: Turn, data: Data): Promise<ActionResult> {
  if (!settingsSchemas.pause.safeParse(data).success) return { card: messageCard(t(settingsTexts.formInvalid, turn.lang)) };
  return { card: await pause(deps, turn) };
}

/** The resume button (a button with nothing but its verb). */
export async function resumeAction(deps: FeatureDeps, turn: Turn, data: Data): Promise<ActionResult> {
  if (!settingsSchemas.resume.safeParse(data).success) return { card: messageCard(t(settingsTexts.formInvalid, turn.lang)) };
  return { card: await resume(deps, turn) };
}
