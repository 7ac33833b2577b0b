import { parseLocalTime } from '../calendar/time';
import type { LocalTime } from './types';

/**
 * The window a nudge time may be set in: early enough for the working day, late enough not to wake anyone.
 * The card's time input is bounded by it too, but the server checks (clients may ignore min/max).
 */
export const NUDGE_WINDOW = { min: '07:00', max: '11:00' } as const satisfies Record<string, LocalTime>;
export const DEFAULT_NUDGE_TIME: LocalTime = '09:00';

/**
 * A time as people type or a time input sends it — `08:30`, `8:30`, `8.30` — as `HH:mm`, when it is a real time
 * inside {@link NUDGE_WINDOW}; `undefined` otherwise (`25:99`, `8`, `noon`, `06:00`). The one rule for a nudge time:
 * the enrolment and settings cards and the tab's settings all read it here.
 */
export function nudgeTimeOf(input: string): LocalTime | undefined {
  const match = /^(\d{1,2})[:.](\d{2})$/.exec(input.trim());
  if (!match) return undefined;
  const time = `${match[1]?.padStart(2, '0')}:${match[2]}`;
  if (parseLocalTime(time) === undefined) return undefined;
  return time >= NUDGE_WINDOW.min && time <= NUDGE_WINDOW.max ? time : undefined;
}
