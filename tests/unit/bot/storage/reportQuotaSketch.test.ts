import { randomBytes } from 'node:crypto';
import { CELLS_PER_PERSON, personCells, QUOTA_CELLS } from '@soestainable/bot/storage/repositories/reportQuota';

/**
 * The daily report count is a count-min sketch (bot/src/storage/repositories/reportQuota.ts): a person's count is the
 * smallest of their cells, so it is too high only when other people's reports fill every one of them. How often that
 * happens at the volumes docs/storage.md names, simulated without storage.
 */

/** The share of people with no report of their own who would be counted as having one, after `reports` by others. */
function overcounted(reports: number, salt: Uint8Array): number {
  const cells = new Uint8Array(QUOTA_CELLS);
  for (let i = 0; i < reports; i++) for (const c of personCells(salt, `aad-reporter-${i}`)) cells[c] = (cells[c] ?? 0) + 1;
  const fresh = 20_000;
  let wrong = 0;
  for (let i = 0; i < fresh; i++) if (Math.min(...personCells(salt, `aad-fresh-${i}`).map((c) => cells[c] ?? 0)) > 0) wrong++;
  return wrong / fresh;
}

describe('the report count sketch', () => {
  it('gives each person up to four cells of the 4,096, the same ones all day, others on another day', () => {
    const today = randomBytes(16);
    const cells = personCells(today, 'aad-someone');
    expect(cells.length).toBeGreaterThan(0);
    expect(cells.length).toBeLessThanOrEqual(CELLS_PER_PERSON);
    expect(cells.every((c) => Number.isInteger(c) && c >= 0 && c < QUOTA_CELLS)).toBe(true);
    expect(personCells(today, 'aad-someone')).toEqual(cells);
    expect(personCells(randomBytes(16), 'aad-someone')).not.toEqual(cells);
  });

  it('counts someone too high rarely: under 0.1 % of people after 100 reports a day, under 5 % after 500', () => {
    const salt = randomBytes(16);
    expect(overcounted(100, salt)).toBeLessThan(0.001);
    expect(overcounted(500, salt)).toBeLessThan(0.05);
  });
});
