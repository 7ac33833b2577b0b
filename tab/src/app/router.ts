import { useEffect, useState } from 'react';
import { HELP_SUB_PAGE, teamOfSubPage } from '@soestainable/shared/api/deepLinks';

/**
 * Hash routes (`#/team/t-1`): the tab is a static page under `/tab/`, so the server needs no route per page and
 * Teams' content URLs can name a page (`/tab/?lang={locale}#/me`).
 */
export const PAGES = ['team', 'org', 'me', 'programme', 'inbox', 'admin', 'report', 'config', 'signin', 'help', 'barriers', 'werkatelier'] as const;
export type PageId = (typeof PAGES)[number];

export type Route =
  /** No page named: the shell picks one (the deep link's team, the user's team, or my progress). */
  | { readonly page: 'home' }
  | { readonly page: 'notFound'; readonly path: string }
  /** `rest` holds the segments after the page (`#/team/t-1` → `['t-1']`; `#/programme/action/a-1` → `['action', 'a-1']`). */
  | { readonly page: PageId; readonly rest: readonly string[] };

function isPage(name: string): name is PageId {
  return (PAGES as readonly string[]).includes(name);
}

export function parseHash(hash: string): Route {
  const path = hash.replace(/^#/, '').replace(/\?.*$/, '');
  const segments = path.split('/').filter((s) => s !== '').map((s) => {
    try {
      return decodeURIComponent(s);
    } catch {
      return s;
    }
  });
  const [first, ...rest] = segments;
  if (first === undefined) return { page: 'home' };
  if (!isPage(first)) return { page: 'notFound', path };
  if (first === 'team' && rest.length !== 1) return { page: 'notFound', path };
  return { page: first, rest };
}

/** `hrefFor('team', 't-1')` → `#/team/t-1`. */
export function hrefFor(page: PageId, ...rest: string[]): string {
  return `#/${[page, ...rest].map(encodeURIComponent).join('/')}`;
}

/** The team a Teams deep link (`subEntityId` = `team:<teamId>`) points at. */
export function teamFromSubPageId(subPageId: string | undefined): string | undefined {
  return teamOfSubPage(subPageId);
}

/** The page a Teams deep link (`subEntityId`) names other than a team: `help` → "Hoe werkt het?". */
export function pageFromSubPageId(subPageId: string | undefined): PageId | undefined {
  return subPageId === HELP_SUB_PAGE ? 'help' : undefined;
}

/** Goes to a page (adds a history entry, as a link would). */
export function navigate(href: string): void {
  window.location.hash = href;
}

/** Replaces the current address without a history entry (used when the shell chooses the first page). */
export function redirect(href: string): void {
  const { pathname, search } = window.location;
  window.history.replaceState(null, '', `${pathname}${search}${href}`);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** The current route, following the address as it changes. */
export function useRoute(): Route {
  const [route, setRoute] = useState<Route>(() => parseHash(window.location.hash));
  useEffect(() => {
    const update = (): void => setRoute(parseHash(window.location.hash));
    window.addEventListener('hashchange', update);
    update();
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return route;
}
