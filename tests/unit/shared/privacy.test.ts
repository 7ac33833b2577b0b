import { DEFAULT_MIN_GROUP_SIZE, gate } from '@soestainable/shared/privacy';

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
