import { TestAdapter, type Activity } from 'botbuilder';
import type { Language } from '../../../../shared/src/domain/types';
import { COMMANDS, COMMAND_IDS } from '../../../../bot/src/features/commands/catalog';
import { coreTexts } from '../../../../bot/src/features/core/coreTexts';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from '../../../../bot/src/features/enrol/verbs';
import { helpCard } from '../../../../bot/src/features/help/help';
import { COMMAND_HELP, helpTexts } from '../../../../bot/src/features/help/texts';
import { cardOf, createBotHarness, executeActivity, TENANT_ID, type BotHarness } from '../../../helpers/botHarness';
import { cardProblems, cardTexts } from '../../../helpers/cards';
import { participant, seedOrg } from '../../../helpers/orgFixture';

type Card = Record<string, unknown>;

const LANGS = [
  ['nl', 'nl-NL'],
  ['en', 'en-US'],
] as const satisfies ReadonlyArray<readonly [Language, string]>;

const T = helpTexts;

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

const verbs = (card: Card): string[] =>
  elements(card)
    .filter((e) => e['type'] === 'Action.Execute')
    .map((e) => String(e['verb']));

function expectWellFormed(card: Card): void {
  expect(cardProblems(card)).toEqual([]);
  for (const action of elements(card).filter((e) => e['type'] === 'Action.Execute')) {
    expect(action['fallback']).toMatchObject({ type: 'Action.Submit', data: { verb: action['verb'] } });
  }
}

async function exchange(adapter: TestAdapter, activity: string | Partial<Activity>): Promise<Partial<Activity>[]> {
  await adapter.send(activity);
  return adapter.activeQueue.splice(0);
}

async function commandCard(adapter: TestAdapter, text: string): Promise<Card> {
  const replies = await exchange(adapter, text);
  expect(replies).toHaveLength(1);
  return cardOf(replies[0] ?? {}).content as Card;
}

const text = (card: Card): string => cardTexts(card).join('\n');
/** The command lines of the help card: usage → short line. */
const commandLines = (card: Card): Array<{ title: unknown; value: unknown }> =>
  (elements(card).find((e) => e['type'] === 'FactSet')?.['facts'] as Array<{ title: unknown; value: unknown }>) ?? [];

let h: BotHarness;
let n = 0;
const newUser = (): string => `aad-help-${++n}`;

beforeAll(async () => {
  h = await createBotHarness();
  await seedOrg(h.repos);
});
afterAll(async () => {
  await h.drop();
});

describe.each(LANGS)('help in %s', (lang, locale) => {
  it('"help" lists every command in the user\'s language, with "Doe mee" for a newcomer', async () => {
    const adapter = h.adapter({ userId: newUser(), locale });
    const card = await commandCard(adapter, lang === 'nl' ? 'hulp' : 'help');
    expectWellFormed(card);
    expect(commandLines(card)).toEqual(COMMAND_IDS.map((id) => ({ title: COMMANDS[id].usage[lang], value: COMMAND_HELP[id][lang] })));
    expect(text(card)).not.toContain(T.unknown[lang]);
    expect(text(card)).not.toContain(T.managerLine[lang]);
    expect(text(card)).not.toContain(T.coordinatorLine[lang]);
    expect(verbs(card)).toEqual([ENROL_VERBS.start]);
    expect(card).toMatchSnapshot();
  });

  it('unknown text gets the help card with a friendly line, never echoing what was typed', async () => {
    const adapter = h.adapter({ userId: newUser(), locale });
    const typed = 'blablabla [klik](http://evil)';
    const card = await commandCard(adapter, typed);
    expectWellFormed(card);
    expect(cardTexts(card)[1]).toBe(T.unknown[lang]);
    expect(JSON.stringify(card)).not.toContain('evil');
    expect(commandLines(card)).toHaveLength(COMMAND_IDS.length);
  });

  it('an employee who joined sees no extra lines and gets "Inchecken"', async () => {
    const userId = newUser();
    await h.repos.participants.save(participant({ userId, language: lang }));
    const card = await commandCard(h.adapter({ userId, locale }), 'help');
    expect(text(card)).not.toContain(T.managerTitle[lang]);
    expect(text(card)).not.toContain(T.coordinatorTitle[lang]);
    expect(verbs(card)).toEqual([CHECKIN_OPEN_VERB]);
  });

  it('a coordinator sees where the action programme and barrier inbox are', async () => {
    const userId = newUser();
    await h.repos.participants.save(participant({ userId, language: lang, roles: ['coordinator'] }));
    const card = await commandCard(h.adapter({ userId, locale }), 'help');
    expectWellFormed(card);
    expect(text(card)).toContain(T.coordinatorLine[lang]);
    expect(text(card)).not.toContain(T.managerLine[lang]);
    expect(card).toMatchSnapshot();
  });

  it('a manager who is also a coordinator sees both extra lines', async () => {
    const userId = newUser();
    await h.repos.participants.save(participant({ userId, language: lang, roles: ['manager', 'coordinator'] }));
    const card = await commandCard(h.adapter({ userId, locale }), 'help');
    expect(text(card)).toContain(T.managerLine[lang]);
    expect(text(card)).toContain(T.coordinatorLine[lang]);
  });

  it('the participant\'s chosen language wins over the Teams locale', async () => {
    const other: Language = lang === 'nl' ? 'en' : 'nl';
    const userId = newUser();
    await h.repos.participants.save(participant({ userId, language: other }));
    const card = await commandCard(h.adapter({ userId, locale }), 'help');
    expect(cardTexts(card)[0]).toBe(T.title[other]);
  });
});

describe('help details', () => {
  it('roles of someone who left do not count', () => {
    const card = helpCard('nl', participant({ status: 'left', roles: ['manager'] }), false).content as Card;
    expect(text(card)).not.toContain(T.managerLine.nl);
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
