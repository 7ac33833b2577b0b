import { LASTING_VERBS } from '@soestainable/bot/features/lasting/verbs';
import { eraseStoredData } from '@soestainable/bot/services/personalData/erasure';
import { exportDocument } from '@soestainable/bot/services/personalData/exportDocument';
import { readStoredData } from '@soestainable/bot/services/personalData/storedData';
import { CATALOGUE, KEEP_PHRASES } from '@soestainable/shared/catalogue';
import { useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { cardProblems, cardText, input, type Card } from '../../../helpers/cards';
import { participant } from '../../../helpers/orgFixture';

/*
 * The end survey (eindmeting) and pledges (voornemens) of issue 15, through the real dispatcher and repositories.
 * seedOrg's campaign runs Mon 30 Nov – Fri 11 Dec 2026; its first follow-up wave (+2 weeks = Christmas Day) moves
 * to Monday 28 December, so the end survey is open from 11 up to and including 27 December.
 */

const CAMPAIGN = 'c-2026-11-30';
const LAST_DAY = new Date('2026-12-11T12:00:00Z');
const DAY_3 = new Date('2026-12-02T08:00:00Z');
const FIRST_WAVE = new Date('2026-12-28T08:00:00Z');
const [A, B, C, D] = CATALOGUE.map((c) => c.id) as [string, string, string, string];

/** A complete end survey submit; `over` changes or removes (undefined) fields. */
function endData(over: Record<string, unknown> = {}): Record<string, unknown> {
  const all: Record<string, unknown> = {
    campaignId: CAMPAIGN,
    commuteMode: 'fiets',
    distanceBand: '5-10',
    packaging: 'sometimes',
    screensOff: 'true',
    lightsOff: 'false',
    pledges: `${A},${B}`,
    help: 'Een kraan met koud water bij de lift',
    ...over,
  };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

let seq = 0;

describe('end survey and pledges', () => {
  const h = useBotHarness({ start: LAST_DAY });

  async function member(language: 'nl' | 'en' = 'nl') {
    seq += 1;
    const userId = `aad-lasting-${seq}`;
    return { userId, adapter: await joinedAdapter(h, { userId, language }) };
  }
  const stored = async (userId: string) => ({
    survey: await h.repos.surveys.get(userId, CAMPAIGN, 'end'),
    pledge: await h.repos.pledges.get(userId, CAMPAIGN),
  });

  it.each([
    ['nl', 'eindmeting', 'Eindmeting', KEEP_PHRASES[A]?.nl],
    ['en', 'end survey', 'End survey', KEEP_PHRASES[A]?.en],
  ] as const)('in %s, "%s" on the last day opens the end card: the baseline questions, then 1–3 habits', async (lang, command, title, phrase) => {
    const { adapter } = await member(lang);
    const card = await replyCard(adapter, command);
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(title);
    for (const id of ['commuteMode', 'distanceBand', 'packaging', 'screensOff', 'lightsOff', 'help']) expect(input(card, id)).toBeDefined();
    const pledges = input(card, 'pledges');
    expect(pledges['isMultiSelect']).toBe(true);
    expect((pledges['choices'] as Card[]).map((c) => c['value'])).toEqual(CATALOGUE.map((c) => c.id));
    expect((pledges['choices'] as Card[])[0]?.['title']).toBe(phrase);
    expect(card).toMatchSnapshot();
  });

  it.each([
    ['nl', 'eindmeting', DAY_3, 'Geen eindmeting nu'],
    ['en', 'end survey', DAY_3, 'No end survey now'],
    ['nl', 'eindmeting', FIRST_WAVE, 'Geen eindmeting nu'],
  ] as const)('in %s, "%s" outside the window answers clearly (%s)', async (lang, command, when, expected) => {
    const { adapter } = await member(lang);
    h.clock.now = when;
    expect(cardText(await replyCard(adapter, command))).toContain(expected);
  });

  it('stores the end survey and the pledges, replaces the card by a summary, and may be corrected until the first wave', async () => {
    const { userId, adapter } = await member();
    const saved = await execute(adapter, LASTING_VERBS.submitEnd, endData());
    expect(cardText(saved)).toContain('Eindmeting opgeslagen');
    expect(cardText(saved)).toContain(KEEP_PHRASES[B]?.nl);
    const first = await stored(userId);
    expect(first.survey).toMatchObject({ kind: 'end', commuteMode: 'fiets', distanceBand: '5-10', disposablePackaging: 'sometimes', screensOffAtNight: true, lightsOffWhenLeaving: false });
    expect(first.pledge).toMatchObject({ challengeIds: [A, B], help: 'Een kraan met koud water bij de lift' });

    // The command now shows the stored answers.
    const again = await replyCard(adapter, 'eindmeting');
    expect(input(again, 'pledges')['value']).toBe(`${A},${B}`);
    expect(input(again, 'commuteMode')['value']).toBe('fiets');

    h.clock.now = new Date('2026-12-27T12:00:00Z');
    await execute(adapter, LASTING_VERBS.submitEnd, endData({ pledges: C, help: '' }));
    expect((await stored(userId)).pledge).toMatchObject({ challengeIds: [C], createdAt: first.pledge?.createdAt });
    expect((await stored(userId)).pledge?.help).toBeUndefined();

    h.clock.now = FIRST_WAVE;
    const late = await execute(adapter, LASTING_VERBS.submitEnd, endData({ pledges: D }));
    expect(cardText(late)).toContain('Deze kaart is verlopen');
    expect((await stored(userId)).pledge?.challengeIds).toEqual([C]);
  });

  describe('bad input: a clear answer in the user\'s language, nothing stored', () => {
    it.each([
      ['nl', { campaignId: 'c-another' }, 'Deze kaart is verlopen'],
      ['en', { campaignId: 'c-another' }, 'This card has expired'],
      ['nl', { campaignId: undefined }, 'Deze kaart is verlopen'],
      ['nl', { extra: 'x' }, 'Deze kaart klopt niet'],
      ['en', { commuteMode: 'raket' }, "This card isn't valid"],
      ['nl', { packaging: undefined }, 'Beantwoord alle vragen'],
      ['nl', { pledges: undefined }, 'Kies minstens 1 gewoonte'],
      ['nl', { pledges: `${A},${B},${C},${D}` }, 'Kies hoogstens 3 gewoontes'],
      ['en', { pledges: [A, B, C, D] }, 'Choose at most 3 habits'],
      ['nl', { pledges: `${A},${A}` }, 'Kies alleen gewoontes uit de lijst'],
      ['nl', { pledges: 'dag99-onbekend' }, 'Kies alleen gewoontes uit de lijst'],
      ['nl', { help: 'x'.repeat(501) }, 'hoogstens 500 tekens'],
      ['en', { help: 'x'.repeat(501), pledges: '' }, 'Choose at least 1 habit. Write at most 500 characters'],
    ] as const)('in %s, %j', async (lang, over, expected) => {
      const { userId, adapter } = await member(lang);
      const card = await execute(adapter, LASTING_VERBS.submitEnd, endData(over));
      expect(cardText(card)).toContain(expected);
      expect(cardProblems(card)).toEqual([]);
      expect(await stored(userId)).toEqual({ survey: undefined, pledge: undefined });
    });

    it('a card submitted after leaving, or after the data was deleted, stores nothing', async () => {
      const { userId, adapter } = await member();
      await h.repos.participants.update(userId, (p) => ({ ...p, status: 'left' }));
      expect(cardText(await execute(adapter, LASTING_VERBS.submitEnd, endData()))).toContain('Doe mee');
      const gone = await member();
      await eraseStoredData(h.repos, 'soest', gone.userId);
      expect(cardText(await execute(gone.adapter, LASTING_VERBS.submitEnd, endData()))).toContain('Doe mee');
      expect(cardText(await execute(gone.adapter, LASTING_VERBS.submitPledges, { campaignId: CAMPAIGN, pledges: A }))).toContain('Doe mee');
      for (const id of [userId, gone.userId]) expect(await stored(id)).toEqual({ survey: undefined, pledge: undefined });
    });
  });

  describe('"voornemens" / "pledges"', () => {
    it.each([
      ['nl', 'voornemens', 'Nog geen voornemens'],
      ['en', 'pledges', 'No pledges yet'],
    ] as const)('in %s without pledges: says where they come from, with a button to the end survey', async (lang, command, expected) => {
      const { adapter } = await member(lang);
      const card = await replyCard(adapter, command);
      expect(cardText(card)).toContain(expected);
      expect(JSON.stringify(card)).toContain(LASTING_VERBS.openEnd);
    });

    it('shows the pledges and changes them (1–3), refusing more than 3, another campaign and a long text', async () => {
      const { userId, adapter } = await member('en');
      await execute(adapter, LASTING_VERBS.submitEnd, endData());
      const card = await replyCard(adapter, 'pledges');
      expect(cardText(card)).toContain('Pledges');
      expect(input(card, 'pledges')['value']).toBe(`${A},${B}`);
      expect(cardProblems(card)).toEqual([]);

      const changed = await execute(adapter, LASTING_VERBS.submitPledges, { campaignId: CAMPAIGN, pledges: `${C},${D}`, help: '' });
      expect(cardText(changed)).toContain('Pledges saved');
      expect((await h.repos.pledges.get(userId, CAMPAIGN))?.challengeIds).toEqual([C, D]);

      expect(cardText(await execute(adapter, LASTING_VERBS.submitPledges, { campaignId: CAMPAIGN, pledges: `${A},${B},${C},${D}` }))).toContain('Choose at most 3 habits');
      expect(cardText(await execute(adapter, LASTING_VERBS.submitPledges, { campaignId: CAMPAIGN, pledges: A, help: 'y'.repeat(501) }))).toContain('at most 500 characters');
      expect(cardText(await execute(adapter, LASTING_VERBS.submitPledges, { campaignId: 'c-other', pledges: A }))).toContain('This card has expired');
      expect(cardText(await execute(adapter, LASTING_VERBS.submitPledges, { campaignId: CAMPAIGN, pledges: A, surprise: true }))).toContain("This card isn't valid");
      expect((await h.repos.pledges.get(userId, CAMPAIGN))?.challengeIds).toEqual([C, D]);
    });

    it('works after the end survey closed (pledges are kept and changeable)', async () => {
      const { userId, adapter } = await member();
      await execute(adapter, LASTING_VERBS.submitEnd, endData());
      h.clock.now = new Date('2027-02-01T09:00:00Z');
      await execute(adapter, LASTING_VERBS.submitPledges, { campaignId: CAMPAIGN, pledges: C });
      expect((await h.repos.pledges.get(userId, CAMPAIGN))?.challengeIds).toEqual([C]);
    });
  });

  describe('privacy: "mijn gegevens" and erasure', () => {
    it('the export holds the end survey and the pledges; the summary lists them; erasure removes them', async () => {
      const { userId, adapter } = await member();
      await execute(adapter, LASTING_VERBS.submitEnd, endData());
      const data = await readStoredData(h.repos, 'soest', userId);
      const doc = exportDocument(data, LAST_DAY);
      expect(doc['pledges']).toEqual([expect.objectContaining({ campaignId: CAMPAIGN, challengeIds: [A, B], help: 'Een kraan met koud water bij de lift' })]);
      expect(doc['surveys']).toEqual([expect.objectContaining({ kind: 'end', campaignId: CAMPAIGN })]);
      expect(cardText(await replyCard(adapter, 'mijn gegevens'))).toContain('Voornemens, Soestainable Challenge');

      const counts = await eraseStoredData(h.repos, 'soest', userId);
      expect(counts).toMatchObject({ profile: true, surveys: 1, pledges: 1 });
      expect(await h.repos.pledges.listAll(userId)).toEqual([]);
      expect(await h.repos.surveys.listAll(userId)).toEqual([]);
    });

    it('a pledge written while an erasure is under way is refused and swept', async () => {
      seq += 1;
      const userId = `aad-lasting-${seq}`;
      await h.repos.participants.save(participant({ userId }));
      await h.repos.participants.markErasing(userId);
      const adapter = h.adapter({ userId });
      await adapter.send({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: LASTING_VERBS.submitEnd, data: endData() } } });
      adapter.activeQueue.splice(0);
      expect(await h.repos.pledges.listAll(userId)).toEqual([]);
    });
  });
});
