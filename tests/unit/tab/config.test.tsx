/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { apiError, fakeTeams, LOADED, PENDING, renderTab, sessionOf } from './harness';

const TEAMS = 'GET /api/teams';
const teamsList = { teams: [{ teamId: 't-maan', name: 'Maan' }, { teamId: 't-zon', name: 'Zon' }] };

describe('configuration page of the team tab', () => {
  test('outside Teams it explains what it is for (nl and en), without a navigation', async () => {
    const nl = renderTab('#/config');
    expect(await screen.findByText(/Deze pagina hoort bij Microsoft Teams/, {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('navigation')).toBeNull();
    nl.unmount();
    renderTab('#/config', { lang: 'en' });
    expect(await screen.findByText(/This page belongs to Microsoft Teams/, {}, LOADED)).toBeTruthy();
  });

  test('loading, in Teams', async () => {
    renderTab('#/config', { teams: fakeTeams({ frameContext: 'settings' }), answers: { [TEAMS]: PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Teamdashboard instellen' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('progressbar', { name: 'Bezig met laden…' })).toBeTruthy();
  });

  test('full: the own team is preselected; choosing another and saving sets the tab’s address', async () => {
    const teams = fakeTeams({ frameContext: 'settings', locale: 'en-gb' });
    renderTab('#/config', { lang: 'en', teams, session: sessionOf({ teamId: 't-zon' }), answers: { [TEAMS]: { body: teamsList } } });
    const picker = (await screen.findByRole('combobox', { name: 'Organisation team' }, LOADED)) as HTMLSelectElement;
    await waitFor(() => expect(picker.value).toBe('t-zon'));
    expect(teams.valid).toBe(true);
    await userEvent.selectOptions(picker, 't-maan');
    expect(screen.getByRole('status').textContent).toBe('This channel will show the dashboard of Maan.');
    const config = await teams.save?.();
    expect(config).toEqual({
      contentUrl: 'https://tab.example/tab/?lang={locale}#/team/t-maan',
      websiteUrl: 'https://tab.example/tab/#/team/t-maan',
      entityId: 'team-t-maan',
      suggestedDisplayName: 'Soestainable · Maan',
    });
  });

  test('without an own team Save stays off until a team is chosen', async () => {
    const teams = fakeTeams({ frameContext: 'settings' });
    renderTab('#/config', { teams, session: sessionOf({ teamId: null, teamName: null }), answers: { [TEAMS]: { body: teamsList } } });
    const picker = await screen.findByRole('combobox', { name: 'Organisatieteam' }, LOADED);
    expect(teams.valid).toBe(false);
    await expect(teams.save?.()).rejects.toThrow('no team chosen');
    await userEvent.selectOptions(picker, 't-zon');
    expect(teams.valid).toBe(true);
    expect(within(screen.getByRole('status')).getByText('Dit kanaal toont het dashboard van Zon.')).toBeTruthy();
  });

  test('empty: no teams yet', async () => {
    renderTab('#/config', { teams: fakeTeams(), answers: { [TEAMS]: { body: { teams: [] } } } });
    expect(await screen.findByText(/Er zijn nog geen teams/, {}, LOADED)).toBeTruthy();
  });

  test('error, in English', async () => {
    renderTab('#/config', { lang: 'en', teams: fakeTeams(), answers: { [TEAMS]: apiError(503, 'UNAVAILABLE') } });
    expect((await screen.findByRole('alert', {}, LOADED)).textContent).toContain('Storage cannot be reached right now.');
  });
});
