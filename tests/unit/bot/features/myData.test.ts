import type { Activity } from 'botbuilder';
import { expandCard } from '@soestainable/bot/cards/render';
import { literal, plain } from '@soestainable/bot/cards/texts';
import confirmTemplate from '@soestainable/bot/features/myData/confirmDelete.card.json';
import deletedTemplate from '@soestainable/bot/features/myData/deleted.card.json';
import { createExportTokens, EXPORT_TOKEN_TTL_MS } from '@soestainable/bot/features/myData/exportToken';
import { confirmCardData, deletedCardData, originOf } from '@soestainable/bot/features/myData/myData';
import { eraseStoredData } from '@soestainable/bot/services/personalData/erasure';
import { readStoredData, type StoredData } from '@soestainable/bot/services/personalData/storedData';
import summaryTemplate from '@soestainable/bot/features/myData/summary.card.json';
import { summaryCardData } from '@soestainable/bot/features/myData/summary';
import { myDataTexts } from '@soestainable/bot/features/myData/texts';
import { MY_DATA_VERBS } from '@soestainable/bot/features/myData/verbs';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import type { Language } from '@soestainable/shared/domain/types';
import { formsOf, t } from '@soestainable/shared/text';
import type { TestAdapter } from 'botbuilder';
import { cardOf, submitActivity, useBotHarness } from '../../../helpers/botHarness';
import { execute, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardProblems, cardTexts, elements, executeActions, openUrlOf, verbs, type Card } from '../../../helpers/cards';
import { checkIn } from '../../../helpers/fixtures';
import { baselineSurvey, participant } from '../../../helpers/orgFixture';

const T = myDataTexts;

/** The data the "yes" button of a fresh confirmation card sends back (its one-time value). */
async function confirmation(adapter: TestAdapter): Promise<Record<string, unknown>> {
  const card = await replyCard(adapter, 'verwijder mijn gegevens');
  return (executeActions(card).find((a) => a['verb'] === MY_DATA_VERBS.deleteConfirm)?.['data'] as Record<string, unknown> | undefined) ?? {};
}

/** A card with its one-time value blanked: two confirmation cards are the same card but for that value. */
function withoutValue(card: Card): string {
  return JSON.stringify(card).replace(/"confirmation":"[A-Za-z0-9_-]+"/g, '"confirmation":"…"');
}

/** A person with something of every kind stored: profile, check-ins in two campaigns, a survey, a chat link, reports. */
async function seedPerson(repos: Repositories, userId: string, lang: Language, campaignId: string): Promise<{ barrierRefs: string[]; anonymousRef: string }> {
  await repos.participants.save(participant({ userId, language: lang, roles: ['manager'] }));
  const mine = (over: Parameters<typeof checkIn>[0]) => checkIn({ userId, teamId: 'publiekszaken', ...over });
  for (const c of [
    mine({ campaignId, date: '2026-11-30', day: 1 }),
    mine({ campaignId, date: '2026-12-01', day: 2 }),
    mine({ campaignId: 'c-2025', date: '2025-06-02', day: 1 }),
  ]) {
    await repos.checkIns.save(c);
    await repos.dailyAggregates.apply(c);
  }
  await repos.surveys.save(
    baselineSurvey(userId, { campaignId, commuteMode: 'fiets', disposablePackaging: 'sometimes', screensOffAtNight: true, lightsOffWhenLeaving: false }),
  );
  await repos.conversationRefs.save({ kind: 'user', userId }, 'personal', { conversation: { id: `conv-${userId}` }, serviceUrl: 'https://smba.example/emea/' });
  const report = { orgId: 'soest', campaignId, teamId: 'publiekszaken', theme: 'circulariteit' as const, text: 'alleen plastic bekers' };
  const withContact = await repos.barriers.create({ ...report, contactUserId: userId });
  const idea = await repos.ideas.create({ ...report, text: 'waterkoeler', contactUserId: userId });
  const anonymous = await repos.barriers.create(report);
  return { barrierRefs: [withContact.reference, idea.reference], anonymousRef: anonymous.reference };
}

const SAMPLE: StoredData = {
  userId: 'aad-sample',
  participant: participant({ userId: 'aad-sample', roles: ['coordinator'] }),
  checkIns: [checkIn({ userId: 'aad-sample', campaignId: 'c1' }), checkIn({ userId: 'aad-sample', campaignId: 'c1', date: '2026-05-12', day: 2 })],
  surveys: [],
  pledges: [],
  followUps: [],
  recognitions: [],
  ownedActions: [],
  teamCards: [],
  managedTeams: [],
  conversationRefs: [{ owner: { kind: 'user', userId: 'aad-sample' }, scope: 'personal', reference: {}, active: true, updatedAt: '2026-11-27T09:00:00.000Z' }],
  barriers: [
    {
      orgId: 'soest',
      barrierId: 'b1',
      campaignId: 'c1',
      teamId: 'publiekszaken',
      theme: 'mvoi',
      text: 'x',
      createdAt: '2026-05-11T10:00:00.000Z',
      status: 'gekoppeld',
      reference: 'P-7K3F',
      contactUserId: 'aad-sample',
      demo: false,
    },
  ],
  ideas: [],
  sendClaims: [
    {
      kind: 'nudge',
      period: '2026-05-11',
      recipientId: 'aad-sample',
      state: 'sent',
      claimedBy: 'instance-a.0123456789ab',
      claimedAt: '2026-05-11T07:00:00.000Z',
      attempts: 1,
      finishedAt: '2026-05-11T07:00:01.000Z',
      activityId: 'activity-1',
    },
  ],
};

describe('my data: card templates', () => {
  const link = { url: 'https://bot.example/api/me/export/abc.123.def', expiresAt: new Date('2026-12-02T08:10:00Z') };
  it.each(LANGS)('expand to valid, small cards (%s)', (lang) => {
    const names = { team: 'Publiekszaken **[x](y)**', campaigns: new Map([['c1', { nl: 'Challenge 2026', en: 'Challenge 2026' }]]) };
    const cards = {
      summary: expandCard(summaryTemplate, summaryCardData(SAMPLE, names, lang, link)),
      summaryNotJoined: expandCard(
        summaryTemplate,
        summaryCardData({ ...SAMPLE, participant: undefined, checkIns: [], barriers: [], sendClaims: [] }, { team: undefined, campaigns: new Map() }, lang, link),
      ),
      confirm: expandCard(confirmTemplate, confirmCardData(lang, 'one-time-value')),
      confirmAgain: expandCard(confirmTemplate, confirmCardData(lang, 'another-value', T.confirmAgain[lang])),
      deleted: expandCard(deletedTemplate, deletedCardData({ profile: true, checkIns: 12, surveys: 1, pledges: 0, followUps: 0, barriers: 2, ideas: 1, recognitions: 0, ownedActions: 0, conversationRefs: 1, sendClaims: 9, teamCards: 0, managedTeams: 0 }, lang)),
    };
    for (const card of Object.values(cards)) expect(cardProblems(card)).toEqual([]);
    expect(cards).toMatchSnapshot();
    // Coordinator-given names go through literal(): plain(), with the Markdown the FactSet would render escaped.
    expect(cardTexts(cards.summary)).toContain(literal('Publiekszaken **[x](y)**'));
    expect(openUrlOf(cards.summary)).toBe(link.url);
  });
});

describe('my data: texts', () => {
  it('has every text in Dutch and English, none empty', () => {
    for (const text of Object.values(myDataTexts)) {
      expect([formsOf(text, 'nl').every((f) => f.trim() !== ''), formsOf(text, 'en').every((f) => f.trim() !== '')]).toEqual([true, true]);
    }
  });
});

describe('my data: export tokens', () => {
  const clock = { now: new Date('2026-12-02T08:00:00Z') };
  const tokens = createExportTokens(() => clock.now);

  it('round-trips the user id until the expiry, then says expired', () => {
    const { token, expiresAt } = tokens.issue('aad-user-1');
    expect(token).toMatch(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(tokens.verify(token)).toEqual({ ok: true, userId: 'aad-user-1', expiresAt });
    clock.now = new Date(clock.now.getTime() + EXPORT_TOKEN_TTL_MS - 1000);
    expect(tokens.verify(token).ok).toBe(true);
    clock.now = new Date(clock.now.getTime() + 1000);
    expect(tokens.verify(token)).toEqual({ ok: false, reason: 'expired' });
    clock.now = new Date('2026-12-02T08:00:00Z');
  });

  it('refuses a token for another user, a later expiry, another key, or garbage', () => {
    const { token } = tokens.issue('aad-user-1');
    const [user, expiry, mac] = token.split('.') as [string, string, string];
    const other = Buffer.from('aad-user-2').toString('base64url');
    expect(tokens.verify(`${other}.${expiry}.${mac}`)).toEqual({ ok: false, reason: 'signature' });
    expect(tokens.verify(`${user}.${Number(expiry) + 3600}.${mac}`)).toEqual({ ok: false, reason: 'signature' });
    expect(createExportTokens(() => clock.now).verify(token)).toEqual({ ok: false, reason: 'signature' });
    const flipped = mac.slice(0, 10) + (mac[10] === 'A' ? 'B' : 'A') + mac.slice(11);
    expect(tokens.verify(`${user}.${expiry}.${flipped}`)).toEqual({ ok: false, reason: 'signature' });
    for (const bad of ['', 'abc', `${user}.${expiry}`, `${user}.${expiry}.${mac}.x`, `${user}.${expiry}.${mac.slice(0, 42)}`, 'x'.repeat(600), `${user}.-1.${mac}`]) {
      expect(tokens.verify(bad)).toEqual({ ok: false, reason: 'malformed' });
    }
  });
});

describe('my data: the link origin', () => {
  const req = (headers: Record<string, string>, encrypted = false) => ({ headers, socket: { encrypted } }) as unknown as Parameters<typeof originOf>[0];
  it('follows the proxy headers, else the Host header, and refuses what is not a host', () => {
    expect(originOf(req({ host: '127.0.0.1:3978' }))).toBe('http://127.0.0.1:3978');
    expect(originOf(req({ host: 'bot.example' }, true))).toBe('https://bot.example');
    expect(originOf(req({ host: 'internal:8080', 'x-forwarded-host': 'soest.azurewebsites.net', 'x-forwarded-proto': 'https' }))).toBe('https://soest.azurewebsites.net');
    expect(originOf(req({ host: 'a.example', 'x-forwarded-proto': 'https, http' }))).toBe('https://a.example');
    expect(originOf(req({ host: 'evil.example/path?x=' }))).toBeUndefined();
    expect(originOf(req({ host: 'a@b' }))).toBeUndefined();
    expect(originOf(req({}))).toBeUndefined();
  });
});

describe.each(LANGS)('my data through the bot (%s)', (lang, locale) => {
  const harness = useBotHarness();

  it('tells someone with nothing stored exactly that', async () => {
    const adapter = harness.adapter({ userId: `aad-nobody-${lang}`, locale });
    expect(cardTexts(await replyCard(adapter, lang === 'nl' ? 'mijn gegevens' : 'my data'))).toEqual([T.nothingStored[lang]]);
  });

  it('summarises everything stored, with a download link and a delete button', async () => {
    const userId = `aad-summary-${lang}`;
    const { barrierRefs, anonymousRef } = await seedPerson(harness.repos, userId, lang, harness.campaign.campaignId);
    const card = await replyCard(harness.adapter({ userId, locale }), lang === 'nl' ? 'mijn gegevens' : 'my data');
    expect(cardProblems(card)).toEqual([]);
    const texts = cardTexts(card);
    expect(texts).toEqual(
      expect.arrayContaining([
        T.summaryTitle[lang],
        'Publiekszaken',
        '09:00',
        T.roleManager[lang],
        'Soestainable Challenge',
        t(T.checkInCount, lang, { count: 2 }),
        plain('c-2025'),
        t(T.checkInCount, lang, { count: 1 }),
        ...barrierRefs,
        T.chatActive[lang],
      ]),
    );
    expect(texts.some((t) => t.startsWith(T.surveyBaseline[lang]))).toBe(true);
    expect(texts).not.toContain(anonymousRef);
    expect(String(openUrlOf(card))).toMatch(/^http:\/\/localhost:\d+\/api\/me\/export\/[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(verbs(card)).toEqual([MY_DATA_VERBS.deleteAsk]);
  });

  it('works for someone who has not joined but has something stored (a chat link)', async () => {
    const userId = `aad-chat-only-${lang}`;
    await harness.repos.conversationRefs.save({ kind: 'user', userId }, 'personal', { conversation: { id: 'c' } }, false);
    const card = await replyCard(harness.adapter({ userId, locale }), 'mijn gegevens');
    expect(cardProblems(card)).toEqual([]);
    expect(cardTexts(card)).toEqual(expect.arrayContaining([T.noProfile[lang], T.noCheckIns[lang], T.chatInactive[lang]]));
  });

  it('answers in a team channel only with "ask me one-to-one", showing nothing and deleting nothing', async () => {
    const userId = `aad-channel-${lang}`;
    await harness.repos.participants.save(participant({ userId, language: lang }));
    const channel = harness.adapter({ userId, locale, conversationType: 'channel', conversationId: '19:channel@thread.tacv2' });
    for (const card of [
      await replyCard(channel, 'mijn gegevens'),
      await replyCard(channel, 'verwijder mijn gegevens'),
      await execute(channel, MY_DATA_VERBS.deleteConfirm),
    ]) {
      expect(cardTexts(card)).toHaveLength(1);
      expect(cardTexts(card)[0]).toMatch(lang === 'nl' ? /^Over je eigen gegevens praat ik alleen 1-op-1/ : /^I only talk about your own data one-to-one/);
    }
    expect(await harness.repos.participants.get(userId)).toBeDefined();
  });

  it('"verwijder mijn gegevens" asks first; the summary\'s delete button does the same', async () => {
    const adapter = harness.adapter({ userId: `aad-ask-${lang}`, locale });
    const card = await replyCard(adapter, lang === 'nl' ? 'verwijder mijn gegevens' : 'delete my data');
    expect(cardProblems(card)).toEqual([]);
    expect(cardTexts(card)).toEqual(expect.arrayContaining([T.confirmTitle[lang], T.confirmWhat[lang], T.confirmStays[lang], T.confirmYes[lang], T.confirmNo[lang]]));
    expect(verbs(card)).toEqual([MY_DATA_VERBS.deleteConfirm, MY_DATA_VERBS.deleteCancel]);
    expect(cardTexts(card)).not.toContain(T.confirmAgain[lang]);
    expect(withoutValue(await execute(adapter, MY_DATA_VERBS.deleteAsk))).toEqual(withoutValue(card));
  });

  it('cancel deletes nothing', async () => {
    const userId = `aad-cancel-${lang}`;
    const adapter = await joinedAdapter(harness, { userId, language: lang }, locale);
    expect(cardTexts(await execute(adapter, MY_DATA_VERBS.deleteCancel))).toEqual([T.cancelled[lang]]);
    expect(await harness.repos.participants.get(userId)).toBeDefined();
  });

  it('refuses a button with extra fields, deleting nothing', async () => {
    const userId = `aad-extra-${lang}`;
    const adapter = await joinedAdapter(harness, { userId, language: lang }, locale);
    const card = await execute(adapter, MY_DATA_VERBS.deleteConfirm, { userId: 'aad-someone-else' });
    expect(cardTexts(card)).toEqual([T.badCard[lang]]);
    expect(await harness.repos.participants.get(userId)).toBeDefined();
  });

  it('confirm deletes every personal row, keeps reports anonymous and team totals; a second confirm finds nothing', async () => {
    const userId = `aad-delete-${lang}`;
    const { repos } = harness;
    const { campaignId } = harness.campaign;
    await seedPerson(repos, userId, lang, campaignId);
    const totalsBefore = await repos.dailyAggregates.listCampaign(campaignId);
    const oldTotalsBefore = await repos.dailyAggregates.listCampaign('c-2025');
    const reportCounts = async () => ({ barriers: (await repos.barriers.list('soest')).length, ideas: (await repos.ideas.list('soest')).length });
    const reportsBefore = await reportCounts();
    expect(totalsBefore.length).toBeGreaterThan(0);

    const adapter = harness.adapter({ userId, locale });
    const card = await execute(adapter, MY_DATA_VERBS.deleteConfirm, await confirmation(adapter));
    expect(cardProblems(card)).toEqual([]);
    expect(elements(card).find((e) => e['type'] === 'FactSet')?.['facts']).toEqual([
      { title: T.deletedProfile[lang], value: T.deletedProfileYes[lang] },
      { title: T.deletedCheckIns[lang], value: '3' },
      { title: T.deletedSurveys[lang], value: '1' },
      { title: T.deletedReports[lang], value: '2' },
      { title: T.deletedChat[lang], value: '1' },
      { title: T.deletedMessages[lang], value: '0' },
    ]);

    expect(await repos.participants.get(userId)).toBeUndefined();
    expect((await repos.participants.listTeamMembers('publiekszaken')).map((m) => m.userId)).not.toContain(userId);
    expect((await repos.participants.listNudgeSlot('09:00')).map((m) => m.userId)).not.toContain(userId);
    expect(await repos.checkIns.listAll(userId)).toEqual([]);
    expect(await repos.surveys.listAll(userId)).toEqual([]);
    expect(await repos.conversationRefs.listAll({ kind: 'user', userId })).toEqual([]);
    expect(await repos.barriers.listByContact('soest', userId)).toEqual([]);
    expect(await repos.ideas.listByContact('soest', userId)).toEqual([]);
    expect(await reportCounts()).toEqual(reportsBefore);
    expect(await repos.dailyAggregates.listCampaign(campaignId)).toEqual(totalsBefore);
    expect(await repos.dailyAggregates.listCampaign('c-2025')).toEqual(oldTotalsBefore);
    expect(cardTexts(await replyCard(adapter, 'mijn gegevens'))).toEqual([T.nothingStored[lang]]);

    expect(cardTexts(await execute(adapter, MY_DATA_VERBS.deleteConfirm, await confirmation(adapter)))).toEqual([T.nothingToDelete[lang]]);
  });

  it('handles the Action.Submit fallback of the confirm button (the card is replaced)', async () => {
    const userId = `aad-submit-${lang}`;
    const adapter = await joinedAdapter(harness, { userId, language: lang }, locale);
    const updates: Array<Partial<Activity>> = [];
    adapter.updateActivity = async (_context, activity) => {
      updates.push(activity);
    };
    await adapter.send(submitActivity(MY_DATA_VERBS.deleteConfirm, await confirmation(adapter), 'card-7'));
    expect(updates.map((u) => u.id)).toEqual(['card-7']);
    expect(cardTexts(cardOf(updates[0] ?? {}))).toContain(T.deletedTitle[lang]);
    expect(await harness.repos.participants.get(userId)).toBeUndefined();
  });
});

describe('my data: erasure that stopped half-way', () => {
  const harness = useBotHarness();

  it('keeps the participant until the end, so running it again finishes the job', async () => {
    const userId = 'aad-crash';
    await seedPerson(harness.repos, userId, 'nl', harness.campaign.campaignId);
    const crashing: Repositories = {
      ...harness.repos,
      conversationRefs: Object.assign(Object.create(harness.repos.conversationRefs) as Repositories['conversationRefs'], {
        deleteAll: async () => {
          throw new Error('storage went away');
        },
      }),
    };
    await expect(eraseStoredData(crashing, 'soest', userId)).rejects.toThrow('storage went away');
    const half = await readStoredData(harness.repos, 'soest', userId);
    expect(half.participant).toBeDefined();
    expect(half.conversationRefs).toHaveLength(1);
    expect([half.checkIns, half.surveys, half.barriers, half.ideas].map((l) => l.length)).toEqual([0, 0, 0, 0]);

    const counts = await eraseStoredData(harness.repos, 'soest', userId);
    expect(counts).toEqual({ profile: true, checkIns: 0, surveys: 0, pledges: 0, followUps: 0, barriers: 0, ideas: 0, recognitions: 0, ownedActions: 0, conversationRefs: 1, sendClaims: 0, teamCards: 0, managedTeams: 0 });
    const after = await readStoredData(harness.repos, 'soest', userId);
    expect(after.participant).toBeUndefined();
    expect(after.conversationRefs).toEqual([]);
  });
});
