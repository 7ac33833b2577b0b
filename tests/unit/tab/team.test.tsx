/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { figures, impact, suppressedDashboard, teamDashboard } from './dashboardFixtures';
import { apiError, LOADED, PENDING, renderTab } from './harness';

const path = 'GET /api/teams/t-zon/dashboard';

describe('team dashboard', () => {
  test('loading: a labelled spinner', async () => {
    renderTab('#/team/t-zon', { answers: { [path]: PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Teamdashboard' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Bezig met laden…' })).toBeTruthy();
  });

  test('full, in Dutch: key figures, both charts as tables, baseline, comparison, barriers and ideas', async () => {
    const tab = renderTab('#/team/t-zon', { answers: { [path]: { body: teamDashboard() } } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Team Zon' }, LOADED)).toBeTruthy();
    expect(screen.getByText('Soestainable voorjaar · dag 3 van 10')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Deelname' })).getByText('73%')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Deelname' })).getByText('8 deelnemers · t/m eergisteren')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Afvalvrije dagen' })).getByText('11')).toBeTruthy();
    const co2 = screen.getByRole('group', { name: 'Geschatte CO2-besparing' });
    expect(within(co2).getByText('18 kg')).toBeTruthy();
    expect(within(co2).getByText('bandbreedte 13 tot 24 kg CO2-eq')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'CO2emissiefactoren.nl' })).toBeTruthy();

    const perDay = screen.getByRole('table', { name: 'Check-ins per dag' });
    const rows = within(perDay).getAllByRole('row');
    expect(rows).toHaveLength(4);
    expect(within(rows[1] as HTMLElement).getByRole('rowheader').textContent).toBe('ma 11 mei');
    expect(within(rows[1] as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['7', '4']);
    const travel = screen.getByRole('table', { name: 'Reiswijze (aantal check-ins)' });
    expect(within(travel).getByRole('rowheader', { name: 'Fiets' }).nextSibling?.textContent).toBe('9');

    const baseline = screen.getByRole('region', { name: 'Nulmeting en nu' });
    expect(within(within(baseline).getByRole('rowheader', { name: 'Duurzaam woon-werkverkeer' }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['57%', '80%']);
    const compare = screen.getByRole('region', { name: 'Team naast de organisatie' });
    expect(within(within(compare).getByRole('rowheader', { name: 'Deelname' }).closest('tr') as HTMLElement).getAllByRole('cell').map((c) => c.textContent)).toEqual(['73%', '61%']);

    const barriers = screen.getByRole('region', { name: 'Prikkels van het team' });
    expect(within(barriers).getByText('Geen kraanwater op de derde verdieping')).toBeTruthy();
    expect(within(barriers).getByText('Actie: Watertappunt per verdieping (In uitvoering)')).toBeTruthy();
    expect(within(screen.getByRole('region', { name: 'Ideeën van het team' })).getByText('Bekeken')).toBeTruthy();
    expect(tab.calls.find((c) => c.path === '/api/teams/t-zon/dashboard')?.headers['Authorization']).toBe('Bearer dev-token');
  });

  test('full, in English, and the table toggle shows a chart’s data on screen', async () => {
    renderTab('#/team/t-zon', { lang: 'en', answers: { [path]: { body: teamDashboard() } } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Team Zon' }, LOADED)).toBeTruthy();
    expect(screen.getByText('Soestainable spring · day 3 of 10')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Participation' })).getByText('73%')).toBeTruthy();
    expect(within(screen.getByRole('group', { name: 'Estimated CO2 avoided' })).getByText('range 13 to 24 kg CO2-eq')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Travel mode (number of check-ins)' })).toBeTruthy();
    expect(within(screen.getByRole('table', { name: 'Check-ins per day' })).getByRole('rowheader', { name: 'Mon 11 May' })).toBeTruthy();
    const toggles = screen.getAllByRole('button', { name: 'Show as table' });
    await userEvent.click(toggles[0] as HTMLElement);
    // The label says what a press does next; no pressed state beside it ("Show as chart, pressed" confused readers).
    const back = screen.getByRole('button', { name: 'Show as chart' });
    expect(back.hasAttribute('aria-pressed')).toBe(false);
    expect(toggles[0]?.hasAttribute('aria-pressed')).toBe(false);
    await userEvent.click(back);
    expect(screen.getAllByRole('button', { name: 'Show as table' })).toHaveLength(toggles.length);
    expect(screen.queryByRole('button', { name: 'Show as chart' })).toBeNull();
    expect(within(screen.getByRole('region', { name: 'The team’s barriers' })).getByText('Action: A water tap on every floor (In progress)')).toBeTruthy();
  });

  test('English, an action without its English title yet: the Dutch title, never an empty one', async () => {
    const dashboard = teamDashboard();
    const [first, ...others] = dashboard.barriers;
    if (first === undefined || first.action === null) throw new Error('the fixture’s first barrier has an action');
    const body = { ...dashboard, barriers: [{ ...first, action: { ...first.action, title: { nl: 'Watertappunt per verdieping', en: '' } } }, ...others] };
    renderTab('#/team/t-zon', { lang: 'en', answers: { [path]: { body } } });
    const barriers = await screen.findByRole('region', { name: 'The team’s barriers' }, LOADED);
    expect(within(barriers).getByText('Action: Watertappunt per verdieping (In progress)')).toBeTruthy();
    expect(within(barriers).queryByText(/^Action: \(/)).toBeNull();
  });

  test('below the minimum group size: says why, shows no numbers (nl and en)', async () => {
    const nl = renderTab('#/team/t-klein', { answers: { 'GET /api/teams/t-klein/dashboard': { body: suppressedDashboard } } });
    const notice = await screen.findByRole('region', { name: 'Geen cijfers om de privacy te beschermen' }, LOADED);
    expect(notice.textContent).toContain('minder dan 5 mensen');
    expect(screen.queryByRole('group', { name: 'Deelname' })).toBeNull();
    expect(screen.queryByText(/%/)).toBeNull();
    expect(screen.queryByRole('table')).toBeNull();
    nl.unmount();
    renderTab('#/team/t-klein', { lang: 'en', answers: { 'GET /api/teams/t-klein/dashboard': { body: suppressedDashboard } } });
    expect((await screen.findByRole('region', { name: 'No numbers, to protect privacy' }, LOADED)).textContent).toContain('Fewer than 5 people');
  });

  test('empty: no check-ins yet, and no barriers or ideas', async () => {
    const empty = teamDashboard({ figures: figures({ checkIns: 0, wasteFreeDays: 0, participationRate: 0, sustainableTravelShare: null }), perDay: [], barriers: [], ideas: [] });
    renderTab('#/team/t-zon', { lang: 'en', answers: { [path]: { body: empty } } });
    expect(await screen.findByText('No check-ins yet', {}, LOADED)).toBeTruthy();
    expect(screen.getByRole('status').textContent).toContain('As soon as team members check in');
    expect(screen.getByText('This team has not reported any barriers yet.')).toBeTruthy();
    expect(screen.getByText('This team has not sent in any ideas yet.')).toBeTruthy();
    expect(screen.queryByRole('group', { name: 'Participation' })).toBeNull();
  });

  test('error: another team’s dashboard is refused, in the user’s language, and retry asks again', async () => {
    let asked = 0;
    const tab = renderTab('#/team/t-zon', {
      answers: {
        [path]: () => {
          asked += 1;
          return asked === 1 ? apiError(403, 'FORBIDDEN') : { body: teamDashboard() };
        },
      },
    });
    const alert = await screen.findByRole('alert', {}, LOADED);
    expect(alert.textContent).toContain('Dit mag je niet zien of doen met jouw rol.');
    await userEvent.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(await screen.findByRole('group', { name: 'Deelname' }, LOADED)).toBeTruthy();
    expect(tab.calls.filter((c) => c.path === '/api/teams/t-zon/dashboard')).toHaveLength(2);
  });

  test('a CO2 range across 0: a saving keeps its label with a real minus on the low bound; a middle below 0 is extra emissions (English)', async () => {
    const across = (co2: { low: number; mid: number; high: number }) => teamDashboard({ figures: figures({ impact: { ...impact, co2 } }) });
    const saving = renderTab('#/team/t-zon', { lang: 'en', answers: { [path]: { body: across({ low: -1, mid: 2, high: 4 }) } } });
    const avoided = await screen.findByRole('group', { name: 'Estimated CO2 avoided' }, LOADED);
    expect(within(avoided).getByText('2 kg')).toBeTruthy();
    expect(within(avoided).getByText('range \u22121 to 4 kg CO2-eq')).toBeTruthy();
    saving.unmount();
    renderTab('#/team/t-zon', { lang: 'en', answers: { [path]: { body: across({ low: -3, mid: -1, high: 2 }) } } });
    const extra = await screen.findByRole('group', { name: 'Estimated extra CO2 emissions' }, LOADED);
    expect(within(extra).getByText('1 kg')).toBeTruthy();
    expect(within(extra).getByText('range \u22122 to 3 kg CO2-eq')).toBeTruthy();
    expect(extra.textContent).not.toMatch(/[-–]\d/); // no hyphen or dash as a minus sign
  });
});
