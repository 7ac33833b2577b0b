import { buildPulseCard } from '@soestainable/bot/features/followUp/cards';
import { FOLLOW_UP_VERBS } from '@soestainable/bot/features/followUp/verbs';
import { eraseStoredData } from '@soestainable/bot/services/personalData/erasure';
import { exportDocument } from '@soestainable/bot/services/personalData/exportDocument';
import { readStoredData } from '@soestainable/bot/services/personalData/storedData';
import { CATALOGUE, KEEP_PHRASES } from '@soestainable/shared/catalogue';
import { campaignWaves } from '@soestainable/shared/domain/followUp';
import { useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, replyCard } from '../../../helpers/botTurns';
import { cardProblems, cardText } from '../../../helpers/cards';

/*
 * The follow-up pulse card (terugblik, issue 15) through the real dispatcher and repositories. seedOrg's campaign
 * runs Mon 30 Nov – Fri 11 Dec 2026: wave 1 (+2 weeks = Christmas Day) goes out Monday 28 December and its answers
 * count up to Thursday 21 January; wave 2 goes out Friday 22 January 2027.
 */

const CAMPAIGN = 'c-2026-11-30';
const WAVE_1 = new Date('2026-12-28T08:30:00Z');
const [A, B, C] = CATALOGUE as unknown as [(typeof CATALOGUE)[number], (typeof CATALOGUE)[number], (typeof CATALOGUE)[number]];

/** A complete answer to wave 1 of a pledge [A, B]; `over` changes or removes (undefined) fields. */
function pulseData(over: Record<string, unknown> = {}): Record<string, unknown> {
  const all: Record<string, unknown> = { campaignId: CAMPAIGN, wave: '1', kept0: 'ja', kept1: 'nee', holdsBack0: '', holdsBack1: 'Geen stalling bij de ingang', contact: 'false', ...over };
  return Object.fromEntries(Object.entries(all).filter(([, v]) => v !== undefined));
}

let seq = 0;

describe('the follow-up pulse card', () => {
  const h = useBotHarness({ start: WAVE_1 });

  async function pledger(language: 'nl' | 'en' = 'nl', challengeIds: readonly string[] = [A.id, B.id]) {
    seq += 1;
    const userId = `aad-followup-${seq}`;
    const adapter = await joinedAdapter(h, { userId, language });
    await h.repos.pledges.save({ userId, campaignId: CAMPAIGN, challengeIds, createdAt: '2026-12-11T10:00:00.000Z', updatedAt: '2026-12-11T10:00:00.000Z' });
    return { userId, adapter };
  }
  const answersOf = (userId: string, wave = 1) => h.repos.followUpAnswers.get(userId, CAMPAIGN, wave);
  const barrierCount = async () => (await h.repos.barriers.list('soest')).length;
  const barriersWith = async (text: string) => (await h.repos.barriers.list('soest')).filter((b) => b.text === text);

  it.each(['nl', 'en'] as const)('in %s: per pledge "Doe je dit nog?" (ja / soms / nee) and "Wat houdt je tegen?", valid and stable', async (lang) => {
    const campaign = h.campaign;
    const wave = campaignWaves(campaign)[0];
    if (!wave) throw new Error('the seeded campaign has waves');
    const items = [A, B].map((c) => ({ challengeId: c.id, phrase: KEEP_PHRASES[c.id] ?? c.title, theme: c.theme }));
    const card = buildPulseCard({ lang, campaign, wave, items });
    expect(cardProblems(card)).toEqual([]);
    expect(cardText(card)).toContain(lang === 'nl' ? 'Doe je dit nog?' : 'Are you still doing this?');
    expect(cardText(card)).toContain(KEEP_PHRASES[A.id]?.[lang]);
    expect(card).toMatchSnapshot();
  });

  it('stores the answers, files a "nee" with a text as an anonymous barrier with the theme of the pledge, and replaces the card by a summary', async () => {
    const { userId, adapter } = await pledger();
    const card = await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData());
    expect(cardText(card)).toContain('Terugblik opgeslagen');
    expect(cardText(card)).toContain('anoniem doorgegeven');
    expect(await answersOf(userId)).toMatchObject({ wave: 1, answers: [{ challengeId: A.id, kept: 'ja' }, { challengeId: B.id, kept: 'nee', holdsBack: 'Geen stalling bij de ingang' }] });
    const [barrier, ...more] = await barriersWith('Geen stalling bij de ingang');
    expect(more).toEqual([]);
    expect(barrier).toMatchObject({ campaignId: CAMPAIGN, theme: B.theme, status: 'nieuw' });
    expect(barrier?.contactUserId).toBeUndefined();
    expect(cardText(card)).toContain(barrier?.reference);
  });

  it('a "soms" with a text and contact ticked files a barrier with contact; "ja" with a text and "nee" without one file none', async () => {
    const { userId, adapter } = await pledger('en', [A.id, B.id, C.id]);
    const card = await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData({ kept0: 'ja', holdsBack0: 'Ja-tekst', kept1: 'nee', holdsBack1: '', kept2: 'soms', holdsBack2: 'Soms-tekst', contact: 'true' }));
    expect(cardText(card)).toContain('Follow-up saved');
    expect(cardText(card)).toContain('who may contact you');
    expect(await barriersWith('Ja-tekst')).toEqual([]);
    expect(await barriersWith('Soms-tekst')).toEqual([expect.objectContaining({ theme: C.theme, contactUserId: userId })]);
    expect((await answersOf(userId))?.answers.map((a) => a.kept)).toEqual(['ja', 'nee', 'soms']);
  });

  it('a late answer counts until the next wave goes out; a second answer to the same wave changes nothing', async () => {
    const { userId, adapter } = await pledger();
    h.clock.now = new Date('2027-01-21T15:00:00Z');
    expect(cardText(await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData({ holdsBack1: 'Laat maar goed' })))).toContain('Terugblik opgeslagen');
    const again = await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData({ kept0: 'nee', holdsBack1: 'Tweede keer' }));
    expect(cardText(again)).toContain('Al ingevuld');
    expect((await answersOf(userId))?.answers[0]?.kept).toBe('ja');
    expect(await barriersWith('Tweede keer')).toEqual([]);
    expect(await barriersWith('Laat maar goed')).toHaveLength(1);
  });

  describe("bad input: a clear answer in the user's language, nothing stored", () => {
    it.each([
      ['nl', 'before wave 1', new Date('2026-12-27T12:00:00Z'), {}, 'Deze kaart is verlopen'],
      ['nl', 'wave 1 once wave 2 went out', new Date('2027-01-22T09:00:00Z'), {}, 'Deze kaart is verlopen'],
      ['en', 'wave 1 once wave 2 went out', new Date('2027-01-22T09:00:00Z'), {}, 'This card has expired'],
      ['nl', 'a wave that is not open', WAVE_1, { wave: '2' }, 'Deze kaart is verlopen'],
      ['nl', 'another campaign', WAVE_1, { campaignId: 'c-another' }, 'Deze kaart is verlopen'],
      ['en', 'no campaign', WAVE_1, { campaignId: undefined }, 'This card has expired'],
      ['nl', 'an unknown field', WAVE_1, { extra: 'x' }, 'Deze kaart klopt niet'],
      ['en', 'an unknown answer', WAVE_1, { kept0: 'misschien' }, "This card isn't valid"],
      ['nl', 'an answer to a pledge the card did not ask', WAVE_1, { kept2: 'ja' }, 'Deze kaart klopt niet'],
      ['nl', 'a missing answer', WAVE_1, { kept1: undefined }, 'Beantwoord "Doe je dit nog?" bij elk voornemen'],
      ['en', 'an empty answer', WAVE_1, { kept0: '' }, 'Please answer "Are you still doing this?" for every pledge'],
      ['nl', 'a text over 500 characters', WAVE_1, { holdsBack1: 'x'.repeat(501) }, 'hoogstens 500 tekens'],
      ['en', 'a text over 500 characters', WAVE_1, { holdsBack0: 'y'.repeat(501) }, 'at most 500 characters'],
    ] as const)('in %s, %s', async (lang, _what, when, over, expected) => {
      const { userId, adapter } = await pledger(lang);
      h.clock.now = when;
      const barriers = await barrierCount();
      const card = await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData(over));
      expect(cardText(card)).toContain(expected);
      expect(cardProblems(card)).toEqual([]);
      expect(await h.repos.followUpAnswers.listAll(userId)).toEqual([]);
      expect(await barrierCount()).toBe(barriers);
    });

    it('a refused card is shown again with what was chosen and written', async () => {
      const { adapter } = await pledger();
      const card = await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData({ kept0: undefined, holdsBack1: 'Bewaard' }));
      expect(JSON.stringify(card)).toContain('Bewaard');
      expect(JSON.stringify(card)).toContain(FOLLOW_UP_VERBS.submit);
    });

    it('without a pledge for the campaign, after leaving, or after the data was deleted', async () => {
      const barriers = await barrierCount();
      seq += 1;
      const stranger = `aad-followup-${seq}`;
      const strangerAdapter = await joinedAdapter(h, { userId: stranger });
      expect(cardText(await execute(strangerAdapter, FOLLOW_UP_VERBS.submit, pulseData()))).toContain('Deze kaart is verlopen');
      const left = await pledger();
      await h.repos.participants.update(left.userId, (p) => ({ ...p, status: 'left' }));
      expect(cardText(await execute(left.adapter, FOLLOW_UP_VERBS.submit, pulseData()))).toContain('Doe mee');
      const gone = await pledger();
      await eraseStoredData(h.repos, 'soest', gone.userId);
      expect(cardText(await execute(gone.adapter, FOLLOW_UP_VERBS.submit, pulseData()))).toContain('Doe mee');
      for (const id of [stranger, left.userId, gone.userId]) expect(await h.repos.followUpAnswers.listAll(id)).toEqual([]);
      expect(await barrierCount()).toBe(barriers);
    });
  });

  describe('privacy: "mijn gegevens" and erasure', () => {
    it('a pulse answered while an erasure is under way is refused and swept', async () => {
      const { userId } = await pledger();
      const barriers = await barrierCount();
      await h.repos.participants.markErasing(userId);
      const adapter = h.adapter({ userId });
      await adapter.send({ type: 'invoke', name: 'adaptiveCard/action', value: { action: { type: 'Action.Execute', verb: FOLLOW_UP_VERBS.submit, data: pulseData() } } });
      adapter.activeQueue.splice(0);
      expect(await h.repos.followUpAnswers.listAll(userId)).toEqual([]);
      expect(await barrierCount()).toBe(barriers);
    });

    it('the export and the summary hold the follow-up answers; erasure removes them', async () => {
      const { userId, adapter } = await pledger();
      await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData({ holdsBack1: 'Privacy-tekst' }));
      const doc = exportDocument(await readStoredData(h.repos, 'soest', userId), WAVE_1);
      expect(doc['followUpAnswers']).toEqual([expect.objectContaining({ campaignId: CAMPAIGN, wave: 1, answers: expect.any(Array) })]);
      expect(cardText(await replyCard(adapter, 'mijn gegevens'))).toContain('Terugblik 1, Soestainable Challenge');
      const counts = await eraseStoredData(h.repos, 'soest', userId);
      expect(counts).toMatchObject({ profile: true, pledges: 1, followUps: 1 });
      expect(await h.repos.followUpAnswers.listAll(userId)).toEqual([]);
      // The barrier stays, anonymous: it was never linked to the person.
      expect(await barriersWith('Privacy-tekst')).toEqual([expect.not.objectContaining({ contactUserId: expect.anything() })]);
    });
  });
});

describe('the follow-up pulse card and the daily report allowance', () => {
  const h = useBotHarness({ start: WAVE_1, env: { REPORTS_PER_DAY: '1' } });

  it('more barriers than the day allows: the card again with the limit, nothing stored; within it, stored', async () => {
    const userId = 'aad-followup-limit';
    const adapter = await joinedAdapter(h, { userId, language: 'nl' });
    await h.repos.pledges.save({ userId, campaignId: CAMPAIGN, challengeIds: [A.id, B.id], createdAt: '2026-12-11T10:00:00.000Z', updatedAt: '2026-12-11T10:00:00.000Z' });
    const two = pulseData({ kept0: 'nee', holdsBack0: 'Eerste', kept1: 'soms', holdsBack1: 'Tweede' });
    const card = await execute(adapter, FOLLOW_UP_VERBS.submit, two);
    expect(cardText(card)).toContain('al het maximum aan prikkels en ideeën gestuurd (1)');
    expect(await h.repos.followUpAnswers.listAll(userId)).toEqual([]);
    expect(await h.repos.barriers.list('soest')).toEqual([]);
    const one = await execute(adapter, FOLLOW_UP_VERBS.submit, pulseData({ kept0: 'nee', holdsBack0: 'Eerste', kept1: 'ja', holdsBack1: '' }));
    expect(cardText(one)).toContain('Terugblik opgeslagen');
    expect((await h.repos.barriers.list('soest')).map((b) => b.text)).toEqual(['Eerste']);
  });
});
