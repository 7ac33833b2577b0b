import {
  CHECKIN_OUTCOMES,
  DISTANCE_BAND_KEYS,
  LANGUAGES,
  TRAVEL_MODES,
} from '@soestainable/shared/domain/types';
import {
  estimateCheckInImpact,
  estimateCheckInImpactBreakdown,
  FACTOR_IDS,
  FACTOR_SOURCES,
  FACTOR_TABLE,
  FACTOR_TABLE_VERSION,
  type CheckInImpactInput,
  impactSources,
  sumRanges,
  TRAVEL_MODE_FACTOR,
  travelFactor,
} from '@soestainable/shared/impact';

const day = (over: Partial<CheckInImpactInput> = {}): CheckInImpactInput => ({
  outcome: 'done',
  travelMode: 'fiets',
  distanceBand: '10-20',
  wasteFree: false,
  cupsAvoided: 0,
  ...over,
});

describe('factor table', () => {
  it('is versioned', () => {
    expect(FACTOR_TABLE_VERSION).toBe('2026.1');
  });

  it('every factor has a known source, a year, a unit, labels and low ≤ value ≤ high', () => {
    expect(Object.keys(FACTOR_TABLE).sort()).toEqual([...FACTOR_IDS].sort());
    for (const [id, factor] of Object.entries(FACTOR_TABLE)) {
      expect(factor.id).toBe(id);
      expect(Object.keys(FACTOR_SOURCES)).toContain(factor.source);
      expect(Number.isInteger(factor.year) && factor.year >= 2020).toBe(true);
      expect(factor.unit).toMatch(/\S/);
      for (const lang of LANGUAGES) {
        expect(factor.label[lang]).toMatch(/\S/);
        expect(FACTOR_SOURCES[factor.source].name[lang]).toMatch(/\S/);
      }
      expect(factor.low).toBeLessThanOrEqual(factor.value);
      expect(factor.value).toBeLessThanOrEqual(factor.high);
      expect(factor.low).toBeGreaterThanOrEqual(0);
    }
  });

  it('holds the figures of BRIEF.md', () => {
    const values = Object.fromEntries(Object.values(FACTOR_TABLE).map((f) => [f.id, f.value]));
    expect(values).toMatchObject({
      'car-fuel-unknown': 0.19,
      'car-petrol': 0.196,
      'car-diesel': 0.224,
      'car-phev': 0.18,
      'car-electric': 0.056,
      train: 0.03,
      'train-electric': 0.019,
      'bus-tram-metro': 0.057,
      'public-transport': 0.036,
      ebike: 0.002,
      'bike-walk': 0,
      'electricity-grey': 0.483,
      'electricity-mix': 0.244,
      'residual-waste-incineration': 0.36,
      'disposable-cup': 0.01,
    });
    expect(FACTOR_TABLE['disposable-cup'].high).toBe(0.11); // about 10× the low
    expect(FACTOR_TABLE['car-fuel-unknown']).toMatchObject({ low: 0.1235, high: 0.2565 }); // ±35 %
  });

  it('maps every travel mode to a factor', () => {
    expect(Object.keys(TRAVEL_MODE_FACTOR).sort()).toEqual([...TRAVEL_MODES].sort());
    expect(travelFactor('auto').id).toBe('car-fuel-unknown');
    expect(travelFactor('eauto').id).toBe('car-electric');
    expect(travelFactor('ov').id).toBe('public-transport');
    expect(travelFactor('ebike').id).toBe('ebike');
    expect(travelFactor('fiets').value).toBe(0);
    expect(travelFactor('lopen').value).toBe(0);
    expect(travelFactor('thuis').value).toBe(0);
  });
});

describe('estimateCheckInImpact', () => {
  it('baseline car 10–20 km → bike today: factor × km × 2, range from factor and band bounds', () => {
    // mid 0.190 × 15 km × 2 = 5.7; low 0.1235 × 10 × 2 = 2.47; high 0.2565 × 20 × 2 = 10.26.
    expect(estimateCheckInImpact(day(), { commuteMode: 'auto', distanceBand: '10-20' })).toEqual({
      low: 2.47,
      mid: 5.7,
      high: 10.26,
    });
  });

  it('adds cups and a waste-free day', () => {
    const breakdown = estimateCheckInImpactBreakdown(day({ cupsAvoided: 3, wasteFree: true }), {
      commuteMode: 'auto',
      distanceBand: '10-20',
    });
    expect(breakdown.cups).toEqual({ low: 0.03, mid: 0.03, high: 0.33 }); // 3 × 10 g, high 3 × 110 g
    // 0.05 kg × 0.252, 0.1 kg × 0.36, 0.2 kg × 0.468 → 12.6 g (13), 36 g, 93.6 g (94)
    expect(breakdown.wasteFree).toEqual({ low: 0.013, mid: 0.036, high: 0.094 });
    expect(breakdown.total).toEqual({ low: 2.513, mid: 5.766, high: 10.684 });
  });

  it('car 0–5 km → public transport: low is 0 because the band starts at 0 km', () => {
    // per km: low 0.1235 − 0.0504 = 0.0731, mid 0.190 − 0.036 = 0.154, high 0.2565 − 0.0216 = 0.2349
    expect(
      estimateCheckInImpact(day({ travelMode: 'ov', distanceBand: '0-5' }), { commuteMode: 'auto', distanceBand: '0-5' }),
    ).toEqual({ low: 0, mid: 0.924, high: 2.349 });
  });

  it('more emissions than usual (bike → car) give a negative range, still ordered', () => {
    // per km: −0.2565 … −0.190 … −0.1235; round trip 10 … 15 … 20 km
    const range = estimateCheckInImpact(day({ travelMode: 'auto', distanceBand: '5-10' }), {
      commuteMode: 'fiets',
      distanceBand: '5-10',
    });
    expect(range).toEqual({ low: -5.13, mid: -2.85, high: -1.235 });
  });

  it('working from home avoids the usual commute, using the baseline distance', () => {
    const range = estimateCheckInImpact(day({ travelMode: 'thuis', distanceBand: '0-5' }), {
      commuteMode: 'auto',
      distanceBand: '20-40',
    });
    expect(range).toEqual({ low: 4.94, mid: 11.4, high: 20.52 });
  });

  it('the same mode as usual avoids nothing, with no spurious range', () => {
    expect(estimateCheckInImpact(day({ travelMode: 'auto' }), { commuteMode: 'auto', distanceBand: '10-20' })).toEqual({
      low: 0,
      mid: 0,
      high: 0,
    });
    expect(estimateCheckInImpact(day({ travelMode: 'lopen' }), { commuteMode: 'fiets', distanceBand: '10-20' })).toEqual({
      low: 0,
      mid: 0,
      high: 0,
    });
  });

  it('without a baseline counts no travel change', () => {
    expect(estimateCheckInImpact(day(), undefined)).toEqual({ low: 0, mid: 0, high: 0 });
    expect(estimateCheckInImpact(day({ cupsAvoided: 2 }), undefined)).toEqual({ low: 0.02, mid: 0.02, high: 0.22 });
  });

  it('not_today still counts travel (and the waste-free answer) but not the day’s cup count', () => {
    const breakdown = estimateCheckInImpactBreakdown(
      day({ outcome: 'not_today', travelMode: 'ov', cupsAvoided: 4, wasteFree: true }),
      { commuteMode: 'auto', distanceBand: '10-20' },
    );
    expect(breakdown.travel.mid).toBeCloseTo(0.154 * 30, 10);
    expect(breakdown.cups).toEqual({ low: 0, mid: 0, high: 0 });
    expect(breakdown.wasteFree.mid).toBe(0.036);
  });

  it('rejects an impossible cup count', () => {
    expect(() => estimateCheckInImpact(day({ cupsAvoided: -1 }), undefined)).toThrow(RangeError);
    expect(() => estimateCheckInImpact(day({ cupsAvoided: 1.5 }), undefined)).toThrow(RangeError);
  });

  it('is ordered low ≤ mid ≤ high for every combination, and rounded to grams', () => {
    const problems: string[] = [];
    const isGrams = (kg: number) => Math.abs(kg * 1000 - Math.round(kg * 1000)) < 1e-6;
    for (const usual of TRAVEL_MODES) {
      for (const today of TRAVEL_MODES) {
        for (const band of DISTANCE_BAND_KEYS) {
          for (const outcome of CHECKIN_OUTCOMES) {
            for (const wasteFree of [false, true]) {
              const checkIn = day({ outcome, travelMode: today, distanceBand: band, wasteFree, cupsAvoided: 2 });
              const breakdown = estimateCheckInImpactBreakdown(checkIn, { commuteMode: usual, distanceBand: band });
              for (const [part, r] of Object.entries(breakdown)) {
                if (!(r.low <= r.mid && r.mid <= r.high) || ![r.low, r.mid, r.high].every(isGrams)) {
                  problems.push(`${usual}→${today} ${band} ${outcome} ${wasteFree} ${part}: ${JSON.stringify(r)}`);
                }
              }
            }
          }
        }
      }
    }
    expect(problems).toEqual([]);
  });
});

describe('sumRanges', () => {
  it('sums each bound and rounds to grams', () => {
    expect(sumRanges([])).toEqual({ low: 0, mid: 0, high: 0 });
    expect(
      sumRanges([
        { low: 0.1, mid: 0.2, high: 0.3 },
        { low: 0.2, mid: 0.4, high: 0.6 },
        { low: -0.05, mid: 0, high: 0.0004 },
      ]),
    ).toEqual({ low: 0.25, mid: 0.6, high: 0.9 });
  });
});

describe('impactSources', () => {
  it.each(LANGUAGES)('names each source with its year and the table version (%s)', (lang) => {
    const lines = impactSources(lang);
    expect(lines.some((line) => line.startsWith('CO2emissiefactoren.nl (2026): '))).toBe(true);
    expect(lines.some((line) => line.startsWith('Milieu Centraal'))).toBe(true);
    expect(lines[lines.length - 1]).toContain(FACTOR_TABLE_VERSION);
  });

  it('is translated', () => {
    expect(impactSources('nl')).not.toEqual(impactSources('en'));
    expect(impactSources('nl').join('\n')).toContain('auto, brandstof onbekend');
    expect(impactSources('en').join('\n')).toContain('car, fuel unknown');
  });
});
