import type { Activity } from 'botbuilder';
import type { Language } from '@soestainable/shared/domain/types';
import { enrolTexts } from '@soestainable/bot/features/enrol/texts';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from '@soestainable/bot/features/enrol/verbs';
import { settingsTexts } from '@soestainable/bot/features/settings/texts';
import { SETTINGS_VERBS } from '@soestainable/bot/features/settings/verbs';
import { submitActivity, useBotHarness } from '../../../helpers/botHarness';
import { cardContent, exchange, execute, joinedAdapter, LANGS, replyCard } from '../../../helpers/botTurns';
import { cardText, elements, expectWellFormed, input, verbs, type Card } from '../../../helpers/cards';
import { participant } from '../../../helpers/orgFixture';

const T = settingsTexts;
/** What a Dutch and an English speaker type for each command. */
const WORDS = {
  nl: { pause: 'pauze', resume: 'hervat', time: 'tijd', language: 'taal', team: 'team' },
  en: { pause: 'pause', resume: 'resume', time: 'time', language: 'language', team: 'team' },
} as const;

const errorLine = (card: Card): string => String(elements(card).find((e) => e['color'] === 'Attention')?.['text'] ?? '');

const h = useBotHarness();
let n = 0;

/** A participant of team Publiekszaken at 09:00 in `lang`, and their adapter. */
async function joined(lang: Language, locale: string, overrides: Parameters<typeof participant>[0] = {}) {
  const userId = `aad-settings-${++n}`;
  const adapter = await joinedAdapter(h, { userId, language: lang, ...overrides }, locale);
  return { userId, adapter, get: async () => h.repos.participants.get(userId) };
}

describe.each(LANGS)('settings in %s', (lang, locale) => {
  const w = WORDS[lang];

  it('"pause" pauses at once and confirms on a card with Resume; the Resume button resumes in place', async () => {
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, w.pause);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.pausedBody[lang]);
    expect(verbs(card)).toEqual([SETTINGS_VERBS.resume]);
    expect(card).toMatchSnapshot();
    expect((await u.get())?.status).toBe('paused');
    expect((await h.repos.participants.listNudgeSlot('09:00')).map((e) => e.userId)).not.toContain(u.userId);

    const resumed = await execute(u.adapter, SETTINGS_VERBS.resume);
    expectWellFormed(resumed);
    // 09:00 on Wednesday: today's nudge time has come, so the next challenge is Thursday's.
    const thursday = lang === 'nl' ? 'donderdag 3 december' : 'Thursday 3 December';
    expect(cardText(resumed)).toContain(T.resumedOn[lang].replace('{time}', '09:00').replace('{date}', thursday));
    expect(verbs(resumed)).toEqual([CHECKIN_OPEN_VERB]);
    expect(resumed).toMatchSnapshot();
    expect((await u.get())?.status).toBe('active');
    expect((await h.repos.participants.listNudgeSlot('09:00')).map((e) => e.userId)).toContain(u.userId);
  });

  it('pausing twice or resuming while active says nothing changed', async () => {
    const u = await joined(lang, locale, { status: 'paused' });
    expect(cardText(await execute(u.adapter, SETTINGS_VERBS.pause))).toContain(T.alreadyPaused[lang]);
    expect(cardText(await replyCard(u.adapter, w.resume))).toContain(T.resumedTitle[lang]);
    expect(cardText(await replyCard(u.adapter, w.resume))).toContain(T.alreadyActive[lang]);
    expect((await u.get())?.status).toBe('active');
  });

  it('"time 08:30" changes the nudge time at once (and moves the nudge slot)', async () => {
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, `${w.time} 08:30`);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.timeSet[lang].replace('{time}', '08:30'));
    expect(card).toMatchSnapshot();
    expect((await u.get())?.nudgeTime).toBe('08:30');
    expect((await h.repos.participants.listNudgeSlot('08:30')).map((e) => e.userId)).toContain(u.userId);
    expect((await h.repos.participants.listNudgeSlot('09:00')).map((e) => e.userId)).not.toContain(u.userId);

    await replyCard(u.adapter, `${w.time} 7.45`);
    expect((await u.get())?.nudgeTime).toBe('07:45');
  });

  it.each(['25:99', '06:00', 'morgen', '8'])('"time %s" gets a clear answer with an example; nothing changes', async (typed) => {
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, `${w.time} ${typed}`);
    expectWellFormed(card);
    expect(cardText(card)).toContain(lang === 'nl' ? 'bijvoorbeeld: tijd 08:30' : 'for example: time 08:30');
    expect((await u.get())?.nudgeTime).toBe('09:00');
  });

  it('"time" alone shows a card to pick; its Save stores the time; a bad time gets the card again with an error', async () => {
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, w.time);
    expectWellFormed(card);
    expect(input(card, 'nudgeTime')).toMatchObject({ type: 'Input.Time', value: '09:00', min: '07:00', max: '11:00' });
    expect(verbs(card)).toEqual([SETTINGS_VERBS.time]);
    expect(card).toMatchSnapshot();

    const bad = await execute(u.adapter, SETTINGS_VERBS.time, { nudgeTime: '25:99' });
    expectWellFormed(bad);
    expect(errorLine(bad)).toBe(T.timeInvalidCard[lang].replace('{min}', '07:00').replace('{max}', '11:00'));
    expect((await u.get())?.nudgeTime).toBe('09:00');

    const missing = await execute(u.adapter, SETTINGS_VERBS.time, {});
    expect(errorLine(missing)).toContain(T.timeInvalidCard[lang].slice(0, 20));
    const extra = await execute(u.adapter, SETTINGS_VERBS.time, { nudgeTime: '10:00', teamId: 'buitendienst' });
    expect(errorLine(extra)).toBe(T.formInvalid[lang]);
    expect(await u.get()).toMatchObject({ nudgeTime: '09:00', teamId: 'publiekszaken' });

    const saved = await execute(u.adapter, SETTINGS_VERBS.time, { nudgeTime: '10:00' });
    expect(cardText(saved)).toContain(T.timeSet[lang].replace('{time}', '10:00'));
    expect((await u.get())?.nudgeTime).toBe('10:00');
  });

  it('a paused participant who changes the time hears they are still paused', async () => {
    const u = await joined(lang, locale, { status: 'paused' });
    const card = await replyCard(u.adapter, `${w.time} 10:15`);
    expect(cardText(card)).toContain(T.stillPaused[lang]);
    expect(await u.get()).toMatchObject({ nudgeTime: '10:15', status: 'paused' });
  });

  it('"language" with a word changes the language and confirms in the new one', async () => {
    const other: Language = lang === 'nl' ? 'en' : 'nl';
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, `${w.language} ${other === 'en' ? 'English' : 'Nederlands'}`);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.languageSet[other]);
    expect(card).toMatchSnapshot();
    expect((await u.get())?.language).toBe(other);

    await replyCard(u.adapter, `${w.language} ${lang}`);
    expect((await u.get())?.language).toBe(lang);
  });

  it('"language klingon" gets a clear answer; nothing changes', async () => {
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, `${w.language} klingon`);
    expect(cardText(card)).toContain(T.languageInvalidTyped[lang]);
    expect((await u.get())?.language).toBe(lang);
  });

  it('"language" alone shows a card; its Save stores the choice; a bad value gets the card again', async () => {
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, w.language);
    expectWellFormed(card);
    expect(input(card, 'language')).toMatchObject({ style: 'expanded', value: lang });
    expect(card).toMatchSnapshot();

    const bad = await execute(u.adapter, SETTINGS_VERBS.language, { language: 'de' });
    expect(errorLine(bad)).toBe(T.languageInvalidCard[lang]);
    expect((await u.get())?.language).toBe(lang);

    const saved = await execute(u.adapter, SETTINGS_VERBS.language, { language: 'en' });
    expect(cardText(saved)).toContain(T.languageSet.en);
    expect((await u.get())?.language).toBe('en');
  });

  it('"team" shows the current team and a card to change it; Save moves the participant', async () => {
    const u = await joined(lang, locale);
    const card = await replyCard(u.adapter, w.team);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.teamCurrent[lang].replace('{team}', 'Publiekszaken'));
    expect(input(card, 'teamId')).toMatchObject({ style: 'compact', value: 'publiekszaken' });
    expect(card).toMatchSnapshot();

    const saved = await execute(u.adapter, SETTINGS_VERBS.team, { teamId: 'buitendienst' });
    expectWellFormed(saved);
    expect(cardText(saved)).toContain(T.teamSet[lang].replace('{team}', 'Buitendienst'));
    expect((await u.get())?.teamId).toBe('buitendienst');
    expect((await h.repos.participants.listTeamMembers('buitendienst')).map((m) => m.userId)).toContain(u.userId);
    expect((await h.repos.participants.listTeamMembers('publiekszaken')).map((m) => m.userId)).not.toContain(u.userId);
  });

  it('an unknown team, by card or typed, gets the team card with an error; nothing changes', async () => {
    const u = await joined(lang, locale);
    for (const data of [{ teamId: 'geen-team' }, { teamId: 'x'.repeat(600) }, {}, { teamId: 'buitendienst', extra: 1 }]) {
      const card = await execute(u.adapter, SETTINGS_VERBS.team, data);
      expectWellFormed(card);
      expect(errorLine(card)).toBe('extra' in data ? T.formInvalid[lang] : T.teamUnknown[lang]);
    }
    const typed = await replyCard(u.adapter, `${w.team} Geen Team`);
    expect(errorLine(typed)).toBe(T.teamUnknown[lang]);
    expect((await u.get())?.teamId).toBe('publiekszaken');

    await replyCard(u.adapter, `${w.team} buitendienst`);
    expect((await u.get())?.teamId).toBe('buitendienst');
  });

  it('pause and resume buttons with extra fields change nothing', async () => {
    const u = await joined(lang, locale);
    const card = await execute(u.adapter, SETTINGS_VERBS.pause, { status: 'left' });
    expect(cardText(card)).toContain(T.formInvalid[lang]);
    expect((await u.get())?.status).toBe('active');
  });

  it('in a team channel, every setting tells someone who joined which word to type in the personal chat; nothing is stored', async () => {
    const u = await joined(lang, locale);
    const before = await u.get();
    const channel = h.adapter({
      userId: u.userId,
      locale,
      conversationType: 'channel',
      conversationId: '19:general@thread.tacv2',
      channelData: { team: { id: '19:team@thread.tacv2' } },
    });
    const answer = (word: string): string => T.personalOnly[lang].replace('{command}', word);
    for (const [setting, word] of Object.entries(w)) {
      for (const typed of [word, setting === 'time' ? `${word} 10:00` : setting === 'language' ? `${word} ${lang === 'nl' ? 'en' : 'nl'}` : word]) {
        const card = await replyCard(channel, typed);
        expectWellFormed(card);
        expect([typed, cardText(card)]).toEqual([typed, answer(word)]);
        expect(cardText(card)).not.toContain(enrolTexts.personalOnly[lang]);
      }
    }
    for (const [verb, data, word] of [
      [SETTINGS_VERBS.pause, {}, w.pause],
      [SETTINGS_VERBS.resume, {}, w.resume],
      [SETTINGS_VERBS.time, { nudgeTime: '10:00' }, w.time],
      [SETTINGS_VERBS.language, { language: lang === 'nl' ? 'en' : 'nl' }, w.language],
      [SETTINGS_VERBS.team, { teamId: 'buitendienst' }, w.team],
    ] as const) {
      expect(cardText(await execute(channel, verb, data))).toBe(answer(word));
    }
    expect(await u.get()).toEqual(before);
    expect((await h.repos.participants.listNudgeSlot('09:00')).map((e) => e.userId)).toContain(u.userId);

    // The word named is the one that opens the setting in the personal chat.
    expect(cardText(await replyCard(u.adapter, w.time))).toContain(T.timeTitle[lang]);
    expect(cardText(await replyCard(u.adapter, w.language))).toContain(T.languageTitle[lang]);
    expect(cardText(await replyCard(u.adapter, w.team))).toContain(T.teamCurrent[lang].replace('{team}', 'Publiekszaken'));
    expect(cardText(await replyCard(u.adapter, w.pause))).toContain(T.pausedBody[lang]);
    expect(cardText(await replyCard(u.adapter, w.resume))).toContain(T.resumedTitle[lang]);
  });

  it('someone who has not joined (or left) gets the join card for every setting', async () => {
    const userId = `aad-settings-${++n}`;
    await h.repos.participants.save(participant({ userId, status: 'left', language: lang }));
    for (const adapter of [h.adapter({ userId: `aad-settings-${++n}`, locale }), h.adapter({ userId, locale })]) {
      for (const word of Object.values(w)) {
        const card = await replyCard(adapter, word);
        expect(cardText(card)).toContain(enrolTexts.joinFirst[lang]);
        expect(verbs(card)).toEqual([ENROL_VERBS.start]);
      }
      for (const [verb, data] of [
        [SETTINGS_VERBS.pause, {}],
        [SETTINGS_VERBS.resume, {}],
        [SETTINGS_VERBS.time, { nudgeTime: '08:00' }],
        [SETTINGS_VERBS.language, { language: 'en' }],
        [SETTINGS_VERBS.team, { teamId: 'buitendienst' }],
      ] as const) {
        expect(cardText(await execute(adapter, verb, data))).toContain(enrolTexts.joinFirst[lang]);
      }
    }
    expect((await h.repos.participants.get(userId))?.status).toBe('left');
  });
});

describe('"hervat" says when the next challenge comes', () => {
  /** A paused participant (nudge time `nudgeTime`) resuming at `now`: the resumed card's text. */
  async function resumeAt(now: string, nudgeTime = '09:00', lang: Language = 'nl', before?: (userId: string) => Promise<void>): Promise<string> {
    h.clock.now = new Date(now);
    const u = await joined(lang, lang === 'nl' ? 'nl-NL' : 'en-US', { status: 'paused', nudgeTime });
    await before?.(u.userId);
    const card = await replyCard(u.adapter, WORDS[lang].resume);
    expectWellFormed(card);
    expect(cardText(card)).toContain(T.resumedTitle[lang]);
    expect((await u.get())?.status).toBe('active');
    return cardText(card);
  }

  it.each(LANGS)('on a challenge day before the nudge time: today at that time (%s)', async (lang) => {
    const text = await resumeAt('2026-12-02T06:30:00Z', '09:00', lang); // Wednesday 07:30
    expect(text).toContain(T.resumedToday[lang].replace('{time}', '09:00'));
  });

  it('before the nudge time, but today\'s nudge was already claimed (an earlier time): the next campaign day', async () => {
    const text = await resumeAt('2026-12-02T07:00:00Z', '09:00', 'nl', async (userId) => {
      await h.repos.sendClaims.claim('nudge', '2026-12-02', userId, 'run-test');
      await h.repos.sendClaims.markSkipped('nudge', '2026-12-02', userId, 'paused');
    });
    expect(text).toContain(T.resumedOn.nl.replace('{time}', '09:00').replace('{date}', 'donderdag 3 december'));
  });

  it('on Friday after the nudge time: Monday, named (not "the next working day")', async () => {
    const text = await resumeAt('2026-12-04T10:00:00Z', '09:00'); // Friday 11:00
    expect(text).toContain(T.resumedOn.nl.replace('{time}', '09:00').replace('{date}', 'maandag 7 december'));
  });

  it.each(LANGS)('on the last campaign day after the nudge: no more challenges in this campaign (%s)', async (lang) => {
    const text = await resumeAt('2026-12-11T12:00:00Z', '09:00', lang); // Friday 11 Dec, day 10, 13:00
    expect(text).toContain(T.resumedOver[lang].replace('{time}', '09:00'));
    expect(text).not.toContain(T.resumedOn[lang].slice(0, 15));
  });

  it.each(LANGS)('after the campaign, with none planned: no challenge planned (%s)', async (lang) => {
    const text = await resumeAt('2026-12-14T08:00:00Z', '08:30', lang); // Monday after the campaign
    expect(text).toContain(T.resumedNoCampaign[lang].replace('{time}', '08:30'));
  });
});

describe('settings details', () => {
  it('the Action.Submit fallback of Pause replaces the clicked card (updateActivity)', async () => {
    const u = await joined('nl', 'nl-NL');
    const updated: Array<Partial<Activity>> = [];
    u.adapter.updateActivity = async (_context, activity) => {
      updated.push(activity);
    };
    expect(await exchange(u.adapter, submitActivity(SETTINGS_VERBS.pause, {}, 'card-3'))).toEqual([]);
    expect(updated[0]?.id).toBe('card-3');
    expect(cardText(cardContent(updated[0] ?? {}))).toContain(T.pausedBody.nl);
    expect((await u.get())?.status).toBe('paused');
  });

  it('every text exists in Dutch and English', () => {
    for (const [key, value] of Object.entries(T)) {
      expect([key, value.nl.length > 0, value.en.length > 0]).toEqual([key, true, true]);
    }
  });
});
