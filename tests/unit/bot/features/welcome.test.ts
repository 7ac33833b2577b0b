import type { Activity, TestAdapter } from 'botbuilder';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from '@soestainable/bot/features/enrol/verbs';
import { SETTINGS_VERBS } from '@soestainable/bot/features/settings/verbs';
import { welcomeTexts } from '@soestainable/bot/features/welcome/texts';
import { useBotHarness } from '../../../helpers/botHarness';
import { exchange, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardText, cardTexts, expectWellFormed, verbs } from '../../../helpers/cards';

const T = welcomeTexts;
const TEAM_ID = '19:soest-team@thread.tacv2';

const INSTALL: Partial<Activity> = { type: 'installationUpdate', action: 'add' };
const UNINSTALL: Partial<Activity> = { type: 'installationUpdate', action: 'remove' };
const BOT_ADDED: Partial<Activity> = { type: 'conversationUpdate', membersAdded: [{ id: '28:bot', name: 'Soestainable' }] };

const h = useBotHarness();
let n = 0;
const newUser = (): string => `aad-welcome-${++n}`;

/** A TestAdapter for a team's channel (conversation type `channel`, `channelData.team.id`). */
function channelAdapter(userId: string, locale: string): TestAdapter {
  return h.adapter({
    userId,
    locale,
    conversationType: 'channel',
    conversationId: `${TEAM_ID};messageid=1`,
    channelData: { team: { id: TEAM_ID, name: 'Team Soest' }, channel: { id: TEAM_ID } },
  });
}

describe.each(LANGS)('install and welcome in %s', (lang, locale) => {
  it('a personal install stores the reference and sends the welcome card with "Doe mee"', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    const card = await replyCard(adapter, INSTALL);
    expectWellFormed(card);
    expect(cardTexts(card)).toEqual(expect.arrayContaining([T.title[lang], T.line1[lang], T.line2[lang], T.line3[lang]]));
    expect(verbs(card)).toEqual([ENROL_VERBS.start]);
    expect(card).toMatchSnapshot();

    const ref = await h.repos.conversationRefs.get({ kind: 'user', userId }, 'personal');
    expect(ref?.active).toBe(true);
    expect(ref?.reference).toMatchObject({ conversation: { id: `conv-${userId}` }, channelId: 'msteams', user: { aadObjectId: userId } });
  });

  it('the conversationUpdate of the same install does not welcome twice; uninstall marks the reference inactive; reinstall welcomes again', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    expect(await exchange(adapter, BOT_ADDED)).toHaveLength(1);
    expect(await exchange(adapter, INSTALL)).toEqual([]);
    expect((await h.repos.conversationRefs.get({ kind: 'user', userId }, 'personal'))?.active).toBe(true);

    expect(await exchange(adapter, UNINSTALL)).toEqual([]);
    expect((await h.repos.conversationRefs.get({ kind: 'user', userId }, 'personal'))?.active).toBe(false);

    const card = await replyCard(adapter, INSTALL);
    expect(cardText(card)).toContain(T.title[lang]);
    expect((await h.repos.conversationRefs.get({ kind: 'user', userId }, 'personal'))?.active).toBe(true);
  });

  it('someone who already takes part gets a short "welcome back" with their team and time', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang, nudgeTime: '08:45' }), INSTALL);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.backTitle[lang]);
    expect(cardText(card)).toContain(T.backActive[lang].replace('{team}', 'Publiekszaken').replace('{time}', '08:45'));
    expect(verbs(card)).toEqual([CHECKIN_OPEN_VERB]);
    expect(card).toMatchSnapshot();
  });

  it('a paused participant is welcomed back with a Resume button', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang, status: 'paused' }), INSTALL);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.backPaused[lang].replace('{team}', 'Publiekszaken'));
    expect(verbs(card)).toEqual([SETTINGS_VERBS.resume]);
  });

  it('someone who left gets the ordinary welcome with "Doe mee"', async () => {
    const card = await replyCard(await joinedAdapter(h, { userId: newUser(), language: lang, status: 'left' }), INSTALL);
    expect(cardText(card)).toContain(T.line1[lang]);
    expect(verbs(card)).toEqual([ENROL_VERBS.start]);
  });

  it('a team install stores the team reference and posts a channel welcome without numbers, names or buttons', async () => {
    const userId = newUser();
    const adapter = channelAdapter(userId, locale);
    const card = await replyCard(adapter, INSTALL);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.channelLine2[lang]);
    expect(cardTexts(card).join(' ')).not.toMatch(/\d/);
    expect(cardText(card)).not.toContain('Test');
    expect(verbs(card)).toEqual([]);
    expect(card).toMatchSnapshot();

    const ref = await h.repos.conversationRefs.get({ kind: 'team', teamId: TEAM_ID }, 'channel');
    expect(ref?.active).toBe(true);
    expect(await h.repos.conversationRefs.listAll({ kind: 'user', userId })).toEqual([]);

    // The conversationUpdate of the same install: no second post. Uninstall: inactive.
    expect(await exchange(adapter, BOT_ADDED)).toEqual([]);
    expect(await exchange(adapter, UNINSTALL)).toEqual([]);
    expect((await h.repos.conversationRefs.get({ kind: 'team', teamId: TEAM_ID }, 'channel'))?.active).toBe(false);
  });
});

describe('install in a group chat', () => {
  it('says where to join, once, and stores nothing', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, conversationType: 'groupChat', conversationId: '19:groupchat@thread.v2' });
    const replies = await exchange(adapter, INSTALL);
    expect(replies.map((r) => r.text)).toEqual([T.groupChat.nl]);
    expect(await exchange(adapter, BOT_ADDED)).toEqual([]);
    expect(await h.repos.conversationRefs.listAll({ kind: 'user', userId })).toEqual([]);
  });
});

describe('welcome texts', () => {
  it('every text exists in Dutch and English; the channel texts hold no numbers', () => {
    for (const [key, value] of Object.entries(T)) {
      expect([key, value.nl.length > 0, value.en.length > 0]).toEqual([key, true, true]);
    }
    for (const key of ['channelTitle', 'channelLine1', 'channelLine2', 'channelPrivacy'] as const) {
      expect(T[key].nl + T[key].en).not.toMatch(/\d/);
    }
  });
});
