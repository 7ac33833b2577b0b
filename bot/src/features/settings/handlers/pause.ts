import type { Attachment } from 'botbuilder';
import { todayIn } from '@soestainable/shared/calendar';
import type { Participant } from '@soestainable/shared/domain/organisation';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../../cards/render';
import type { ActionResult, FeatureDeps, Turn } from '../../core/feature';
import { button, noticeCard, textsIn } from '../../core/cards';
import { joinFirstCard } from '../../enrol/cards';
import { enrolmentCampaign, formatDay, nextChallenge } from '../../enrol/schedule';
import { CHECKIN_OPEN_VERB } from '../../enrol/verbs';
import { settingsSchemas } from '../input';
import { changeProfile, gate, send } from '../profile';
import { settingsTexts } from '../texts';
import { SETTINGS_VERBS } from '../verbs';

type Data = Readonly<Record<string, unknown>>;

/** Pauses the nudges; the confirmation offers to resume. */
async function pause(deps: FeatureDeps, turn: Turn): Promise<Attachment> {
  const blocked = gate(turn, 'pause');
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

/**
 * When the first challenge after resuming comes, by the enrolment's rule: today at the nudge time when that is still
 * to come (and today's nudge was not claimed yet), else on the next campaign day; or that none is coming.
 */
async function resumedLine({ repos, config }: FeatureDeps, turn: Turn, p: Participant): Promise<string> {
  const campaign = await enrolmentCampaign(repos, config.org.id, todayIn(turn.now));
  const next = await nextChallenge(repos, campaign, turn.userId, turn.now, p.nudgeTime);
  const time = p.nudgeTime;
  switch (next.kind) {
    case 'none':
      return t(settingsTexts.resumedNoCampaign, turn.lang, { time });
    case 'over':
      return t(settingsTexts.resumedOver, turn.lang, { time });
    case 'day':
      return next.today ? t(settingsTexts.resumedToday, turn.lang, { time }) : t(settingsTexts.resumedOn, turn.lang, { time, date: formatDay(next.date, turn.lang) });
  }
}

/** Resumes the nudges; the confirmation says when the next one comes and offers today's check-in. */
async function resume(deps: FeatureDeps, turn: Turn): Promise<Attachment> {
  const blocked = gate(turn, 'resume');
  if (blocked) return blocked;
  const txt = textsIn(settingsTexts, turn.lang);
  const was = turn.participant?.status;
  const p = await changeProfile(deps, turn, 'resume', (current) => ({ ...current, status: 'active' }));
  if (!p) return joinFirstCard(turn.lang);
  return noticeCard({
    title: was === 'active' ? txt.activeTitle : txt.resumedTitle,
    lines: [was === 'active' ? txt.alreadyActive : await resumedLine(deps, turn, p)],
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
