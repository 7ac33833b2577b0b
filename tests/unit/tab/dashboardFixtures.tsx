import type { CampaignInfo, ImpactInfo, OrgOverviewResponse, TeamDashboardSuppressed, TeamDashboardVisible, TeamFigures } from '@soestainable/shared/api/dashboard';

/** Answers of the dashboard API as the contracts in shared/src/api/dashboard.ts describe them. */
export const campaign: CampaignInfo = {
  campaignId: 'c-voorjaar',
  name: { nl: 'Soestainable voorjaar', en: 'Soestainable spring' },
  status: 'active',
  startDate: '2026-05-11',
  endDate: '2026-05-22',
  days: ['2026-05-11', '2026-05-12', '2026-05-13', '2026-05-14', '2026-05-15', '2026-05-18', '2026-05-19', '2026-05-20', '2026-05-21', '2026-05-22'],
  daysSoFar: 3,
  today: '2026-05-13',
};

export const impact: ImpactInfo = {
  co2: { low: 12.5, mid: 18.25, high: 24 },
  cupsAvoided: 31,
  factorVersion: '2026.1',
  sources: [{ id: 'co2emissiefactoren', name: { nl: 'CO2emissiefactoren.nl', en: 'CO2emissiefactoren.nl' }, url: 'https://www.co2emissiefactoren.nl', verified: true }],
};

export function figures(overrides: Partial<TeamFigures> = {}): TeamFigures {
  return {
    participants: 8,
    participationRate: 0.73,
    checkIns: 20,
    wasteFreeDays: 11,
    travel: { fiets: 9, lopen: 2, ebike: 3, ov: 1, auto: 4, eauto: 0, thuis: 1 },
    sustainableTravelShare: 0.8,
    impact,
    ...overrides,
  };
}

export function teamDashboard(overrides: Partial<TeamDashboardVisible> = {}): TeamDashboardVisible {
  return {
    suppressed: false,
    teamId: 't-zon',
    teamName: 'Zon',
    campaign,
    figures: figures(),
    perDay: [
      { date: '2026-05-11', day: 1, checkIns: 7, wasteFree: 4, participationRate: 0.875 },
      { date: '2026-05-12', day: 2, checkIns: 9, wasteFree: 5, participationRate: 1 },
      { date: '2026-05-13', day: 3, checkIns: 4, wasteFree: 2, participationRate: 0.5 },
    ],
    baseline: { respondents: 7, sustainableTravel: { baseline: 0.57, now: 0.8 }, wasteFree: { baseline: 0.29, now: 0.55 } },
    organisation: figures({ participants: 120, participationRate: 0.61, checkIns: 300, wasteFreeDays: 120, sustainableTravelShare: 0.66, impact: { ...impact, co2: { low: 200, mid: 240, high: 310 } } }),
    barriers: [
      {
        reference: 'P-7K2M',
        theme: 'circulariteit',
        text: 'Geen kraanwater op de derde verdieping',
        status: 'gekoppeld',
        createdAt: '2026-05-11T09:12:00Z',
        action: { actionId: 'a-1', title: { nl: 'Watertappunt per verdieping', en: 'A water tap on every floor' }, status: 'in_uitvoering' },
      },
    ],
    ideas: [{ reference: 'I-2QX9', theme: 'energietransitie', text: 'Trap in plaats van lift', status: 'bekeken', createdAt: '2026-05-12T10:00:00Z' }],
    ...overrides,
  };
}

export const suppressedDashboard: TeamDashboardSuppressed = {
  suppressed: true,
  reason: 'below_minimum_group_size',
  minimum: 5,
  teamId: 't-klein',
  teamName: 'Klein',
  campaign,
};

export function orgOverview(overrides: Partial<OrgOverviewResponse> = {}): OrgOverviewResponse {
  return {
    campaign,
    teams: [
      { suppressed: false, teamId: 't-zon', name: 'Zon', rank: 1, participants: 8, participationRate: 0.73, checkIns: 20, wasteFreeDays: 11, co2: { low: 12.5, mid: 18.25, high: 24 }, improvement: 0.23 },
      { suppressed: false, teamId: 't-maan', name: 'Maan', rank: 2, participants: 12, participationRate: 0.52, checkIns: 19, wasteFreeDays: 6, co2: { low: 9, mid: 12, high: 16 }, improvement: null },
      { suppressed: true, teamId: 't-klein', name: 'Klein', reason: 'below_minimum_group_size', minimum: 5 },
    ],
    totals: figures({ participants: 23, participationRate: 0.61, checkIns: 39, wasteFreeDays: 17 }),
    baseline: { respondents: 18, sustainableTravel: { baseline: 0.5, now: 0.7 }, wasteFree: { baseline: 0.3, now: 0.44 } },
    minimumGroupSize: 5,
    ...overrides,
  };
}
