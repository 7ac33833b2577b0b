import { exportDocument } from '@soestainable/bot/services/personalData/exportDocument';
import { readStoredData } from '@soestainable/bot/services/personalData/storedData';
import { myDataTexts as T } from '@soestainable/bot/features/myData/texts';
import { MY_DATA_VERBS } from '@soestainable/bot/features/myData/verbs';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { elements, executeActions, type Card } from '../../../helpers/cards';
import { rawRows } from '../../../helpers/storage';

/*
 * The proactive fan-out keeps a claim per message and recipient (`SendClaims`): who got which nudge, digest or
 * "you said, we did", and when. Those rows are the person's data too: they are in "mijn gegevens", in the
 * download, and gone after "verwijder mijn gegevens".
 */

const RUN = 'instance-a.0123456789ab';

/** Claims of the three kinds for `userId` (a digest as manager of a team), plus someone else's and a team's. */
async function seedClaims(repos: Repositories, userId: string): Promise<void> {
  await repos.sendClaims.claim('nudge', '2026-12-01', userId, RUN);
  await repos.sendClaims.markSent('nudge', '2026-12-01', userId, 'activity-1');
  await repos.sendClaims.claim('nudge', '2026-12-02', userId, RUN);
  await repos.sendClaims.markSkipped('nudge', '2026-12-02', userId, 'paused');
  await repos.sendClaims.claim('digest', '2026-W49', `publiekszaken|${userId}`, RUN);
  await repos.sendClaims.claim('yousaid', '0mh3k2x1a0aa11bb22', userId, RUN);
  await repos.sendClaims.claim('nudge', '2026-12-01', 'aad-someone-else', RUN);
  await repos.sendClaims.claim('digest', '2026-W49', `publiekszaken|aad-someone-else`, RUN);
  await repos.sendClaims.claim('digest', '2026-W49', 'team:publiekszaken', RUN);
}

/** The facts of the first FactSet after the text `heading` on the card. */
function factsAfter(card: Card, heading: string): unknown {
  const all = elements(card);
  const at = all.findIndex((e) => e['text'] === heading);
  return all.slice(at + 1).find((e) => e['type'] === 'FactSet')?.['facts'];
}

describe('my data: send claims', () => {
  const h = useBotHarness();

  it('"mijn gegevens" counts the messages recorded per kind', async () => {
    const userId = 'aad-claims-card';
    const adapter = await joinedAdapter(h, { userId });
    await seedClaims(h.repos, userId);
    const card = await replyCard(adapter, 'mijn gegevens');
    expect(factsAfter(card, T.messagesHeading.nl)).toEqual([
      { title: T.messagesNudge.nl, value: '2' },
      { title: T.messagesDigest.nl, value: '1' },
      { title: T.messagesYousaid.nl, value: '1' },
    ]);
  });

  it('the download holds every claim of the person, and no one else\'s', async () => {
    const userId = 'aad-claims-export';
    await joinedAdapter(h, { userId });
    await seedClaims(h.repos, userId);
    const doc = exportDocument(await readStoredData(h.repos, 'soest', userId), h.clock.now) as { sendClaims?: Array<Record<string, unknown>> };
    expect((doc.sendClaims ?? []).map((c) => [c['kind'], c['period'], c['recipientId'], c['state']]).sort()).toEqual([
      ['digest', '2026-W49', `publiekszaken|${userId}`, 'claimed'],
      ['nudge', '2026-12-01', userId, 'sent'],
      ['nudge', '2026-12-02', userId, 'skipped'],
      ['yousaid', '0mh3k2x1a0aa11bb22', userId, 'claimed'],
    ]);
    expect(JSON.stringify(doc)).not.toContain('aad-someone-else');
  });

  it('confirming the deletion removes the person\'s claims and leaves everyone else\'s', async () => {
    const userId = 'aad-claims-delete';
    const adapter = await joinedAdapter(h, { userId });
    await seedClaims(h.repos, userId);
    const confirm: Card = await replyCard(adapter, 'verwijder mijn gegevens');
    const yes = executeActions(confirm).find((a) => a['verb'] === MY_DATA_VERBS.deleteConfirm)?.['data'] as Record<string, unknown> | undefined;
    const deleted = await execute(adapter, MY_DATA_VERBS.deleteConfirm, yes ?? {});

    const rows = await rawRows(h.tables.client('SendClaims'));
    const keys = rows.map((r) => decodeURIComponent(String(r['rowKey'])));
    expect(keys.filter((k) => k.includes(userId))).toEqual([]);
    expect(keys.filter((k) => k.includes('aad-someone-else')).length).toBeGreaterThanOrEqual(2);
    expect(keys).toContain('team:publiekszaken');
    expect(elements(deleted).find((e) => e['type'] === 'FactSet')?.['facts']).toContainEqual({ title: T.deletedMessages.nl, value: '4' });
  });
});
