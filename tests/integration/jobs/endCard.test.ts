import type { JobSummary } from '@soestainable/bot/jobs/job';
import { noWeather } from '@soestainable/bot/jobs/weather/weather';
import { LASTING_VERBS } from '@soestainable/bot/features/lasting/verbs';
import { FakeConnector } from '../../helpers/fakeConnector';
import { baselineSurvey } from '../../helpers/orgFixture';
import { cardProblems, cardTexts } from '../../helpers/cards';
import { at, campaignOf, cardOf, createJobWorld, deliveries, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * The end card (issue 15) after the nudge on the campaign's last challenge day, end to end: Azurite, the real
 * engine, and a fake Bot Connector over HTTP. Exactly once per person per campaign: claim kind `end`, period the
 * campaign id.
 */
const DECEMBER = campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' });
const LAST_DAY_0900 = at('2026-12-11T09:00+01:00');
const DAY_BEFORE_0900 = at('2026-12-10T09:00+01:00');

const connector = new FakeConnector();
let world: JobWorld;
let jobs: ReturnType<JobWorld['jobs']>;
const run = (when: Date, dryRun = false): Promise<JobSummary> => jobs.run('nudges', { at: when, dryRun });
const endCardsTo = () =>
  deliveries(connector)
    .filter((d) => JSON.stringify(d.body).includes(LASTING_VERBS.submitEnd))
    .map((d) => d.conversationId)
    .sort();

beforeAll(async () => {
  await connector.start();
  world = await createJobWorld();
  await onlyCampaign(world.repos, DECEMBER);
  const { repos } = world;
  await enrol(repos, connector, { userId: 'e-nl', nudgeTime: '09:00', language: 'nl' });
  await enrol(repos, connector, { userId: 'e-en', nudgeTime: '08:30', language: 'en' });
  await enrol(repos, connector, { userId: 'e-late', nudgeTime: '10:00' });
  await enrol(repos, connector, { userId: 'e-paused', nudgeTime: '09:00', status: 'paused' });
  await enrol(repos, connector, { userId: 'e-answered', nudgeTime: '09:00' });
  await repos.surveys.save(baselineSurvey('e-answered', { campaignId: 'c-dec', kind: 'end' }));
  jobs = world.jobs({ weather: noWeather });
});
afterAll(async () => {
  await world.drop();
  await connector.stop();
});
beforeEach(() => {
  connector.calls.length = 0;
});

describe('the end card after the last day\'s nudge', () => {
  it('is not sent on other challenge days', async () => {
    const summary = await run(DAY_BEFORE_0900);
    expect(summary.runs.map((r) => r.kind)).toEqual(['nudge']);
    expect(endCardsTo()).toEqual([]);
  });

  it('a dry run says what would happen and sends nothing', async () => {
    const summary = await run(LAST_DAY_0900, true);
    expect(summary.runs.map((r) => r.kind)).toEqual(['nudge', 'end']);
    expect(summary.runs[1]).toMatchObject({ sent: 0, skippedByReason: { already_answered: 1 } });
    expect(deliveries(connector)).toEqual([]);
  });

  it('follows the nudge on the last challenge day, once per person, in their language; answered is skipped, paused is not in the slots', async () => {
    const summary = await run(LAST_DAY_0900);
    expect(summary.runs[1]).toMatchObject({ kind: 'end', sent: 2, failed: 0, skippedByReason: { already_answered: 1 } });
    expect(endCardsTo()).toEqual(['conv-e-en', 'conv-e-nl']);
    // Each person's end card comes after their nudge.
    const order = deliveries(connector).filter((d) => d.conversationId === 'conv-e-nl');
    expect(order).toHaveLength(2);
    expect(JSON.stringify(order[1]?.body)).toContain(LASTING_VERBS.submitEnd);
    const byConversation = Object.fromEntries(deliveries(connector).map((d) => [d.conversationId, d.body]));
    for (const [conversation, title] of [['conv-e-nl', 'Eindmeting'], ['conv-e-en', 'End survey']] as const) {
      const card = cardOf(byConversation[conversation] ?? {});
      expect(cardProblems(card)).toEqual([]);
      expect(cardTexts(card)).toContain(title);
    }
  });

  it('a second run, a run later that day and a run in a second instance send no end card twice', async () => {
    await run(LAST_DAY_0900);
    await world.jobs({ weather: noWeather }).run('nudges', { at: LAST_DAY_0900, dryRun: false });
    expect(endCardsTo()).toEqual([]);
    // 10:00: only the person whose nudge time came now.
    await run(at('2026-12-11T10:00+01:00'));
    expect(endCardsTo()).toEqual(['conv-e-late']);
    expect((await world.repos.sendClaims.listRun('end', 'c-dec')).map((c) => [c.recipientId, c.state]).sort()).toEqual([
      ['e-answered', 'skipped'],
      ['e-en', 'sent'],
      ['e-late', 'sent'],
      ['e-nl', 'sent'],
    ]);
  });
});
