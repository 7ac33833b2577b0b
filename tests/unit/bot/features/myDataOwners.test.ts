import type { TestAdapter } from 'botbuilder';
import { myDataTexts } from '@soestainable/bot/features/myData/texts';
import { MY_DATA_VERBS } from '@soestainable/bot/features/myData/verbs';
import { exportDocument } from '@soestainable/bot/services/personalData/exportDocument';
import { readStoredData } from '@soestainable/bot/services/personalData/storedData';
import { ERASED_OWNER_NAME } from '@soestainable/bot/storage/repositories/actions';
import { useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardTexts, executeActions } from '../../../helpers/cards';

/*
 * Action owners and their personal data (issue 16 joined up with "mijn gegevens"): the actions a coordinator linked
 * to a person as owner are theirs to see in "mijn gegevens" and the download, and "verwijder mijn gegevens" unlinks
 * them; the action stays, with the owner name the coordinator typed. Through the real bot on Azurite.
 */

describe('my data: actions the person is the owner of', () => {
  const h = useBotHarness();
  const org = 'soest';
  let seq = 0;

  async function ownedAction(ownerUserId: string, owner: string, title = 'Fietsenstalling bij de ingang') {
    return h.repos.actions.create(
      { orgId: org, title: { nl: title, en: 'Bike shed at the entrance' }, description: { nl: '', en: '' }, theme: 'energietransitie', dimension: 'uitvoering', owner, ownerUserId, status: 'gepland' },
      'aad-coordinator',
    );
  }
  async function confirmDelete(adapter: TestAdapter): Promise<string[]> {
    const card = await replyCard(adapter, 'verwijder mijn gegevens');
    const yes = executeActions(card).find((a) => a['verb'] === MY_DATA_VERBS.deleteConfirm);
    if (!yes) throw new Error('the confirmation card has no confirm button');
    return cardTexts(await execute(adapter, MY_DATA_VERBS.deleteConfirm, (yes['data'] as Record<string, unknown> | undefined) ?? {}));
  }

  it.each(LANGS)('in %s: "mijn gegevens" and the download list the actions the person owns, and nobody else’s', async (lang) => {
    const userId = `aad-owner-data-${++seq}`;
    const adapter = await joinedAdapter(h, { userId, language: lang });
    const mine = await ownedAction(userId, 'Facilitair');
    await ownedAction('aad-someone-else', 'Inkoop', 'Andermans actie');

    const texts = cardTexts(await replyCard(adapter, lang === 'nl' ? 'mijn gegevens' : 'my data'));
    expect(texts).toEqual(expect.arrayContaining([myDataTexts.ownedHeading[lang], lang === 'nl' ? 'Fietsenstalling bij de ingang' : 'Bike shed at the entrance']));
    expect(texts.join(' ')).not.toContain('Andermans actie');

    const doc = exportDocument(await readStoredData(h.repos, org, userId), new Date('2026-12-02T10:00:00Z'));
    expect(doc['actionsYouOwn']).toEqual([
      { actionId: mine.action.actionId, title: mine.action.title, status: 'gepland', ownerName: 'Facilitair', dueDate: null, updatedAt: mine.action.updatedAt },
    ]);
  });

  it('someone who owns no action sees no such section (their card stays as it was)', async () => {
    const adapter = await joinedAdapter(h, { userId: 'aad-no-actions' });
    expect(cardTexts(await replyCard(adapter, 'mijn gegevens'))).not.toContain(myDataTexts.ownedHeading.nl);
  });

  it('"verwijder mijn gegevens" unlinks the person from their actions; the action and a typed owner name stay', async () => {
    const userId = 'aad-owner-erased';
    const adapter = await joinedAdapter(h, { userId });
    const named = await ownedAction(userId, 'Jan (Facilitair)');
    // A coordinator who put the id itself in the name field: that is no name anyone typed, it goes too.
    const byId = await ownedAction(userId, userId);
    const other = await ownedAction('aad-keeps-owning', 'Inkoop');

    const deleted = await confirmDelete(adapter);
    expect(deleted).toEqual(expect.arrayContaining([myDataTexts.deletedOwnedActions.nl, '2']));

    const after = async (actionId: string) => (await h.repos.actions.get(org, actionId))?.action;
    expect(await after(named.action.actionId)).toMatchObject({ owner: 'Jan (Facilitair)', status: 'gepland', updatedAt: named.action.updatedAt });
    expect(await after(named.action.actionId)).not.toHaveProperty('ownerUserId');
    expect(await after(byId.action.actionId)).toMatchObject({ owner: ERASED_OWNER_NAME });
    expect(await after(byId.action.actionId)).not.toHaveProperty('ownerUserId');
    expect(await after(other.action.actionId)).toMatchObject({ ownerUserId: 'aad-keeps-owning', owner: 'Inkoop' });
    expect(await h.repos.actions.listByOwner(org, userId)).toEqual([]);
    expect((await readStoredData(h.repos, org, userId)).ownedActions).toEqual([]);
  });
});
