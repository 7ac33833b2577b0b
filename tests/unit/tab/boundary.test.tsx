/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { lazy, Suspense, useState, type ComponentType, type ReactElement } from 'react';
import type { InboxResponse } from '@soestainable/shared/api/inbox';
import { PAGE_DEFINITIONS, type PageDefinition, type PageProps } from '../../../tab/src/app/pages';
import type { PageId } from '../../../tab/src/app/router';
import { ChartBoundary } from '../../../tab/src/components/boundary/ErrorBoundary';
import { LOADED, PENDING, renderTab, sessionOf } from './harness';

/**
 * A page or chart that fails to download (a network blip, a redeploy while the tab is open) or to render: an error
 * state with a retry that reloads the app, below a navigation that still works, instead of an empty tab.
 */

const coordinator = sessionOf({ roles: ['coordinator'] });
const quiet = { 'GET /api/me': PENDING, 'GET /api/teams/t-zon/dashboard': PENDING } as const;

/** What the browser's dynamic import rejects with when a chunk cannot be fetched. */
const chunkError = (): Error => new TypeError('Failed to fetch dynamically imported module: https://tab.example/assets/index-3f2a.js');

/** The real page table with one page's code swapped for `load` (the stand-in for the network, not for our code). */
function pagesWith(page: PageId, load: () => Promise<{ default: ComponentType<PageProps> }>): PageDefinition[] {
  return PAGE_DEFINITIONS.map((d) => (d.page === page ? { ...d, component: lazy(load), preload: load } : d));
}

/** React reports an error a boundary caught on the console; the tests expect those, so they are kept quiet. */
let consoleError: jest.SpyInstance;
beforeEach(() => {
  consoleError = jest.spyOn(console, 'error').mockImplementation(() => undefined);
});
afterEach(() => consoleError.mockRestore());

describe('a page that fails', () => {
  test('to download: the error state and its retry (a reload) below the navigation, which still leads elsewhere', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/programme', { answers: quiet, pages: pagesWith('programme', () => Promise.reject(chunkError())) });
    const alert = await screen.findByRole('alert', {}, LOADED);
    expect(within(alert).getByText('Dat lukte niet')).toBeTruthy();
    expect(within(alert).getByText('Dit onderdeel kon niet worden geladen of getoond. Met Opnieuw proberen laad je de app opnieuw.')).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Onderdelen' });
    expect(within(nav).getByRole('tab', { name: 'Actieprogramma' }).getAttribute('aria-selected')).toBe('true');

    await user.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(tab.reloads.count).toBe(1);

    // Another page starts with a fresh boundary.
    await user.click(within(nav).getByRole('tab', { name: 'Mijn voortgang' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Mijn voortgang' }, LOADED)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  test('to render (a date the page cannot read): the same error state, in English, with the navigation', async () => {
    const user = userEvent.setup();
    const body: InboxResponse = {
      total: 1,
      byTheme: { circulariteit: 1, energietransitie: 0, mvoi: 0 },
      byTeam: [{ teamId: 't-zon', teamName: 'Team Zon', count: 1 }],
      groups: [{ theme: 'circulariteit', teamId: 't-zon', teamName: 'Team Zon', count: 1, barriers: [{ barrierId: 'b1', reference: 'P-0001', theme: 'circulariteit', teamId: 't-zon', text: 'Bekers', createdAt: 'gisteren', recognitions: 0 }] }],
      actions: [],
      statusCounts: { nieuw: 1 },
    };
    const tab = renderTab('#/inbox', { lang: 'en', session: coordinator, answers: { ...quiet, 'GET /api/inbox': { body } } });
    const alert = await screen.findByRole('alert', {}, LOADED);
    expect(within(alert).getByText('This part could not be loaded or shown. Try again reloads the app.')).toBeTruthy();
    expect(screen.queryByText('Bekers')).toBeNull();
    const nav = screen.getByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('tab', { name: 'Barriers' }).getAttribute('aria-selected')).toBe('true');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(tab.reloads.count).toBe(1);
  });

  test('nothing of what the page showed reaches the console (only React’s report of the error does)', async () => {
    const quietConsole = (['log', 'info', 'warn', 'debug'] as const).map((level) => jest.spyOn(console, level).mockImplementation(() => undefined));
    try {
      const barrier = { barrierId: 'b1', reference: 'P-0001', theme: 'circulariteit' as const, teamId: 't-zon', text: 'Mijn leidinggevende gooit alles weg', recognitions: 0 };
      const good = { ...barrier, barrierId: 'b2', reference: 'P-0002', createdAt: '2026-12-04T23:00:00.000Z' };
      const body: InboxResponse = {
        total: 2,
        byTheme: { circulariteit: 2, energietransitie: 0, mvoi: 0 },
        byTeam: [{ teamId: 't-zon', teamName: 'Team Zon', count: 2 }],
        groups: [{ theme: 'circulariteit', teamId: 't-zon', teamName: 'Team Zon', count: 2, barriers: [good, { ...barrier, createdAt: 'gisteren' }] }],
        actions: [],
        statusCounts: { nieuw: 2 },
      };
      renderTab('#/inbox', { session: coordinator, answers: { ...quiet, 'GET /api/inbox': { body } } });
      await screen.findByRole('alert', {}, LOADED);
      const logged = [consoleError, ...quietConsole].flatMap((spy) => spy.mock.calls.flat()).map((arg) => (arg instanceof Error ? `${arg.message} ${arg.stack ?? ''}` : String(arg)));
      expect(logged.length).toBeGreaterThan(0);
      for (const line of logged) expect(line).not.toContain('leidinggevende');
      expect(quietConsole.every((spy) => spy.mock.calls.length === 0)).toBe(true);
    } finally {
      for (const spy of quietConsole) spy.mockRestore();
    }
  });
});

describe('a chart that fails to download', () => {
  const FailingChart = lazy(() => Promise.reject(chunkError()));

  /** A page with one chart whose code does not arrive, and a table toggle as ChartFigure has one. */
  function ChartPage(): ReactElement {
    const [asTable, setAsTable] = useState(false);
    return (
      <>
        <h1>Grafiek</h1>
        <button type="button" onClick={() => setAsTable((v) => !v)}>
          {asTable ? 'Toon als grafiek' : 'Toon als tabel'}
        </button>
        <ChartBoundary hidden={asTable}>
          <Suspense fallback={null}>{asTable ? null : <FailingChart />}</Suspense>
        </ChartBoundary>
      </>
    );
  }

  test('shows its own error state with a retry; the rest of the page stays, and the table view hides the message', async () => {
    const user = userEvent.setup();
    const tab = renderTab('#/programme', { answers: quiet, pages: pagesWith('programme', () => Promise.resolve({ default: ChartPage })) });
    const alert = await screen.findByRole('alert', {}, LOADED);
    expect(within(alert).getByText('De grafiek kon niet worden geladen. De cijfers staan ook in de tabel; met Opnieuw proberen laad je de app opnieuw.')).toBeTruthy();
    expect(screen.getByRole('heading', { level: 1, name: 'Grafiek' })).toBeTruthy();
    await user.click(within(alert).getByRole('button', { name: 'Opnieuw proberen' }));
    expect(tab.reloads.count).toBe(1);

    await user.click(screen.getByRole('button', { name: 'Toon als tabel' }));
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: 'Toon als grafiek' }));
    expect(await screen.findByRole('alert')).toBeTruthy();
  });
});
