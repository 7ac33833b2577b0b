import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { composeApp, listen, type RunningApp } from '@soestainable/bot/app';
import { loadConfig } from '@soestainable/bot/config';
import { recogniseTexts } from '@soestainable/bot/features/recognise/texts';
import { RECOGNISE_VERBS } from '@soestainable/bot/features/recognise/verbs';
import { REPORTS_VERBS } from '@soestainable/bot/features/reports/verbs';
import { createLogger } from '@soestainable/bot/platform/logger';
import { FakeConnector } from '../../helpers/fakeConnector';
import { participant, seedOrg } from '../../helpers/orgFixture';
import { testConnectionString } from '../../helpers/storage';

type Card = Record<string, unknown>;

/** Every `Action.Execute` of a card (nested in containers and action sets), with its data. */
function executes(card: unknown): Array<{ verb: string; data: Record<string, unknown> }> {
  const found: Array<{ verb: string; data: Record<string, unknown> }> = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const n = node as Record<string, unknown>;
      if (n['type'] === 'Action.Execute') found.push({ verb: String(n['verb']), data: n['data'] as Record<string, unknown> });
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return found;
}

/**
 * Issue 16's "done when", over real HTTP: the real server on port 0, the real adapter and bot, Azurite, and a fake
 * Bot Connector that records what the bot sends. One employee reports a barrier; two colleagues see it under
 * `prikkels` and recognise it; the count on the updated card is exact; a third report that looks alike is
 * offered the existing barrier.
 */
describe('"herken ik" over real HTTP', () => {
  let app: RunningApp;
  let base: string;
  const connector = new FakeConnector();
  const NOW = new Date('2026-12-02T08:30:00Z');
  const USERS = { reporter: 'aad-h-reporter', first: 'aad-h-first', second: 'aad-h-second', third: 'aad-h-third' };

  beforeAll(async () => {
    await connector.start();
    const config = loadConfig({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: 'r' + randomBytes(4).toString('hex'), ORG_ID: 'soest' });
    app = await composeApp(config, createLogger('silent'), { now: () => NOW, tabDir: mkdtempSync(join(tmpdir(), 'tab-')) });
    base = `http://127.0.0.1:${await listen(app.server, 0, '127.0.0.1')}`;
    await seedOrg(app.repositories);
    for (const userId of Object.values(USERS)) await app.repositories.participants.save(participant({ userId }));
  });
  afterAll(async () => {
    await app.close();
    await connector.stop();
  });

  const post = (userId: string, activity: Record<string, unknown>) =>
    fetch(`${base}/api/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        channelId: 'msteams',
        serviceUrl: connector.url,
        locale: 'nl-NL',
        from: { id: `29:${userId}`, aadObjectId: userId },
        recipient: { id: '28:bot' },
        conversation: { id: `conv-${userId}`, conversationType: 'personal', tenantId: 'tenant-soest' },
        ...activity,
      }),
    });
  const invoke = async (userId: string, verb: string, data: Record<string, unknown>): Promise<Card> => {
    const res = await post(userId, { type: 'invoke', name: 'adaptiveCard/action', id: `inv-${randomBytes(3).toString('hex')}`, value: { action: { type: 'Action.Execute', verb, data } } });
    expect(res.status).toBe(200);
    return ((await res.json()) as { value: Card }).value;
  };
  /** The cards the bot sent (or replaced) in this person's chat, oldest first. */
  const cardsTo = (userId: string): Card[] =>
    connector.calls
      .filter((c) => c.path.includes(encodeURIComponent(`conv-${userId}`)) || c.path.includes(`conv-${userId}`))
      .flatMap((c) => ((c.body as { attachments?: Array<{ content: Card }> } | undefined)?.attachments ?? []).map((a) => a.content));
  const report = (userId: string, text: string) => invoke(userId, REPORTS_VERBS.barrierSubmit, { verb: REPORTS_VERBS.barrierSubmit, text, theme: 'circulariteit', contact: 'false' });

  it('one reports, two colleagues recognise it from "prikkels" with an exact count, and a look-alike report is offered it', async () => {
    // 1. One employee reports a barrier (the report card's button: the answer is the thank-you card).
    const thanks = await report(USERS.reporter, 'De kantine heeft alleen plastic bekers');
    expect(JSON.stringify(thanks)).toContain('Bedankt! Je prikkel is binnen.');
    const [barrier] = await app.repositories.barriers.list('soest');
    if (!barrier) throw new Error('no barrier filed');

    // 2. Two colleagues see it under `prikkels`.
    for (const userId of [USERS.first, USERS.second]) expect((await post(userId, { type: 'message', id: `m-${userId}`, text: 'prikkels' })).status).toBe(200);
    const button = (userId: string) => {
      const list = cardsTo(userId).at(-1);
      const found = executes(list).find((a) => a.verb === RECOGNISE_VERBS.toggle && a.data['barrierId'] === barrier.barrierId);
      if (!found) throw new Error(`${userId} was not offered the barrier`);
      return found.data;
    };
    const firstButton = button(USERS.first);
    const secondButton = button(USERS.second);
    expect(firstButton['want']).toBe('on');

    // 3. They recognise it: the first through the invoke (the answer replaces the card), with a double click at once;
    // the second through the Action.Submit fallback (the bot replaces the card with updateActivity).
    const [once, twice] = await Promise.all([invoke(USERS.first, RECOGNISE_VERBS.toggle, firstButton), invoke(USERS.first, RECOGNISE_VERBS.toggle, firstButton)]);
    const oneCount = recogniseTexts.count.nl.one.replace('{count}', '1');
    expect([JSON.stringify(once), JSON.stringify(twice)].filter((c) => c.includes(oneCount))).toHaveLength(2);
    const before = connector.calls.length;
    expect((await post(USERS.second, { type: 'message', id: 'submit-2', replyToId: 'list-card-2', value: { ...secondButton, verb: RECOGNISE_VERBS.toggle } })).status).toBe(200);
    const replaced = connector.calls.slice(before).find((c) => c.method === 'PUT' && c.path.endsWith('/activities/list-card-2'));
    expect(replaced).toBeDefined();
    const updated = JSON.stringify(replaced?.body);
    expect(updated).toContain(recogniseTexts.count.nl.other.replace('{count}', '2'));
    expect(updated).toContain(recogniseTexts.doneRecognised.nl);
    expect(await app.repositories.recognitions.count('soest', barrier.barrierId)).toBe(2);

    // 4. A third report that looks alike is filed, and offered the existing barrier with "Herken ik".
    const sentBefore = connector.calls.length;
    const third = await report(USERS.third, 'In de kantine zijn alleen plastic bekertjes');
    expect(JSON.stringify(third)).toContain('Bedankt! Je prikkel is binnen.');
    expect(await app.repositories.barriers.list('soest')).toHaveLength(2);
    // The look-alikes go out after the answer, proactively: wait for the work the answers left.
    await app.drain();
    const offered = connector.calls.slice(sentBefore).flatMap((c) => ((c.body as { attachments?: Array<{ content: Card }> } | undefined)?.attachments ?? []).map((a) => a.content));
    expect(offered).toHaveLength(1);
    expect(JSON.stringify(offered[0])).toContain(recogniseTexts.similarTitle.nl);
    expect(JSON.stringify(offered[0])).toContain(recogniseTexts.count.nl.other.replace('{count}', '2'));
    expect(executes(offered[0]).map((a) => [a.verb, a.data['barrierId'], a.data['want']])).toEqual([[RECOGNISE_VERBS.toggle, barrier.barrierId, 'on']]);
    expect(JSON.stringify(offered[0])).not.toMatch(/aad-h-/);
  });
});
