import fc from 'fast-check';
import { ACTION_STATUSES, CHECKIN_OUTCOMES, DIMENSIONS, DISTANCE_BAND_KEYS, FREQUENCIES, LANGUAGES, ROLES, THEMES, TRAVEL_MODES } from '@soestainable/shared/domain/types';

/**
 * fast-check building blocks for the security fuzz suites: values that reach our parsers (card inputs, command
 * texts, API bodies), half of them close to valid so that the fuzzing gets past the first check and reaches
 * storage, the other half hostile.
 */

/** Strings that have broken parsers, key encoders and odata filters elsewhere. */
export const NASTY_STRINGS = [
  "' or 1 eq 1",
  "' or PartitionKey ne '",
  "PartitionKey ne ''",
  "x' or RowKey gt '",
  "%27 or 1 eq 1",
  "''",
  "'",
  '"',
  '\\',
  '/',
  '#',
  '?',
  '|',
  '~ref|P-0000',
  '~',
  '..',
  '../../etc/passwd',
  '\u0000',
  '\u0007\u001b[31m',
  '\ud800',
  '\uffff',
  '\u202e',
  '😀'.repeat(40),
  'ß'.repeat(300),
  'x'.repeat(3000),
  '',
  ' ',
  '\n\t',
  '${verb}',
  '{{name}}',
  '<script>alert(1)</script>',
  'null',
  'true',
  '-1',
  '1e309',
  'NaN',
  '__proto__',
  'constructor',
  'toString',
  '2026-02-30',
  '2026-12-02T09:00:00Z',
  '25:99',
  '08:30',
  '9999-12-31',
  '0000-00-00',
];

export const nastyString = fc.constantFrom(...NASTY_STRINGS);

/** Any string: unicode (graphemes), raw UTF-16 (lone surrogates too), or a known hostile one. */
export const anyString = (maxLength = 300) =>
  fc.oneof(
    { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength }) },
    { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength }) },
    { weight: 2, arbitrary: nastyString },
  );

/** Any JSON value, hostile strings included. */
export const anyJson: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: anyString(200) },
  { weight: 1, arbitrary: fc.integer() },
  { weight: 1, arbitrary: fc.constantFrom(0, -1, 1, 2 ** 31, -(2 ** 31) - 1, Number.MAX_SAFE_INTEGER, 0.5, 1e308, -0) },
  { weight: 1, arbitrary: fc.double({ noNaN: true }) },
  { weight: 1, arbitrary: fc.boolean() },
  { weight: 1, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 3 }) },
  { weight: 1, arbitrary: fc.array(anyString(40), { maxLength: 120 }) },
  { weight: 1, arbitrary: fc.dictionary(anyString(20), fc.jsonValue({ maxDepth: 1 }), { maxKeys: 5 }) },
);

/** Values a field of this name takes when it is valid, to get past the first check. */
export function plausible(field: string, pools: Readonly<Record<string, readonly unknown[]>> = {}): fc.Arbitrary<unknown> {
  const extra = pools[field];
  if (extra && extra.length > 0) return fc.constantFrom(...extra);
  const by: Record<string, readonly unknown[]> = {
    outcome: CHECKIN_OUTCOMES,
    travelMode: TRAVEL_MODES,
    commuteMode: TRAVEL_MODES,
    distanceBand: DISTANCE_BAND_KEYS,
    wasteFree: [true, false, 'true', 'false'],
    challenge: [true, false, 'true', 'false', 0, 3, '2', 99],
    theme: THEMES,
    dimension: DIMENSIONS,
    status: ACTION_STATUSES,
    language: LANGUAGES,
    role: ['employee', ...ROLES],
    nudgeTime: ['07:30', '08:00', '09:15', '12:00', '06:59', '23:59'],
    packaging: FREQUENCIES,
    screensOff: ['true', 'false'],
    lightsOff: ['true', 'false'],
    barrierContact: [true, false, 'true', 'false'],
    contact: [true, false, 'true', 'false'],
    paused: [true, false],
    confirm: [true],
    date: ['2026-12-02', '2026-12-01', '2026-11-30'],
    startDate: ['2026-11-30', '2027-03-01'],
    endDate: ['2026-12-14', '2027-03-19'],
    dueDate: ['2026-12-31', '2027-06-30'],
  };
  const values = by[field];
  if (values) return fc.constantFrom(...values);
  if (/text|title|description|reason|tip|question|name|note/i.test(field)) return fc.oneof(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }), nastyString);
  return anyString(60);
}

/** An object with any subset of `fields` (each plausible or hostile) plus a few unknown keys. */
export function objectOf(fields: readonly string[], pools: Readonly<Record<string, readonly unknown[]>> = {}): fc.Arbitrary<Record<string, unknown>> {
  const model = Object.fromEntries(
    fields.map((f) => [f, fc.oneof({ weight: 3, arbitrary: plausible(f, pools) }, { weight: 1, arbitrary: anyJson })] as const),
  );
  return fc
    .tuple(fc.record(model, { requiredKeys: [] }), fc.option(fc.dictionary(anyString(20), anyJson, { maxKeys: 3 }), { freq: 4 }))
    .map(([known, unknown]) => ({ ...(unknown ?? {}), ...known }));
}

/** Counts unhandled promise rejections while installed. */
export function rejectionCounter(): { readonly count: () => number; readonly reasons: unknown[]; uninstall(): void } {
  const reasons: unknown[] = [];
  const listener = (reason: unknown) => void reasons.push(reason);
  process.on('unhandledRejection', listener);
  return { count: () => reasons.length, reasons, uninstall: () => void process.off('unhandledRejection', listener) };
}
