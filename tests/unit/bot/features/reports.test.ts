import { TestAdapter, type Activity } from 'botbuilder';
import { loadConfig } from '../../../../bot/src/config';
import { createBot } from '../../../../bot/src/features';
import { expandCard } from '../../../../bot/src/features/core/cards';
import { plain } from '../../../../bot/src/features/core/texts';
import { ENROL_VERBS } from '../../../../bot/src/features/enrol/verbs';
import joinFirstTemplate from '../../../../bot/src/features/reports/joinFirst.card.json';
import reportTemplate from '../../../../bot/src/features/reports/report.card.json';
import {
  checkSubmission,
  joinFirstCardData,
  reportCardData,
  thanksCardData,
  type ReportKind,
} from '../../../../bot/src/features/reports/reports';
import { reportsTexts } from '../../../../bot/src/features/reports/texts';
import { guessTheme } from '../../../../bot/src/features/reports/theme';
import thanksTemplate from '../../../../bot/src/features/reports/thanks.card.json';
import { REPORTS_VERBS } from '../../../../bot/src/features/reports/verbs';
import { createLogger } from '../../../../bot/src/platform/logger';
import { createRepositories } from '../../../../bot/src/storage/repositories';
import type { Language } from '../../../../shared/src/domain/types';
import { cardOf, createBotHarness, executeActivity, invokeCard, submitActivity, TENANT_ID, type BotHarness } from '../../../helpers/botHarness';
import { cardProblems, cardTexts } from '../../../helpers/cards';
import { participant, seedOrg } from '../../../helpers/orgFixture';
import { createTestTables, rawRows } from '../../../helpers/storage';

type Card = Record<string, unknown>;

const LANGS = [
  ['nl', 'nl-NL'],
  ['en', 'en-US'],
] as const satisfies ReadonlyArray<readonly [Language, string]>;

const INJECTION = '[klik](http://evil) **vet** <at>x</at> ${verb} {count}';

/**
 * The reporter's text is on the card only as a TextRun (a plain-text run: Teams renders no Markdown there), and
 * even that cannot form a link; no Markdown-rendering element (TextBlock, fact) carries it.
 */
function expectOnlyAsTextRun(card: unknown): void {
  const all = elements(card);
  const runs = all.filter((e) => e['type'] === 'TextRun').map((e) => String(e['text']));
  expect(runs).toContain(plain(INJECTION));
  expect(plain(INJECTION)).not.toMatch(/\]\(|:\/\//);
  const rendered = cardTexts(card as Record<string, unknown>).filter((t) => !runs.includes(t));
  expect(rendered.some((t) => t.includes('[klik]') || t.includes('**vet**') || t.includes('<at>'))).toBe(false);
}

/** Every element of a card (body, nested containers, actions), depth first. */
function elements(card: unknown): Card[] {
  const out: Card[] = [];
  const walk = (node: unknown): void => {
    if (Array.isArray(node)) node.forEach(walk);
    else if (typeof node === 'object' && node !== null) {
      const n = node as Card;
      if (typeof n['type'] === 'string') out.push(n);
      Object.values(n).forEach(walk);
    }
  };
  walk(card);
  return out;
}

function input(card: Card, id: string): Card {
  const found = elements(card).find((e) => e['id'] === id);
  if (!found) throw new Error(`no input ${id}`);
  return found;
}

function executeActions(card: Card): Card[] {
  return elements(card).filter((e) => e['type'] === 'Action.Execute');
}

/** The bot's single reply to `activity`. */
async function replyTo(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Partial<Activity>> {
  let reply: Partial<Activity> | undefined;
  await adapter.send(activity).assertReply((a) => {
    reply = a;
  });
  if (!reply) throw new Error('no reply');
  return reply;
}

async function commandCard(adapter: TestAdapter, text: string): Promise<Card> {
  return cardOf(await replyTo(adapter, text)).content as Card;
}

async function execute(adapter: TestAdapter, verb: string, data: Record<string, unknown>): Promise<Card> {
  return invokeCard(await replyTo(adapter, executeActivity(verb, data)));
}

const T = reportsTexts;

describe('reports: card templates', () => {
  it.each(LANGS)('expand to valid, small cards (%s)', (lang) => {
    const cards = {
      barrier: expandCard(reportTemplate, reportCardData('barrier', lang, { text: 'de kantine heeft alleen plastic bekers', theme: 'circulariteit', contact: false })),
      ideaWithError: expandCard(
        reportTemplate,
        reportCardData('idea', lang, { text: '', theme: 'energietransitie', contact: true }, T.errorEmpty[lang]),
      ),
      thanksAnonymous: expandCard(
        thanksTemplate,
        thanksCardData('barrier', lang, { reference: 'P-7K3F', theme: 'circulariteit', text: INJECTION, contact: false }),
      ),
      thanksContact: expandCard(thanksTemplate, thanksCardData('idea', lang, { reference: 'I-2QX9', theme: 'mvoi', text: 'minder verpakking', contact: true })),
      joinFirst: expandCard(joinFirstTemplate, joinFirstCardData(lang)),
    };
    for (const card of Object.values(cards)) expect(cardProblems(card)).toEqual([]);
    expect(cards).toMatchSnapshot();
  });

  it('gives every input a label and the toggle a title, and every Execute a Submit fallback with the verb', () => {
    const card = expandCard(reportTemplate, reportCardData('barrier', 'nl', { text: '', theme: 'mvoi', contact: false }));
    for (const e of elements(card).filter((x) => String(x['type']).startsWith('Input.'))) expect(e['label']).toEqual(expect.any(String));
    expect(input(card, 'contact')['title']).toBe(T.barrierContactTitle.nl);
    expect(input(card, 'contact')['value']).toBe('false');
    expect(input(card, 'theme')['style']).toBe('expanded');
    const [send] = executeActions(card);
    expect(send?.['verb']).toBe(REPORTS_VERBS.barrierSubmit);
    expect(send?.['fallback']).toEqual({ type: 'Action.Submit', title: 'Verstuur', data: { verb: REPORTS_VERBS.barrierSubmit } });
  });

  it('keeps the raw text in the input but shows it only through plain() on the thank-you card', () => {
    const form = expandCard(reportTemplate, reportCardData('barrier', 'nl', { text: INJECTION, theme: 'mvoi', contact: false }));
    expect(input(form, 'text')['value']).toBe(INJECTION);
    const thanks = expandCard(thanksTemplate, thanksCardData('barrier', 'nl', { reference: 'P-AAAA', theme: 'mvoi', text: INJECTION, contact: false }));
    expectOnlyAsTextRun(thanks);
  });
});

describe('reports: texts', () => {
  it('has every text in Dutch and English, none empty', () => {
    for (const text of Object.values(reportsTexts)) expect([text.nl.trim() !== '', text.en.trim() !== '']).toEqual([true, true]);
  });
});

describe('reports: theme guess', () => {
  it.each([
    ['de kantine heeft alleen bekers van plastic', 'circulariteit'],
    ['the canteen only has plastic cups', 'circulariteit'],
    ['de lampen op de gang blijven de hele nacht aan', 'energietransitie'],
    ['er is geen fietsenstalling bij het gemeentehuis', 'energietransitie'],
    ['onze leverancier stuurt alles in dozen; zet het in het contract', 'mvoi'],
    ['', 'circulariteit'],
    ['iets heel anders', 'circulariteit'],
  ] as const)('"%s" → %s', (text, theme) => {
    expect(guessTheme(text)).toBe(theme);
  });
});

describe('reports: checkSubmission', () => {
  const ok = { verb: REPORTS_VERBS.barrierSubmit, text: '  geen fietsenstalling  ', theme: 'energietransitie', contact: 'false' };

  it('accepts the card fields, trims the text and reads the toggle', () => {
    expect(checkSubmission(ok)).toEqual({ ok: true, value: { text: 'geen fietsenstalling', theme: 'energietransitie', contact: false } });
    expect(checkSubmission({ ...ok, contact: 'true' })).toMatchObject({ ok: true, value: { contact: true } });
    expect(checkSubmission({ ...ok, contact: true })).toMatchObject({ ok: true, value: { contact: true } });
  });

  it('counts characters as people do: 500 emoji are 500 characters', () => {
    expect(checkSubmission({ ...ok, text: '🚲'.repeat(500) }).ok).toBe(true);
    expect(checkSubmission({ ...ok, text: '🚲'.repeat(501) })).toMatchObject({ ok: false, error: T.errorTooLong, vars: { count: 501, max: 500 } });
  });

  it.each([
    ['empty text', { ...ok, text: '   ' }, T.errorEmpty],
    ['missing text', { verb: ok.verb, theme: ok.theme, contact: ok.contact }, T.errorEmpty],
    ['501 characters', { ...ok, text: 'x'.repeat(501) }, T.errorTooLong],
    ['unknown theme', { ...ok, theme: 'klimaat' }, T.errorTheme],
    ['missing theme', { verb: ok.verb, text: ok.text, contact: ok.contact }, T.errorTheme],
    ['an extra field', { ...ok, contactUserId: 'someone-else' }, T.errorFields],
    ['missing toggle', { verb: ok.verb, text: ok.text, theme: ok.theme }, T.errorFields],
    ['a toggle that is not a boolean', { ...ok, contact: 'yes' }, T.errorFields],
    ['text that is not a string', { ...ok, text: 42 }, T.errorFields],
  ] as const)('refuses %s', (_name, data, error) => {
    expect(checkSubmission(data)).toMatchObject({ ok: false, error });
  });
});

describe.each(LANGS)('reports through the bot (%s)', (lang, locale) => {
  let harness: BotHarness;
  let campaignId: string;
  const userId = `aad-reporter-${lang}`;
  const adapter = () => harness.adapter({ userId, locale });
  const barriers = () => harness.repos.barriers.list('soest');
  const ideas = () => harness.repos.ideas.list('soest');
  const submitData = (over: Record<string, unknown> = {}) => ({ text: 'de kantine heeft alleen bekers van plastic', theme: 'circulariteit', contact: 'false', ...over });

  beforeAll(async () => {
    harness = await createBotHarness();
    ({
      campaign: { campaignId },
    } = await seedOrg(harness.repos));
    await harness.repos.participants.save(participant({ userId, language: lang }));
  });
  afterAll(async () => {
    await harness.drop();
  });

  it('"prikkel: …" shows the card pre-filled, with a guessed theme and contact off', async () => {
    const text = lang === 'nl' ? 'prikkel: de kantine heeft alleen bekers van plastic' : 'barrier: the canteen only has plastic cups';
    const card = await commandCard(adapter(), text);
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'text')['value']).toBe(text.slice(text.indexOf(':') + 1).trim());
    expect(input(card, 'theme')['value']).toBe('circulariteit');
    expect(input(card, 'contact')['value']).toBe('false');
    expect(cardTexts(card)).toContain(T.barrierTitle[lang]);
    expect(executeActions(card)[0]?.['verb']).toBe(REPORTS_VERBS.barrierSubmit);
  });

  it('"idee" without text shows the same card, empty', async () => {
    const card = await commandCard(adapter(), lang === 'nl' ? 'idee' : 'idea');
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'text')['value']).toBe('');
    expect(cardTexts(card)).toContain(T.ideaTitle[lang]);
    expect(executeActions(card)[0]?.['verb']).toBe(REPORTS_VERBS.ideaSubmit);
  });

  it('a command text over 500 characters shows the card with an error line and the text kept', async () => {
    const long = 'a'.repeat(501);
    const card = await commandCard(adapter(), `prikkel: ${long}`);
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'text')['value']).toBe(long);
    expect(cardTexts(card)).toContain(T.errorTooLong[lang].replace('{count}', '501').replace('{max}', '500'));
  });

  it('stores an anonymous barrier: the raw card action gives a thank-you card with the reference, and no user id in the row', async () => {
    const before = (await barriers()).length;
    const card = await execute(adapter(), REPORTS_VERBS.barrierSubmit, submitData());
    expect(cardProblems(card)).toEqual([]);
    const all = await barriers();
    expect(all).toHaveLength(before + 1);
    const stored = all[0];
    expect(stored).toMatchObject({ orgId: 'soest', campaignId, teamId: 'publiekszaken', theme: 'circulariteit', text: 'de kantine heeft alleen bekers van plastic', status: 'nieuw' });
    expect(stored?.contactUserId).toBeUndefined();
    expect(stored?.reference).toMatch(/^P-[0-9A-Z]{4}$/);
    const texts = cardTexts(card);
    expect(texts).toContain(stored?.reference);
    expect(texts).toContain(T.barrierNextAnonymous[lang]);
    expect(texts).toContain(T.contactNo[lang]);
  });

  it('stores the reporter as contact only when the toggle is on', async () => {
    const card = await execute(adapter(), REPORTS_VERBS.barrierSubmit, submitData({ contact: 'true', theme: 'mvoi', text: 'leverancier levert alles in plastic' }));
    const [stored] = await barriers();
    expect(stored).toMatchObject({ contactUserId: userId, theme: 'mvoi' });
    expect(cardTexts(card)).toContain(T.barrierNextContact[lang]);
  });

  it('stores an idea with an I- reference', async () => {
    const before = (await ideas()).length;
    const card = await execute(adapter(), REPORTS_VERBS.ideaSubmit, submitData({ text: 'een waterkoeler op elke verdieping', theme: 'circulariteit' }));
    const all = await ideas();
    expect(all).toHaveLength(before + 1);
    expect(all[0]?.reference).toMatch(/^I-[0-9A-Z]{4}$/);
    expect(all[0]?.contactUserId).toBeUndefined();
    expect(cardTexts(card)).toEqual(expect.arrayContaining([T.ideaThanks[lang], all[0]?.reference, T.ideaNextAnonymous[lang]]));
  });

  it('handles the Action.Submit fallback: the card the button was on is replaced', async () => {
    const a = adapter();
    const updates: Array<Partial<Activity>> = [];
    a.updateActivity = async (_context, activity) => {
      updates.push(activity);
    };
    await a.send(submitActivity(REPORTS_VERBS.ideaSubmit, submitData({ text: 'fietsen delen' }), 'card-42'));
    expect(updates).toHaveLength(1);
    expect(updates[0]?.id).toBe('card-42');
    const card = cardOf(updates[0] ?? {}).content as Card;
    expect(cardTexts(card)).toContain(T.ideaThanks[lang]);
    expect((await ideas())[0]?.text).toBe('fietsen delen');
  });

  it('escapes markdown, links and mentions the reporter typed (the thank-you card shows them as plain text)', async () => {
    const form = await commandCard(adapter(), `prikkel: ${INJECTION}`);
    expect(input(form, 'text')['value']).toBe(INJECTION);
    const card = await execute(adapter(), REPORTS_VERBS.barrierSubmit, submitData({ text: INJECTION }));
    expectOnlyAsTextRun(card);
    expect((await barriers())[0]?.text).toBe(INJECTION);
  });

  describe('bad input: the same card again with an error line, nothing stored', () => {
    it.each([
      ['empty text', { text: '   ' }, T.errorEmpty],
      ['501 characters', { text: 'x'.repeat(501) }, T.errorTooLong],
      ['an unknown theme', { theme: 'klimaat' }, T.errorTheme],
      ['an extra field', { contactUserId: 'aad-someone-else' }, T.errorFields],
      ['a toggle that is not a boolean', { contact: 'misschien' }, T.errorFields],
    ] as const)('%s', async (_name, over, error) => {
      const before = { barriers: (await barriers()).length, ideas: (await ideas()).length };
      const data = submitData(over);
      const card = await execute(adapter(), REPORTS_VERBS.barrierSubmit, data);
      expect(cardProblems(card)).toEqual([]);
      const expected = error[lang].replace('{count}', '501').replace('{max}', '500');
      expect(cardTexts(card)).toContain(expected);
      expect(executeActions(card)[0]?.['verb']).toBe(REPORTS_VERBS.barrierSubmit);
      // What they typed is kept, so they can fix it.
      expect(input(card, 'text')['value']).toBe(data.text);
      expect({ barriers: (await barriers()).length, ideas: (await ideas()).length }).toEqual(before);
    });
  });

  it('files a report under the latest campaign when none is running today', async () => {
    const a = adapter();
    harness.clock.now = new Date('2027-01-20T10:00:00Z');
    try {
      await execute(a, REPORTS_VERBS.barrierSubmit, submitData({ text: 'na de challenge: nog steeds plastic' }));
      expect((await barriers())[0]).toMatchObject({ text: 'na de challenge: nog steeds plastic', campaignId });
    } finally {
      harness.clock.now = new Date('2026-12-02T08:00:00Z');
    }
  });

  it('asks someone who has not joined to join first (command and button), storing nothing', async () => {
    const stranger = harness.adapter({ userId: `aad-stranger-${lang}`, locale });
    const before = (await barriers()).length;
    for (const card of [await commandCard(stranger, 'prikkel: geen bekers'), await execute(stranger, REPORTS_VERBS.barrierSubmit, submitData())]) {
      expect(cardProblems(card)).toEqual([]);
      expect(cardTexts(card)).toContain(T.joinFirst[lang]);
      expect(executeActions(card)[0]?.['verb']).toBe(ENROL_VERBS.start);
    }
    expect(await barriers()).toHaveLength(before);
  });

  it('treats someone who left like someone who has not joined', async () => {
    const leaverId = `aad-leaver-${lang}`;
    await harness.repos.participants.save(participant({ userId: leaverId, language: lang, status: 'left' }));
    const card = await execute(harness.adapter({ userId: leaverId, locale }), REPORTS_VERBS.ideaSubmit, submitData());
    expect(executeActions(card)[0]?.['verb']).toBe(ENROL_VERBS.start);
  });
});

describe.each(LANGS)('reports without any campaign (%s)', (lang, locale) => {
  let harness: BotHarness;
  beforeAll(async () => {
    harness = await createBotHarness();
    await harness.repos.participants.save(participant({ language: lang }));
  });
  afterAll(async () => {
    await harness.drop();
  });

  it('says so clearly on the command and on the button, and stores nothing', async () => {
    const adapter = harness.adapter({ locale });
    const fromCommand = await commandCard(adapter, 'prikkel: geen bekers');
    const fromButton = await execute(adapter, REPORTS_VERBS.barrierSubmit, { text: 'geen bekers', theme: 'circulariteit', contact: 'false' });
    for (const card of [fromCommand, fromButton]) expect(cardTexts(card)).toEqual([T.noCampaign[lang]]);
    expect(await harness.repos.barriers.list('soest')).toEqual([]);
  });

  it('does not count a draft campaign', async () => {
    const { campaign } = await seedOrg(harness.repos);
    await harness.repos.campaigns.save({ ...campaign, status: 'draft' });
    const card = await commandCard(harness.adapter({ locale }), 'idee');
    expect(cardTexts(card)).toEqual([T.noCampaign[lang]]);
  });
});

describe('reports: the stored row', () => {
  const clock = { now: new Date('2026-12-02T08:00:00Z') };
  let tables: Awaited<ReturnType<typeof createTestTables>>;
  let adapter: TestAdapter;
  const userId = 'aad-raw-row-user';

  beforeAll(async () => {
    tables = await createTestTables();
    const repos = createRepositories(tables);
    await seedOrg(repos);
    await repos.participants.save(participant({ userId }));
    const { bot } = createBot({ repos, config: loadConfig({ ORG_ID: 'soest' }), logger: createLogger('silent'), now: () => clock.now });
    adapter = new TestAdapter(async (context) => bot.run(context), {
      channelId: 'msteams',
      locale: 'nl-NL',
      from: { id: `29:${userId}`, aadObjectId: userId, name: 'Test' },
      recipient: { id: '28:bot', name: 'Soestainable' },
      conversation: { id: 'conv-raw', conversationType: 'personal', tenantId: TENANT_ID, isGroup: false, name: '' },
      channelData: { tenant: { id: TENANT_ID } },
    });
  });
  afterAll(async () => {
    await tables.drop();
  });

  it.each(['barrier', 'idea'] as const satisfies readonly ReportKind[])('of an anonymous %s holds no user id at all', async (kind) => {
    const verb = kind === 'barrier' ? REPORTS_VERBS.barrierSubmit : REPORTS_VERBS.ideaSubmit;
    await execute(adapter, verb, { text: 'geen bekers', theme: 'circulariteit', contact: 'false' });
    const rows = await rawRows(tables.client(kind === 'barrier' ? 'Barriers' : 'Ideas'));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(userId);
    expect(rows.every((r) => !('contactUserId' in r))).toBe(true);
  });
});
