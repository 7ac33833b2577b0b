import {
  ACTION_STATUSES,
  BARRIER_STATUSES,
  CHECKIN_OUTCOMES,
  DIMENSIONS,
  DISTANCE_BAND_KEYS,
  FREQUENCIES,
  LANGUAGES,
  THEMES,
  TRAVEL_MODES,
  type Localized,
} from '@soestainable/shared/domain/types';
import {
  ACTION_STATUS_LABELS,
  BARRIER_STATUS_LABELS,
  CAMPAIGN_LENGTH_DAYS,
  CATALOGUE,
  CATALOGUE_VERSION,
  CHALLENGE_TEXT_LIMITS,
  challengeById,
  challengeForDay,
  challengeSchema,
  CHECKIN_OUTCOME_LABELS,
  CHECKIN_QUESTIONS,
  checkInQuestion,
  DIMENSION_LABELS,
  DISTANCE_BAND_LABELS,
  FREQUENCY_LABELS,
  labelOf,
  type LabelMap,
  THEME_LABELS,
  TRAVEL_MODE_LABELS,
  YES_NO_LABELS,
} from '@soestainable/shared/catalogue';

function expectFilled(text: Localized, where: string): void {
  for (const lang of LANGUAGES) {
    expect({ where, lang, text: text[lang].trim() }).toEqual({ where, lang, text: expect.stringMatching(/\S/) });
  }
}

describe('challenge catalogue', () => {
  it('has a version', () => {
    expect(CATALOGUE_VERSION).toMatch(/^\d{4}\.\d+$/);
  });

  it('has exactly 10 days, each day 1..10 once', () => {
    expect(CAMPAIGN_LENGTH_DAYS).toBe(10);
    expect(CATALOGUE).toHaveLength(10);
    expect(CATALOGUE.map((c) => c.day).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('has unique, slug-shaped ids that start with their day', () => {
    const ids = CATALOGUE.map((c) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const challenge of CATALOGUE) {
      expect(challenge.id).toMatch(new RegExp(`^dag${String(challenge.day).padStart(2, '0')}-[a-z0-9-]+$`));
    }
    const questionIds = CATALOGUE.map((c) => c.question.id);
    expect(new Set(questionIds).size).toBe(questionIds.length);
  });

  it('every text is non-empty in both languages, and nl differs from en', () => {
    for (const c of CATALOGUE) {
      for (const [field, text] of [
        ['title', c.title],
        ['action', c.action],
        ['tip', c.tip],
        ['question', c.question.text],
      ] as const) {
        expectFilled(text, `${c.id}.${field}`);
        expect({ id: c.id, field, same: text.nl === text.en }).toEqual({ id: c.id, field, same: false });
      }
    }
  });

  it('keeps texts within the length limits', () => {
    expect(CHALLENGE_TEXT_LIMITS).toMatchObject({ title: 60, action: 200, tip: 250 });
    for (const c of CATALOGUE) {
      for (const lang of LANGUAGES) {
        expect(c.title[lang].length).toBeLessThanOrEqual(CHALLENGE_TEXT_LIMITS.title);
        expect(c.action[lang].length).toBeLessThanOrEqual(CHALLENGE_TEXT_LIMITS.action);
        expect(c.tip[lang].length).toBeLessThanOrEqual(CHALLENGE_TEXT_LIMITS.tip);
        expect(c.question.text[lang].length).toBeLessThanOrEqual(CHALLENGE_TEXT_LIMITS.question);
      }
    }
  });

  it('passes the schema coordinators’ edits are checked with', () => {
    for (const c of CATALOGUE) {
      expect(challengeSchema.safeParse(c).success).toBe(true);
    }
    const tooLong = { ...CATALOGUE[0], title: { nl: 'x'.repeat(61), en: 'y' } };
    expect(challengeSchema.safeParse(tooLong).success).toBe(false);
    const untranslated = { ...CATALOGUE[0], tip: { nl: 'Zelfde', en: 'Zelfde' } };
    expect(challengeSchema.safeParse(untranslated).success).toBe(false);
  });

  it('covers each theme on at least 3 days', () => {
    const daysPerTheme = Object.fromEntries(THEMES.map((t) => [t, CATALOGUE.filter((c) => c.theme === t).length]));
    expect(daysPerTheme).toEqual({ circulariteit: 4, energietransitie: 3, mvoi: 3 });
    for (const theme of THEMES) {
      expect(daysPerTheme[theme]).toBeGreaterThanOrEqual(3);
    }
  });

  it('asks a count only about cups (the only count the impact estimate reads)', () => {
    const counts = CATALOGUE.filter((c) => c.question.kind === 'count');
    expect(counts.map((c) => c.id)).toEqual(['dag01-eigen-beker']);
  });

  it('challengeForDay and challengeById', () => {
    expect(challengeForDay(1)?.id).toBe('dag01-eigen-beker');
    expect(challengeForDay(10)?.theme).toBe('mvoi');
    expect(challengeForDay(0)).toBeUndefined();
    expect(challengeForDay(11)).toBeUndefined();
    expect(challengeById('dag01-eigen-beker')?.day).toBe(1);
    expect(challengeById('nope')).toBeUndefined();
  });
});

describe('standard check-in questions', () => {
  it('asks outcome, travel mode, distance band and waste-free every day', () => {
    expect(CHECKIN_QUESTIONS.map((q) => q.id)).toEqual(['outcome', 'travelMode', 'distanceBand', 'wasteFree']);
  });

  it('offers every value of the domain lists, labelled in both languages', () => {
    for (const question of CHECKIN_QUESTIONS) {
      expectFilled(question.text, question.id);
      if (question.kind === 'choice') {
        for (const option of question.options) {
          expectFilled(option.label, `${question.id}.${option.value}`);
        }
      }
    }
    const values = (id: string) =>
      CHECKIN_QUESTIONS.flatMap((q) => (q.id === id && q.kind === 'choice' ? q.options.map((o) => o.value) : []));
    expect(values('outcome')).toEqual([...CHECKIN_OUTCOMES]);
    expect(values('travelMode')).toEqual([...TRAVEL_MODES]);
    expect(values('distanceBand')).toEqual([...DISTANCE_BAND_KEYS]);
    expectFilled(YES_NO_LABELS.yes, 'yes');
    expectFilled(YES_NO_LABELS.no, 'no');
  });

  it('checkInQuestion finds a question by its id, for the bot’s card and the tab’s form alike', () => {
    for (const question of CHECKIN_QUESTIONS) expect(checkInQuestion(question.id)).toBe(question);
    expect(checkInQuestion('travelMode').options.map((o) => o.value)).toEqual([...TRAVEL_MODES]);
  });
});

describe('label maps', () => {
  const cases: readonly (readonly [string, readonly string[], LabelMap<string>])[] = [
    ['CHECKIN_OUTCOMES', CHECKIN_OUTCOMES, CHECKIN_OUTCOME_LABELS],
    ['TRAVEL_MODES', TRAVEL_MODES, TRAVEL_MODE_LABELS],
    ['DISTANCE_BAND_KEYS', DISTANCE_BAND_KEYS, DISTANCE_BAND_LABELS],
    ['THEMES', THEMES, THEME_LABELS],
    ['DIMENSIONS', DIMENSIONS, DIMENSION_LABELS],
    ['ACTION_STATUSES', ACTION_STATUSES, ACTION_STATUS_LABELS],
    ['BARRIER_STATUSES', BARRIER_STATUSES, BARRIER_STATUS_LABELS],
    ['FREQUENCIES', FREQUENCIES, FREQUENCY_LABELS],
  ];

  it.each(cases)('%s: every key, and only those, in both languages', (_name, keys, labels) => {
    expect(Object.keys(labels).sort()).toEqual([...keys].sort());
    for (const key of keys) {
      const label = labels[key];
      expect(label).toBeDefined();
      if (label !== undefined) {
        expectFilled(label, key);
      }
    }
  });

  it('labelOf picks the language', () => {
    expect(labelOf(TRAVEL_MODE_LABELS, 'ov', 'nl')).toBe('Openbaar vervoer');
    expect(labelOf(TRAVEL_MODE_LABELS, 'ov', 'en')).toBe('Public transport');
  });
});
