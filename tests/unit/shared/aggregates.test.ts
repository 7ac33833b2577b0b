import { applyDelta, checkInContribution, emptyAggregate, type DailyAggregate } from '@soestainable/shared/domain/aggregates';
import { TRAVEL_MODES, type CheckIn } from '@soestainable/shared/domain/types';
import { checkIn } from '../../helpers/fixtures';

/** A tiny deterministic generator, so the "many edits" test is reproducible. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1664525 + 1013904223) % 2 ** 32;
    return s / 2 ** 32;
  };
}

describe('daily aggregate arithmetic', () => {
  const empty = emptyAggregate('c1', 'team-a', '2026-05-11');

  it('starts at zero for every counter and travel mode', () => {
    expect(empty).toEqual({
      campaignId: 'c1',
      teamId: 'team-a',
      date: '2026-05-11',
      checkIns: 0,
      done: 0,
      partly: 0,
      notToday: 0,
      wasteFree: 0,
      travel: { fiets: 0, lopen: 0, ebike: 0, ov: 0, auto: 0, eauto: 0, thuis: 0 },
      cupsAvoided: 0,
      co2: { low: 0, mid: 0, high: 0 },
      participants: 0,
    });
  });

  it('turns one check-in into one of each counter it touches', () => {
    const delta = checkInContribution(checkIn({ outcome: 'partly', travelMode: 'ov', wasteFree: false, cupsAvoided: 3 }));
    expect(delta).toEqual({
      checkIns: 1,
      done: 0,
      partly: 1,
      notToday: 0,
      wasteFree: 0,
      travel: { fiets: 0, lopen: 0, ebike: 0, ov: 1, auto: 0, eauto: 0, thuis: 0 },
      cupsAvoided: 3,
      co2: { low: 0.1, mid: 0.2, high: 0.3 },
    });
    expect(checkInContribution(checkIn({ outcome: 'not_today' })).notToday).toBe(1);
  });

  it('adds and subtracts back to exactly where it started, without touching the input', () => {
    const delta = checkInContribution(checkIn({ impact: { low: 0.1, mid: 0.7, high: 1.3 } }));
    const once = applyDelta(empty, delta, 1);
    const twice = applyDelta(once, checkInContribution(checkIn({ impact: { low: 0.2, mid: 0.2, high: 0.2 } })), 1);
    expect(twice.co2).toEqual({ low: 0.3, mid: 0.9, high: 1.5 }); // 0.1 + 0.2 is 0.30000000000000004 in floats
    expect(applyDelta(once, delta, -1)).toEqual(empty);
    expect(Object.is(applyDelta(once, delta, -1).co2.low, -0)).toBe(false);
    expect(once.checkIns).toBe(1);
    expect(empty.checkIns).toBe(0);
  });

  it('counts an edited check-in once: minus the old contribution, plus the new one', () => {
    const before = checkIn({ outcome: 'done', travelMode: 'auto', wasteFree: false, cupsAvoided: 0 });
    const after = checkIn({ outcome: 'partly', travelMode: 'fiets', wasteFree: true, cupsAvoided: 4 });
    const other = checkIn({ userId: 'u2', outcome: 'done', travelMode: 'auto' });
    const base = applyDelta(applyDelta(empty, checkInContribution(other), 1), checkInContribution(before), 1);
    const edited = applyDelta(applyDelta(base, checkInContribution(before), -1), checkInContribution(after), 1);
    const direct = applyDelta(applyDelta(empty, checkInContribution(other), 1), checkInContribution(after), 1);
    expect(edited).toEqual(direct);
    expect(edited).toMatchObject({ checkIns: 2, done: 1, partly: 1, wasteFree: 2, cupsAvoided: 6 });
    expect(edited.travel).toMatchObject({ auto: 1, fiets: 1 });
  });

  it('keeps CO2 sums free of floating-point drift over thousands of edits', () => {
    const random = lcg(42);
    const live = new Map<number, CheckIn>();
    let agg: DailyAggregate = empty;
    for (let i = 0; i < 5_000; i++) {
      const user = Math.floor(random() * 50);
      const low = Math.round(random() * 3_000) / 1_000;
      const next = checkIn({
        userId: `u${user}`,
        outcome: random() < 0.5 ? 'done' : 'partly',
        travelMode: TRAVEL_MODES[Math.floor(random() * TRAVEL_MODES.length)] ?? 'fiets',
        wasteFree: random() < 0.5,
        cupsAvoided: Math.floor(random() * 4),
        impact: { low, mid: low * 1.5, high: low * 2.1 },
      });
      const old = live.get(user);
      if (old) agg = applyDelta(agg, checkInContribution(old), -1);
      agg = applyDelta(agg, checkInContribution(next), 1);
      live.set(user, next);
    }
    const recomputed = [...live.values()].reduce((a, c) => applyDelta(a, checkInContribution(c), 1), empty);
    expect(agg).toEqual(recomputed);
    expect(agg.checkIns).toBe(live.size);
    // and removing everyone brings every counter back to exactly zero
    const cleared = [...live.values()].reduce((a, c) => applyDelta(a, checkInContribution(c), -1), agg);
    expect(cleared).toEqual(empty);
  });

  it('never changes the participants snapshot', () => {
    const withTeam = { ...empty, participants: 12 };
    expect(applyDelta(withTeam, checkInContribution(checkIn()), 1).participants).toBe(12);
  });
});
