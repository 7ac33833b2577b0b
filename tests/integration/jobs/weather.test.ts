import { createServer, type Server } from 'node:http';
import { createLogger } from '@soestainable/bot/platform/logger';
import { weatherTexts } from '@soestainable/bot/jobs/weather/texts';
import { WeatherProvider } from '@soestainable/bot/jobs/weather/weather';
import { FakeConnector } from '../../helpers/fakeConnector';
import { cardProblems, cardTexts } from '../../helpers/cards';
import { at, campaignOf, cardOf, createJobWorld, deliveries, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * The weather line against a real local HTTP feed in Open-Meteo's format: a good forecast, garbage, a 500 and a
 * slow answer. A bad feed costs the card its line, never the nudge.
 */
type Answer = { status?: number; body?: string; delayMs?: number };

class FakeFeed {
  answer: Answer = {};
  requests = 0;
  private server: Server | undefined;
  url = '';
  async start(): Promise<void> {
    this.server = createServer((_req, res) => {
      this.requests++;
      const { status = 200, body = '', delayMs = 0 } = this.answer;
      const timer = setTimeout(() => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(body);
      }, delayMs);
      res.on('close', () => clearTimeout(timer));
    });
    await new Promise<void>((resolve) => this.server?.listen(0, '127.0.0.1', resolve));
    const address = this.server.address();
    this.url = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/v1/forecast?latitude=52.17&longitude=5.29&daily=precipitation_sum,temperature_2m_max&timezone=Europe%2FAmsterdam`;
  }
  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}

/** A forecast as Open-Meteo answers it (daily arrays by local date). */
function forecast(days: Record<string, [rainMm: number | null, maxC: number | null]>): string {
  const time = Object.keys(days);
  return JSON.stringify({
    latitude: 52.18,
    longitude: 5.3,
    generationtime_ms: 0.05,
    utc_offset_seconds: 3600,
    timezone: 'Europe/Amsterdam',
    timezone_abbreviation: 'CET',
    elevation: 5,
    daily_units: { time: 'iso8601', precipitation_sum: 'mm', temperature_2m_max: '°C' },
    daily: { time, precipitation_sum: time.map((d) => days[d]?.[0] ?? null), temperature_2m_max: time.map((d) => days[d]?.[1] ?? null) },
  });
}

const feed = new FakeFeed();
beforeAll(() => feed.start());
afterAll(() => feed.stop());
beforeEach(() => {
  feed.requests = 0;
});

describe('WeatherProvider against a local feed', () => {
  const logs: { level: string; line: string }[] = [];
  const logger = createLogger('debug', (line, level) => logs.push({ level, line }));
  beforeEach(() => {
    logs.length = 0;
  });
  const provider = (timeoutMs?: number) => {
    let now = Date.parse('2026-12-07T08:00:00Z');
    const p = new WeatherProvider(feed.url, logger, { ...(timeoutMs === undefined ? {} : { timeoutMs }), now: () => now });
    return { p, advance: (ms: number) => (now += ms) };
  };

  it('reads the day: rain, dry and mild, or neither; asks the feed once per day', async () => {
    feed.answer = { body: forecast({ '2026-12-07': [4.2, 8], '2026-12-08': [0, 14], '2026-12-09': [0.5, 12], '2026-12-10': [0, 3] }) };
    const { p } = provider();
    expect(await Promise.all([p.forDay('2026-12-07'), p.forDay('2026-12-07')])).toEqual(['rain', 'rain']);
    expect(await p.forDay('2026-12-07')).toBe('rain');
    expect(feed.requests).toBe(1);
    expect(await p.forDay('2026-12-08')).toBe('dryMild');
    expect(await p.forDay('2026-12-09')).toBeUndefined(); // a drizzle: neither
    expect(await p.forDay('2026-12-10')).toBeUndefined(); // dry but cold
    expect(feed.requests).toBe(4);
    expect(logs).toEqual([]);
  });

  it.each([
    ['garbage', { body: '<html>Service Unavailable</html>' }, 'WEATHER_INVALID'],
    ['JSON of another shape', { body: JSON.stringify({ daily: { time: ['2026-12-07'], precipitation_sum: ['lots'] } }) }, 'WEATHER_INVALID'],
    ['arrays of different lengths', { body: JSON.stringify({ daily: { time: ['2026-12-07'], precipitation_sum: [], temperature_2m_max: [3] } }) }, 'WEATHER_INVALID'],
    ['a forecast without today', { body: forecast({ '2026-12-01': [0, 14] }) }, 'WEATHER_NO_DAY'],
    ['HTTP 500', { status: 500, body: '{"error":true,"reason":"boom"}' }, 'WEATHER_HTTP'],
    ['a slow answer', { delayMs: 5_000, body: forecast({ '2026-12-07': [4, 8] }) }, 'WEATHER_TIMEOUT'],
  ] as const)('%s: no line, one warning with its code, and no new request for a while', async (_name, answer, code) => {
    feed.answer = answer;
    const { p, advance } = provider(300);
    expect(await p.forDay('2026-12-07')).toBeUndefined();
    expect(await p.forDay('2026-12-07')).toBeUndefined();
    expect(feed.requests).toBe(1);
    expect(logs.filter((l) => l.level === 'warn')).toHaveLength(1);
    expect(JSON.parse(logs[0]?.line ?? '{}')).toMatchObject({ code });
    expect(logs[0]?.line).not.toContain('boom');
    // A quarter of an hour later it tries again, and a good answer then gives the line.
    feed.answer = { body: forecast({ '2026-12-07': [4, 8] }) };
    advance(15 * 60_000);
    expect(await p.forDay('2026-12-07')).toBe('rain');
    expect(feed.requests).toBe(2);
  });

  it('an unreachable feed', async () => {
    const p = new WeatherProvider('http://127.0.0.1:1/forecast', logger);
    expect(await p.forDay('2026-12-07')).toBeUndefined();
    expect(JSON.parse(logs[0]?.line ?? '{}')).toMatchObject({ code: 'WEATHER_UNREACHABLE' });
  });
});

describe('the weather line on the nudge card (WEATHER_URL set)', () => {
  let world: JobWorld;
  const connector = new FakeConnector();
  beforeAll(async () => {
    await connector.start();
    world = await createJobWorld({ WEATHER_URL: feed.url });
    await onlyCampaign(world.repos, campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' }));
    await enrol(world.repos, connector, { userId: 'w-nl', nudgeTime: '08:00', language: 'nl' });
    await enrol(world.repos, connector, { userId: 'w-en', nudgeTime: '08:00', language: 'en' });
  });
  afterAll(async () => {
    await world.drop();
    await connector.stop();
  });
  beforeEach(() => {
    connector.calls.length = 0;
  });
  const linesByConversation = () =>
    Object.fromEntries(
      deliveries(connector).map((d) => [d.conversationId, cardTexts(cardOf(d.body)).filter((t) => Object.values(weatherTexts).some((w) => w.nl === t || w.en === t))]),
    );

  it('rain: each card says it in its reader\'s language, right under the tip', async () => {
    feed.answer = { body: forecast({ '2026-12-07': [6, 7] }) };
    await world.jobs().run('nudges', { at: at('2026-12-07T08:00+01:00'), dryRun: false });
    expect(linesByConversation()).toEqual({ 'conv-w-nl': [weatherTexts.rain.nl], 'conv-w-en': [weatherTexts.rain.en] });
    for (const d of deliveries(connector)) expect(cardProblems(cardOf(d.body))).toEqual([]);
    const texts = cardTexts(cardOf(deliveries(connector)[0]?.body ?? {}));
    expect(texts[texts.findIndex((t) => t.startsWith('Tip')) + 1]).toMatch(/^(Regen|Rain)/);
  });

  it('dry and mild: the bike', async () => {
    feed.answer = { body: forecast({ '2026-12-08': [0, 15] }) };
    await world.jobs().run('nudges', { at: at('2026-12-08T08:00+01:00'), dryRun: false });
    expect(linesByConversation()).toEqual({ 'conv-w-nl': [weatherTexts.dryMild.nl], 'conv-w-en': [weatherTexts.dryMild.en] });
  });

  it('a slow feed: the nudges still go out, without a line', async () => {
    feed.answer = { delayMs: 10_000, body: forecast({ '2026-12-09': [6, 7] }) };
    const summary = await world.jobs().run('nudges', { at: at('2026-12-09T08:00+01:00'), dryRun: false });
    expect(summary.runs[0]).toMatchObject({ sent: 2 });
    expect(linesByConversation()).toEqual({ 'conv-w-nl': [], 'conv-w-en': [] });
    expect(world.logs.filter((l) => l.fields['code'] === 'WEATHER_TIMEOUT')).toHaveLength(1);
  });

  it('garbage: the nudges still go out, without a line', async () => {
    feed.answer = { body: 'not json at all' };
    const summary = await world.jobs().run('nudges', { at: at('2026-12-10T08:00+01:00'), dryRun: false });
    expect(summary.runs[0]).toMatchObject({ sent: 2 });
    expect(linesByConversation()).toEqual({ 'conv-w-nl': [], 'conv-w-en': [] });
  });
});
