import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SessionInfo } from '../../../shared/src/api/session';
import type { commonTexts } from '../texts/texts';
import type { PageId } from './router';

/** What the shell hands every page: the route's segments after the page name (`#/team/t-1` → `['t-1']`). */
export interface PageProps {
  readonly rest: readonly string[];
}

export interface PageDefinition {
  readonly page: PageId;
  /** The page's entry in the top navigation; none for pages reached otherwise (configuration, sign-in). */
  readonly nav?: keyof typeof commonTexts;
  /** Who may open it; others see a "not for your role" note instead of the page (the API refuses them too). */
  readonly allowed: (session: SessionInfo) => boolean;
  /** Loaded on demand: a page's code (charts, admin forms) downloads when it is first opened. */
  readonly component: LazyExoticComponent<ComponentType<PageProps>>;
}

const everyone = (): boolean => true;
const coordinators = (s: SessionInfo): boolean => s.roles.includes('coordinator');

/**
 * The tab's pages, in navigation order. See README.md beside this file for how a page plugs in.
 * The team page's nav entry points at the user's own team (the shell fills in the id).
 */
export const PAGE_DEFINITIONS: readonly PageDefinition[] = [
  { page: 'team', nav: 'navTeam', allowed: everyone, component: lazy(() => import('../pages/team/index')) },
  { page: 'org', nav: 'navOrg', allowed: everyone, component: lazy(() => import('../pages/org/index')) },
  { page: 'me', nav: 'navMe', allowed: everyone, component: lazy(() => import('../pages/me/index')) },
  { page: 'programme', nav: 'navProgramme', allowed: everyone, component: lazy(() => import('../pages/programme/index')) },
  { page: 'inbox', nav: 'navInbox', allowed: coordinators, component: lazy(() => import('../pages/inbox/index')) },
  { page: 'admin', nav: 'navAdmin', allowed: coordinators, component: lazy(() => import('../pages/admin/index')) },
  { page: 'report', nav: 'navReport', allowed: coordinators, component: lazy(() => import('../pages/report/index')) },
  { page: 'config', allowed: everyone, component: lazy(() => import('../pages/config/index')) },
];
