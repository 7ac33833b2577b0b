import { DateTime, IANAZone } from 'luxon';
import type { IsoDate, LocalTime } from '../domain/types';
import { parseIsoDate, TIME_ZONE } from './isoDate';

const ZONE = IANAZone.create(TIME_ZONE);
const MINUTE_MS = 60_000;
const HOUR_MS = 60 * MINUTE_MS;

/** A wall-clock time, parsed. */
export interface ClockTime {
  readonly hour: number;
  readonly minute: number;
}

const LOCAL_TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;

/**
 * Parses a {@link LocalTime} written exactly as `HH:mm` on a 24-hour clock (`08:30`, `17:05`). Returns `undefined`
 * for anything else: `25:99`, `24:00`, `8:3`, `8:30`, `08:30:00`, ``.
 */
export function parseLocalTime(time: string): ClockTime | undefined {
  const match = LOCAL_TIME.exec(time);
  if (match === null) {
    return undefined;
  }
  return { hour: Number(match[1]), minute: Number(match[2]) };
}

/**
 * The local day {@link todayIn} answered last, as the instants it spans: every request asks for today, so the
 * zone's rules are consulted about once a day instead of several times per request.
 */
let lastDay: { readonly from: number; readonly to: number; readonly date: IsoDate } | undefined;

/** The calendar date in Amsterdam at the instant `now` (e.g. 23:30 UTC on 31 Dec is already 1 Jan there). */
export function todayIn(now: Date): IsoDate {
  const ms = now.getTime();
  if (lastDay !== undefined && ms >= lastDay.from && ms < lastDay.to) return lastDay.date;
  const local = DateTime.fromJSDate(now, { zone: TIME_ZONE });
  if (!local.isValid) {
    throw new RangeError('Invalid Date');
  }
  const start = local.startOf('day');
  lastDay = { from: start.toMillis(), to: start.plus({ days: 1 }).toMillis(), date: local.toISODate() };
  return lastDay.date;
}

/**
 * The instant at which the Amsterdam wall clock shows `time` on `date`. DST is handled explicitly (luxon's own
 * choice differs in both cases, so we do not rely on it):
 *
 * - **Spring forward** (last Sunday of March, 02:00 → 03:00): a time in the gap, e.g. 02:30, does not exist. It
 *   moves forward to the first valid instant after the gap: 03:00 CEST (01:00 UTC). A nudge set for 02:30 is then
 *   sent as soon as that time "has passed", not an hour late.
 * - **Fall back** (last Sunday of October, 03:00 → 02:00): a time from 02:00 to 02:59 happens twice. We take the
 *   first occurrence (still CEST, UTC+2), so a nudge is never sent twice and never later than necessary.
 *
 * Throws a RangeError for a malformed date or time (callers validate input with `parseLocalTime`).
 */
export function localTimeToInstant(date: IsoDate, time: LocalTime): Date {
  const day = parseIsoDate(date);
  const clock = parseLocalTime(time);
  if (clock === undefined) {
    throw new RangeError(`Not a local time (HH:mm): '${time}'`);
  }
  // The wall-clock reading as if it were UTC; the real instant is this minus the zone's offset at that instant.
  const wallClockMs = Date.UTC(day.year, day.month - 1, day.day, clock.hour, clock.minute);
  // A gap is at most a few hours wide (one hour in Europe/Amsterdam); look up to a day ahead to be safe.
  for (let shift = 0; shift <= 24 * 60; shift += 1) {
    const candidate = earliestInstantShowing(wallClockMs + shift * MINUTE_MS);
    if (candidate !== undefined) {
      return new Date(candidate);
    }
  }
  throw new RangeError(`No valid instant for ${date} ${time} in ${TIME_ZONE}`);
}

/**
 * The earliest instant at which the zone's clock reads `wallClockMs` (a wall-clock reading encoded as UTC), or
 * `undefined` when that reading falls in a DST gap. Every offset the zone uses around that moment is a candidate;
 * a candidate is valid when the zone's offset at the resulting instant is that same offset.
 */
function earliestInstantShowing(wallClockMs: number): number | undefined {
  const offsets = new Set(
    [-12, 0, 12].map((hours) => ZONE.offset(wallClockMs + hours * HOUR_MS)),
  );
  const valid = [...offsets]
    .map((offsetMinutes) => wallClockMs - offsetMinutes * MINUTE_MS)
    .filter((instant) => ZONE.offset(instant) * MINUTE_MS === wallClockMs - instant);
  return valid.length === 0 ? undefined : Math.min(...valid);
}

/**
 * True from 18:00 Amsterdam time to midnight on 4 May: the evening of Dodenherdenking (Remembrance of the Dead,
 * flags at half-mast from 18:00, two minutes of silence at 20:00). Nudges then must not be cheerful; the bot
 * sends a plain one or none.
 */
export function isRemembranceEvening(instant: Date): boolean {
  const local = DateTime.fromJSDate(instant, { zone: TIME_ZONE });
  return local.isValid && local.month === 5 && local.day === 4 && local.hour >= 18;
}
