import {
  barrierProblems,
  canTransition,
  nextStatuses,
  normalizeReference,
  referenceFromId,
} from '@soestainable/shared/domain/programme';
import { ACTION_STATUSES, type ActionStatus } from '@soestainable/shared/domain/types';

describe('canTransition', () => {
  const allowed: [ActionStatus, ActionStatus][] = [
    ['idee', 'gepland'],
    ['idee', 'in_uitvoering'],
    ['idee', 'gerealiseerd'],
    ['gepland', 'in_uitvoering'],
    ['gepland', 'gerealiseerd'],
    ['in_uitvoering', 'gerealiseerd'],
    ['gepland', 'idee'],
    ['in_uitvoering', 'gepland'],
    ['gerealiseerd', 'in_uitvoering'],
    ['idee', 'geparkeerd'],
    ['gepland', 'geparkeerd'],
    ['in_uitvoering', 'geparkeerd'],
    ['gerealiseerd', 'geparkeerd'],
    ['geparkeerd', 'idee'],
    ['geparkeerd', 'gepland'],
    ['geparkeerd', 'in_uitvoering'],
    ['geparkeerd', 'gerealiseerd'],
  ];
  const refused: [ActionStatus, ActionStatus][] = [
    ['in_uitvoering', 'idee'],
    ['gerealiseerd', 'gepland'],
    ['gerealiseerd', 'idee'],
    ['geparkeerd', 'geparkeerd'],
    ['idee', 'idee'],
  ];

  it.each(allowed)('allows %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
  });
  it.each(refused)('refuses %s → %s', (from, to) => {
    expect(canTransition(from, to)).toBe(false);
  });

  it('agrees with the full table: 17 allowed pairs of 25', () => {
    const pairs = ACTION_STATUSES.flatMap((from) => ACTION_STATUSES.map((to) => [from, to] as const));
    expect(pairs.filter(([f, t]) => canTransition(f, t))).toHaveLength(17);
    expect(allowed).toHaveLength(17);
    expect(nextStatuses('in_uitvoering')).toEqual(['gepland', 'gerealiseerd', 'geparkeerd']);
  });
});

describe('barrierProblems', () => {
  it('asks a linked barrier for its action, a merged one for its original, a dismissed one for a reason', () => {
    expect(barrierProblems({ barrierId: 'b', status: 'nieuw' })).toEqual([]);
    expect(barrierProblems({ barrierId: 'b', status: 'gekoppeld' })).toHaveLength(1);
    expect(barrierProblems({ barrierId: 'b', status: 'gekoppeld', actionId: 'a' })).toEqual([]);
    expect(barrierProblems({ barrierId: 'b', status: 'samengevoegd', duplicateOf: 'b' })).toHaveLength(1);
    expect(barrierProblems({ barrierId: 'b', status: 'afgewezen', dismissReason: '  ' })).toHaveLength(1);
    expect(barrierProblems({ barrierId: 'b', status: 'afgewezen', dismissReason: 'x'.repeat(501) })).toHaveLength(1);
  });
});

describe('references', () => {
  it('derives a short code from the random tail of a sortable id', () => {
    const ref = referenceFromId('P', '0mbx3k2a1f00000000');
    expect(ref).toBe('P-0000');
    expect(referenceFromId('P', '0mbx3k2a1fffffffff')).toBe('P-ZZZZ');
    expect(referenceFromId('I', '0mbx3k2a1f12345678')).toMatch(/^I-[0-9A-HJKMNP-TV-Z]{4}$/);
    expect(() => referenceFromId('P', 'not-an-id')).toThrow(RangeError);
  });

  it('reads a typed reference leniently', () => {
    expect(normalizeReference('P', ' p-7k3f ')).toBe('P-7K3F');
    expect(normalizeReference('P', 'p7k3f')).toBe('P-7K3F');
    expect(normalizeReference('P', '7K3F')).toBe('P-7K3F');
    expect(normalizeReference('P', 'PK3F')).toBe('P-PK3F');
    expect(normalizeReference('P', 'P-7KOL')).toBe('P-7K01');
    expect(normalizeReference('P', 'P-7K3U')).toBeUndefined();
    expect(normalizeReference('P', "x' or 1 eq 1")).toBeUndefined();
  });
});
