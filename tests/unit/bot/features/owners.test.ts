import { buildOwnerCard, OWNER_UPDATE_VERB } from '@soestainable/bot/services/owners/card';
import { ownerTexts as T } from '@soestainable/bot/services/owners/texts';
import { OWNER_UPDATE_MAX } from '@soestainable/shared/domain/owners';
import { t } from '@soestainable/shared/text';
import { useBotHarness } from '../../../helpers/botHarness';
import { exchange, execute, joinedAdapter, LANGS } from '../../../helpers/botTurns';
import { cardProblems, cardText, type Card } from '../../../helpers/cards';

/*
 * Action owners in the chat (issue 16, item 2) through the real dispatcher and repositories on Azurite: `mijn acties`
 * and the owner card's "Opslaan". Every refusal stores nothing: the action's version and timeline stay as they were.
 */

let seq = 0;

/** The version the card's "Opslaan" sends back. */
const versionOf = (card: Card): unknown => ((card['actions'] as Array<{ data?: { version?: unknown } }> | undefined)?.[0]?.data?.version);

describe('action owners in the chat', () => {
  const h = useBotHarness();

  async function ownedAction(ownerUserId: string, status: 'idee' | 'in_uitvoering' = 'idee') {
    const barrier = await h.repos.barriers.create({ orgId: 'soest', campaignId: 'c-2026-11-30', teamId: 'publiekszaken', theme: 'circulariteit', text: 'Geen vaatwasser op de tweede verdieping' });
    const stored = await h.repos.actions.create(
      {
        orgId: 'soest',
        title: { nl: 'Vaatwasser op elke verdieping', en: 'A dishwasher on every floor' },
        description: { nl: '', en: '' },
        theme: 'circulariteit',
        dimension: 'uitvoering',
        owner: 'Facilitair',
        ownerUserId,
        status,
        barrierIds: [barrier.barrierId],
      },
      'aad-coordinator',
    );
    return stored;
  }
  async function owner(language: 'nl' | 'en' = 'nl') {
    const userId = `aad-owner-${++seq}`;
    const adapter = await joinedAdapter(h, { userId, language });
    return { userId, adapter };
  }
  /** The action's version and timeline length: what a refusal must leave as it was. */
  async function state(actionId: string) {
    const stored = await h.repos.actions.get('soest', actionId);
    return { etag: stored?.etag, status: stored?.action.status, timeline: (await h.repos.actions.timeline(actionId)).length };
  }

  it.each(LANGS)('in %s: the owner card is valid, names the action and its linked barriers, and offers the allowed statuses', async (lang) => {
    const { action, etag } = await ownedAction('aad-someone');
    const card = buildOwnerCard({ action, version: etag, barriers: [{ theme: 'circulariteit', text: 'Geen vaatwasser', recognitions: 0 }], reason: 'new' }, lang);
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(t(T.heading, lang));
    expect(text).toContain(lang === 'nl' ? 'Vaatwasser op elke verdieping' : 'A dishwasher on every floor');
    expect(text).toContain('Geen vaatwasser');
    expect(text).toContain(t(T.introNew, lang));
    expect(JSON.stringify(card.content)).toContain(OWNER_UPDATE_VERB);
  });

  it('"mijn acties" sends the owner card of each action the person owns; someone without actions hears so', async () => {
    const me = await owner();
    await ownedAction(me.userId);
    const replies = await exchange(me.adapter, 'mijn acties');
    expect(replies).toHaveLength(1);
    const cards = (replies[0]?.attachments ?? []).map((a) => a.content as Card);
    expect(cards).toHaveLength(1);
    expect(cardText(cards[0] as Card)).toContain('Vaatwasser op elke verdieping');

    const nobody = await owner('en');
    const answer = await exchange(nobody.adapter, 'my actions');
    expect(cardText((answer[0]?.attachments?.[0]?.content ?? {}) as Card)).toContain(t(T.noActions, 'en'));
  });

  it('the owner card shows per linked barrier how many recognise it, most recognised first, never who', async () => {
    const me = await owner();
    const { action } = await ownedAction(me.userId);
    const second = await h.repos.barriers.create({ orgId: 'soest', campaignId: 'c-2026-11-30', teamId: 'publiekszaken', theme: 'circulariteit', text: 'Geen bakjes voor gft in de kantine' });
    await h.repos.actions.linkBarriers('soest', action.actionId, [second.barrierId], 'aad-coordinator');
    for (const userId of ['aad-rec-1', 'aad-rec-2', 'aad-rec-3']) await h.repos.recognitions.recognise('soest', second.barrierId, userId);

    const replies = await exchange(me.adapter, 'mijn acties');
    const card = (replies[0]?.attachments?.[0]?.content ?? {}) as Card;
    expect(cardProblems(card)).toEqual([]);
    const text = cardText(card);
    expect(text).toContain(t(T.recognisedBy, 'nl', { count: 3 }));
    expect(text).toContain(t(T.recognisedByNobody, 'nl'));
    // Most recognised first: the later barrier, with 3, above the first one, with none.
    expect(text.indexOf('Geen bakjes voor gft')).toBeGreaterThan(-1);
    expect(text.indexOf('Geen bakjes voor gft')).toBeLessThan(text.indexOf('Geen vaatwasser'));
    expect(JSON.stringify(card)).not.toMatch(/aad-rec-/);

    const en = await owner('en');
    await h.repos.actions.update('soest', action.actionId, (await h.repos.actions.get('soest', action.actionId))?.etag ?? '', { ownerUserId: en.userId }, 'aad-coordinator');
    const english = cardText(((await exchange(en.adapter, 'my actions'))[0]?.attachments?.[0]?.content ?? {}) as Card);
    expect(english).toContain(t(T.recognisedBy, 'en', { count: 3 }));
    expect(english).toContain(t(T.recognisedByNobody, 'en'));
  });

  it('"Opslaan" stores the status and the short update on the timeline, and answers with the same card updated', async () => {
    const me = await owner();
    const { action, etag } = await ownedAction(me.userId);
    const card = await execute(me.adapter, OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'gepland', update: 'Offerte aangevraagd' });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(t(T.saved, 'nl'));
    const stored = await h.repos.actions.get('soest', action.actionId);
    expect(stored?.action.status).toBe('gepland');
    const timeline = await h.repos.actions.timeline(action.actionId);
    expect(timeline.map((u) => u.kind)).toEqual(['note', 'status', 'note']);
    expect(timeline[1]).toMatchObject({ author: me.userId, fromStatus: 'idee', toStatus: 'gepland' });
    expect(timeline[2]).toMatchObject({ author: me.userId, text: 'Offerte aangevraagd' });
    // The answered card carries the new version: a second save from it works.
    expect(versionOf(card)).toBe(stored?.etag);
  });

  it('an update without a new status is a note, and moves the action (the reminder clock)', async () => {
    const me = await owner();
    const { action, etag } = await ownedAction(me.userId);
    h.clock.now = new Date('2026-12-03T10:00:00Z');
    await execute(me.adapter, OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'keep', update: 'Leverancier gebeld' });
    const timeline = await h.repos.actions.timeline(action.actionId);
    expect(timeline.map((u) => u.kind)).toEqual(['note', 'note']);
    expect((await h.repos.actions.get('soest', action.actionId))?.action.status).toBe('idee');
  });

  describe('refused clearly, nothing stored', () => {
    it.each(LANGS)('in %s: an unknown status', async (lang, locale) => {
      const me = await owner(lang);
      const { action, etag } = await ownedAction(me.userId);
      const before = await state(action.actionId);
      const card = await execute(h.adapter({ userId: me.userId, locale }), OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'klaar', update: '' });
      expect(cardText(card)).toContain(t(T.unknownStatus, lang));
      expect(await state(action.actionId)).toEqual(before);
    });

    it.each(LANGS)('in %s: an update over the limit', async (lang, locale) => {
      const me = await owner(lang);
      const { action, etag } = await ownedAction(me.userId);
      const before = await state(action.actionId);
      const card = await execute(h.adapter({ userId: me.userId, locale }), OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'gepland', update: 'x'.repeat(OWNER_UPDATE_MAX + 1) });
      expect(cardText(card)).toContain(t(T.tooLong, lang, { max: OWNER_UPDATE_MAX }));
      expect(await state(action.actionId)).toEqual(before);
    });

    it.each(LANGS)('in %s: an action the person does not own, or no longer owns', async (lang, locale) => {
      const me = await owner(lang);
      const { action, etag } = await ownedAction('aad-somebody-else');
      const before = await state(action.actionId);
      const card = await execute(h.adapter({ userId: me.userId, locale }), OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'gepland' });
      expect(cardText(card)).toContain(t(T.notOwner, lang));
      expect(cardText(card)).not.toContain('Vaatwasser');
      expect(await state(action.actionId)).toEqual(before);

      // Owner once, then the coordinator named someone else: the old card stores nothing.
      const mine = await ownedAction(me.userId);
      const moved = await h.repos.actions.update('soest', mine.action.actionId, mine.etag, { ownerUserId: 'aad-successor' }, 'aad-coordinator');
      const beforeMoved = await state(mine.action.actionId);
      const again = await execute(h.adapter({ userId: me.userId, locale }), OWNER_UPDATE_VERB, { actionId: mine.action.actionId, version: moved.etag, status: 'gepland' });
      expect(cardText(again)).toContain(t(T.notOwner, lang));
      expect(await state(mine.action.actionId)).toEqual(beforeMoved);
    });

    it.each(LANGS)('in %s: an old card (the action changed since)', async (lang, locale) => {
      const me = await owner(lang);
      const { action, etag } = await ownedAction(me.userId);
      await h.repos.actions.update('soest', action.actionId, etag, { dueDate: '2027-03-01' }, 'aad-coordinator');
      const before = await state(action.actionId);
      const card = await execute(h.adapter({ userId: me.userId, locale }), OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'gepland', update: 'Gedaan' });
      expect(cardText(card)).toContain(t(T.oldCard, lang));
      expect(await state(action.actionId)).toEqual(before);
      // The answer is the current card: saving from it works.
      expect(versionOf(card)).toBe(before.etag);
    });

    it('a status move the programme does not allow, an empty update, and an action that does not exist', async () => {
      const me = await owner();
      const { action, etag } = await ownedAction(me.userId, 'in_uitvoering');
      const before = await state(action.actionId);
      expect(cardText(await execute(me.adapter, OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'idee' }))).toContain('kan niet');
      expect(cardText(await execute(me.adapter, OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: '', update: '   ' }))).toContain(t(T.nothingToSave, 'nl'));
      expect(await state(action.actionId)).toEqual(before);
      expect(cardText(await execute(me.adapter, OWNER_UPDATE_VERB, { actionId: 'no-such-action', version: 'x', status: 'gepland' }))).toContain(t(T.gone, 'nl'));
      expect(cardText(await execute(me.adapter, OWNER_UPDATE_VERB, { actionId: "' or 1 eq 1", version: 'x', status: 'gepland' }))).toContain(t(T.gone, 'nl'));
    });

    it('in a channel: only in the own chat', async () => {
      const me = await owner();
      const { action, etag } = await ownedAction(me.userId);
      const before = await state(action.actionId);
      const channel = h.adapter({ userId: me.userId, conversationType: 'channel', channelData: { team: { id: '19:team-x@thread.tacv2' } } });
      expect(cardText(await execute(channel, OWNER_UPDATE_VERB, { actionId: action.actionId, version: etag, status: 'gepland' }))).toContain(t(T.personalOnly, 'nl'));
      expect(await state(action.actionId)).toEqual(before);
    });
  });
});
