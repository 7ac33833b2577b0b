import type { Activity } from 'botbuilder';
import type { Language } from '@soestainable/shared/domain/types';
import { enrolCard, joinFirstCard } from '@soestainable/bot/features/enrol/cards';
import { noticeCard } from '@soestainable/bot/features/core/cards';
import { enrolTexts } from '@soestainable/bot/features/enrol/texts';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from '@soestainable/bot/features/enrol/verbs';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { submitActivity, TENANT_ID, useBotHarness, withBotHarness } from '../../../helpers/botHarness';
import { cardContent, exchange, execute, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardText, cardTexts, elements, expectWellFormed, input, verbs, type Card } from '../../../helpers/cards';
import { checkIn } from '../../../helpers/fixtures';
import { baselineSurvey, participant, seedOrg } from '../../../helpers/orgFixture';

const T = enrolTexts;

/** A compact picture of a card for snapshots of its variants: its texts and its inputs' values. */
function summary(card: Card): { texts: string[]; values: Record<string, unknown> } {
  const values: Record<string, unknown> = {};
  for (const el of elements(card)) if (typeof el['id'] === 'string') values[el['id']] = el['value'];
  return { texts: cardTexts(card), values };
}

function valid(lang: Language): Record<string, unknown> {
  return {
    teamId: 'publiekszaken',
    nudgeTime: '09:00',
    language: lang,
    commuteMode: 'fiets',
    distanceBand: '5-10',
    packaging: 'sometimes',
    screensOff: 'true',
    lightsOff: 'false',
  };
}

// Each test starts on Wednesday 2 Dec 2026, 09:00 in Soest: campaign day 3.
const h = useBotHarness();
let n = 0;
/** A fresh user for each test, so tests share the harness but never a participant. */
const newUser = (): string => `aad-enrol-${++n}`;

async function nothingStored(userId: string): Promise<void> {
  expect(await h.repos.participants.get(userId)).toBeUndefined();
  expect(await h.repos.surveys.listAll(userId)).toEqual([]);
  expect(await h.repos.conversationRefs.listAll({ kind: 'user', userId })).toEqual([]);
}

describe.each(LANGS)('enrolment in %s', (lang, locale) => {
  it('"join" shows the enrolment card with the teams, 09:00, the language and the baseline', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    const card = await replyCard(adapter, lang === 'nl' ? 'doe mee' : 'join');
    // Writing to the bot 1:1 is enough to be reachable there: the reference is stored if it was missing.
    expect((await h.repos.conversationRefs.get({ kind: 'user', userId }, 'personal'))?.active).toBe(true);
    expect(await h.repos.participants.get(userId)).toBeUndefined();
    expectWellFormed(card);
    expect(card['version']).toBe('1.5');
    expect(input(card, 'teamId')['choices']).toEqual([
      { title: 'Buitendienst', value: 'buitendienst' },
      { title: 'Publiekszaken', value: 'publiekszaken' },
    ]);
    expect(input(card, 'teamId')['style']).toBe('compact');
    expect(input(card, 'nudgeTime')).toMatchObject({ type: 'Input.Time', value: '09:00', min: '07:00', max: '11:00' });
    expect(input(card, 'language')).toMatchObject({ style: 'expanded', value: lang });
    expect((input(card, 'commuteMode')['choices'] as unknown[]).length).toBe(7);
    expect(input(card, 'packaging')['style']).toBe('expanded');
    expect(input(card, 'screensOff')).toMatchObject({ type: 'Input.Toggle', value: 'false' });
    expect(cardText(card)).toContain(T.titleNew[lang]);
    expect(verbs(card)).toEqual([ENROL_VERBS.submit]);
    expect(card).toMatchSnapshot();
  });

  it('the "Doe mee" button (enrol.start) replaces its card with the same enrolment card', async () => {
    const adapter = h.adapter({ userId: newUser(), locale });
    const card = await execute(adapter, ENROL_VERBS.start);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.titleNew[lang]);
  });

  it('a valid card stores participant, baseline and reference, and answers with what was recorded', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    const card = await execute(adapter, ENROL_VERBS.submit, valid(lang));
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.joinedTitle[lang]);
    expect(cardText(card)).toContain(lang === 'nl' ? 'om 09:00 op donderdag 3 december' : 'at 09:00 on Thursday 3 December');
    expect(cardText(card)).toContain('Publiekszaken');
    expect(verbs(card)).toEqual([CHECKIN_OPEN_VERB, ENROL_VERBS.start]);
    expect(card).toMatchSnapshot();

    expect(await h.repos.participants.get(userId)).toEqual({
      userId,
      tenantId: TENANT_ID,
      orgId: 'soest',
      teamId: 'publiekszaken',
      language: lang,
      nudgeTime: '09:00',
      status: 'active',
      roles: [],
      joinedAt: '2026-12-02T08:00:00.000Z',
      demo: false,
    });
    expect(await h.repos.surveys.get(userId, 'c-2026-11-30', 'baseline')).toEqual({
      userId,
      campaignId: 'c-2026-11-30',
      kind: 'baseline',
      commuteMode: 'fiets',
      distanceBand: '5-10',
      disposablePackaging: 'sometimes',
      screensOffAtNight: true,
      lightsOffWhenLeaving: false,
      createdAt: '2026-12-02T08:00:00.000Z',
    });
    const ref = await h.repos.conversationRefs.get({ kind: 'user', userId }, 'personal');
    expect(ref?.active).toBe(true);
    expect((ref?.reference as { conversation: { id: string } }).conversation.id).toBe(`conv-${userId}`);
    expect((await h.repos.participants.listNudgeSlot('09:00')).map((e) => e.userId)).toContain(userId);
  });

  it('the confirmation speaks the language chosen on the card', async () => {
    const other: Language = lang === 'nl' ? 'en' : 'nl';
    const adapter = h.adapter({ userId: newUser(), locale });
    const card = await execute(adapter, ENROL_VERBS.submit, valid(other));
    expect(cardText(card)).toContain(T.joinedTitle[other]);
  });

  it('joining again shows the card pre-filled; saving keeps roles, pause and join date', async () => {
    const userId = newUser();
    await h.repos.participants.save(
      participant({ userId, teamId: 'buitendienst', nudgeTime: '08:15', language: lang, status: 'paused', roles: ['coordinator'] }),
    );
    await h.repos.surveys.save(baselineSurvey(userId, { commuteMode: 'ov', distanceBand: '10-20' }));
    const adapter = h.adapter({ userId, locale });
    const card = await replyCard(adapter, lang === 'nl' ? 'doe mee' : 'join');
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.titleChange[lang]);
    expect(input(card, 'teamId')['value']).toBe('buitendienst');
    expect(input(card, 'nudgeTime')['value']).toBe('08:15');
    expect(input(card, 'commuteMode')['value']).toBe('ov');
    expect(input(card, 'distanceBand')['value']).toBe('10-20');
    expect(input(card, 'packaging')['value']).toBe('often');
    expect(input(card, 'lightsOff')['value']).toBe('true');
    expect(summary(card)).toMatchSnapshot();

    const saved = await execute(adapter, ENROL_VERBS.submit, { ...valid(lang), teamId: 'publiekszaken', nudgeTime: '10:30' });
    expect(cardText(saved)).toContain(T.changedTitle[lang]);
    expect(cardText(saved)).toContain(T.stillPaused[lang]);
    expect(await h.repos.participants.get(userId)).toMatchObject({
      teamId: 'publiekszaken',
      nudgeTime: '10:30',
      status: 'paused',
      roles: ['coordinator'],
      joinedAt: '2026-11-27T09:00:00.000Z',
    });
    expect((await h.repos.surveys.get(userId, 'c-2026-11-30', 'baseline'))?.commuteMode).toBe('fiets');
  });

  const bad: ReadonlyArray<readonly [string, Record<string, unknown>, keyof typeof T | undefined]> = [
    ['an unknown team', { teamId: 'geen-team' }, 'errorTeam'],
    ['a team id of 600 characters', { teamId: 'x'.repeat(600) }, 'errorTeam'],
    ['a team id that is a number', { teamId: 42 }, 'errorTeam'],
    ['the time 25:99', { nudgeTime: '25:99' }, 'errorTime'],
    ['a time outside 07:00–11:00', { nudgeTime: '05:30' }, 'errorTime'],
    ['a language we do not speak', { language: 'de' }, 'errorLanguage'],
    ['an unknown travel mode', { commuteMode: 'raket' }, 'errorCommuteMode'],
    ['an unknown distance band', { distanceBand: '3-4' }, 'errorDistanceBand'],
    ['an unknown frequency', { packaging: 'altijd' }, 'errorPackaging'],
    ['a toggle that is not true/false', { screensOff: 'ja' }, 'errorToggle'],
    ['a missing baseline answer', { packaging: undefined }, 'errorPackaging'],
    ['a missing team', { teamId: undefined }, 'errorTeam'],
    ['an extra field', { roles: 'coordinator' }, undefined],
  ];

  it.each(bad)('%s: the card again with a clear error line, nothing stored', async (_what, change, problem) => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    // `undefined` in `change` means: the field is missing.
    const data = Object.fromEntries(Object.entries({ ...valid(lang), ...change }).filter(([, v]) => v !== undefined));
    const card = await execute(adapter, ENROL_VERBS.submit, data);
    expectWellFormed(card);
    const error = elements(card).find((e) => e['color'] === 'Attention');
    expect(error).toBeDefined();
    const line = String(error?.['text']);
    if (problem) {
      expect(line).toContain(T.errorIntro[lang]);
      expect(line).toContain(String(T[problem][lang]).replace('{min}', '07:00').replace('{max}', '11:00'));
    } else {
      expect(line).toContain(T.errorForm[lang]);
    }
    // What was valid is kept, so nobody fills in everything twice.
    if (!('commuteMode' in change)) expect(input(card, 'commuteMode')['value']).toBe('fiets');
    await nothingStored(userId);
  });

  it('an error card shows every problem at once and is snapshot-stable', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    const card = await execute(adapter, ENROL_VERBS.submit, { ...valid(lang), teamId: 'nope', nudgeTime: '25:99', distanceBand: 'far' });
    const line = String(elements(card).find((e) => e['color'] === 'Attention')?.['text']);
    expect(line).toContain(T.errorTeam[lang]);
    expect(line).toContain(T.errorDistanceBand[lang]);
    expect(line).toContain('07:00');
    expect(input(card, 'teamId')['value']).toBe('');
    expect(input(card, 'nudgeTime')['value']).toBe('09:00');
    expect(summary(card)).toMatchSnapshot();
    await nothingStored(userId);
  });

  it('"leave" asks on a card; "Yes, stop" sets status left and keeps the data', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    await execute(adapter, ENROL_VERBS.submit, valid(lang));
    const question = await replyCard(adapter, lang === 'nl' ? 'afmelden' : 'leave');
    expectWellFormed(question);
    expect(cardText(question)).toContain(T.leaveTitle[lang]);
    expect(verbs(question)).toEqual([ENROL_VERBS.leaveConfirm, ENROL_VERBS.stay]);
    expect(question).toMatchSnapshot();

    const done = await execute(adapter, ENROL_VERBS.leaveConfirm);
    expectWellFormed(done);
    expect(cardText(done)).toContain(T.leftBody[lang]);
    expect(verbs(done)).toEqual([ENROL_VERBS.start]);
    expect(done).toMatchSnapshot();
    expect((await h.repos.participants.get(userId))?.status).toBe('left');
    expect(await h.repos.surveys.listAll(userId)).toHaveLength(1);
    expect((await h.repos.participants.listNudgeSlot('09:00')).map((e) => e.userId)).not.toContain(userId);

    // Coming back: the card is for a newcomer again, pre-filled; submitting makes them active.
    const again = await execute(adapter, ENROL_VERBS.start);
    expect(cardText(again)).toContain(T.titleNew[lang]);
    expect(input(again, 'teamId')['value']).toBe('publiekszaken');
    await execute(adapter, ENROL_VERBS.submit, valid(lang));
    expect((await h.repos.participants.get(userId))?.status).toBe('active');
  });

  it('"No, I\'ll stay" changes nothing', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    await execute(adapter, ENROL_VERBS.submit, valid(lang));
    const leave = await execute(adapter, ENROL_VERBS.leave);
    expect(cardText(leave)).toContain(T.leaveTitle[lang]);
    const card = await execute(adapter, ENROL_VERBS.stay);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.stayedTitle[lang]);
    expect((await h.repos.participants.get(userId))?.status).toBe('active');
  });

  it('leaving without having joined offers to join; a leave button with extra fields changes nothing', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId, locale });
    const card = await replyCard(adapter, lang === 'nl' ? 'afmelden' : 'leave');
    expect(cardText(card)).toContain(T.notJoinedLeave[lang]);
    expect(verbs(card)).toEqual([ENROL_VERBS.start]);

    await h.repos.participants.save(participant({ userId, language: lang }));
    const odd = await execute(adapter, ENROL_VERBS.leaveConfirm, { userId: 'someone-else' });
    expect(cardText(odd)).toContain(coreTexts.unknownAction[lang]);
    expect((await h.repos.participants.get(userId))?.status).toBe('active');
  });
});

describe('enrolment details', () => {
  it('the Action.Submit fallback stores the same and replaces the clicked card (updateActivity)', async () => {
    const userId = newUser();
    const adapter = h.adapter({ userId });
    const updated: Array<Partial<Activity>> = [];
    adapter.updateActivity = async (_context, activity) => {
      updated.push(activity);
    };
    const replies = await exchange(adapter, submitActivity(ENROL_VERBS.submit, valid('nl'), 'card-7'));
    expect(replies).toEqual([]);
    expect(updated).toHaveLength(1);
    expect(updated[0]?.id).toBe('card-7');
    expect(cardText(cardContent(updated[0] ?? {}))).toContain(T.joinedTitle.nl);
    expect((await h.repos.participants.get(userId))?.status).toBe('active');
  });

  it('before the nudge time on a campaign day, the first challenge is today', async () => {
    h.clock.now = new Date('2026-12-02T06:30:00Z'); // 07:30 in Soest
    const adapter = h.adapter({ userId: newUser() });
    const card = await execute(adapter, ENROL_VERBS.submit, { ...valid('nl'), nudgeTime: '08:00' });
    expect(cardText(card)).toContain('om 08:00 op woensdag 2 december');
  });

  it('after the last campaign day\'s nudge, it says the challenge is nearly over', async () => {
    h.clock.now = new Date('2026-12-11T12:00:00Z'); // Friday 11 Dec, day 10, afternoon
    const adapter = h.adapter({ userId: newUser() });
    const card = await execute(adapter, ENROL_VERBS.submit, valid('nl'));
    expect(cardText(card)).toContain(T.challengeEnding.nl);
  });

  describe('"Wijzig" after today\'s challenge: the confirmation names the next day, not a second one today', () => {
    const TODAY = '2026-12-02'; // Wednesday, day 3
    /** Someone who joined with a 09:00 nudge, at 09:30 on day 3, changing their time to 10:00 on the card. */
    async function moveTo1000(setUp: (userId: string) => Promise<void>, nudgeTime = '09:00'): Promise<string> {
      h.clock.now = new Date('2026-12-02T08:30:00Z'); // 09:30 in Soest
      const userId = newUser();
      const adapter = await joinedAdapter(h, { userId, nudgeTime });
      await setUp(userId);
      const card = await execute(adapter, ENROL_VERBS.submit, { ...valid('nl'), nudgeTime: '10:00' });
      expect(cardText(card)).toContain(T.changedTitle.nl);
      expect((await h.repos.participants.get(userId))?.nudgeTime).toBe('10:00');
      return cardText(card);
    }

    it('today\'s nudge was sent (its claim exists): the next challenge is tomorrow', async () => {
      const text = await moveTo1000(async (userId) => {
        await h.repos.sendClaims.claim('nudge', TODAY, userId, 'run-test');
        await h.repos.sendClaims.markSent('nudge', TODAY, userId, 'activity-1');
      });
      expect(text).toContain('om 10:00 op donderdag 3 december');
      expect(text).not.toContain('woensdag 2 december');
    });

    it('today\'s nudge was claimed but skipped (paused then): still tomorrow', async () => {
      const text = await moveTo1000(async (userId) => {
        await h.repos.sendClaims.claim('nudge', TODAY, userId, 'run-test');
        await h.repos.sendClaims.markSkipped('nudge', TODAY, userId, 'paused');
      });
      expect(text).toContain('om 10:00 op donderdag 3 december');
    });

    it('already checked in today (the nudge job skips them): the next challenge is tomorrow', async () => {
      const text = await moveTo1000(async (userId) => {
        await h.repos.checkIns.save(checkIn({ userId, teamId: 'publiekszaken', campaignId: h.campaign.campaignId, date: TODAY, day: 3, createdAt: '2026-12-02T08:10:00.000Z' }));
      });
      expect(text).toContain('om 10:00 op donderdag 3 december');
    });

    it('a check-in of another day or another person\'s claim does not count: today at 10:00', async () => {
      const text = await moveTo1000(async (userId) => {
        await h.repos.checkIns.save(checkIn({ userId, teamId: 'publiekszaken', campaignId: h.campaign.campaignId, date: '2026-12-01', day: 2 }));
        await h.repos.sendClaims.claim('nudge', '2026-12-01', userId, 'run-test');
        await h.repos.sendClaims.claim('nudge', TODAY, `${userId}-other`, 'run-test');
      }, '11:00');
      expect(text).toContain('om 10:00 op woensdag 2 december');
    });

    it('on the last campaign day, after today\'s nudge: the challenge is nearly over', async () => {
      h.clock.now = new Date('2026-12-11T08:30:00Z'); // Friday 11 Dec, day 10, 09:30
      const userId = newUser();
      const adapter = await joinedAdapter(h, { userId, nudgeTime: '09:00' });
      await h.repos.sendClaims.claim('nudge', '2026-12-11', userId, 'run-test');
      const card = await execute(adapter, ENROL_VERBS.submit, { ...valid('nl'), nudgeTime: '10:00' });
      expect(cardText(card)).toContain(T.challengeEnding.nl);
    });
  });

  it('in a team channel, joining points to the personal chat and stores nothing', async () => {
    const userId = newUser();
    const adapter = h.adapter({
      userId,
      conversationType: 'channel',
      conversationId: '19:general@thread.tacv2',
      channelData: { team: { id: '19:team@thread.tacv2' } },
    });
    const card = await replyCard(adapter, 'doe mee');
    expect(cardText(card)).toContain(T.personalOnly.nl);
    const submitted = await execute(adapter, ENROL_VERBS.submit, valid('nl'));
    expect(cardText(submitted)).toContain(T.personalOnly.nl);
    await nothingStored(userId);
  });
});

describe('enrolment without a running campaign', () => {
  const h2 = useBotHarness({ seed: false });
  beforeAll(async () => {
    await h2.repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: [], demo: false });
  });

  it.each(LANGS)('no campaign (%s): the card has no baseline; joining stores the participant and says it starts soon', async (lang, locale) => {
    const userId = `aad-nocampaign-${lang}`;
    const adapter = h2.adapter({ userId, locale });
    const card = await replyCard(adapter, 'join');
    expectWellFormed(card);
    expect(elements(card).some((e) => e['id'] === 'commuteMode')).toBe(false);
    expect(cardText(card)).toContain(T.baselineLater[lang]);
    expect(cardText(card)).toContain(T.introNoBaseline[lang]);
    expect(summary(card)).toMatchSnapshot();

    const done = await execute(adapter, ENROL_VERBS.submit, { teamId: 'publiekszaken', nudgeTime: '09:00', language: lang });
    expectWellFormed(done);
    expect(cardText(done)).toContain(T.startsSoon[lang].replace('{time}', '09:00'));
    expect(done).toMatchSnapshot();
    expect((await h2.repos.participants.get(userId))?.status).toBe('active');
    expect(await h2.repos.surveys.listAll(userId)).toEqual([]);
    expect((await h2.repos.conversationRefs.get({ kind: 'user', userId }, 'personal'))?.active).toBe(true);
  });

  it('a campaign scheduled to start later takes the baseline, and the first challenge is on its first day', async () => {
    await withBotHarness(async (h3) => {
      await seedOrg(h3.repos, '2026-12-14');
      const userId = 'aad-upcoming';
      const adapter = h3.adapter({ userId });
      const card = await execute(adapter, ENROL_VERBS.submit, valid('nl'));
      expect(cardText(card)).toContain('om 09:00 op maandag 14 december');
      expect(await h3.repos.surveys.get(userId, 'c-2026-12-14', 'baseline')).toBeDefined();
    });
  });

  it('no teams at all: a clear answer, nothing stored', async () => {
    await withBotHarness(async (h4) => {
      const userId = 'aad-noteams';
      const adapter = h4.adapter({ userId });
      const card = await replyCard(adapter, 'doe mee');
      expect(cardText(card)).toContain(T.noTeams.nl);
      const submitted = await execute(adapter, ENROL_VERBS.submit, valid('nl'));
      expect(cardText(submitted)).toContain(T.noTeams.nl);
      expect(await h4.repos.participants.get(userId)).toBeUndefined();
    });
  });
});

describe('enrolment cards as templates', () => {
  it.each(LANGS)('the join-first card and a notice card are valid (%s)', (lang) => {
    const join = joinFirstCard(lang).content as Card;
    expectWellFormed(join);
    expect(verbs(join)).toEqual([ENROL_VERBS.start]);
    expect(join).toMatchSnapshot();
    const notice = noticeCard({ title: 'x', lines: ['a'], facts: [{ title: 'k', value: 'v' }], notes: ['n'] }).content as Card;
    expectWellFormed(notice);
  });

  it('the enrolment card with many teams stays valid and under 40 KB', () => {
    const teams = Array.from({ length: 120 }, (_, i) => ({ orgId: 'soest', teamId: `team-${i}`, name: `Team ${i}`, managerIds: [], demo: false }));
    const card = enrolCard({
      lang: 'nl',
      changing: false,
      teams,
      hasBaseline: true,
      values: { teamId: '', nudgeTime: '09:00', language: 'nl', commuteMode: '', distanceBand: '', packaging: '', screensOff: 'false', lightsOff: 'false' },
    }).content as Card;
    expectWellFormed(card);
  });

  it('every text exists in Dutch and English', () => {
    for (const [key, value] of Object.entries(T)) {
      expect([key, value.nl.length > 0, value.en.length > 0]).toEqual([key, true, true]);
    }
  });
});
