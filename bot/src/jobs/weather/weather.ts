import { z } from 'zod';
import type { IsoDate, Language } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import { errorFields, type Logger } from '../../platform/logger';
import { weatherTexts } from './texts';

/**
 * The optional weather line on the daily nudge card, from an Open-Meteo style forecast feed
 * (`https://api.open-meteo.com/v1/forecast?latitude=52.17&longitude=5.29&daily=precipitation_sum,temperature_2m_max&timezone=Europe/Amsterdam`).
 * The feed is asked at most once per local day (the answer is kept for that day); a failing, slow or garbled feed
 * gives no line and one logged warning, and never holds a nudge up longer than {@link WEATHER_TIMEOUT_MS}.
 */

/** The hard limit on one request to the feed, body included. */
export const WEATHER_TIMEOUT_MS = 1500;
/** After a failure, the feed is asked again at the earliest this much later (not on every minute's tick). */
export const WEATHER_RETRY_AFTER_MS = 15 * 60_000;
/** A forecast is at most this large; anything bigger is not the feed we expect. */
const MAX_BODY_CHARS = 256 * 1024;

/** Rain from this many mm a day on: "take the bus or train". */
export const RAIN_FROM_MM = 1;
/** Dry: less than this many mm. */
export const DRY_BELOW_MM = 0.2;
/** Mild: a day's maximum within this range (°C), both ends included. */
export const MILD_MAX_C = { from: 10, to: 25 } as const;

export type WeatherKind = 'dryMild' | 'rain';

const number = z.number().finite().nullable();
/** The part of Open-Meteo's JSON we read: `daily.time` (local dates) and two arrays of the same length. */
const forecastSchema = z.object({
  daily: z
    .object({
      time: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).min(1).max(31),
      precipitation_sum: z.array(number),
      temperature_2m_max: z.array(number),
    })
    .refine((d) => d.precipitation_sum.length === d.time.length && d.temperature_2m_max.length === d.time.length, {
      message: 'daily arrays differ in length',
    }),
});

/** What a day's forecast means for the commute; `undefined` when it is neither clearly rainy nor dry and mild. */
export function classifyDay(precipitationMm: number | null, maxTemperatureC: number | null): WeatherKind | undefined {
  if (precipitationMm === null || precipitationMm < 0) return undefined;
  if (precipitationMm >= RAIN_FROM_MM) return 'rain';
  if (precipitationMm < DRY_BELOW_MM && maxTemperatureC !== null && maxTemperatureC >= MILD_MAX_C.from && maxTemperatureC <= MILD_MAX_C.to) return 'dryMild';
  return undefined;
}

/** Reads the day's kind from a parsed feed body; throws WEATHER_INVALID (a code, no feed text) when it is not the format. */
export function parseForecast(body: unknown, date: IsoDate): WeatherKind | undefined {
  const parsed = forecastSchema.safeParse(body);
  if (!parsed.success) throw new WeatherError('WEATHER_INVALID');
  const { time, precipitation_sum: rain, temperature_2m_max: tmax } = parsed.data.daily;
  const i = time.indexOf(date);
  if (i === -1) throw new WeatherError('WEATHER_NO_DAY');
  return classifyDay(rain[i] ?? null, tmax[i] ?? null);
}

/** The line for the card, in the reader's language. */
export function weatherLine(kind: WeatherKind | undefined, lang: Language): string | undefined {
  return kind === undefined ? undefined : t(weatherTexts[kind], lang);
}

export type WeatherErrorCode = 'WEATHER_HTTP' | 'WEATHER_TIMEOUT' | 'WEATHER_INVALID' | 'WEATHER_NO_DAY' | 'WEATHER_UNREACHABLE';

export class WeatherError extends Error {
  constructor(readonly code: WeatherErrorCode, readonly status?: number) {
    super(`weather feed: ${code}${status === undefined ? '' : ` (HTTP ${status})`}`);
    this.name = 'WeatherError';
  }
}

/** What the nudge job asks: the day's kind, or `undefined` (no line). Never throws. */
export interface WeatherSource {
  forDay(date: IsoDate): Promise<WeatherKind | undefined>;
}

/** Weather switched off (no WEATHER_URL): never a line, never a request. */
export const noWeather: WeatherSource = { forDay: async () => undefined };

type Fetch = (url: string, init: { signal: AbortSignal; headers: Record<string, string> }) => Promise<Response>;

/**
 * The feed client: one request per local day, shared by concurrent callers; a failure is logged once and not
 * retried for {@link WEATHER_RETRY_AFTER_MS}.
 */
export class WeatherProvider implements WeatherSource {
  private cached: { date: IsoDate; kind: Promise<WeatherKind | undefined> } | undefined;
  private failedAt: { date: IsoDate; at: number } | undefined;

  constructor(
    private readonly url: string,
    private readonly logger: Logger,
    private readonly options: { timeoutMs?: number; now?: () => number; fetch?: Fetch } = {},
  ) {}

  forDay(date: IsoDate): Promise<WeatherKind | undefined> {
    if (this.cached?.date === date) return this.cached.kind;
    const now = (this.options.now ?? Date.now)();
    if (this.failedAt?.date === date && now - this.failedAt.at < WEATHER_RETRY_AFTER_MS) return Promise.resolve(undefined);
    const kind = this.fetchDay(date).catch((err: unknown) => {
      this.failedAt = { date, at: now };
      if (this.cached?.date === date) this.cached = undefined;
      this.logger.warn('weather feed unusable: nudges go out without the weather line', {
        ...errorFields(err),
        ...(err instanceof WeatherError && err.status !== undefined ? { status: err.status } : {}),
      });
      return undefined;
    });
    this.cached = { date, kind };
    return kind;
  }

  private async fetchDay(date: IsoDate): Promise<WeatherKind | undefined> {
    const controller = new AbortController();
    const timer = setTimeout(() => controller.abort(), this.options.timeoutMs ?? WEATHER_TIMEOUT_MS);
    const doFetch: Fetch = this.options.fetch ?? ((url, init) => fetch(url, init));
    try {
      let res: Response;
      let text: string;
      try {
        res = await doFetch(this.url, { signal: controller.signal, headers: { accept: 'application/json' } });
        text = await res.text();
      } catch {
        throw new WeatherError(controller.signal.aborted ? 'WEATHER_TIMEOUT' : 'WEATHER_UNREACHABLE');
      }
      if (!res.ok) throw new WeatherError('WEATHER_HTTP', res.status);
      if (text.length > MAX_BODY_CHARS) throw new WeatherError('WEATHER_INVALID');
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        throw new WeatherError('WEATHER_INVALID');
      }
      return parseForecast(body, date);
    } finally {
      clearTimeout(timer);
    }
  }
}
