import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { createLogger } from '@soestainable/bot/platform/logger';
import { FakeConnector } from '../../helpers/fakeConnector';
import { participant, seedOrg } from '../../helpers/orgFixture';
import { testConnectionString } from '../../helpers/storage';

/**
 * The check-in through the real server: restify on port 0, the real adapter and bot, Azurite, and a fake Bot
 * Connector as serviceUrl that can fail on demand. An invoke's answer is its HTTP response, so a check-in does not
 * depend on the connector at all.
 */
describe('check-in over real HTTP', () => {
  let app: RunningApp;
  let base: string;
  const connector = new FakeConnector();
  const NOW = new Date('2026-12-02T08:30:00Z'); // Wednesday, day 3 of seedOrg's campaign
  let campaignId = '';

  beforeAll(async () => {
    await connector.start();
    const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: 'h' + randomBytes(4).toString('hex'), ORG_ID: 'soest' });
    app = await composeApp(config, createLogger('silent'), { now: () => NOW, tabDir: mkdtempSync(join(tmpdir(), 'tab-')) });
    base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
    ({ campaign: { campaignId } } = await seedOrg(app.repositories));
    await app.repositories.participants.save(participant({ userId: 'aad-http-checkin' }));
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  const invoke = (data: Record<string, unknown>) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        type: 'invoke',
        name: 'adaptiveCard/action',
        id: 'inv-1',
        channelId: 'msteams',
        serviceUrl: connector.url,
        locale: 'nl-NL',
        from: { id: '29:u', aadObjectId: 'aad-http-checkin' },
        recipient: { id: '28:bot' },
        conversation: { id: 'conv-h', conversationType: 'personal', tenantId: 'tenant-soest' },
        value: { action: { type: 'Action.Execute', verb: CHECKIN_VERBS.submit, data: { verb: CHECKIN_VERBS.submit, ...data } } },
      }),
    });
  const answers = () => ({
    campaignId, date: '2026-12-02', outcome: 'done', travelMode: 'fiets', distanceBand: '5-10', wasteFree: 'true', challenge: 'true',
  });

  it('stores the check-in and answers with the summary card in the HTTP response, even while the connector fails', async () => {
    connector.failNext(500, 5);
    const res = await invoke(answers());
    expect(res.status).toBe(200);
    const body = (await res.json()) as { statusCode: number; type: string; value: { type: string; version: string } };
    expect(body).toMatchObject({ statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: { type: 'AdaptiveCard', version: '1.5' } });
    expect(JSON.stringify(body.value)).toContain(checkinTexts.summaryTitle.nl.replace('{date}', 'woensdag 2 december'));
    const stored = await app.repositories.checkIns.get('aad-http-checkin', campaignId, '2026-12-02');
    expect(stored?.value).toMatchObject({ outcome: 'done', travelMode: 'fiets', teamId: 'publiekszaken' });
    await app.drain(); // the counting runs after the answer
    expect((await app.repositories.dailyAggregates.get(campaignId, 'publiekszaken', '2026-12-02'))?.checkIns).toBe(1);
  });

  it('counts a repeated submit (a double click) once', async () => {
    const [a, b] = await Promise.all([invoke(answers()), invoke(answers())]);
    expect([a.status, b.status]).toEqual([200, 200]);
    expect((await app.repositories.dailyAggregates.get(campaignId, 'publiekszaken', '2026-12-02'))?.checkIns).toBe(1);
  });

  it('answers a malformed submit with a card and stores nothing', async () => {
    const res = await invoke({ ...answers(), date: '2026-12-03', travelMode: 'raket' });
    expect(res.status).toBe(200);
    expect(((await res.json()) as { statusCode: number }).statusCode).toBe(200);
    expect(await app.repositories.checkIns.get('aad-http-checkin', campaignId, '2026-12-03')).toBeUndefined();
  });
});
