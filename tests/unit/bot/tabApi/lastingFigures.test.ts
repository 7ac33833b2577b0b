import { keptCell, lastingFigures, waveState, type PersonRecord } from '@soestainable/bot/services/lasting/figures';
import { defaultCampaign, selectableCampaigns } from '@soestainable/bot/tabApi/lasting/service';
import { campaignWaves, type KeptAnswer } from '@soestainable/shared/domain/followUp';
import { AUTUMN, HABIT_A, SUMMER } from '../../../helpers/lastingFixture';

/** The pure parts of "what lasted": which campaign, where a wave stands, and the cells (tabApi/lasting). */

const person = (teamId: string, answers: Array<[wave: number, kept: KeptAnswer]>, active = true): PersonRecord => ({
  teamId,
  active,
  baseline: undefined,
  end: undefined,
  waves: answers.map(([wave, kept]) => ({ userId: 'u', campaignId: SUMMER.campaignId, wave, answers: [{ challengeId: HABIT_A, kept }], answeredAt: '2026-06-26T09:00:00.000Z' })),
});

describe('what lasted: the pure rules', () => {
  it('lists ended and running campaigns newest first, and defaults to the last one with a follow-up sent', () => {
    const draft = { ...AUTUMN, campaignId: 'concept', status: 'draft' as const, startDate: '2027-03-01', endDate: '2027-03-12' };
    const running = { ...AUTUMN, campaignId: 'nu', status: 'active' as const, startDate: '2026-11-30', endDate: '2026-12-11' };
    const all = [SUMMER, draft, running, AUTUMN];
    expect(selectableCampaigns(all, '2026-12-02').map((c) => c.campaignId)).toEqual(['nu', AUTUMN.campaignId, SUMMER.campaignId]);
    expect(defaultCampaign(selectableCampaigns(all, '2026-12-02'), '2026-12-02')?.campaignId).toBe(AUTUMN.campaignId);
    // Before the autumn campaign's first wave: the summer one, which has follow-ups.
    expect(defaultCampaign(selectableCampaigns(all, '2026-10-20'), '2026-10-20')?.campaignId).toBe(SUMMER.campaignId);
    // Nothing ended yet: the running one; nothing at all: none.
    expect(defaultCampaign(selectableCampaigns([running], '2026-12-02'), '2026-12-02')?.campaignId).toBe('nu');
    expect(defaultCampaign(selectableCampaigns([draft], '2026-12-02'), '2026-12-02')).toBeUndefined();
  });

  it('a wave is planned before it goes out, open while it takes answers, final after', () => {
    const [w1] = campaignWaves(SUMMER);
    if (!w1) throw new Error('no wave');
    expect(waveState(w1, '2026-06-25')).toBe('planned');
    expect(waveState(w1, w1.sendOn)).toBe('open');
    expect(waveState(w1, w1.openUntil)).toBe('final');
  });

  it('a cell below the minimum is hidden without a number; at the minimum it shows shares', () => {
    expect(keptCell({ people: 4, ja: 4, soms: 0, nee: 0 }, 5)).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    expect(keptCell({ people: 0, ja: 0, soms: 0, nee: 0 }, 1)).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    expect(keptCell({ people: 5, ja: 3, soms: 1, nee: 1 }, 5)).toEqual({ hidden: false, answers: 5, ja: 0.6, soms: 0.2, nee: 0.2 });
  });

  it('the organisation adds hidden teams only as one residual group of two teams or more', () => {
    const teams = (sizes: Record<string, number>) => new Map(Object.entries(sizes).map(([teamId, n]) => [teamId, Array.from({ length: n }, () => person(teamId, [[1, 'ja']]))]));
    const input = { waves: campaignWaves(SUMMER), habits: [HABIT_A], endFinal: true, today: '2026-12-02', minimum: 5 };
    const answers = (sizes: Record<string, number>) => {
      const cell = lastingFigures(teams(sizes), input).waves[0]?.overall;
      return cell && !cell.hidden ? cell.answers : 'hidden';
    };
    expect(answers({ a: 6, b: 4 })).toBe(6);
    expect(answers({ a: 6, b: 3, c: 2 })).toBe(11);
    expect(answers({ a: 6, b: 3, c: 1 })).toBe(6);
    expect(answers({ b: 4 })).toBe('hidden');
  });

  it('a team shows only with the minimum of active participants: paused members answer, but do not count towards it', () => {
    const team = (teamId: string, active: number, paused: number) => [
      ...Array.from({ length: active }, () => person(teamId, [[1, 'ja']])),
      ...Array.from({ length: paused }, () => person(teamId, [[1, 'nee']], false)),
    ];
    const input = { waves: campaignWaves(SUMMER), habits: [HABIT_A], endFinal: true, today: '2026-12-02', minimum: 5 };
    const overall = (teams: Record<string, PersonRecord[]>) => lastingFigures(new Map(Object.entries(teams)), input).waves[0]?.overall;
    // 4 active + 1 paused: 5 answers, but hidden as a team.
    expect(overall({ d: team('d', 4, 1) })).toEqual({ hidden: true, reason: 'below_minimum_group_size' });
    // 5 active + 1 paused: shown, with the paused member's answer.
    expect(overall({ d: team('d', 5, 1) })).toMatchObject({ hidden: false, answers: 6 });
    // In the organisation, the 4+1 team is hidden: alone it stays out; beside another hidden team it is the residual.
    expect(overall({ a: team('a', 6, 0), d: team('d', 4, 1) })).toMatchObject({ answers: 6 });
    expect(overall({ a: team('a', 6, 0), d: team('d', 4, 1), b: team('b', 4, 0) })).toMatchObject({ answers: 15 });
  });
});
