/** @jest-environment jsdom */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEV_TOKEN_KEY } from '../../../tab/src/api/tokens';
import { apiError, LOADED, PENDING, renderTab, sessionOf, type RecordedCall } from './harness';

const USERS = 'GET /api/dev/users';
const users = {
  users: [
    { userId: 'u-anna', name: 'Anna', teamId: 't-zon', teamName: 'Zon', roles: [] },
    { userId: 'u-bram', name: 'Bram', teamId: 't-maan', teamName: 'Maan', roles: ['manager', 'coordinator'] },
  ],
};

describe('dev sign-in', () => {
  test('loading', async () => {
    renderTab('#/signin', { signedIn: false, answers: { [USERS]: PENDING } });
    expect(await screen.findByRole('heading', { level: 1, name: 'Aanmelden voor ontwikkeling' }, LOADED)).toBeTruthy();
    expect(screen.getByRole('progressbar')).toBeTruthy();
  });

  test('full: pick a user and a role they hold, sign in, land on their team dashboard', async () => {
    const posts: RecordedCall[] = [];
    const tab = renderTab('#/signin', {
      lang: 'en',
      signedIn: false,
      session: sessionOf({ userId: 'u-bram', name: 'Bram', teamId: 't-maan', roles: ['coordinator'] }),
      answers: {
        [USERS]: { body: users },
        'POST /api/dev/session': (call) => {
          posts.push(call);
          return { body: { token: 'fresh-dev-token', expiresAt: '2026-05-13T12:00:00Z' } };
        },
        'GET /api/teams/t-maan/dashboard': PENDING,
      },
    });
    const user = await screen.findByRole('combobox', { name: 'Demo user' }, LOADED);
    expect(within(user).getAllByRole('option').map((o) => o.textContent)).toEqual(['Anna (Zon)', 'Bram (Maan)']);
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['employee']);
    await userEvent.selectOptions(user, 'u-bram');
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(['employee', 'manager', 'coordinator']);
    await userEvent.click(screen.getByRole('radio', { name: 'Programme coordinator' }));
    await userEvent.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(window.location.hash).toBe('#/team/t-maan'), LOADED);
    expect(posts[0]?.body).toEqual({ userId: 'u-bram', role: 'coordinator' });
    expect(tab.storage.items.get(DEV_TOKEN_KEY)).toBe('fresh-dev-token');
    expect(tab.calls.find((c) => c.path === '/api/session')?.headers['Authorization']).toBe('Bearer fresh-dev-token');
    expect(await screen.findByRole('tab', { name: 'Admin' }, LOADED)).toBeTruthy();
  });

  test('switched off on the server (404): says so, in both languages', async () => {
    const nl = renderTab('#/signin', { signedIn: false, answers: { [USERS]: apiError(404, 'NOT_FOUND') } });
    expect(await screen.findByText('Aanmelden voor ontwikkeling staat hier uit. Open de app in Microsoft Teams.', {}, LOADED)).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Aanmelden' })).toBeNull();
    nl.unmount();
    renderTab('#/signin', { lang: 'en', signedIn: false, answers: { [USERS]: apiError(404, 'NOT_FOUND') } });
    expect(await screen.findByText('Development sign-in is switched off here. Open the app in Microsoft Teams.', {}, LOADED)).toBeTruthy();
  });

  test('empty: no demo users', async () => {
    renderTab('#/signin', { signedIn: false, answers: { [USERS]: { body: { users: [] } } } });
    expect(await screen.findByText(/Er zijn geen demogebruikers/, {}, LOADED)).toBeTruthy();
  });

  test('error: a refused role is shown in the user’s language and nothing is stored', async () => {
    const tab = renderTab('#/signin', { signedIn: false, answers: { [USERS]: { body: users }, 'POST /api/dev/session': apiError(403, 'FORBIDDEN') } });
    await userEvent.click(await screen.findByRole('button', { name: 'Aanmelden' }, LOADED));
    expect((await screen.findByRole('alert')).textContent).toContain('Dit mag je niet zien of doen met jouw rol.');
    expect(tab.storage.items.has(DEV_TOKEN_KEY)).toBe(false);
    expect(window.location.hash).toBe('#/signin');
  });

  test('error: the server cannot be reached', async () => {
    renderTab('#/signin', { lang: 'en', signedIn: false, answers: { [USERS]: apiError(500, 'INTERNAL') } });
    expect((await screen.findByRole('alert', {}, LOADED)).textContent).toContain('Something went wrong on our side.');
  });
});
