/** @jest-environment jsdom */
import { teamsDarkTheme, teamsHighContrastTheme } from '@fluentui/react-components';
import { act, screen, waitFor, within } from '@testing-library/react';
import { apiError, fakeTeams, LOADED, PENDING, renderTab, sessionOf } from './harness';

/** The tabs' accessible names (Fluent renders each label twice, once hidden to reserve its bold width). */
function tabNames(nav: HTMLElement): string[] {
  return within(nav).getAllByRole('tab').map((tab) => within(tab).getAllByText(/./)[0]?.textContent ?? '');
}

/** The CSS variables FluentProvider writes for its theme. */
function themeCss(): string {
  return [...document.querySelectorAll('style')]
    .flatMap((style) => [style.textContent ?? '', ...[...(style.sheet?.cssRules ?? [])].map((rule) => rule.cssText)])
    .join('\n');
}

describe('the tab shell', () => {
  test('shows the navigation a coordinator may use, in Dutch', async () => {
    renderTab('#/programme', { session: sessionOf({ roles: ['coordinator'] }) });
    const nav = await screen.findByRole('navigation', { name: 'Onderdelen' });
    expect(tabNames(nav)).toEqual(['Mijn team', 'Organisatie', 'Mijn voortgang', 'Actieprogramma', 'Prikkels', 'Beheer', 'Rapport', 'Herken ik', 'Werkatelier']);
    expect(within(nav).getByRole('tab', { name: 'Actieprogramma' }).getAttribute('aria-selected')).toBe('true');
  });

  test('an employee sees no coordinator pages, and a coordinator page says it is not for them (English)', async () => {
    renderTab('#/inbox', { lang: 'en' });
    const nav = await screen.findByRole('navigation', { name: 'Sections' });
    expect(tabNames(nav)).toEqual(['My team', 'Organisation', 'My progress', 'Action programme', 'Me too']);
    expect(await screen.findByText('This section is for the programme coordinators only.')).toBeTruthy();
  });

  test('without an address it opens the user’s team; a deep link from the digest opens that team', async () => {
    const first = renderTab('', { answers: { 'GET /api/teams/t-zon/dashboard': PENDING } });
    await waitFor(() => expect(window.location.hash).toBe('#/team/t-zon'));
    first.unmount();
    const second = renderTab('', { teams: fakeTeams({ subPageId: 'team:t-maan' }), answers: { 'GET /api/teams/t-maan/dashboard': PENDING } });
    await waitFor(() => expect(window.location.hash).toBe('#/team/t-maan'));
    second.unmount();
    // The static tab opens #/me; the digest's deep link into it still lands on the team.
    renderTab('#/me', { teams: fakeTeams({ subPageId: 'team:t-maan' }), answers: { 'GET /api/teams/t-maan/dashboard': PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Teamdashboard' }, LOADED)).toBeTruthy();
    expect(window.location.hash).toBe('#/team/t-maan');
  });

  test('an opened dashboard is asked for beside the session, not after it, and only once', async () => {
    // While the session has not answered, the dashboard's figures are already on their way …
    const waiting = renderTab('#/team/t-zon', { answers: { 'GET /api/session': PENDING, 'GET /api/teams/t-zon/dashboard': PENDING } });
    await waitFor(() => expect(waiting.calls.map((c) => c.path)).toEqual(['/api/session', '/api/teams/t-zon/dashboard']), LOADED);
    waiting.unmount();
    // … and the page then uses that answer instead of asking again.
    const tab = renderTab('#/team/t-zon', { answers: { 'GET /api/teams/t-zon/dashboard': PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Teamdashboard' }, LOADED)).toBeTruthy();
    expect(await screen.findByRole('progressbar', {}, LOADED)).toBeTruthy();
    expect(tab.calls.filter((c) => c.path === '/api/teams/t-zon/dashboard')).toHaveLength(1);
  });

  test('outside Teams without a sign-in it goes to the dev sign-in', async () => {
    renderTab('#/me', { signedIn: false, answers: { 'GET /api/dev/users': { body: { users: [] } } } });
    expect(await screen.findByRole('heading', { name: 'Aanmelden voor ontwikkeling' })).toBeTruthy();
    expect(window.location.hash).toBe('#/signin');
  });

  test('a refused token sends a dev user back to the sign-in and forgets the token', async () => {
    const tab = renderTab('#/me', { session: null, answers: { 'GET /api/session': apiError(401, 'UNAUTHENTICATED'), 'GET /api/dev/users': { body: { users: [] } } } });
    expect(await screen.findByRole('heading', { name: 'Aanmelden voor ontwikkeling' })).toBeTruthy();
    expect(tab.storage.items.size).toBe(0);
  });

  test('inside Teams the SSO token goes along; a failing session shows the coded error in the user’s language', async () => {
    const tab = renderTab('#/me', { lang: 'en', session: null, teams: fakeTeams(), answers: { 'GET /api/session': apiError(503, 'UNAVAILABLE') } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Storage cannot be reached right now.');
    expect(tab.calls[0]?.headers['Authorization']).toBe('Bearer teams-sso-token');
  });

  test('an unknown address says so', async () => {
    renderTab('#/nowhere');
    expect(await screen.findByText('Deze pagina bestaat niet')).toBeTruthy();
  });

  test('follows the Teams theme when it switches', async () => {
    const teams = fakeTeams({ theme: 'dark' });
    renderTab('#/nowhere', { teams });
    await screen.findByRole('navigation', { name: 'Onderdelen' }, LOADED);
    expect(themeCss()).toContain(`--colorNeutralBackground1: ${teamsDarkTheme.colorNeutralBackground1}`);
    act(() => teams.switchTheme('contrast'));
    await waitFor(() => expect(themeCss()).toContain(`--colorNeutralBackground1: ${teamsHighContrastTheme.colorNeutralBackground1}`), LOADED);
    expect(themeCss()).not.toContain(`--colorNeutralBackground1: ${teamsDarkTheme.colorNeutralBackground1}`);
  });
});
