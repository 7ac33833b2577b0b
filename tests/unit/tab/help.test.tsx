/** @jest-environment jsdom */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { DEEP_LINK_TAB, HELP_SUB_PAGE } from '@soestainable/shared/api/deepLinks';
import { placeholders } from '@soestainable/shared/text';
import { PAGE_DEFINITIONS } from '../../../tab/src/app/pages';
import { parseHash } from '../../../tab/src/app/router';
import { helpTexts } from '../../../tab/src/pages/help/texts';
import { commonTexts } from '../../../tab/src/texts/texts';
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

/** One topic: the `<li>` under the `<h3>` named `heading`. */
function topic(heading: string): HTMLElement {
  const item = screen.getByRole('heading', { level: 3, name: heading }).closest('li');
  if (item === null) throw new Error(`no topic ${heading}`);
  return item;
}

/** Where a topic's link goes, `null` when it has none. */
function linkOf(heading: string): { name: string; href: string | null } | null {
  const link = within(topic(heading)).queryByRole('link');
  return link === null ? null : { name: link.textContent ?? '', href: link.getAttribute('href') };
}

/** The texts only a manager gets, and those only a coordinator gets (the topics added after issues 15 and 16 among them). */
const MANAGER_ONLY = [T.digestText, T.waveDigestText, T.teamLastingText, T.teamCardText];
const COORDINATOR_ONLY = [T.inboxText, T.followUpWeeksText, T.recognitionsText, T.ownerInAppText, T.werkatelierText, T.reportLastingText];

describe('"Hoe werkt het?" (#/help)', () => {
  test('an employee gets the part for everyone only: joining, checking in, barriers, me too, pledges, follow-ups, owning an action, settings, data, privacy', async () => {
    renderTab('#/help', { session: sessionOf({ roles: [] }) });
    expect(await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED)).toBeTruthy();
    expect(partTitles()).toEqual([T.employeeTitle.nl]);
    expect(topicsOf(T.employeeTitle.nl)).toEqual([
      T.joinHeading.nl,
      T.checkInHeading.nl,
      T.reportHeading.nl,
      T.recogniseHeading.nl,
      T.youSaidHeading.nl,
      T.afterHeading.nl,
      T.followUpHeading.nl,
      T.ownerHeading.nl,
      T.settingsHeading.nl,
      T.dataHeading.nl,
      T.privacyHeading.nl,
      T.helpHeading.nl,
    ]);
    expect(screen.getByText(T.privacyText.nl)).toBeTruthy();
    for (const text of [T.recogniseText, T.afterText, T.followUpText, T.ownerText]) expect(screen.getByText(text.nl)).toBeTruthy();
    for (const text of [...MANAGER_ONLY, ...COORDINATOR_ONLY]) expect(screen.queryByText(text.nl)).toBeNull();
  });

  test('an employee\'s topics link to the pages of the tab that hold them: Herken ik, Mijn voortgang, Actieprogramma', async () => {
    renderTab('#/help', { session: sessionOf({ roles: [] }) });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    const goTo = (page: { nl: string }): string => T.goTo.nl.replace('{page}', page.nl);
    expect(linkOf(T.recogniseHeading.nl)).toEqual({ name: goTo(commonTexts.navBarriers), href: '#/barriers' });
    expect(linkOf(T.followUpHeading.nl)).toEqual({ name: goTo(commonTexts.navMe), href: '#/me' });
    expect(linkOf(T.ownerHeading.nl)).toEqual({ name: goTo(commonTexts.navProgramme), href: '#/programme' });
    expect(linkOf(T.checkInHeading.nl)).toEqual({ name: goTo(commonTexts.navMe), href: '#/me' });
    // Topics that happen in the chat only have no link.
    expect(linkOf(T.afterHeading.nl)).toBeNull();
    expect(linkOf(T.joinHeading.nl)).toBeNull();
    await userEvent.click(within(topic(T.recogniseHeading.nl)).getByRole('link'));
    expect(window.location.hash).toBe('#/barriers');
  });

  test('a manager gets the manager part as well, with what they cannot see and why', async () => {
    renderTab('#/help', { session: sessionOf({ roles: ['manager'] }) });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    expect(partTitles()).toEqual([T.employeeTitle.nl, T.managerTitle.nl]);
    expect(topicsOf(T.managerTitle.nl)).toEqual([
      T.digestHeading.nl,
      T.waveDigestHeading.nl,
      T.dashboardHeading.nl,
      T.teamLastingHeading.nl,
      T.channelHeading.nl,
      T.teamCardHeading.nl,
      T.managerLimitsHeading.nl,
    ]);
    expect(screen.getByText(T.managerLimitsText.nl)).toBeTruthy();
    for (const text of MANAGER_ONLY) expect(screen.getByText(text.nl)).toBeTruthy();
    for (const text of [T.adminText, ...COORDINATOR_ONLY]) expect(screen.queryByText(text.nl)).toBeNull();
    // The team topics link to the manager's own team, as the navigation does.
    const toTeam = { name: T.goTo.nl.replace('{page}', commonTexts.navTeam.nl), href: '#/team/t-zon' };
    expect(linkOf(T.dashboardHeading.nl)).toEqual(toTeam);
    expect(linkOf(T.teamLastingHeading.nl)).toEqual(toTeam);
    expect(linkOf(T.teamCardHeading.nl)).toBeNull();
  });

  test('a manager without a team of their own gets the team topics without a link to a team page', async () => {
    renderTab('#/help', { session: sessionOf({ roles: ['manager'], teamId: null, teamName: null }) });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    expect(screen.getByText(T.teamLastingText.nl)).toBeTruthy();
    expect(linkOf(T.dashboardHeading.nl)).toBeNull();
    expect(linkOf(T.teamLastingHeading.nl)).toBeNull();
  });

  test('a coordinator who is also a manager gets all three parts, in English when asked', async () => {
    renderTab('#/help', { lang: 'en', session: sessionOf({ roles: ['manager', 'coordinator'] }) });
    await screen.findByRole('heading', { level: 1, name: T.title.en }, LOADED);
    expect(partTitles()).toEqual([T.employeeTitle.en, T.managerTitle.en, T.coordinatorTitle.en]);
    expect(topicsOf(T.coordinatorTitle.en)).toEqual([
      T.adminHeading.en,
      T.followUpWeeksHeading.en,
      T.runsHeading.en,
      T.inboxHeading.en,
      T.recognitionsHeading.en,
      T.programmeHeading.en,
      T.ownerInAppHeading.en,
      T.reportHeadingCoordinator.en,
      T.werkatelierHeading.en,
      T.reportLastingHeading.en,
      T.removalHeading.en,
    ]);
    expect(screen.getByText(T.removalText.en)).toBeTruthy();
    for (const text of [...MANAGER_ONLY, ...COORDINATOR_ONLY]) expect(screen.getByText(text.en)).toBeTruthy();
    const goTo = (page: { en: string }): string => T.goTo.en.replace('{page}', page.en);
    expect(linkOf(T.followUpWeeksHeading.en)).toEqual({ name: goTo(commonTexts.navAdmin), href: '#/admin' });
    expect(linkOf(T.recognitionsHeading.en)).toEqual({ name: goTo(commonTexts.navInbox), href: '#/inbox' });
    expect(linkOf(T.ownerInAppHeading.en)).toEqual({ name: goTo(commonTexts.navProgramme), href: '#/programme' });
    expect(linkOf(T.werkatelierHeading.en)).toEqual({ name: goTo(commonTexts.navWerkatelier), href: '#/werkatelier' });
    expect(linkOf(T.reportLastingHeading.en)).toEqual({ name: goTo(commonTexts.navReport), href: '#/report' });
  });

  test('a coordinator without the manager role gets no manager part', async () => {
    renderTab('#/help', { session: sessionOf({ roles: ['coordinator'] }) });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    expect(partTitles()).toEqual([T.employeeTitle.nl, T.coordinatorTitle.nl]);
    for (const text of COORDINATOR_ONLY) expect(screen.getByText(text.nl)).toBeTruthy();
    for (const text of MANAGER_ONLY) expect(screen.queryByText(text.nl)).toBeNull();
  });

  test.each([
    ['an employee', sessionOf({ roles: [] })],
    ['a manager', sessionOf({ roles: ['manager'] })],
    ['a coordinator and manager', sessionOf({ roles: ['manager', 'coordinator'] })],
  ])('every link on the page for %s goes to a page of the navigation that person may open', async (_who, session) => {
    renderTab('#/help', { session });
    await screen.findByRole('heading', { level: 1, name: T.title.nl }, LOADED);
    const main = screen.getByRole('main');
    const links = within(main).getAllByRole('link');
    expect(links.length).toBeGreaterThan(0);
    for (const link of links) {
      const href = link.getAttribute('href') ?? '';
      const route = parseHash(href);
      const definition = PAGE_DEFINITIONS.find((d) => 'rest' in route && d.page === route.page);
      expect({ href, page: definition?.nav !== undefined, allowed: definition?.allowed(session) }).toEqual({ href, page: true, allowed: true });
    }
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
