/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ReportResponse } from '@soestainable/shared/api/report';
import { apiError, PENDING, renderTab, sessionOf } from './harness';

const coordinator = sessionOf({ roles: ['coordinator'] });
const hidden = { hidden: true, reason: 'below_minimum_group_size' } as const;

const FULL: ReportResponse = {
  campaign: { campaignId: 'voorjaar-2026', name: { nl: 'Voorjaarschallenge', en: 'Spring challenge' }, startDate: '2026-05-11', endDate: '2026-05-22', days: 10 },
  generatedAt: '2026-05-23T08:00:00.000Z',
  minGroupSize: 5,
  participation: { hidden: false, participants: 42, checkIns: 310, participationRate: 0.74, teamsShown: 4, teamsHidden: 1 },
  impact: {
    hidden: false,
    co2: { low: 80, mid: 120, high: 190 },
    cupsAvoided: 260,
    wasteFreeDays: 180,
    sustainableTravelShare: 0.61,
    factorVersion: '2026.1',
    sources: { nl: ['CO2emissiefactoren.nl 2026'], en: ['CO2emissiefactoren.nl 2026 (Dutch list)'] },
  },
  series: [
    { date: '2026-05-11', participants: 40, checkIns: 30, participationRate: 0.75, co2: { low: 8, mid: 12, high: 19 }, wasteFree: 18 },
    { date: '2026-05-12', participants: 41, checkIns: 33, participationRate: 0.8, co2: { low: 9, mid: 13, high: 20 }, wasteFree: 20 },
  ],
  teams: [
    { teamId: 't-zon', name: 'Team Zon', figures: { hidden: false, participants: 12, checkIns: 90, participationRate: 0.75, co2: { low: 20, mid: 30, high: 45 } } },
    { teamId: 't-ster', name: 'Team Ster', figures: hidden },
  ],
  barriers: {
    total: 17,
    byStatus: { nieuw: 5, gekoppeld: 8, opgelost: 2, afgewezen: 1, samengevoegd: 1 },
    byTheme: { circulariteit: 9, energietransitie: 6, mvoi: 2 },
    top: [{ actionId: 'a1', title: { nl: 'Herbruikbare bekers', en: 'Reusable cups' }, theme: 'circulariteit', status: 'in_uitvoering', owner: 'Facilitair', barrierCount: 6 }],
  },
  actions: { total: 7, byStatus: { idee: 2, gepland: 2, in_uitvoering: 2, gerealiseerd: 1, geparkeerd: 0 } },
};

describe('campaign report', () => {
  test('loading: the page waits for its data', async () => {
    renderTab('#/report', { session: coordinator, answers: { 'GET /api/report': PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Campagnerapport' }, { timeout: 20000 })).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
  });

  test('full: participation, impact with its range, teams (small ones hidden), top barriers (English)', async () => {
    renderTab('#/report', { lang: 'en', session: coordinator, answers: { 'GET /api/report': { body: FULL } } });
    const participation = await screen.findByRole('region', { name: 'Participation' });
    expect(within(participation).getByRole('group', { name: 'Participants' }).textContent).toContain('42');
    expect(within(participation).getByRole('group', { name: 'Participation' }).textContent).toContain('74%');
    expect(within(participation).getByRole('group', { name: 'Teams in the figures' }).textContent).toContain('1 team too small for numbers, not shown');
    const co2 = within(screen.getByRole('region', { name: 'Impact' })).getByRole('group', { name: 'Estimated CO2 avoided' });
    expect(co2.textContent).toContain('120 kg');
    expect(co2.textContent).toContain('range 80 to 190 kg CO2-eq');
    expect(screen.getByText(/CO2emissiefactoren.nl 2026 \(Dutch list\)/)).toBeTruthy();
    const teams = screen.getByRole('table', { name: 'Participation and impact by team' });
    expect(within(within(teams).getByRole('row', { name: /Team Ster/ })).getByText('too small for numbers')).toBeTruthy();
    expect(within(within(teams).getByRole('row', { name: /Team Zon/ })).getByText('75%')).toBeTruthy();
    const top = screen.getByRole('table', { name: 'Actions carrying the most barriers' });
    expect(within(top).getByRole('row', { name: /Reusable cups/ }).textContent).toContain('In progress');
    expect(screen.getByRole('heading', { name: 'Participation per day' })).toBeTruthy();
    expect(screen.getByText('Spring challenge, 11 May 2026 to 22 May 2026 (10 days)')).toBeTruthy();
  });

  test('the hidden teams are counted in the plural from two on, in both languages', async () => {
    const two: ReportResponse = { ...FULL, participation: { ...FULL.participation, teamsHidden: 2 } as ReportResponse['participation'] };
    const nl = renderTab('#/report', { session: coordinator, answers: { 'GET /api/report': { body: two } } });
    const deelname = await screen.findByRole('region', { name: 'Deelname' }, { timeout: 20000 });
    expect(within(deelname).getByRole('group', { name: 'Teams in de cijfers' }).textContent).toContain('2 teams te klein voor cijfers, niet getoond');
    expect(within(screen.getByRole('group', { name: 'Actieprogramma' })).getByText('7 acties')).toBeTruthy();
    nl.unmount();
    renderTab('#/report', { lang: 'en', session: coordinator, answers: { 'GET /api/report': { body: two } } });
    const participation = await screen.findByRole('region', { name: 'Participation' }, { timeout: 20000 });
    expect(within(participation).getByRole('group', { name: 'Teams in the figures' }).textContent).toContain('2 teams too small for numbers, not shown');
  });

  test('the total CO2 card says a saving at 0 or more and extra emissions below 0, with absolute values, in both languages', async () => {
    const extra: ReportResponse = { ...FULL, impact: { ...FULL.impact, co2: { low: -30, mid: -12, high: -4 } } as ReportResponse['impact'] };
    const cases = [
      { lang: 'nl', body: FULL, label: 'Geschatte CO2-besparing', other: 'Geschatte extra CO2-uitstoot', value: '120 kg', hint: 'bandbreedte 80 tot 190 kg CO2-eq' },
      { lang: 'en', body: FULL, label: 'Estimated CO2 avoided', other: 'Estimated extra CO2 emissions', value: '120 kg', hint: 'range 80 to 190 kg CO2-eq' },
      { lang: 'nl', body: extra, label: 'Geschatte extra CO2-uitstoot', other: 'Geschatte CO2-besparing', value: '12 kg', hint: 'bandbreedte 4 tot 30 kg CO2-eq' },
      { lang: 'en', body: extra, label: 'Estimated extra CO2 emissions', other: 'Estimated CO2 avoided', value: '12 kg', hint: 'range 4 to 30 kg CO2-eq' },
    ] as const;
    for (const c of cases) {
      const tab = renderTab('#/report', { lang: c.lang, session: coordinator, answers: { 'GET /api/report': { body: c.body } } });
      const impact = await screen.findByRole('region', { name: 'Impact' }, { timeout: 20000 });
      const card = within(impact).getByRole('group', { name: c.label });
      expect(card.textContent).toContain(c.value);
      expect(card.textContent).toContain(c.hint);
      expect(card.textContent).not.toMatch(/[-\u2212]\d/);
      expect(within(impact).queryByRole('group', { name: c.other })).toBeNull();
      tab.unmount();
    }
  });

  test('the subtitle counts the campaign days in the singular for one day and the plural for two, in both languages', async () => {
    const cases = [
      { lang: 'nl', days: 1, text: 'Voorjaarschallenge, 11 mei 2026 t/m 22 mei 2026 (1 dag)' },
      { lang: 'nl', days: 2, text: 'Voorjaarschallenge, 11 mei 2026 t/m 22 mei 2026 (2 dagen)' },
      { lang: 'en', days: 1, text: 'Spring challenge, 11 May 2026 to 22 May 2026 (1 day)' },
      { lang: 'en', days: 2, text: 'Spring challenge, 11 May 2026 to 22 May 2026 (2 days)' },
    ] as const;
    for (const c of cases) {
      const body: ReportResponse = { ...FULL, campaign: { ...FULL.campaign, days: c.days } as ReportResponse['campaign'] };
      const tab = renderTab('#/report', { lang: c.lang, session: coordinator, answers: { 'GET /api/report': { body } } });
      expect(await screen.findByText(c.text, undefined, { timeout: 20000 })).toBeTruthy();
      tab.unmount();
    }
  });

  test('the Print button prints', async () => {
    const print = jest.fn();
    window.print = print;
    renderTab('#/report', { session: coordinator, answers: { 'GET /api/report': { body: FULL } } });
    await screen.findByRole('region', { name: 'Deelname' });
    await userEvent.click(screen.getByRole('button', { name: 'Afdrukken' }));
    expect(print).toHaveBeenCalledTimes(1);
  });

  test('below the group size the report says why there are no numbers (Dutch)', async () => {
    const small: ReportResponse = { ...FULL, participation: hidden, impact: hidden, series: [], teams: [{ teamId: 't-ster', name: 'Team Ster', figures: hidden }] };
    renderTab('#/report', { session: coordinator, answers: { 'GET /api/report': { body: small } } });
    const participation = await screen.findByRole('region', { name: 'Deelname' });
    expect(within(participation).getByRole('region', { name: 'Geen cijfers om de privacy te beschermen' }).textContent).toContain('minder dan 5 mensen');
    expect(within(participation).queryByRole('group', { name: 'Deelnemers' })).toBeNull();
    expect(screen.getByText('Nog geen dagen met genoeg deelnemers om te tonen.')).toBeTruthy();
  });

  test('empty: no campaign yet; error: the coded text in the user’s language', async () => {
    const empty = renderTab('#/report', { session: coordinator, answers: { 'GET /api/report': { body: { ...FULL, campaign: null } } } });
    expect((await screen.findByRole('status')).textContent).toContain('Er is nog geen campagne om over te rapporteren.');
    empty.unmount();
    renderTab('#/report', { lang: 'en', session: coordinator, answers: { 'GET /api/report': apiError(503, 'UNAVAILABLE') } });
    expect((await screen.findByRole('alert')).textContent).toContain('Storage cannot be reached right now.');
  });

  test('an employee gets the shell’s note, not the report', async () => {
    const tab = renderTab('#/report', { answers: { 'GET /api/report': { body: FULL } } });
    expect(await screen.findByText('Dit onderdeel is er alleen voor de programmacoördinatoren.')).toBeTruthy();
    expect(tab.calls.some((c) => c.path === '/api/report')).toBe(false);
  });
});
