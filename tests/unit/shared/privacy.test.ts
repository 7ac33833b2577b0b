import { DEFAULT_MIN_GROUP_SIZE, gate, suppressComplementary } from '../../../shared/src/privacy';

describe('gate (minimum group size)', () => {
  it('defaults to 5 active participants', () => {
    expect(DEFAULT_MIN_GROUP_SIZE).toBe(5);
  });

  it('hides a statistic of 4 and shows one of 5', () => {
    expect(gate({ checkIns: 12 }, 4)).toEqual({ visible: false, reason: 'below_minimum_group_size', minimum: 5 });
    expect(gate({ checkIns: 12 }, 5)).toEqual({ visible: true, value: { checkIns: 12 } });
  });

  it('the hidden result carries no trace of the value', () => {
    expect(JSON.stringify(gate({ secret: 'abc' }, 0))).not.toContain('abc');
  });

  it('takes a configured minimum (e.g. 10 for manager digests)', () => {
    expect(gate(3, 9, 10)).toEqual({ visible: false, reason: 'below_minimum_group_size', minimum: 10 });
    expect(gate(3, 10, 10)).toEqual({ visible: true, value: 3 });
  });

  it('rejects a minimum that is not a positive integer', () => {
    expect(() => gate(1, 5, 0)).toThrow(RangeError);
    expect(() => gate(1, 5, 2.5)).toThrow(RangeError);
  });
});

describe('suppressComplementary', () => {
  const cells = (...sizes: (readonly [string, number])[]) => sizes.map(([key, participants]) => ({ key, participants }));

  it('hides nothing when every cell is large enough', () => {
    expect(suppressComplementary(cells(['a', 5], ['b', 9]), 5, true)).toEqual(new Set());
  });

  it('hides every cell below the minimum', () => {
    expect(suppressComplementary(cells(['a', 2], ['b', 4], ['c', 9]), 5, true)).toEqual(new Set(['a', 'b']));
    expect(suppressComplementary(cells(['a', 0], ['b', 4], ['c', 9]), 5, false)).toEqual(new Set(['a', 'b']));
  });

  it('one hidden cell and the total shown: also hides the next smallest', () => {
    // total 22 − 8 − 12 would give a = 2 back; hiding b (8) too leaves only a + b = 10.
    expect(suppressComplementary(cells(['c', 12], ['a', 2], ['b', 8]), 5, true)).toEqual(new Set(['a', 'b']));
  });

  it('one hidden cell without the total: nothing to subtract from', () => {
    expect(suppressComplementary(cells(['c', 12], ['a', 2], ['b', 8]), 5, false)).toEqual(new Set(['a']));
  });

  it('breaks ties between equally small cells by key, so the result is stable', () => {
    expect(suppressComplementary(cells(['z', 7], ['y', 7], ['x', 1]), 5, true)).toEqual(new Set(['x', 'y']));
  });

  it('a single hidden cell with no other cell stays alone (gate the total itself)', () => {
    expect(suppressComplementary(cells(['only', 3]), 5, true)).toEqual(new Set(['only']));
  });

  it('respects the configured minimum', () => {
    expect(suppressComplementary(cells(['a', 6], ['b', 12], ['c', 30]), 10, true)).toEqual(new Set(['a', 'b']));
  });

  it('rejects duplicate keys and a bad minimum', () => {
    expect(() => suppressComplementary(cells(['a', 6], ['a', 12]), 5, true)).toThrow(RangeError);
    expect(() => suppressComplementary(cells(['a', 6]), 0, true)).toThrow(RangeError);
  });
});
