/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type {
  KeptCell,
  LastingCampaignInfo,
  LastingFigures,
  LastingOrgResponse,
  LastingReportResponse,
  LastingTeamResponse,
  MyLastingResponse,
  SurveyShares,
} from '@soestainable/shared/api/lasting';
import { CATALOGUE, keepPhrase } from '@soestainable/shared/catalogue';
import { MAX_FOLLOW_UP_TEXT, MAX_PLEDGES, MIN_PLEDGES } from '@soestainable/shared/domain/followUp';
import { PLEDGE_LIMITS } from '../../../tab/src/pages/me/MyLasting';
import { teamDashboard, orgOverview } from './dashboardFixtures';
import { apiError, LOADED, renderTab, sessionOf } from './harness';

const hidden = { hidden: true, reason: 'below_minimum_group_size' } as const;
const A = CATALOGUE[0]?.id ?? '';
const B = CATALOGUE[1]?.id ?? '';
const habits = CATALOGUE.map((c) => ({ challengeId: c.id, phrase: keepPhrase(c) }));

const summer: LastingCampaignInfo = { campaignId: 'zomer', name: { nl: 'Zomerchallenge', en: 'Summer challenge' }, startDate: '2026-06-01', endDate: '2026-06-12', lastDay: '2026-06-12' };
const autumn: LastingCampaignInfo = { campaignId: 'najaar', name: { nl: 'Najaarschallenge', en: 'Autumn challenge' }, startDate: '2026-09-28', endDate: '2026-10-09', lastDay: '2026-10-09' };

function shares(fiets: number): SurveyShares {
  return {
    hidden: false,
    respondents: 8,
    questions: {
      commuteMode: { fiets, lopen: 0, ebike: 0, ov: 0, auto: 1 - fiets, eauto: 0, thuis: 0 },
      distanceBand: { '0-5': 0, '5-10': 1, '10-20': 0, '20-40': 0, '40+': 0 },
      disposablePackaging: { never: 0, sometimes: 0, often: 1, daily: 0 },
      screensOffAtNight: { yes: 0, no: 1 },
      lightsOffWhenLeaving: { yes: 1, no: 0 },
    },
  };
}

const kept = (ja: number, soms: number, nee: number, answers: number): KeptCell => ({ hidden: false, answers, ja, soms, nee });

const FIGURES: LastingFigures = {
  surveys: { baseline: shares(0.25), end: shares(0.75), endFinal: true },
  waves: [
    { wave: 1, weeks: 2, sendOn: '2026-06-26', openUntil: '2026-07-24', state: 'final', overall: kept(0.6, 0.3, 0.1, 10), habits: [{ challengeId: A, cell: kept(0.8, 0.2, 0, 5) }, { challengeId: B, cell: hidden }] },
    { wave: 2, weeks: 6, sendOn: '2026-07-24', openUntil: '2026-09-04', state: 'final', overall: hidden, habits: [{ challengeId: A, cell: hidden }, { challengeId: B, cell: hidden }] },
    { wave: 3, weeks: 12, sendOn: '2026-09-04', openUntil: '2026-10-02', state: 'open', overall: null, habits: [] },
  ],
};

function team(overrides: Partial<LastingTeamResponse> = {}): LastingTeamResponse {
  return { campaign: summer, campaigns: [autumn, summer], habits, minimumGroupSize: 5, today: '2026-09-10', teamId: 't-zon', teamName: 'Team Zon', figures: FIGURES, ...overrides };
}

const DASHBOARD = 'GET /api/teams/t-zon/dashboard';
const TEAM_LASTING = 'GET /api/teams/t-zon/lasting';

describe('what lasted (team, organisation, report)', () => {
  test('on Mijn team, in Dutch: the chart as a table, every wave per habit, hidden cells saying so, an open wave, and the surveys', async () => {
    renderTab('#/team/t-zon', { answers: { [DASHBOARD]: { body: teamDashboard() }, [TEAM_LASTING]: { body: team() } } });
    const section = await screen.findByRole('region', { name: 'Wat bleef' }, LOADED);
    const chart = within(section).getByRole('table', { name: 'Voornemens volgehouden per terugblik' });
    // Only final waves with a shown overall are in the chart.
    const chartRows = within(chart).getAllByRole('row');
    expect(chartRows).toHaveLength(2);
    expect(within(chartRows[1] as HTMLElement).getByRole('rowheader').textContent).toBe('+2 weken');
    expect(within(chartRows[1] as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['60%', '30%', '10%']);

    const table = within(section).getByRole('table', { name: 'Tabel voornemens per gewoonte en terugblik' });
    const overall = within(table).getByRole('rowheader', { name: 'Alle voornemens' }).closest('tr') as HTMLElement;
    expect(within(overall).getAllByRole('cell').map((c) => c.textContent)).toEqual([
      'ja 60% · soms 30% · nee 10% (10 antwoorden)',
      'Verborgen: minder dan 5 antwoorden',
      'Loopt nog tot 2 oktober 2026',
    ]);
    const a = within(table).getByRole('rowheader', { name: 'Ik neem elke dag mijn eigen beker of fles mee.' }).closest('tr') as HTMLElement;
    expect(within(a).getAllByRole('cell')[0]?.textContent).toBe('ja 80% · soms 20% · nee 0% (5 antwoorden)');
    // A habit hidden in every wave gets no row at all; no hidden cell shows a number.
    expect(within(table).queryByRole('rowheader', { name: 'Ik kom vaker op de fiets, lopend of met het ov.' })).toBeNull();
    for (const cell of within(table).getAllByText(/Verborgen/)) expect(cell.textContent).not.toMatch(/%/);

    const surveys = within(section).getByRole('table', { name: 'Tabel nulmeting en eindmeting per vraag' });
    expect(within(within(surveys).getByRole('rowheader', { name: 'Fiets' }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['25%', '75%']);
    expect(within(section).getByText(/Basis: iedereen die de vragenlijst invulde \(8 bij de nulmeting, 8 bij de eindmeting\)/)).toBeTruthy();
  });

  test('in English, and the campaign picker asks for the chosen campaign', async () => {
    const tab = renderTab('#/team/t-zon', {
      lang: 'en',
      answers: {
        [DASHBOARD]: { body: teamDashboard() },
        [TEAM_LASTING]: { body: team({ campaign: autumn, today: '2026-10-20', figures: { ...FIGURES, surveys: { baseline: hidden, end: null, endFinal: false } } }) },
        [`${TEAM_LASTING}?campaignId=zomer`]: { body: team() },
      },
    });
    const section = await screen.findByRole('region', { name: 'What lasted' }, LOADED);
    expect(within(section).getByText('The end survey can still be answered; its figures follow once the first follow-up has been sent.')).toBeTruthy();
    expect(within(section).getByText(/Basis: everyone who answered the survey \(hidden for the baseline, hidden for the end survey\)/)).toBeTruthy();
    await userEvent.selectOptions(within(section).getByRole('combobox', { name: 'Campaign' }), 'zomer');
    await waitFor(() => expect(tab.calls.some((c) => c.path === '/api/teams/t-zon/lasting?campaignId=zomer')).toBe(true));
    const table = await within(section).findByRole('table', { name: 'Table of pledges per habit and follow-up' });
    expect(within(table).getAllByRole('columnheader').map((c) => c.textContent)).toEqual(['Habit', '+2 weeks (26 June 2026)', '+6 weeks (24 July 2026)', '+12 weeks (4 September 2026)']);
    expect(within(table).getByText('yes 60% · sometimes 30% · no 10% (10 answers)')).toBeTruthy();
  });

  test('empty state while no campaign has ended (nl and en)', async () => {
    const running: LastingOrgResponse = { campaign: autumn, campaigns: [autumn], habits, minimumGroupSize: 5, today: '2026-10-01', figures: { ...FIGURES, waves: [] } };
    const nl = renderTab('#/org', { answers: { 'GET /api/org/overview': { body: orgOverview() }, 'GET /api/org/lasting': { body: running } } });
    const section = await screen.findByRole('region', { name: 'Wat bleef' }, LOADED);
    expect(within(section).getByText('Nog geen afgelopen campagne')).toBeTruthy();
    expect(within(section).queryByRole('table')).toBeNull();
    nl.unmount();
    renderTab('#/org', { lang: 'en', answers: { 'GET /api/org/overview': { body: orgOverview() }, 'GET /api/org/lasting': { body: { ...running, campaign: null, campaigns: [], figures: null } } } });
    expect(await screen.findByText('No campaign has ended yet', {}, LOADED)).toBeTruthy();
  });

  test('on Organisatie: the organisation’s figures', async () => {
    const org: LastingOrgResponse = { campaign: summer, campaigns: [summer], habits, minimumGroupSize: 5, today: '2026-09-10', figures: FIGURES };
    renderTab('#/org', { answers: { 'GET /api/org/overview': { body: orgOverview() }, 'GET /api/org/lasting': { body: org } } });
    const section = await screen.findByRole('region', { name: 'Wat bleef' }, LOADED);
    expect(within(section).getByRole('table', { name: 'Voornemens volgehouden per terugblik' })).toBeTruthy();
    // One campaign: no picker.
    expect(within(section).queryByRole('combobox')).toBeNull();
  });

  test('on Rapport: each team’s share of "ja" per wave, hidden teams without numbers', async () => {
    const report: LastingReportResponse = {
      campaign: summer,
      campaigns: [summer],
      habits,
      minimumGroupSize: 5,
      today: '2026-09-10',
      figures: FIGURES,
      teams: [
        { teamId: 't-maan', name: 'Team Maan', waves: [{ wave: 1, overall: hidden }, { wave: 2, overall: hidden }, { wave: 3, overall: null }] },
        { teamId: 't-zon', name: 'Team Zon', waves: [{ wave: 1, overall: kept(0.7, 0.2, 0.1, 10) }, { wave: 2, overall: hidden }, { wave: 3, overall: null }] },
      ],
    };
    const reportBody = { campaign: { campaignId: 'zomer', name: summer.name, startDate: summer.startDate, endDate: summer.endDate, days: 10 }, generatedAt: '2026-09-10T08:00:00.000Z', minGroupSize: 5, participation: hidden, impact: hidden, series: [], teams: [], barriers: { total: 0, byStatus: { nieuw: 0, gekoppeld: 0, opgelost: 0, afgewezen: 0, samengevoegd: 0 }, byTheme: { circulariteit: 0, energietransitie: 0, mvoi: 0 }, top: [] }, actions: { total: 0, byStatus: { idee: 0, gepland: 0, in_uitvoering: 0, gerealiseerd: 0, geparkeerd: 0 } } };
    renderTab('#/report', { session: sessionOf({ roles: ['coordinator'] }), answers: { 'GET /api/report': { body: reportBody }, 'GET /api/report/lasting': { body: report } } });
    const table = await screen.findByRole('table', { name: 'Voornemens volgehouden per team' }, LOADED);
    const row = (name: string) => within(within(table).getByRole('rowheader', { name }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent);
    expect(row('Team Zon')).toEqual(['ja 70%', 'verborgen', 'verborgen']);
    expect(row('Team Maan')).toEqual(['verborgen', 'verborgen', 'verborgen']);
  });

  test('a failed load says so in the section, with a retry', async () => {
    renderTab('#/team/t-zon', { answers: { [DASHBOARD]: { body: teamDashboard() }, [TEAM_LASTING]: apiError(503, 'UNAVAILABLE') } });
    expect(await screen.findByText('De opslag is even niet bereikbaar. Probeer het zo opnieuw.', {}, LOADED)).toBeTruthy();
  });
});

const ME_BODY = {
  enrolled: true,
  teamId: 't-zon',
  teamName: 'Zon',
  settings: { nudgeTime: '09:00', language: 'nl', status: 'active' },
  campaign: null,
  progress: null,
  checkIns: [],
  openDays: [],
  impact: null,
  hasBaseline: true,
};

function myLasting(): MyLastingResponse {
  return {
    enrolled: true,
    pledges: [{ campaign: summer, challengeIds: [A, B], help: 'Een mok op mijn bureau', updatedAt: '2026-06-12T10:00:00.000Z', editable: true, choices: habits.slice(0, 4) }],
    endSurveys: [
      {
        campaignId: 'zomer',
        answers: { commuteMode: 'fiets', distanceBand: '5-10', disposablePackaging: 'sometimes', screensOffAtNight: 'yes', lightsOffWhenLeaving: 'yes' },
        baseline: { commuteMode: 'auto', distanceBand: '5-10', disposablePackaging: 'often', screensOffAtNight: 'no', lightsOffWhenLeaving: 'yes' },
        answeredAt: '2026-06-12T10:00:00.000Z',
      },
    ],
    waves: [
      { campaignId: 'zomer', wave: 1, sendOn: '2026-06-26', answers: [{ challengeId: A, phrase: habits[0]?.phrase ?? { nl: '', en: '' }, kept: 'ja' }, { challengeId: B, phrase: habits[1]?.phrase ?? { nl: '', en: '' }, kept: 'soms' }], answeredAt: '2026-06-26T09:00:00.000Z' },
      { campaignId: 'zomer', wave: 2, sendOn: '2026-07-24', answers: [{ challengeId: A, phrase: habits[0]?.phrase ?? { nl: '', en: '' }, kept: 'nee' }], answeredAt: '2026-07-24T09:00:00.000Z' },
    ],
  };
}

describe('what lasted on Mijn voortgang', () => {
  test('the tab’s copies of the pledge limits equal the domain’s', () => {
    expect(PLEDGE_LIMITS).toEqual({ min: MIN_PLEDGES, max: MAX_PLEDGES, helpMax: MAX_FOLLOW_UP_TEXT });
  });

  test('shows my pledges, my end survey beside my baseline, and my answers per wave', async () => {
    renderTab('#/me', { answers: { 'GET /api/me': { body: ME_BODY }, 'GET /api/me/lasting': { body: myLasting() } } });
    const pledges = await screen.findByRole('region', { name: 'Mijn voornemens' }, LOADED);
    expect(within(pledges).getByText('Ik neem elke dag mijn eigen beker of fles mee.')).toBeTruthy();
    expect(within(pledges).getByText('Wat zou helpen: Een mok op mijn bureau')).toBeTruthy();
    const end = screen.getByRole('table', { name: 'Mijn eindmeting' });
    expect(within(within(end).getByRole('rowheader', { name: 'Hoe kom je meestal naar je werk?' }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Auto', 'Fiets']);
    const waves = screen.getByRole('table', { name: 'Mijn antwoorden na de challenge' });
    const b = within(waves).getByRole('rowheader', { name: 'Ik kom vaker op de fiets, lopend of met het ov.' }).closest('tr') as HTMLElement;
    expect(within(b).getAllByRole('cell').map((c) => c.textContent)).toEqual(['Soms', 'niet beantwoord']);
  });

  test('changes my pledges: at most three, then saves and shows them again', async () => {
    let stored = myLasting();
    const tab = renderTab('#/me', {
      answers: {
        'GET /api/me': { body: ME_BODY },
        'GET /api/me/lasting': () => ({ body: stored }),
        'PUT /api/me/pledges/zomer': (call) => {
          const body = call.body as { challengeIds: string[] };
          stored = { ...stored, pledges: stored.pledges.map((p) => ({ ...p, challengeIds: body.challengeIds, help: null })) };
          return { body: stored.pledges[0] };
        },
      },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Voornemens wijzigen' }, LOADED));
    const group = screen.getByRole('group', { name: 'Kies 1 tot 3 gewoonten die je wilt volhouden' });
    expect(within(group).getAllByRole('checkbox')).toHaveLength(4);
    await userEvent.click(within(group).getByRole('checkbox', { name: habits[2]?.phrase.nl ?? '' }));
    await userEvent.click(within(group).getByRole('checkbox', { name: habits[3]?.phrase.nl ?? '' }));
    // Four chosen: refused before anything is sent.
    expect(screen.getByText('Kies 1 tot 3 gewoonten.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Opslaan' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(within(group).getByRole('checkbox', { name: habits[0]?.phrase.nl ?? '' }));
    await userEvent.clear(screen.getByRole('textbox', { name: 'Wat zou je helpen? (mag leeg blijven)' }));
    await userEvent.click(screen.getByRole('button', { name: 'Opslaan' }));
    expect(await screen.findByText('Je voornemens zijn opgeslagen.')).toBeTruthy();
    const put = tab.calls.find((c) => c.method === 'PUT');
    expect(put?.path).toBe('/api/me/pledges/zomer');
    expect(put?.body).toEqual({ challengeIds: [B, habits[2]?.challengeId, habits[3]?.challengeId] });
    await waitFor(() => expect(screen.getByText(habits[3]?.phrase.nl ?? 'x')).toBeTruthy());
  });

  test('a refused save says why, in English too', async () => {
    renderTab('#/me', {
      lang: 'en',
      answers: { 'GET /api/me': { body: { ...ME_BODY, settings: { ...ME_BODY.settings, language: 'en' } } }, 'GET /api/me/lasting': { body: myLasting() }, 'PUT /api/me/pledges/zomer': apiError(404, 'NOT_FOUND') },
    });
    await userEvent.click(await screen.findByRole('button', { name: 'Change pledges' }, LOADED));
    await userEvent.click(screen.getByRole('button', { name: 'Save' }));
    expect(await screen.findByText('This does not exist (any more).')).toBeTruthy();
  });

  test('nothing to show before I pledged anything', async () => {
    renderTab('#/me', { answers: { 'GET /api/me': { body: ME_BODY }, 'GET /api/me/lasting': { body: { enrolled: true, pledges: [], endSurveys: [], waves: [] } } } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn voortgang' }, LOADED)).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('region', { name: 'Mijn voornemens' })).toBeNull());
  });
});
