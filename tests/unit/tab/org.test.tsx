/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { orgOverview } from './dashboardFixtures';
import { apiError, LOADED, PENDING, renderTab, sessionOf } from './harness';

const path = 'GET /api/org/overview';

function rowOf(table: HTMLElement, team: string): string[] {
  const header = within(table).getByRole('rowheader', { name: team });
  return within(header.closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent ?? '');
}

describe('organisation overview', () => {
  test('loading', async () => {
    renderTab('#/org', { answers: { [path]: PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Organisatie' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Bezig met laden…' })).toBeTruthy();
  });

  test('full, in Dutch: totals, teams ranked, a small team without numbers, links only to my own team', async () => {
    renderTab('#/org', { answers: { [path]: { body: orgOverview() } } });
    const totals = await screen.findByRole('region', { name: 'De hele organisatie' }, LOADED);
    expect(within(within(totals).getByRole('group', { name: 'Deelnemers' })).getByText('23')).toBeTruthy();
    expect(within(within(totals).getByRole('group', { name: 'Duurzaam gereisd' })).getByText('nulmeting 50%')).toBeTruthy();
    const table = screen.getByRole('table', { name: 'Teams op volgorde van deelname' });
    expect(rowOf(table, 'Zon')).toEqual(['1', '73%', '+23 procentpunt', '18']);
    expect(rowOf(table, 'Maan')).toEqual(['2', '52%', 'nog onbekend', '12']);
    expect(rowOf(table, 'Klein')).toEqual(['', 'te klein voor cijfers']);
    expect(within(table).getByRole('link', { name: 'Zon' }).getAttribute('href')).toBe('#/team/t-zon');
    expect(within(table).queryByRole('link', { name: 'Maan' })).toBeNull();
    const chart = screen.getByRole('table', { name: 'Deelname per team' });
    expect(within(chart).getAllByRole('rowheader').map((h) => h.textContent)).toEqual(['Zon', 'Maan']);
  });

  test('full, in English, for a coordinator: every visible team links to its dashboard', async () => {
    renderTab('#/org', { lang: 'en', session: sessionOf({ roles: ['coordinator'] }), answers: { [path]: { body: orgOverview() } } });
    const table = await screen.findByRole('table', { name: 'Teams by participation' }, LOADED);
    expect(rowOf(table, 'Zon')).toEqual(['1', '73%', '+23 percentage points', '18']);
    expect(rowOf(table, 'Klein')).toEqual(['', 'too small for numbers']);
    expect(within(table).getAllByRole('link').map((l) => l.textContent)).toEqual(['Zon', 'Maan', 'Klein']);
    expect(screen.getByText('Teams only, never people. Teams with fewer than 5 active participants are listed last, without numbers.')).toBeTruthy();
  });

  test('below the group size across the organisation: no totals, says why', async () => {
    const small = orgOverview({
      totals: null,
      baseline: null,
      teams: [{ suppressed: true, teamId: 't-klein', name: 'Klein', reason: 'below_minimum_group_size', minimum: 5 }],
    });
    renderTab('#/org', { lang: 'en', answers: { [path]: { body: small } } });
    expect(await screen.findByText('Fewer than 5 people take part across the organisation so far: no totals yet.', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Participants' })).toBeNull();
    expect(screen.queryByRole('table', { name: 'Participation per team' })).toBeNull();
  });

  test('a small team says why it has no numbers, and the page says how the figures are protected (nl and en)', async () => {
    const base = orgOverview();
    const body = orgOverview({ teams: [...base.teams.filter((row) => !row.suppressed), { suppressed: true, teamId: 't-klein', name: 'Klein', reason: 'below_minimum_group_size', minimum: 5 }] });
    const nl = renderTab('#/org', { answers: { [path]: { body } } });
    const table = await screen.findByRole('table', { name: 'Teams op volgorde van deelname' }, LOADED);
    expect(rowOf(table, 'Klein')).toEqual(['', 'te klein voor cijfers']);
    expect(screen.getByText(/lopen tot en met eergisteren.*samen minstens 5 mensen uit twee of meer teams/)).toBeTruthy();
    nl.unmount();
    renderTab('#/org', { lang: 'en', answers: { [path]: { body } } });
    const en = await screen.findByRole('table', { name: 'Teams by participation' }, LOADED);
    expect(rowOf(en, 'Klein')).toEqual(['', 'too small for numbers']);
    expect(screen.getByText(/run up to the day before yesterday.*at least 5 people from two or more teams/)).toBeTruthy();
  });

  test('empty: no teams yet', async () => {
    renderTab('#/org', { answers: { [path]: { body: orgOverview({ teams: [], totals: null, baseline: null, campaign: null }) } } });
    expect(await screen.findByText('Er zijn nog geen teams.', {}, LOADED)).toBeTruthy();
    expect(screen.getByText('Er loopt nu geen campagne.')).toBeTruthy();
  });

  test('error: storage unavailable, in English, with retry', async () => {
    let asked = 0;
    renderTab('#/org', { lang: 'en', answers: { [path]: () => (++asked === 1 ? apiError(503, 'UNAVAILABLE') : { body: orgOverview() }) } });
    const alert = await screen.findByRole('alert', {}, LOADED);
    expect(alert.textContent).toContain('Storage cannot be reached right now. Please try again shortly.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('table', { name: 'Teams by participation' }, LOADED)).toBeTruthy();
  });
});
