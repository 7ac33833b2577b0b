import { TestAdapter } from 'botbuilder';
import type { Language } from '@soestainable/shared/domain/types';
import { COMMANDS, COMMAND_IDS } from '@soestainable/bot/features/commands/catalog';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from '@soestainable/bot/features/enrol/verbs';
import { parseCommand } from '@soestainable/bot/features/commands/parse';
import { channelHelpCard, helpCard } from '@soestainable/bot/features/help/help';
import { COMMAND_HELP, helpTexts } from '@soestainable/bot/features/help/texts';
import { HELP_SUB_PAGE } from '@soestainable/shared/api/deepLinks';
import { parseTeamCardArgs } from '@soestainable/shared/domain/owners';
import { executeActivity, TENANT_ID, useBotHarness, withBotHarness } from '../../../helpers/botHarness';
import { exchange, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardText, cardTexts, elements, expectWellFormed, openUrlOf, verbs, type Card } from '../../../helpers/cards';
import { participant } from '../../../helpers/orgFixture';

const T = helpTexts;

/** The command lines of the help card: usage → short line. */
const commandLines = (card: Card): Array<{ title: unknown; value: unknown }> =>
  (elements(card).find((e) => e['type'] === 'FactSet')?.['facts'] as Array<{ title: unknown; value: unknown }>) ?? [];

const h = useBotHarness();
let n = 0;
const newUser = (): string => `aad-help-${++n}`;

describe.each(LANGS)('help in %s', (lang, locale) => {
  it('"help" lists every command in the user\'s language, with "Doe mee" for a newcomer', async () => {
    const adapter = h.adapter({ userId: newUser(), locale });
    const card = await replyCard(adapter, lang === 'nl' ? 'hulp' : 'help');
    expectWellFormed(card);
    expect(commandLines(card)).toEqual(COMMAND_IDS.map((id) => ({ title: COMMANDS[id].usage[lang], value: COMMAND_HELP[id][lang] })));
    expect(cardText(card)).not.toContain(T.unknown[lang]);
    expect(cardText(card)).not.toContain(T.managerLine[lang]);
    expect(cardText(card)).not.toContain(T.coordinatorLine[lang]);
    expect(verbs(card)).toEqual([ENROL_VERBS.start]);
    expect(card).toMatchSnapshot();
  });

  it('unknown text gets the help card with a friendly line, never echoing what was typed', async () => {
    const adapter = h.adapter({ userId: newUser(), locale });
    const typed = 'blablabla [klik](http://evil)';
    const card = await replyCard(adapter, typed);
    expectWellFormed(card);
    expect(cardTexts(card)[1]).toBe(T.unknown[lang]);
    expect(JSON.stringify(card)).not.toContain('evil');
    expect(commandLines(card)).toHaveLength(COMMAND_IDS.length);
  });

  it('an employee who joined sees no extra lines and gets "Inchecken"', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang }), 'help');
    expect(cardText(card)).not.toContain(T.managerTitle[lang]);
    expect(cardText(card)).not.toContain(T.coordinatorTitle[lang]);
    expect(verbs(card)).toEqual([CHECKIN_OPEN_VERB]);
  });

  it('a coordinator sees where the action programme and barrier inbox are', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang, roles: ['coordinator'] }), 'help');
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.coordinatorLine[lang]);
    expect(cardText(card)).not.toContain(T.managerLine[lang]);
    expect(card).toMatchSnapshot();
  });

  it('a manager who is also a coordinator sees both extra lines', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang, roles: ['manager', 'coordinator'] }), 'help');
    expect(cardText(card)).toContain(T.managerLine[lang]);
    expect(cardText(card)).toContain(T.coordinatorLine[lang]);
  });

  it('the participant\'s chosen language wins over the Teams locale', async () => {
    const other: Language = lang === 'nl' ? 'en' : 'nl';
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: other }, locale), 'help');
    expect(cardTexts(card)[0]).toBe(T.title[other]);
  });
});

/** The Teams app id of a deployment (manifest `id`); without one the card has no "Hoe werkt het?" button. */
const TEAMS_APP_ID = '2f9f4c52-6a0e-4b4e-9d55-1f0e8f3a7c11';

describe.each(LANGS)('help in a team channel or group chat (%s)', (lang, locale) => {
  /** A team channel (a thread in it) or a group chat: everyone there sees the card and may press its buttons. */
  const elsewhere = (harness: Pick<typeof h, 'adapter'>, userId: string, conversationType: 'channel' | 'groupChat' = 'channel') =>
    harness.adapter({
      userId,
      locale,
      conversationType,
      ...(conversationType === 'channel' ? { conversationId: '19:help-channel@thread.tacv2;messageid=1', channelData: { team: { id: '19:help-team@thread.tacv2' } } } : {}),
    });
  const noButtonsToPress = (card: Card) => expect(elements(card).filter((e) => ['Action.Execute', 'Action.Submit'].includes(String(e['type'])))).toEqual([]);

  it('"hulp" gives the channel card: the team card\'s words that work there, the way to the personal chat, and no Action.Execute', async () => {
    const card = await replyCard(elsewhere(h, newUser()), lang === 'nl' ? 'hulp' : 'help');
    expectWellFormed(card);
    noButtonsToPress(card);
    expect(cardTexts(card)[0]).toBe(T.channelTitle[lang]);
    expect(cardText(card)).toContain(T.channelTeamCard[lang]);
    expect(cardText(card)).toContain(T.channelPersonal[lang]);
    expect(cardText(card)).not.toContain(T.channelUnknown[lang]);
    // The words listed are the team card on and off (real commands, as the dispatcher parses them) and this help.
    const usages = commandLines(card).map((line) => String(line.title));
    expect(usages).toEqual([COMMANDS.teamCard.usage[lang], T.channelTeamCardOffUsage[lang], COMMANDS.help.usage[lang]]);
    const parsed = usages.map(parseCommand);
    expect(parsed.map((p) => p.command)).toEqual(['teamCard', 'teamCard', 'help']);
    expect(parsed.slice(0, 2).map((p) => parseTeamCardArgs(p.args)?.on)).toEqual([true, false]);
    // None of the personal chat's commands, which answer "not here" in a channel.
    expect(usages).not.toContain(COMMANDS.checkin.usage[lang]);
    expect(cardText(card)).not.toContain(T.title[lang]);
    expect(card).toMatchSnapshot();
  });

  it('is the same card in a group chat, with an @mention, and for someone who joined with roles: nothing about the asker', async () => {
    const personalWords = (card: Card) => [cardTexts(card)[0], verbs(card), cardText(card).includes(T.coordinatorLine[lang]), cardText(card).includes(T.managerLine[lang])];
    const expected = [T.channelTitle[lang], [], false, false];
    const joined = newUser();
    await h.repos.participants.save(participant({ userId: joined, language: lang, roles: ['manager', 'coordinator'] }));
    const mention = {
      type: 'message',
      text: '<at>Soestainable</at> hulp',
      entities: [{ type: 'mention', text: '<at>Soestainable</at>', mentioned: { id: '28:bot', name: 'Soestainable' } }],
    };
    for (const card of [
      await replyCard(elsewhere(h, newUser(), 'groupChat'), 'help'),
      await replyCard(elsewhere(h, joined), 'help'),
      await replyCard(elsewhere(h, newUser()), mention),
    ]) {
      expectWellFormed(card);
      noButtonsToPress(card);
      expect(personalWords(card)).toEqual(expected);
      expect(cardText(card)).not.toContain(T.channelUnknown[lang]);
    }
  });

  it('unknown text (any @mention the bot does not know) gets the channel card with a friendly line, never echoing it', async () => {
    const card = await replyCard(elsewhere(h, newUser()), 'blablabla [klik](http://evil)');
    expectWellFormed(card);
    noButtonsToPress(card);
    expect(cardTexts(card).slice(0, 2)).toEqual([T.channelTitle[lang], T.channelUnknown[lang]]);
    expect(JSON.stringify(card)).not.toContain('evil');
  });

  it('keeps only the "Hoe werkt het?" link, which opens the tab for whoever clicks it', async () => {
    await withBotHarness(
      async (harness) => {
        const card = await replyCard(elsewhere(harness, newUser()), 'help');
        expectWellFormed(card);
        noButtonsToPress(card);
        expect(elements(card).filter((e) => String(e['type']).startsWith('Action.')).map((e) => e['title'])).toEqual([T.guide[lang]]);
        expect(String(openUrlOf(card))).toContain(`/l/entity/${TEAMS_APP_ID}/myProgress`);
      },
      { env: { TEAMS_APP_ID } },
    );
  });

  it('the personal chat still gets the personal help card, with its button', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang }, locale), 'help');
    expect(cardTexts(card)[0]).toBe(T.title[lang]);
    expect(verbs(card)).toEqual([CHECKIN_OPEN_VERB]);
    expect(cardText(card)).not.toContain(T.channelPersonal[lang]);
  });
});

describe.each(LANGS)('the "Hoe werkt het?" button in %s', (lang, locale) => {
  it('links to the tab\'s "Hoe werkt het?" page: a Teams deep link into the static tab with subEntityId "help"', async () => {
    await withBotHarness(
      async (h) => {
        const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang }, locale), lang === 'nl' ? 'hulp' : 'help');
        expectWellFormed(card);
        const open = elements(card).filter((e) => e['type'] === 'Action.OpenUrl');
        expect(open.map((e) => e['title'])).toEqual([T.guide[lang]]);
        const url = new URL(String(openUrlOf(card)));
        expect(`${url.origin}${url.pathname}`).toBe(`https://teams.microsoft.com/l/entity/${TEAMS_APP_ID}/myProgress`);
        expect(JSON.parse(url.searchParams.get('context') ?? 'null')).toEqual({ subEntityId: HELP_SUB_PAGE });
        // The check-in button stays the first and only Action.Execute.
        expect(verbs(card)).toEqual([CHECKIN_OPEN_VERB]);
      },
      { env: { TEAMS_APP_ID } },
    );
  });

  it('a newcomer and the answer to unknown text get the link too', async () => {
    await withBotHarness(
      async (h) => {
        for (const text of ['help', 'iets onbekends']) {
          const card = await replyCard(h.adapter({ userId: newUser(), locale }), text);
          expect([text, openUrlOf(card)]).toEqual([text, expect.stringContaining(`/l/entity/${TEAMS_APP_ID}/`)]);
          expect(verbs(card)).toEqual([ENROL_VERBS.start]);
        }
      },
      { env: { TEAMS_APP_ID } },
    );
  });

  it('without a Teams app id there is nowhere to link to: no button, the rest of the card unchanged', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang }, locale), 'help');
    expect(openUrlOf(card)).toBeUndefined();
    expect(cardText(card)).not.toContain(T.guide[lang]);
    expect(JSON.stringify(card)).not.toContain('teams.microsoft.com');
  });
});

describe('help details', () => {
  it('the channel card expands to a valid card in both languages, without a link when there is no Teams app id', () => {
    for (const lang of ['nl', 'en'] as const) {
      const card = channelHelpCard(lang, true).content as Card;
      expectWellFormed(card);
      expect(elements(card).filter((e) => String(e['type']).startsWith('Action.'))).toEqual([]);
      expect(cardTexts(card)[1]).toBe(T.channelUnknown[lang]);
    }
  });

  it('roles of someone who left do not count', () => {
    const card = helpCard('nl', participant({ status: 'left', roles: ['manager'] }), false).content as Card;
    expect(cardText(card)).not.toContain(T.managerLine.nl);
    expect(verbs(card)).toEqual([ENROL_VERBS.start]);
  });

  it('activities without aadObjectId or tenant are answered by the dispatcher, and nothing is stored', async () => {
    for (const [from, conversation, channelData] of [
      [{ id: '29:anonymous', name: 'Anoniem' }, { id: 'conv-x', conversationType: 'personal', tenantId: TENANT_ID }, { tenant: { id: TENANT_ID } }],
      [{ id: '29:x', aadObjectId: 'aad-no-tenant', name: 'Geen tenant' }, { id: 'conv-y', conversationType: 'personal' }, {}],
    ] as const) {
      const adapter = new TestAdapter(async (context) => h.bot.run(context), {
        channelId: 'msteams',
        locale: 'en-US',
        from: { ...from },
        recipient: { id: '28:bot', name: 'Soestainable' },
        conversation: { isGroup: false, name: '', ...conversation },
        channelData,
      });
      const replies = await exchange(adapter, 'join');
      expect(replies.map((r) => r.text)).toEqual([coreTexts.noIdentity.en]);
      const invoke = await exchange(adapter, executeActivity(ENROL_VERBS.submit, { teamId: 'publiekszaken' }));
      expect(JSON.stringify(invoke)).toContain(coreTexts.noIdentity.en.slice(0, 30));
    }
    expect(await h.repos.participants.get('aad-no-tenant')).toBeUndefined();
    expect(await h.repos.conversationRefs.listAll({ kind: 'user', userId: 'aad-no-tenant' })).toEqual([]);
  });

  it('every command has a help line in both languages; every text exists in both', () => {
    for (const id of COMMAND_IDS) expect([id, COMMAND_HELP[id].nl !== '', COMMAND_HELP[id].en !== '']).toEqual([id, true, true]);
    for (const [key, value] of Object.entries(T)) expect([key, value.nl.length > 0, value.en.length > 0]).toEqual([key, true, true]);
  });
});
