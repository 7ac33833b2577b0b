import { isJoined, leftBefore, type Participant } from '@soestainable/shared/domain/organisation';

/* Who takes part (shared/src/domain/organisation.ts): the one rule the bot's features, the tab API and the jobs ask. */

const someone: Participant = {
  userId: 'u1',
  tenantId: 't1',
  orgId: 'soest',
  teamId: 'team-a',
  language: 'nl',
  nudgeTime: '09:00',
  status: 'active',
  roles: [],
  joinedAt: '2026-11-01T08:00:00.000Z',
  demo: false,
};

describe('isJoined', () => {
  it('active and paused participants take part; someone who left, or has no profile, does not', () => {
    expect(isJoined(someone)).toBe(true);
    expect(isJoined({ ...someone, status: 'paused' })).toBe(true);
    expect(isJoined({ ...someone, status: 'left' })).toBe(false);
    expect(isJoined(undefined)).toBe(false);
  });

  it('reads a team index row (a status only) the same way', () => {
    expect([{ status: 'active' as const }, { status: 'paused' as const }, { status: 'left' as const }].filter((m) => isJoined(m))).toHaveLength(2);
  });
});

describe('leftBefore', () => {
  const cutoff = '2026-06-01T00:00:00.000Z';

  it('is true only for someone who left at a known moment before the cutoff', () => {
    expect(leftBefore({ status: 'left', leftAt: '2026-05-31T23:59:59.999Z' }, cutoff)).toBe(true);
    expect(leftBefore({ status: 'left', leftAt: cutoff }, cutoff)).toBe(false);
    expect(leftBefore({ status: 'left', leftAt: undefined }, cutoff)).toBe(false);
    expect(leftBefore({ status: 'paused', leftAt: '2026-01-01T00:00:00.000Z' }, cutoff)).toBe(false);
    expect(leftBefore(undefined, cutoff)).toBe(false);
  });
});
