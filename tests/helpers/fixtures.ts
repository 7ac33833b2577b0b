import type { CheckIn } from '@soestainable/shared/domain/types';

/** A valid check-in (user `u1`, team `team-a`, campaign `c1`, 2026-05-11: done, by bike, waste-free, 2 cups). */
export function checkIn(over: Partial<CheckIn> = {}): CheckIn {
  return {
    userId: 'u1',
    teamId: 'team-a',
    campaignId: 'c1',
    date: '2026-05-11',
    day: 1,
    challengeId: 'dag01-eigen-beker',
    outcome: 'done',
    travelMode: 'fiets',
    distanceBand: '5-10',
    wasteFree: true,
    challengeAnswer: undefined,
    cupsAvoided: 2,
    impact: { low: 0.1, mid: 0.2, high: 0.3 },
    factorVersion: '2026.1',
    createdAt: '2026-05-11T08:00:00.000Z',
    updatedAt: '2026-05-11T08:00:00.000Z',
    ...over,
  };
}
