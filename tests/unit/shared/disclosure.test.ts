import { discloseCells, discloseGroups, discloseTeamBlocks, isReleased, lastFinalDay, residualMayShow } from '@soestainable/shared/privacy';

/** The disclosure rule's pure parts (shared/src/privacy/disclosure.ts); the attacks: tests/security/differencing.test.ts. */
describe('the disclosure rule', () => {
  const cell = (teamId: string, date: string, participants: number, checkIns = 1) => ({ teamId, date, participants, checkIns });

  it('a day is final once no check-in can be given or corrected for it: two calendar days back', () => {
    expect(lastFinalDay('2026-12-04')).toBe('2026-12-02');
    expect(lastFinalDay('2026-03-01')).toBe('2026-02-27');
  });

  it('releases a cell only for a final day whose recorded group reaches the minimum', () => {
    expect(isReleased(cell('a', '2026-12-02', 5), '2026-12-04', 5)).toBe(true);
    expect(isReleased(cell('a', '2026-12-03', 50), '2026-12-04', 5)).toBe(false); // yesterday
    expect(isReleased(cell('a', '2026-12-04', 50), '2026-12-04', 5)).toBe(false); // today
    expect(isReleased(cell('a', '2026-12-02', 4), '2026-12-04', 5)).toBe(false);
    expect(isReleased(cell('a', '2026-12-02', 0), '2026-12-04', 5)).toBe(false); // nothing recorded
    expect(() => isReleased(cell('a', '2026-12-02', 5), '2026-12-04', 0)).toThrow(RangeError);
  });

  it('a residual group needs the minimum in people and at least two groups that have people', () => {
    expect(residualMayShow([{ key: 'a', people: 4 }, { key: 'b', people: 1 }], 5)).toBe(true);
    expect(residualMayShow([{ key: 'a', people: 9 }], 5)).toBe(false);
    expect(residualMayShow([{ key: 'a', people: 4 }, { key: 'empty', people: 0 }], 5)).toBe(false);
    expect(residualMayShow([{ key: 'a', people: 2 }, { key: 'b', people: 2 }], 5)).toBe(false);
    expect(residualMayShow([], 5)).toBe(false);
  });

  it('counts of people: groups of the minimum one by one, the rest only together', () => {
    expect(discloseGroups([{ key: 'a', people: 6 }, { key: 'b', people: 4 }], 5)).toEqual({ shown: new Set(['a']), residualIncluded: false, total: 6 });
    expect(discloseGroups([{ key: 'a', people: 6 }, { key: 'b', people: 4 }, { key: 'c', people: 1 }], 5)).toEqual({ shown: new Set(['a']), residualIncluded: true, total: 11 });
  });

  it('blocks of answers: a team shows from the minimum of active participants and of answers; the rest only together', () => {
    const block = (teamId: string, active: number, answers: number) => ({ teamId, active, answers, block: `${teamId}:${answers}` });
    // 4 active + 1 paused with 5 answers is hidden like a team of 4; alone it stays out of the organisation too.
    expect(discloseTeamBlocks([block('a', 6, 6), block('d', 4, 5)], 5)).toEqual({ shown: new Set(['a']), organisation: ['a:6'] });
    expect(discloseTeamBlocks([block('a', 6, 6), block('d', 4, 5), block('b', 4, 4)], 5)).toEqual({ shown: new Set(['a']), organisation: ['a:6', 'd:5', 'b:4'] });
    // Enough active people, too few answers: hidden as well; a residual of one team with answers never shows.
    expect(discloseTeamBlocks([block('a', 6, 6), block('c', 9, 3), block('e', 5, 0)], 5)).toEqual({ shown: new Set(['a']), organisation: ['a:6'] });
    expect(discloseTeamBlocks([block('a', 5, 5)], 5).shown).toEqual(new Set(['a']));
    expect(() => discloseTeamBlocks([], 0)).toThrow(RangeError);
  });

  it("cells: each team its released cells; the organisation those plus each final day's residual where it may show", () => {
    const cells = [
      cell('big', '2026-11-30', 6, 3),
      cell('small', '2026-11-30', 4, 2),
      cell('tiny', '2026-11-30', 1, 1),
      cell('big', '2026-12-01', 6, 2),
      cell('small', '2026-12-01', 4, 2), // alone that day: no residual
      cell('big', '2026-12-03', 6, 9), // yesterday: nowhere
    ];
    const { byTeam, organisation } = discloseCells(cells, '2026-12-04', 5);
    expect([...byTeam.keys()]).toEqual(['big']);
    expect(byTeam.get('big')?.map((c) => c.date)).toEqual(['2026-11-30', '2026-12-01']);
    expect(organisation.map((c) => `${c.teamId}@${c.date}`).sort()).toEqual(['big@2026-11-30', 'big@2026-12-01', 'small@2026-11-30', 'tiny@2026-11-30']);
  });
});
