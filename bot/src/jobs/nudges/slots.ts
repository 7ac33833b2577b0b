import { DateTime } from 'luxon';
import { isRemembranceEvening, parseLocalTime, TIME_ZONE, todayIn } from '@soestainable/shared/calendar';
import type { IsoDate } from '@soestainable/shared/domain/types';
import type { NudgeSlotEntry, ParticipantsRepository } from '../../storage/repositories/participants';

/**
 * The `NudgeSlots` index and the clock the messages sent at a person's own nudge time share: the daily nudge, the
 * end card after it and the follow-up pulses. One place for "which minute is it", "has the cut-off passed" and
 * "who is due up to now".
 */

export const MINUTES_PER_DAY = 24 * 60;
/** Slot partitions read at once. */
const SLOT_READ_CONCURRENCY = 8;

/** The minute of the day of a local `HH:mm`, or `undefined` when it is not one. */
export function minuteOf(time: string): number | undefined {
  const parsed = parseLocalTime(time);
  return parsed === undefined ? undefined : parsed.hour * 60 + parsed.minute;
}

/** `HH:mm` of a minute of the day (a `NudgeSlots` partition). */
export function slotTime(minute: number): string {
  return `${String(Math.floor(minute / 60)).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;
}

/** The local date and minute at `at`, or why nothing is sent at a nudge time now (after the cut-off, 4 May evening). */
export function slotClock(at: Date, cutoffMinute: number): { skip: 'after_cutoff' | 'remembrance_evening'; date: IsoDate } | { date: IsoDate; nowMinute: number } {
  const date = todayIn(at);
  const local = DateTime.fromJSDate(at, { zone: TIME_ZONE });
  const nowMinute = local.hour * 60 + local.minute;
  if (nowMinute >= cutoffMinute) return { skip: 'after_cutoff', date };
  if (isRemembranceEvening(at)) return { skip: 'remembrance_evening', date };
  return { date, nowMinute };
}

/** Every slot entry from minute `from` to `to` (inclusive), a few partitions at a time; `slots` = minutes read. */
export async function readNudgeSlots(
  participants: Pick<ParticipantsRepository, 'listNudgeSlot'>,
  from: number,
  to: number,
): Promise<{ entries: NudgeSlotEntry[]; slots: number }> {
  const minutes = Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => from + i);
  const entries: NudgeSlotEntry[] = [];
  for (let i = 0; i < minutes.length; i += SLOT_READ_CONCURRENCY) {
    const chunk = minutes.slice(i, i + SLOT_READ_CONCURRENCY);
    for (const rows of await Promise.all(chunk.map((m) => participants.listNudgeSlot(slotTime(m))))) entries.push(...rows);
  }
  return { entries, slots: minutes.length };
}
