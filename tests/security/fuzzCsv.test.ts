import fc from 'fast-check';
import { aggregatesCsv, csvField } from '@soestainable/bot/tabApi/admin/exportCsv';
import { EXPORT_CSV_COLUMNS } from '@soestainable/shared/api/admin';
import { emptyAggregate } from '@soestainable/shared/domain/aggregates';
import { anyString } from './support/arbitraries';

/**
 * The coordinators' CSV export (`GET /api/admin/export.csv`, bot/src/tabApi/admin/exportCsv.ts) carries team names
 * and ids that coordinators type (PUT /api/admin/teams). Property-based: whatever the names, the file parses back
 * into the same rows and columns (no injected separators or line breaks), every field reads back as the text given,
 * no text field starts with what Excel runs as a formula (`=`, `+`, `-`, `@`, tab, CR), and every figure is a plain
 * number (a negative CO2 figure stays `-1,500`, a number Excel can sum).
 */

/** A `;`-separated CSV as Excel reads it: quoted fields with doubled quotes, CRLF between rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ';') {
      row.push(field);
      field = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
      i++;
    } else field += c;
  }
  if (field !== '' || row.length > 0) rows.push([...row, field]);
  return rows;
}

const FORMULA_START = /^[=+\-@\t\r]/;
/** campaign, team_id, team, date: the text columns; the rest are figures. */
const TEXT_COLUMNS = 4;
const FIGURE = /^-?\d+(,\d+)?$/;
export const CSV_CASES = 2000;

describe('CSV export with hostile team names', () => {
  it(`keeps ${CSV_CASES} fuzzed team names inside their own field, as text, never as a formula`, () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(anyString(60).filter((s) => s !== ''), anyString(80)), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 0, max: 9 }),
        fc.double({ min: -50, max: 50, noNaN: true }),
        (teams, participants, co2) => {
          const rows = teams.map(([teamId], i) => ({
            ...emptyAggregate('c-2026', teamId, `2026-12-0${(i % 9) + 1}`),
            participants,
            checkIns: participants,
            co2: { low: co2 - 1, mid: co2, high: co2 + 1 },
          }));
          const names = new Map(teams.map(([teamId, name]) => [teamId, name]));
          const csv = aggregatesCsv('c-2026', rows, names, 5, '2026-12-20');
          if (!csv.startsWith('\uFEFF')) return false;
          const parsed = parseCsv(csv.slice(1));
          if (parsed.length !== rows.length + 1) return false;
          if (parsed.some((line) => line.length !== EXPORT_CSV_COLUMNS.length)) return false;
          const body = parsed.slice(1);
          if (body.some((line) => line.slice(0, TEXT_COLUMNS).some((cell) => FORMULA_START.test(cell)))) return false;
          if (body.some((line) => line.slice(TEXT_COLUMNS).some((cell) => cell !== '' && !FIGURE.test(cell)))) return false;
          // Every team id and name reads back as given (after the apostrophe that disarms a formula).
          const readBack = parsed.slice(1).map((line) => [line[1], line[2]].map((v) => (v !== undefined && /^'[=+\-@\t\r]/.test(v) ? v.slice(1) : v)));
          const expected = new Set(rows.map((r) => JSON.stringify([r.teamId, names.get(r.teamId) ?? r.teamId])));
          const got = new Set(readBack.map((p) => JSON.stringify(p)));
          return got.size === expected.size && [...got].every((p) => expected.has(p));
        },
      ),
      { numRuns: CSV_CASES, seed: 20261204 },
    );
  });

  it('disarms the classic payloads (regression examples)', () => {
    for (const payload of ['=HYPERLINK("http://evil.example","x")', '+1+1', '-2+3', '@SUM(A1)', '\t=1', '\r=1']) {
      const field = csvField(payload);
      expect(parseCsv(field + '\r\n')[0]?.[0]?.startsWith("'")).toBe(true);
    }
  });
});
