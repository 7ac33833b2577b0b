import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { DEFAULTS, loadConfig } from '@soestainable/bot/config';
import { DEFAULT_AZURITE_PORT } from '@soestainable/bot/storage/openStorage';

/**
 * The defaults the docs promise are the ones the code applies: every `| variable | default | meaning |` row of the
 * README's configuration table and of docs/proactive.md's is checked against `DEFAULTS` (bot/src/config.ts), and
 * `.env.example`, copied to `.env`, changes nothing.
 */

const ROOT = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');

interface Row {
  readonly file: string;
  readonly variable: string;
  /** The default cell as written, e.g. "`3978`", "empty", "— (off)". */
  readonly cell: string;
}

/** The rows of the first table after `heading` whose first column is `variable`. */
function defaultsTable(file: string, heading: string): Row[] {
  const lines = read(file).split('\n');
  const start = lines.indexOf(heading);
  if (start < 0) throw new Error(`${file} has no heading "${heading}"`);
  const header = lines.findIndex((l, i) => i > start && /^\| variable \| default \|/.test(l));
  if (header < 0) throw new Error(`${file}: no "| variable | default |" table after "${heading}"`);
  const rows: Row[] = [];
  for (const line of lines.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    const [, names = '', defaults = ''] = line.split('|').map((c) => c.trim());
    const variables = backticked(names);
    // `ORG_ID` / `ORG_NAME` with `soest` / `Gemeente Soest`: one default per variable.
    const cells = variables.length > 1 ? defaults.split(' / ') : [defaults];
    if (cells.length !== variables.length) throw new Error(`${file}: cannot pair ${names} with ${defaults}`);
    variables.forEach((variable, i) => rows.push({ file, variable, cell: cells[i] ?? '' }));
  }
  return rows;
}

function backticked(text: string): string[] {
  return [...text.matchAll(/`([^`]*)`/g)].map((m) => m[1] ?? '');
}

/** How the docs may write a default: the value itself; a switch as `1`/`0` or `true`/`false`. */
function spellings(value: string | number | boolean): string[] {
  if (typeof value === 'boolean') return value ? ['1', 'true'] : ['0', 'false'];
  return [String(value)];
}

type Defaults = Readonly<Record<string, unknown>>;
const defaults: Defaults = DEFAULTS;

/**
 * Defaults that are not one value, each with what the docs must say. `DEFAULTS` holds the first two; the others
 * come from elsewhere, so `DEFAULTS` must not claim them.
 */
const SPECIAL: Record<string, (cell: string) => void> = {
  HOST: (cell) => expect(backticked(cell)).toEqual([DEFAULTS.HOST.local, DEFAULTS.HOST.production]),
  DEV_SIGNIN: (cell) =>
    expect(backticked(cell)).toEqual([spellings(DEFAULTS.DEV_SIGNIN.localStack)[0], 'npm start', spellings(DEFAULTS.DEV_SIGNIN.otherwise)[0]]),
  // Embedded Azurite's port: its own default, or a free one (storage/openStorage.ts).
  AZURITE_PORT: (cell) => {
    expect(defaults).not.toHaveProperty('AZURITE_PORT');
    expect(backticked(cell)).toEqual([String(DEFAULT_AZURITE_PORT)]);
  },
  // botbuilder's own default: the config leaves it undefined.
  BOT_OPENID_METADATA_URL: () => {
    expect(defaults).not.toHaveProperty('BOT_OPENID_METADATA_URL');
    expect(loadConfig({}).bot.openIdMetadataUrl).toBeUndefined();
  },
  // Falls back to other variables, in the order the docs give.
  AAD_ALLOWED_TENANTS: (cell) => {
    expect(defaults).not.toHaveProperty('AAD_ALLOWED_TENANTS');
    expect(backticked(cell)).toEqual(['AAD_APP_TENANT_ID', 'MicrosoftAppTenantId']);
    const app = '6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10';
    const bot = '00000000-0000-0000-0000-000000000002';
    expect(loadConfig({ AAD_APP_TENANT_ID: app, MicrosoftAppTenantId: bot }).tabAuth.allowedTenants).toEqual([app]);
    expect(loadConfig({ MicrosoftAppTenantId: bot }).tabAuth.allowedTenants).toEqual([bot]);
  },
};

function checkRow({ variable, cell }: Row): void {
  const special = SPECIAL[variable];
  if (special !== undefined) return special(cell);
  if (/^(—|none\b)/.test(cell)) {
    // Documented as having no default: unset means "not configured".
    expect(defaults).not.toHaveProperty(variable);
  } else if (cell === 'empty') {
    if (variable in defaults) expect(defaults[variable]).toBe('');
  } else {
    expect(cell).toMatch(/^`[^`]*`$/);
    expect(defaults).toHaveProperty(variable);
    expect(spellings(defaults[variable] as string | number | boolean)).toContain(backticked(cell)[0]);
  }
}

describe.each([
  ['README.md', '## Configuration', 30],
  ['docs/proactive.md', '### Configuration', 9],
])('the defaults in %s (%s) are the ones in bot/src/config.ts', (file, heading, minimum) => {
  const rows = defaultsTable(file, heading);

  it(`reads the table (at least ${minimum} variables)`, () => {
    expect(rows.length).toBeGreaterThanOrEqual(minimum);
  });

  it.each(rows.map((row) => [row.variable, row.cell, row] as const))('%s: %s', (_variable, _cell, row) => {
    checkRow(row);
  });
});

it('the README lists every default in DEFAULTS', () => {
  const documented = new Set(defaultsTable('README.md', '## Configuration').map((r) => r.variable));
  expect(Object.keys(DEFAULTS).filter((v) => !documented.has(v))).toEqual([]);
});

it('.env.example copied to .env changes nothing: its values are the defaults', () => {
  expect(loadConfig(parseDotenv(read('.env.example')))).toEqual(loadConfig({}));
});
