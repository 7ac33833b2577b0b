import type { Activity } from 'botbuilder';
import { literal, plain } from '@soestainable/bot/cards/texts';
import { useBotHarness } from '../../../helpers/botHarness';
import { exchange, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardProblems, type Card } from '../../../helpers/cards';
import { activeMarkdown, markdownTexts, shownText } from '../../../helpers/markdown';

/**
 * Names a coordinator chooses (a team, a campaign) reach the bot's cards as plain text. TextBlocks and FactSets
 * render a subset of Markdown, so a team called "**[klik](https://evil)**" must show those characters: never bold,
 * never a link, never a list.
 */

const TEAM_NAME = '**[klik](https://evil)** _Publiekszaken_';
const CAMPAIGN_NAME = { nl: '- 1. [Doe mee](http://evil) `nu` ~~nooit~~', en: '+ [Join](http://evil) \\*now\\*' };

describe('literal()', () => {
  it.each([
    TEAM_NAME,
    CAMPAIGN_NAME.nl,
    CAMPAIGN_NAME.en,
    '1. Eerste team',
    '* sterretje',
    'back\\slash and [brackets] (round)',
    'regel één\n- regel twee',
    'www.evil.example and https://evil.example',
  ])('leaves nothing for Markdown to act on, and shows the plain text: %j', (name) => {
    const out = literal(name);
    expect(activeMarkdown(out)).toEqual([]);
    expect(shownText(out)).toBe(plain(name));
  });

  it('leaves ordinary names as they are', () => {
    for (const name of ['Publiekszaken & Burgerzaken', 'Team 1.2 (oost)', 'Buitendienst', 'Soestainable Challenge 2026']) {
      expect(literal(name)).toBe(name);
    }
  });
});

describe.each(LANGS)('cards with a chosen team and campaign name (%s)', (lang, locale) => {
  const h = useBotHarness();
  const userId = `aad-names-${lang}`;

  beforeAll(async () => {
    await h.repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: TEAM_NAME, managerIds: [], demo: false });
    await h.repos.campaigns.save({ ...h.campaign, name: CAMPAIGN_NAME });
  });

  /** Every Markdown-rendered text of the card: nothing active, and the name shown as typed (through plain()). */
  function expectLiteral(card: Card | Partial<Activity>, name: string): void {
    const texts = markdownTexts(card as Card);
    expect(texts.flatMap(activeMarkdown)).toEqual([]);
    expect(texts.map(shownText).join('\n')).toContain(plain(name));
  }

  it.each([
    ['team', TEAM_NAME],
    [lang === 'nl' ? 'voortgang' : 'progress', CAMPAIGN_NAME[lang]],
    [lang === 'nl' ? 'mijn gegevens' : 'my data', TEAM_NAME],
  ])('the answer to "%s" shows the name as typed, nothing in it for Markdown to act on', async (command, name) => {
    const adapter = await joinedAdapter(h, { userId, language: lang }, locale);
    const replies = await exchange(adapter, command);
    const cards = replies.flatMap((r) => (r.attachments ?? []).map((a) => a.content as Card));
    expect(cards.length).toBeGreaterThan(0);
    for (const card of cards) expect(cardProblems(card)).toEqual([]);
    expectLiteral({ body: cards }, name);
  });

  it('the welcome back after a reinstall shows the team name as typed', async () => {
    const adapter = await joinedAdapter(h, { userId, language: lang }, locale);
    const [reply] = await exchange(adapter, { type: 'installationUpdate', action: 'add' });
    expectLiteral(reply?.attachments?.[0]?.content as Card, TEAM_NAME);
  });

  it('the check-in card before the campaign starts shows the campaign name as typed', async () => {
    h.clock.now = new Date('2026-11-20T08:00:00Z');
    const adapter = await joinedAdapter(h, { userId, language: lang }, locale);
    expectLiteral(await replyCard(adapter, lang === 'nl' ? 'inchecken' : 'check in'), CAMPAIGN_NAME[lang]);
  });
});
