import type { Activity } from 'botbuilder';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { expandCard } from '@soestainable/bot/cards/render';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { plain } from '@soestainable/bot/cards/texts';
import { enrolTexts } from '@soestainable/bot/features/enrol/texts';
import { ENROL_VERBS } from '@soestainable/bot/features/enrol/verbs';
import reportTemplate from '@soestainable/bot/features/reports/report.card.json';
import { checkSubmission, REPORT_TEXT_ECHO_MAX, reportCardData, thanksCardData, type ReportKind } from '@soestainable/bot/features/reports/reports';
import { reportsTexts } from '@soestainable/bot/features/reports/texts';
import { guessTheme } from '@soestainable/bot/features/reports/theme';
import thanksTemplate from '@soestainable/bot/features/reports/thanks.card.json';
import { REPORTS_VERBS } from '@soestainable/bot/features/reports/verbs';
import { submitActivity, useBotHarness } from '../../../helpers/botHarness';
import { cardContent, exchange, execute, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardProblems, cardText, cardTexts, elements, executeActions, input } from '../../../helpers/cards';
import { hiddenCharsIn, RLO_FILE_NAME, sprinkled } from '../../../helpers/hiddenChars';
import { participant, seedOrg } from '../../../helpers/orgFixture';
import { rawRows } from '../../../helpers/storage';

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

  it('never puts a huge text into the card: one of 100,000 characters gives a card under 40 KB with an empty input', () => {
    const huge = 'één 🚲 '.repeat(20_000);
    const card = expandCard(reportTemplate, reportCardData('barrier', 'nl', { text: huge, theme: 'mvoi', contact: false }, 'te lang'));
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'text')['value']).toBe('');
    const kept = 'x'.repeat(REPORT_TEXT_ECHO_MAX);
    expect(input(expandCard(reportTemplate, reportCardData('idea', 'en', { text: kept, theme: 'mvoi', contact: false })), 'text')['value']).toBe(kept);
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
  const harness = useBotHarness();
  const userId = `aad-reporter-${lang}`;
  const adapter = () => harness.adapter({ userId, locale });
  const barriers = () => harness.repos.barriers.list('soest');
  const ideas = () => harness.repos.ideas.list('soest');
  // Reports filed since a snapshot: within a day their order says nothing, by design (reports.ts `reportDay`).
  const addedBarriers = async (before: readonly { barrierId: string }[]) => (await barriers()).filter((b) => !before.some((o) => o.barrierId === b.barrierId));
  const addedIdeas = async (before: readonly { ideaId: string }[]) => (await ideas()).filter((i) => !before.some((o) => o.ideaId === i.ideaId));
  const submitData = (over: Record<string, unknown> = {}) => ({ text: 'de kantine heeft alleen bekers van plastic', theme: 'circulariteit', contact: 'false', ...over });

  beforeAll(async () => {
    await harness.repos.participants.save(participant({ userId, language: lang }));
  });

  it('"prikkel: …" shows the card pre-filled, with a guessed theme and contact off', async () => {
    const text = lang === 'nl' ? 'prikkel: de kantine heeft alleen bekers van plastic' : 'barrier: the canteen only has plastic cups';
    const card = await replyCard(adapter(), text);
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'text')['value']).toBe(text.slice(text.indexOf(':') + 1).trim());
    expect(input(card, 'theme')['value']).toBe('circulariteit');
    expect(input(card, 'contact')['value']).toBe('false');
    expect(cardTexts(card)).toContain(T.barrierTitle[lang]);
    expect(executeActions(card)[0]?.['verb']).toBe(REPORTS_VERBS.barrierSubmit);
  });

  it('"idee" without text shows the same card, empty', async () => {
    const card = await replyCard(adapter(), lang === 'nl' ? 'idee' : 'idea');
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'text')['value']).toBe('');
    expect(cardTexts(card)).toContain(T.ideaTitle[lang]);
    expect(executeActions(card)[0]?.['verb']).toBe(REPORTS_VERBS.ideaSubmit);
  });

  it('a command text over 500 characters shows the card with an error line and the text kept', async () => {
    const long = 'a'.repeat(501);
    const card = await replyCard(adapter(), `prikkel: ${long}`);
    expect(cardProblems(card)).toEqual([]);
    expect(input(card, 'text')['value']).toBe(long);
    expect(cardTexts(card)).toContain(T.errorTooLong[lang].replace('{count}', '501').replace('{max}', '500'));
  });

  describe('a text far over the limit (35,000+ characters): refused naming the limit, nothing stored, the card stays small', () => {
    // 35,200 characters, 40,040 bytes of UTF-8: on the old card it was over the 40 KB limit ("something went wrong").
    const huge = 'Één mok ☕ per persoon? Nee: de automaat geeft wegwerpbekers 🥤 — óók op vrijdag. '.repeat(440);
    const count = [...huge.trim()].length;
    const commands = lang === 'nl' ? ['prikkel', 'idee'] : ['barrier', 'idea'];
    const limitLine = T.errorTooLongNotKept[lang].replace('{count}', String(count)).replace(/\{max\}/g, '500');

    it.each(commands)('"%s: …" answers with the card, the limit on it and the input left empty', async (command) => {
      const before = { barriers: (await barriers()).length, ideas: (await ideas()).length };
      const replies = await exchange(adapter(), `${command}: ${huge}`);
      expect(replies).toHaveLength(1);
      const card = cardContent(replies[0] ?? {});
      expect(cardProblems(card)).toEqual([]);
      expect(cardTexts(card)).toContain(limitLine);
      expect(input(card, 'text')['value']).toBe('');
      expect({ barriers: (await barriers()).length, ideas: (await ideas()).length }).toEqual(before);
    });

    it.each([REPORTS_VERBS.barrierSubmit, REPORTS_VERBS.ideaSubmit])('the card\'s %s answers with the card and the limit, storing nothing', async (verb) => {
      const before = { barriers: (await barriers()).length, ideas: (await ideas()).length };
      const card = await execute(adapter(), verb, submitData({ text: huge }));
      expect(cardProblems(card)).toEqual([]);
      expect(cardTexts(card)).toContain(limitLine);
      expect(executeActions(card)[0]?.['verb']).toBe(verb);
      expect({ barriers: (await barriers()).length, ideas: (await ideas()).length }).toEqual(before);
    });
  });

  it('stores an anonymous barrier: the raw card action gives a thank-you card with the reference, and no user id in the row', async () => {
    const before = await barriers();
    const card = await execute(adapter(), REPORTS_VERBS.barrierSubmit, submitData());
    expect(cardProblems(card)).toEqual([]);
    const added = await addedBarriers(before);
    expect(added).toHaveLength(1);
    const stored = added[0];
    expect(stored).toMatchObject({ orgId: 'soest', campaignId: harness.campaign.campaignId, teamId: 'publiekszaken', theme: 'circulariteit', text: 'de kantine heeft alleen bekers van plastic', status: 'nieuw' });
    expect(stored?.contactUserId).toBeUndefined();
    expect(stored?.reference).toMatch(/^P-[0-9A-Z]{4}$/);
    const texts = cardTexts(card);
    expect(texts).toContain(stored?.reference);
    expect(texts).toContain(T.barrierNextAnonymous[lang]);
    expect(texts).toContain(T.contactNo[lang]);
  });

  it('stores the reporter as contact only when the toggle is on', async () => {
    const before = await barriers();
    const card = await execute(adapter(), REPORTS_VERBS.barrierSubmit, submitData({ contact: 'true', theme: 'mvoi', text: 'leverancier levert alles in plastic' }));
    const [stored] = await addedBarriers(before);
    expect(stored).toMatchObject({ contactUserId: userId, theme: 'mvoi' });
    expect(cardTexts(card)).toContain(T.barrierNextContact[lang]);
  });

  it('stores an idea with an I- reference', async () => {
    const before = await ideas();
    const card = await execute(adapter(), REPORTS_VERBS.ideaSubmit, submitData({ text: 'een waterkoeler op elke verdieping', theme: 'circulariteit' }));
    const all = await addedIdeas(before);
    expect(all).toHaveLength(1);
    expect(all[0]?.reference).toMatch(/^I-[0-9A-Z]{4}$/);
    expect(all[0]?.contactUserId).toBeUndefined();
    expect(cardTexts(card)).toEqual(expect.arrayContaining([T.ideaThanks[lang], all[0]?.reference, T.ideaNextAnonymous[lang]]));
  });

  it('handles the Action.Submit fallback: the card the button was on is replaced', async () => {
    const a = adapter();
    const before = await ideas();
    const updates: Array<Partial<Activity>> = [];
    a.updateActivity = async (_context, activity) => {
      updates.push(activity);
    };
    await a.send(submitActivity(REPORTS_VERBS.ideaSubmit, submitData({ text: 'fietsen delen' }), 'card-42'));
    expect(updates).toHaveLength(1);
    expect(updates[0]?.id).toBe('card-42');
    const card = cardContent(updates[0] ?? {});
    expect(cardTexts(card)).toContain(T.ideaThanks[lang]);
    expect((await addedIdeas(before))[0]?.text).toBe('fietsen delen');
  });

  it('escapes markdown, links and mentions the reporter typed (the thank-you card shows them as plain text)', async () => {
    const form = await replyCard(adapter(), `prikkel: ${INJECTION}`);
    expect(input(form, 'text')['value']).toBe(INJECTION);
    const before = await barriers();
    const card = await execute(adapter(), REPORTS_VERBS.barrierSubmit, submitData({ text: INJECTION }));
    expectOnlyAsTextRun(card);
    expect((await addedBarriers(before))[0]?.text).toBe(INJECTION);
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
    const before = await barriers();
    harness.clock.now = new Date('2027-01-20T10:00:00Z');
    try {
      await execute(a, REPORTS_VERBS.barrierSubmit, submitData({ text: 'na de challenge: nog steeds plastic' }));
      expect((await addedBarriers(before))[0]).toMatchObject({ text: 'na de challenge: nog steeds plastic', campaignId: harness.campaign.campaignId });
    } finally {
      harness.clock.now = new Date('2026-12-02T08:00:00Z');
    }
  });

  it('asks someone who has not joined to join first (command and button), storing nothing', async () => {
    const stranger = harness.adapter({ userId: `aad-stranger-${lang}`, locale });
    const before = (await barriers()).length;
    for (const card of [await replyCard(stranger, 'prikkel: geen bekers'), await execute(stranger, REPORTS_VERBS.barrierSubmit, submitData())]) {
      expect(cardProblems(card)).toEqual([]);
      expect(cardTexts(card)).toContain(enrolTexts.joinFirst[lang]);
      expect(executeActions(card)[0]?.['verb']).toBe(ENROL_VERBS.start);
    }
    expect(await barriers()).toHaveLength(before);
  });

  it('treats someone who left like someone who has not joined', async () => {
    const leaver = await joinedAdapter(harness, { userId: `aad-leaver-${lang}`, language: lang, status: 'left' }, locale);
    const card = await execute(leaver, REPORTS_VERBS.ideaSubmit, submitData());
    expect(executeActions(card)[0]?.['verb']).toBe(ENROL_VERBS.start);
  });

  describe('not in a team channel or group chat: reports stay in the personal chat', () => {
    /** Where everyone reads along: a team channel (a thread in it) or a group chat. */
    const elsewhere = (conversationType: 'channel' | 'groupChat', who = userId) =>
      harness.adapter({
        userId: who,
        locale,
        conversationType,
        ...(conversationType === 'channel' ? { conversationId: '19:channel@thread.tacv2;messageid=1', channelData: { team: { id: '19:team@thread.tacv2' } } } : {}),
      });
    const snapshot = async () => ({ barriers: await barriers(), ideas: await ideas(), quota: await rawRows(harness.tables.client('ReportQuota')) });
    const expectPersonalOnly = (card: Record<string, unknown>) => {
      expect(cardProblems(card)).toEqual([]);
      expect(cardTexts(card)).toEqual([T.personalOnlyTitle[lang], T.personalOnlyText[lang]]);
      // No "Verstuur" anyone in the channel could press, no reference, no contact choice, nothing of what was typed.
      expect(executeActions(card)).toEqual([]);
      expect(JSON.stringify(card)).not.toMatch(/printer|waterkoeler|water cooler|P-[0-9A-Z]{4}/);
    };

    it.each(['channel', 'groupChat'] as const)('in a %s the commands and both card verbs answer "in your own chat", and store and count nothing', async (conversationType) => {
      const before = await snapshot();
      const there = elsewhere(conversationType);
      const cards = [
        await replyCard(there, lang === 'nl' ? 'prikkel: de printer staat altijd aan' : 'barrier: the printer is always on'),
        await replyCard(there, lang === 'nl' ? 'idee: een waterkoeler op elke verdieping' : 'idea: a water cooler on every floor'),
        await replyCard(there, lang === 'nl' ? 'prikkel' : 'barrier'),
        // An invoke with a channel conversation can be sent by anyone, whatever card it claims to come from.
        await execute(there, REPORTS_VERBS.barrierSubmit, submitData({ text: 'de printer staat altijd aan', contact: 'true' })),
        await execute(there, REPORTS_VERBS.ideaSubmit, submitData({ text: 'een waterkoeler op elke verdieping', contact: 'false' })),
        // A bad submission is refused the same way: no report card with an error line (and a "Verstuur") there.
        await execute(there, REPORTS_VERBS.barrierSubmit, { text: '', theme: 'nope', contact: 'maybe', extra: 1 }),
      ];
      for (const card of cards) expectPersonalOnly(card);
      expect(await snapshot()).toEqual(before);
    });

    it('the Action.Submit fallback from a channel replaces the card with the same answer, storing nothing', async () => {
      const before = await snapshot();
      const there = elsewhere('channel');
      const updates: Array<Partial<Activity>> = [];
      there.updateActivity = async (_context, activity) => {
        updates.push(activity);
      };
      await there.send(submitActivity(REPORTS_VERBS.barrierSubmit, submitData({ text: 'de printer staat altijd aan' }), 'card-7'));
      expect(updates.map((u) => u.id)).toEqual(['card-7']);
      expectPersonalOnly(cardContent(updates[0] ?? {}));
      expect(await snapshot()).toEqual(before);
    });

    it('someone who has not joined gets the same answer in a channel, not the join card with its button', async () => {
      const there = elsewhere('channel', `aad-channel-stranger-${lang}`);
      expectPersonalOnly(await replyCard(there, 'prikkel: de printer staat altijd aan'));
      expectPersonalOnly(await execute(there, REPORTS_VERBS.barrierSubmit, submitData()));
    });

    it('the personal chat is unchanged: the same command there still shows the report card', async () => {
      const card = await replyCard(adapter(), 'prikkel: de printer staat altijd aan');
      expect(executeActions(card)[0]?.['verb']).toBe(REPORTS_VERBS.barrierSubmit);
      expect(cardTexts(card)).not.toContain(T.personalOnlyTitle[lang]);
    });
  });
});

describe.each(LANGS)('reports without any campaign (%s)', (lang, locale) => {
  const harness = useBotHarness({ seed: false });
  beforeAll(async () => {
    await harness.repos.participants.save(participant({ language: lang }));
  });

  it('says so clearly on the command and on the button, and stores nothing', async () => {
    const adapter = harness.adapter({ locale });
    const fromCommand = await replyCard(adapter, 'prikkel: geen bekers');
    const fromButton = await execute(adapter, REPORTS_VERBS.barrierSubmit, { text: 'geen bekers', theme: 'circulariteit', contact: 'false' });
    for (const card of [fromCommand, fromButton]) expect(cardTexts(card)).toEqual([T.noCampaign[lang]]);
    expect(await harness.repos.barriers.list('soest')).toEqual([]);
  });

  it('does not count a draft campaign', async () => {
    const { campaign } = await seedOrg(harness.repos);
    await harness.repos.campaigns.save({ ...campaign, status: 'draft' });
    const card = await replyCard(harness.adapter({ locale }), 'idee');
    expect(cardTexts(card)).toEqual([T.noCampaign[lang]]);
  });
});

describe('reports: the stored row', () => {
  const h = useBotHarness();
  const userId = 'aad-raw-row-user';
  beforeAll(async () => {
    await h.repos.participants.save(participant({ userId }));
  });

  it.each(['barrier', 'idea'] as const satisfies readonly ReportKind[])('of an anonymous %s holds no user id at all', async (kind) => {
    const verb = kind === 'barrier' ? REPORTS_VERBS.barrierSubmit : REPORTS_VERBS.ideaSubmit;
    await execute(h.adapter({ userId }), verb, { text: 'geen bekers', theme: 'circulariteit', contact: 'false' });
    const rows = await rawRows(h.tables.client(kind === 'barrier' ? 'Barriers' : 'Ideas'));
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(userId);
    expect(rows.every((r) => !('contactUserId' in r))).toBe(true);
  });

  it.each(['barrier', 'idea'] as const satisfies readonly ReportKind[])(
    'of a %s holds no control or bidi character, whatever was typed: the text is stored without them',
    async (kind) => {
      const verb = kind === 'barrier' ? REPORTS_VERBS.barrierSubmit : REPORTS_VERBS.ideaSubmit;
      const typed = `${sprinkled('De printer print alles dubbel')} ${RLO_FILE_NAME}`;
      const form = await replyCard(h.adapter({ userId }), `${kind === 'barrier' ? 'prikkel' : 'idee'}: ${typed}`);
      expect(hiddenCharsIn(input(form, 'text')['value'])).toEqual([]);
      const card = await execute(h.adapter({ userId }), verb, { text: typed, theme: 'circulariteit', contact: 'false' });
      expect(hiddenCharsIn(card)).toEqual([]);
      const rows = await rawRows(h.tables.client(kind === 'barrier' ? 'Barriers' : 'Ideas'));
      expect(hiddenCharsIn(rows)).toEqual([]);
      expect(rows.map((r) => r['text'])).toContain('De printer print alles dubbel\n factuurtxt.exe');
    },
  );
});

describe.each(LANGS)('reports: at most 10 barriers and ideas a day per person, over the report card and the check-in card (%s)', (lang, locale) => {
  const h = useBotHarness();
  const LIMIT = 10;
  const limitLine = reportsTexts.errorDailyLimit[lang].replace('{max}', String(LIMIT));
  const checkinLimitLine = checkinTexts.dailyReportLimit[lang].replace('{max}', String(LIMIT));
  let seq = 0;
  const person = async () => {
    seq += 1;
    const userId = `aad-quota-${lang}-${seq}`;
    const teamId = `team-quota-${lang}-${seq}`;
    return { userId, teamId, adapter: await joinedAdapter(h, { userId, teamId, language: lang }, locale) };
  };
  const stored = async (teamId: string) =>
    (await h.repos.barriers.list('soest', { teamId })).length + (await h.repos.ideas.list('soest', { teamId })).length;
  const report = (text: string) => ({ text, theme: 'circulariteit', contact: 'false' });
  const checkIn = (over: Record<string, unknown>) => ({
    campaignId: h.campaign.campaignId, date: '2026-12-02', outcome: 'done', travelMode: 'fiets', distanceBand: '5-10',
    wasteFree: 'true', challenge: 'true', theme: 'circulariteit', barrierContact: 'false', ...over,
  });

  it('refuses the 11th report of the day with a friendly answer, storing nothing; the next day counts afresh', async () => {
    const { teamId, adapter } = await person();
    for (let i = 1; i <= LIMIT; i++) {
      const verb = i % 2 === 0 ? REPORTS_VERBS.ideaSubmit : REPORTS_VERBS.barrierSubmit;
      expect(cardTexts(await execute(adapter, verb, report(`melding ${i}`)))).not.toContain(limitLine);
    }
    expect(await stored(teamId)).toBe(LIMIT);
    const data = report('melding 11');
    const refused = await execute(adapter, REPORTS_VERBS.barrierSubmit, data);
    expect(cardProblems(refused)).toEqual([]);
    expect(cardTexts(refused)).toContain(limitLine);
    // The card stays, with the text, to send another day.
    expect(input(refused, 'text')['value']).toBe('melding 11');
    expect(await stored(teamId)).toBe(LIMIT);

    h.clock.now = new Date('2026-12-03T08:00:00Z');
    expect(cardTexts(await execute(adapter, REPORTS_VERBS.barrierSubmit, data))).not.toContain(limitLine);
    expect(await stored(teamId)).toBe(LIMIT + 1);
  });

  it('counts the check-in card\'s barrier and idea too: a check-in that would pass the limit is refused whole, storing nothing', async () => {
    const { userId, teamId, adapter } = await person();
    for (let i = 1; i <= LIMIT - 1; i++) await execute(adapter, REPORTS_VERBS.barrierSubmit, report(`melding ${i}`));
    const refused = await execute(adapter, CHECKIN_VERBS.submit, checkIn({ barrierText: 'prikkel bij het inchecken', ideaText: 'idee bij het inchecken' }));
    expect(cardText(refused)).toContain(checkinLimitLine);
    expect(await h.repos.checkIns.listAll(userId)).toEqual([]);
    expect(await stored(teamId)).toBe(LIMIT - 1);
    // One more fits: the check-in with only its barrier is stored, and then the day is full.
    await execute(adapter, CHECKIN_VERBS.submit, checkIn({ barrierText: 'prikkel bij het inchecken', ideaText: '' }));
    expect(await h.repos.checkIns.listAll(userId)).toHaveLength(1);
    expect(await stored(teamId)).toBe(LIMIT);
    expect(cardTexts(await execute(adapter, REPORTS_VERBS.ideaSubmit, report('nog een idee')))).toContain(limitLine);
    expect(await stored(teamId)).toBe(LIMIT);
  });

  it('holds under a burst: 40 report submits at once from one person store exactly 10, the rest refused or "busy"', async () => {
    const { userId, teamId } = await person();
    const adapters = Array.from({ length: 40 }, () => h.adapter({ userId, locale }));
    const cards = await Promise.all(adapters.map((a, i) => execute(a, REPORTS_VERBS.barrierSubmit, { text: `burst ${i}`, theme: 'mvoi', contact: 'false' })));
    expect(await stored(teamId)).toBe(LIMIT);
    const answers = cards.map((c) => cardText(c));
    expect(answers.filter((t) => t.includes(reportsTexts.barrierThanks[lang]))).toHaveLength(LIMIT);
    expect(answers.every((t) => t.includes(reportsTexts.barrierThanks[lang]) || t.includes(limitLine) || t.includes(coreTexts.busy[lang]))).toBe(true);
  });
});
