/** @jest-environment jsdom */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { LOADED, PANEL_WIDTH, PENDING, layOut, renderTab, sessionOf } from './harness';

/**
 * The top navigation in Teams' 320 px side panel (issue 14, item 8): the pages that do not fit are not cut off
 * or scrolled out of reach but listed in a "More" menu. Widths come from the harness's layout stand-in (`layOut`).
 */

const COORDINATOR_PAGES_NL = ['Mijn team', 'Organisatie', 'Mijn voortgang', 'Actieprogramma', 'Prikkels', 'Beheer', 'Rapport', 'Herken ik', 'Werkatelier'];
const EMPLOYEE_PAGES_EN = ['My team', 'Organisation', 'My progress', 'Action programme', 'Me too'];

/** A tab's name (Fluent renders each label twice, once hidden to reserve its bold width). */
function tabName(tab: HTMLElement): string {
  return within(tab).getAllByText(/./)[0]?.textContent ?? '';
}

/** The tabs on screen: the overflow manager hides the others (`data-overflowing`, display: none). */
function shownTabs(nav: HTMLElement): HTMLElement[] {
  return within(nav)
    .getAllByRole('tab')
    .filter((tab) => !tab.hasAttribute('data-overflowing'));
}

const quiet = { 'GET /api/me': PENDING, 'GET /api/teams/t-zon/dashboard': PENDING, 'GET /api/report': PENDING } as const;

describe('the navigation in the side panel', () => {
  test('at 320 px the current page stays a tab and every other page is in the "More" menu (Dutch, coordinator)', async () => {
    const user = userEvent.setup();
    renderTab('#/me', { width: PANEL_WIDTH, session: sessionOf({ roles: ['coordinator'] }), answers: quiet });
    const nav = await screen.findByRole('navigation', { name: 'Onderdelen' }, LOADED);
    const more = await within(nav).findByRole('button', { name: /^Meer onderdelen/ }, LOADED);
    const shown = shownTabs(nav).map(tabName);
    expect(shown).toContain('Mijn voortgang');
    expect(within(nav).getByRole('tab', { name: 'Mijn voortgang' }).getAttribute('aria-selected')).toBe('true');

    await user.click(more);
    const menu = await screen.findByRole('menu', {}, LOADED);
    const inMenu = within(menu).getAllByRole('menuitem').map((item) => item.textContent ?? '');
    expect(more.getAttribute('aria-label')).toBe(`Meer onderdelen (${inMenu.length})`);
    // Every page exactly once: a tab on screen or an item of the menu, in navigation order.
    expect([...shown, ...inMenu].sort()).toEqual([...COORDINATOR_PAGES_NL].sort());
    expect(inMenu.length).toBeGreaterThan(0);
    expect(inMenu).not.toContain('Mijn voortgang');

    // The last page, which used to be out of reach, opens from the menu.
    await user.click(within(menu).getByRole('menuitem', { name: 'Rapport' }));
    await waitFor(() => expect(window.location.hash).toBe('#/report'));
    // Now the report is the tab on screen; "Mijn voortgang" has moved into the menu.
    await waitFor(() => expect(within(nav).getByRole('tab', { name: 'Rapport' }).getAttribute('aria-selected')).toBe('true'));
    expect(shownTabs(nav).map(tabName)).toContain('Rapport');
    // Signing out stays reachable beside them.
    expect(within(nav).getByRole('button', { name: 'Afmelden' })).toBeTruthy();
  });

  test('by keyboard, in English: Enter on "More" opens the menu of the pages that do not fit, Enter on an item opens it', async () => {
    const user = userEvent.setup();
    renderTab('#/team/t-zon', { lang: 'en', width: PANEL_WIDTH, answers: quiet });
    const nav = await screen.findByRole('navigation', { name: 'Sections' }, LOADED);
    const more = await within(nav).findByRole('button', { name: /^More sections \(\d\)$/ }, LOADED);
    more.focus();
    await user.keyboard('{Enter}');
    const menu = await screen.findByRole('menu', {}, LOADED);
    const items = within(menu).getAllByRole('menuitem');
    expect([...shownTabs(nav).map(tabName), ...items.map((i) => i.textContent ?? '')].sort()).toEqual([...EMPLOYEE_PAGES_EN].sort());
    expect(more.getAttribute('aria-expanded')).toBe('true');
    // Moving focus inside the open menu is Fluent's (tabster's, which needs real layout); from an item, Enter opens its page.
    const last = items[items.length - 1];
    last?.focus();
    const target = last?.textContent ?? '';
    await user.keyboard('{Enter}');
    const hashOf: Record<string, string> = { 'My team': '#/team/t-zon', Organisation: '#/org', 'My progress': '#/me', 'Action programme': '#/programme', 'Me too': '#/barriers' };
    await waitFor(() => expect(window.location.hash).toBe(hashOf[target]));
  });

  test('at desktop width every page is a tab and there is no "More"; narrowing the panel brings it', async () => {
    renderTab('#/programme', { session: sessionOf({ roles: ['coordinator'] }), answers: { 'GET /api/programme': PENDING } });
    const nav = await screen.findByRole('navigation', { name: 'Onderdelen' }, LOADED);
    expect(shownTabs(nav).map(tabName)).toEqual(COORDINATOR_PAGES_NL);
    expect(within(nav).queryByRole('button', { name: /^Meer/ })).toBeNull();

    act(() => layOut(PANEL_WIDTH));
    expect(await within(nav).findByRole('button', { name: /^Meer onderdelen/ }, LOADED)).toBeTruthy();
    expect(shownTabs(nav).map(tabName)).toContain('Actieprogramma');
    expect(shownTabs(nav).length).toBeLessThan(COORDINATOR_PAGES_NL.length);
  });
});
