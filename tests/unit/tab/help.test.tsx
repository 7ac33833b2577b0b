/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEEP_LINK_TAB, HELP_SUB_PAGE } from '@soestainable/shared/api/deepLinks';
import { placeholders } from '@soestainable/shared/text';
import { helpTexts } from '../../../tab/src/pages/help/texts';
import { fakeTeams, LOADED, PANEL_WIDTH, PENDING, renderTab, sessionOf } from './harness';

const T = helpTexts;

/** The page's parts: the `<h2>` of each section, in order. */
function partTitles(): string[] {
  return screen.getAllByRole('heading', { level: 2 }).map((h) => h.textContent ?? '');
}

/** The topics of one part: the `<h3>`s inside the section named `title`. */
function topicsOf(title: string): string[] {
  const section = screen.getByRole('region', { name: title });
  return within(section)
    .getAllByRole('heading', { level: 3 })
    .map((h) => h.textContent ?? '');
}

describe('"Hoe werkt het?" (#/help)', () => {
  test('an employee gets the part for everyone only: joining, checking in, barriers, pledges, settings, data, privacy', async () => {
    renderTab('#/help', { session: sessionOf({ roles: [] }) });
    expect(await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED)).toBeTruthy();
    expect(partTitles()).toEqual([T.employeeTitle.nl]);
    expect(topicsOf(T.employeeTitle.nl)).toEqual([
      T.joinHeading.nl,
      T.checkInHeading.nl,
      T.reportHeading.nl,
      T.youSaidHeading.nl,
      T.afterHeading.nl,
      T.settingsHeading.nl,
      T.dataHeading.nl,
      T.privacyHeading.nl,
      T.helpHeading.nl,
    ]);
    expect(screen.getByText(T.privacyText.nl)).toBeTruthy();
    expect(screen.queryByText(T.digestText.nl)).toBeNull();
    expect(screen.queryByText(T.inboxText.nl)).toBeNull();
  });

  test('a manager gets the manager part as well, with what they cannot see and why', async () => {
    renderTab('#/help', { session: sessionOf({ roles: ['manager'] }) });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    expect(partTitles()).toEqual([T.employeeTitle.nl, T.managerTitle.nl]);
    expect(topicsOf(T.managerTitle.nl)).toEqual([T.digestHeading.nl, T.dashboardHeading.nl, T.channelHeading.nl, T.managerLimitsHeading.nl]);
    expect(screen.getByText(T.managerLimitsText.nl)).toBeTruthy();
    expect(screen.queryByText(T.adminText.nl)).toBeNull();
  });

  test('a coordinator who is also a manager gets all three parts, in English when asked', async () => {
    renderTab('#/help', { lang: 'en', session: sessionOf({ roles: ['manager', 'coordinator'] }) });
    await screen.findByRole('heading', { level: 1, name: T.title.en }, LOADED);
    expect(partTitles()).toEqual([T.employeeTitle.en, T.managerTitle.en, T.coordinatorTitle.en]);
    expect(topicsOf(T.coordinatorTitle.en)).toEqual([
      T.adminHeading.en,
      T.runsHeading.en,
      T.inboxHeading.en,
      T.programmeHeading.en,
      T.reportHeadingCoordinator.en,
      T.removalHeading.en,
    ]);
    expect(screen.getByText(T.removalText.en)).toBeTruthy();
  });

  test('a coordinator without the manager role gets no manager part', async () => {
    renderTab('#/help', { session: sessionOf({ roles: ['coordinator'] }) });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    expect(partTitles()).toEqual([T.employeeTitle.nl, T.coordinatorTitle.nl]);
  });

  test('the link beside the navigation opens the page, and marks it as the current page there', async () => {
    renderTab('#/me', { answers: { 'GET /api/me': PENDING } });
    const nav = await screen.findByRole('navigation', { name: 'Onderdelen' });
    const link = within(nav).getByRole('link', { name: T.title.nl });
    expect(link.getAttribute('href')).toBe('#/help');
    expect(link.getAttribute('aria-current')).toBeNull();
    await userEvent.click(link);
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    expect(window.location.hash).toBe('#/help');
    await waitFor(() => expect(within(nav).getByRole('link', { name: T.title.nl }).getAttribute('aria-current')).toBe('page'));
    // It is not one of the navigation's tabs: those stay the pages of the roles.
    expect(within(nav).queryByRole('tab', { name: T.title.nl })).toBeNull();
  });

  test('in the side panel the link keeps its whole name', async () => {
    renderTab('#/me', { width: PANEL_WIDTH, lang: 'en', answers: { 'GET /api/me': PENDING } });
    const nav = await screen.findByRole('navigation', { name: 'Sections' });
    expect(within(nav).getByRole('link', { name: T.title.en }).getAttribute('href')).toBe('#/help');
  });

  test('the bot\'s help card deep link (subEntityId "help") opens the page in Teams, not the static tab\'s own page', async () => {
    renderTab('#/me', { teams: fakeTeams({ subPageId: HELP_SUB_PAGE }), answers: { 'GET /api/me': PENDING } });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    expect(window.location.hash).toBe('#/help');
  });

  test('the deep link\'s static tab exists in the manifest', () => {
    const manifest = JSON.parse(readFileSync(join(__dirname, '..', '..', '..', 'manifest', 'manifest.json'), 'utf8')) as { staticTabs: Array<{ entityId: string; contentUrl?: string }> };
    expect(manifest.staticTabs.find((tab) => tab.entityId === DEEP_LINK_TAB)?.contentUrl).toMatch(/\/tab\//);
  });

  test('every text has Dutch and English, with the same placeholders', () => {
    for (const [key, text] of Object.entries(T)) {
      expect({ key, nl: text.nl.trim().length > 0, en: text.en.trim().length > 0, same: (text.nl as string) === text.en }).toEqual({ key, nl: true, en: true, same: false });
      expect({ key, en: placeholders(text.en) }).toEqual({ key, en: placeholders(text.nl) });
    }
  });
});
