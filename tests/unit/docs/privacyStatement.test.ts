import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_MIN_GROUP_SIZE } from '@soestainable/shared/privacy/groupSize';
import { DEFAULTS, loadConfig } from '@soestainable/bot/config';
import { EXPORT_TOKEN_TTL_MS } from '@soestainable/bot/features/myData/exportToken';
import { CONFIRMATION_TTL_MS } from '@soestainable/bot/features/myData/myData';
import { reportsTexts } from '@soestainable/bot/features/reports/texts';

/**
 * The privacy statement for employees (docs/handleiding/{nl,en}, issue 18) says the same as docs/privacy.md and the
 * code: how long data is kept, the minimum group size, the link and confirmation times, and what is anonymous. Each
 * fact is read from the code (DEFAULTS in bot/src/config.ts, the constants beside the features) and from every
 * place the docs state it; a sentence that changes its number in one place only fails here. Like
 * configDefaults.test.ts, the defaults are what a deployment gets unless it sets the variable (the statement
 * speaks of those).
 */

const ROOT = join(__dirname, '..', '..', '..');
/** The file's text with every run of white space made one space (sentences wrap anywhere in Markdown). */
const read = (path: string): string => readFileSync(join(ROOT, path), 'utf8').replace(/\s+/g, ' ');

const PRIVACY = 'docs/privacy.md';
const STATEMENT = { nl: 'docs/handleiding/nl/privacyverklaring.md', en: 'docs/handleiding/en/privacy-statement.md' } as const;
type Lang = keyof typeof STATEMENT;
const LANGS = ['nl', 'en'] as const;

/** The numbers `pattern` (with one capturing group, global or not) finds in `text`, in order. */
function numbers(text: string, pattern: RegExp): number[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  return [...text.matchAll(global)].map((m) => Number(m[1]));
}

interface Fact {
  readonly name: string;
  /** The value in the code. */
  readonly value: number;
  /** Each pattern must be found in its document at least once, and every number it finds must be `value`. */
  readonly privacy: readonly RegExp[];
  readonly statement: Readonly<Record<Lang, readonly RegExp[]>>;
}

const config = loadConfig({});

/** Each pattern is found in `text`, and every number it finds there is `value`. */
function expectSaid(text: string, patterns: readonly RegExp[], value: number): void {
  for (const pattern of patterns) {
    const found = numbers(text, pattern);
    expect([pattern.source, found.length > 0]).toEqual([pattern.source, true]);
    expect([pattern.source, found]).toEqual([pattern.source, found.map(() => value)]);
  }
}

const FACTS: readonly Fact[] = [
  {
    name: 'retention after a campaign and after leaving (RETENTION_DAYS)',
    value: DEFAULTS.RETENTION_DAYS,
    privacy: [
      /\*\*Raw check-ins and survey answers are deleted\*\* (\d+) days \(configurable\) after a campaign ends/,
      /People who left are deleted (\d+) days after they left/,
      /`RETENTION_DAYS` \(default \*\*(\d+)\*\*/,
      /`RETENTION_DAYS` \((\d+)\) days after they left/,
    ],
    statement: {
      nl: [/(\d+) dagen na het einde van de campagne/, /(\d+) dagen nadat je gestopt bent/, /(\d+) dagen na het versturen/],
      en: [/(\d+) days after the campaign ends/, /(\d+) days after you left/, /(\d+) days after it was sent/],
    },
  },
  {
    name: 'the audit log (AUDIT_RETENTION_DAYS)',
    value: DEFAULTS.AUDIT_RETENTION_DAYS,
    privacy: [/`AUDIT_RETENTION_DAYS` \(default \*\*(\d+)\*\* days/, /`AUDIT_RETENTION_DAYS` \(default (\d+) days, two years\)/],
    statement: { nl: [/het auditlog [^|]*\| (\d+) dagen \(twee jaar\)/], en: [/the audit log [^|]*\| (\d+) days \(two years\)/] },
  },
  {
    name: 'the minimum group size (MIN_GROUP_SIZE)',
    value: DEFAULTS.MIN_GROUP_SIZE,
    privacy: [/hidden below \*\*(\d+) people\*\*/, /No team figure is shown for fewer than \*\*(\d+) people\*\*/, /A team dashboard is shown from (\d+) active participants/],
    statement: { nl: [/minder dan (\d+) (?:actieve )?deelnemers/], en: [/fewer than (\d+) (?:active )?participants/] },
  },
  {
    name: 'the download link (minutes)',
    value: EXPORT_TOKEN_TTL_MS / 60_000,
    privacy: [/The download link works for (\d+) minutes/],
    statement: { nl: [/downloadlink werkt (\d+) minuten/], en: [/download link works for (\d+) minutes/] },
  },
  {
    name: 'the delete confirmation (minutes)',
    value: CONFIRMATION_TTL_MS / 60_000,
    privacy: [/The confirmation card works once and for (\d+) minutes/],
    statement: { nl: [/bevestigingsknop werkt (\d+) minuten/], en: [/confirm button works for (\d+) minutes/] },
  },
];

describe('the privacy statement for employees keeps the facts of docs/privacy.md and the code', () => {
  it('the code\'s defaults are what a deployment gets', () => {
    expect(config.jobs.retentionDays).toBe(DEFAULTS.RETENTION_DAYS);
    expect(config.jobs.auditRetentionDays).toBe(DEFAULTS.AUDIT_RETENTION_DAYS);
    expect(config.minGroupSize).toBe(DEFAULTS.MIN_GROUP_SIZE);
    expect(DEFAULTS.MIN_GROUP_SIZE).toBe(DEFAULT_MIN_GROUP_SIZE);
  });

  describe.each(FACTS.map((f) => [f.name, f] as const))('%s', (_name, fact) => {
    it(`docs/privacy.md says ${fact.value}`, () => {
      expectSaid(read(PRIVACY), fact.privacy, fact.value);
    });

    it.each(LANGS)(`the statement (%s) says ${fact.value}, wherever it says it`, (lang) => {
      expectSaid(read(STATEMENT[lang]), fact.statement[lang], fact.value);
    });
  });

  it.each(LANGS)('every number of days or minutes in the statement (%s) is one of those facts', (lang) => {
    const unit = lang === 'nl' ? /(\d+) (?:dagen|minuten)/ : /(\d+) (?:days|minutes)/;
    const known = new Set(FACTS.map((f) => f.value));
    expect(numbers(read(STATEMENT[lang]), unit).filter((n) => !known.has(n))).toEqual([]);
  });

  it('every page of the guide and the tab\'s "Hoe werkt het?" give the same minimum group size', () => {
    const pages = LANGS.flatMap((lang) => readdirSync(join(ROOT, 'docs', 'handleiding', lang)).map((f) => [lang, `docs/handleiding/${lang}/${f}`] as const));
    const patterns: Record<Lang, RegExp> = {
      nl: /(?:minder dan|minstens|vanaf) (\d+) (?:actieve )?(?:deelnemers|mensen)/,
      en: /(?:fewer than|at least|from) (\d+) (?:active )?(?:participants|people)/,
    };
    const found = [
      ...pages.map(([lang, page]) => [page, numbers(read(page), patterns[lang])] as const),
      // The tab's texts as written in their source (the tests' project does not compile the tab): both languages.
      ...LANGS.map((lang) => [`tab/src/pages/help/texts.ts (${lang})`, numbers(read('tab/src/pages/help/texts.ts'), patterns[lang])] as const),
    ];
    expect(found.filter(([, values]) => values.length > 0).length).toBeGreaterThanOrEqual(6);
    expect(found.filter(([, values]) => values.some((v) => v !== DEFAULTS.MIN_GROUP_SIZE))).toEqual([]);
  });

  it('the employee guide gives the daily limit of barriers and ideas (REPORTS_PER_DAY), as docs/privacy.md does', () => {
    expectSaid(read('docs/handleiding/nl/medewerker.md'), [/hoogstens (\d+) prikkels en ideeën/], DEFAULTS.REPORTS_PER_DAY);
    expectSaid(read('docs/handleiding/en/employee.md'), [/at most (\d+) barriers and ideas/], DEFAULTS.REPORTS_PER_DAY);
    expectSaid(read(PRIVACY), [/`REPORTS_PER_DAY` \(default (\d+)\)/], DEFAULTS.REPORTS_PER_DAY);
  });

  describe('what is anonymous', () => {
    const ANONYMOUS = [
      {
        what: 'barriers and ideas, unless the reporter allows contact',
        privacy: '**Barriers (*prikkels*) and ideas are anonymous** unless the reporter ticks',
        nl: '**Prikkels en ideeën zijn anoniem**, tenzij je',
        en: '**Barriers and ideas are anonymous**, unless you',
      },
      { what: 'teams, never individuals', privacy: '**Teams, never individuals**', nl: '**Alleen teams, nooit personen.**', en: '**Teams only, never individuals.**' },
      { what: 'nobody sees the contact', privacy: 'Nobody sees the contact: not the team dashboard, not the coordinators', nl: 'Niemand ziet wie het stuurde', en: 'Nobody sees who sent it' },
    ] as const;

    it.each(ANONYMOUS.map((a) => [a.what, a] as const))('%s: said in docs/privacy.md and in both statements', (_what, claim) => {
      expect(read(PRIVACY)).toContain(claim.privacy);
      for (const lang of LANGS) expect([lang, read(STATEMENT[lang]).includes(claim[lang])]).toEqual([lang, true]);
    });

    it.each(LANGS)('the statement (%s) names the tick as the bot\'s report card does, and the card promises anonymity without it', (lang) => {
      expect(read(STATEMENT[lang])).toContain(`*${reportsTexts.barrierContactTitle[lang]}*`);
      expect(reportsTexts.anonymousNote[lang]).toContain(lang === 'nl' ? 'anoniem' : 'anonymous');
    });
  });
});
