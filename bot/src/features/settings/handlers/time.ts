import type { Attachment } from 'botbuilder';
import { NUDGE_WINDOW, nudgeTimeOf } from '@soestainable/shared/domain/nudgeTime';
import { t } from '@soestainable/shared/text';
import { messageCard } from '../../../cards/render';
import type { ActionResult, FeatureDeps, Turn } from '../../core/feature';
import { noticeCard, textsIn } from '../../core/cards';
import { joinFirstCard } from '../../enrol/cards';
import { timeCard } from '../cards';
import { onlyFieldFailed, settingsSchemas } from '../input';
import { changeProfile, gate, send } from '../profile';
import { settingsTexts } from '../texts';

type Data = Readonly<Record<string, unknown>>;

async function setTime(deps: FeatureDeps, turn: Turn, time: string): Promise<Attachment> {
  const p = await changeProfile(deps, turn, 'time', (current) => ({ ...current, nudgeTime: time }));
  if (!p) return joinFirstCard(turn.lang);
  const txt = textsIn(settingsTexts, turn.lang, { time: p.nudgeTime });
  return noticeCard({ title: txt.timeSetTitle, lines: p.status === 'paused' ? [txt.timeSet, txt.stillPaused] : [txt.timeSet] });
}

/** `tijd 08:30` sets the nudge time at once; `tijd` alone shows the time card. */
export async function timeCommand(deps: FeatureDeps, turn: Turn, args: string): Promise<void> {
  const p = turn.participant;
  const blocked = gate(turn, 'time');
  if (blocked || !p) return send(turn, blocked ?? joinFirstCard(turn.lang));
  if (args === '') return send(turn, timeCard(turn, p));
  const time = nudgeTimeOf(args);
  if (time === undefined) return send(turn, messageCard(t(settingsTexts.timeInvalidTyped, turn.lang, NUDGE_WINDOW)));
  return send(turn, await setTime(deps, turn, time));
}

/** The time card's save: a time inside the nudge window, else the card again with the problem. */
export async function timeAction(deps: FeatureDeps, turn: Turn, data: Data): Promise<ActionResult> {
  const p = turn.participant;
  const blocked = gate(turn, 'time');
  if (blocked || !p) return { card: blocked ?? joinFirstCard(turn.lang) };
  const parsed = settingsSchemas.time.safeParse(data);
  if (!parsed.success) {
    const error = onlyFieldFailed(parsed.error, 'nudgeTime') ? settingsTexts.timeInvalidCard : settingsTexts.formInvalid;
    return { card: timeCard(turn, p, t(error, turn.lang, NUDGE_WINDOW)) };
  }
  return { card: await setTime(deps, turn, parsed.data.nudgeTime) };
}
