import { lazy, type ComponentType, type LazyExoticComponent } from 'react';
import type { SessionInfo } from '@soestainable/shared/api/session';
import type { NavTextKey } from '../texts/texts';
import type { PageId } from './router';

/** What the shell hands every page: the route's segments after the page name (`#/team/t-1` → `['t-1']`). */
export interface PageProps {
  readonly rest: readonly string[];
}

export interface PageDefinition {
  readonly page: PageId;
  /** The page's entry in the top navigation; none for pages reached otherwise (configuration, sign-in). */
  readonly nav?: NavTextKey;
  /** Who may open it; others see a "not for your role" note instead of the page (the API refuses them too). */
  readonly allowed: (session: SessionInfo) => boolean;
  /** Loaded on demand: a page's code (charts, admin forms) downloads when it is first opened. */
  readonly component: LazyExoticComponent<ComponentType<PageProps>>;
  /**
   * Starts that download without rendering (the module loader keeps one copy, so `component` then finds it):
   * the shell asks for the opened page's code while it still waits for the session, not after.
   */
  readonly preload: () => Promise<unknown>;
}

type PageModule = { readonly default: ComponentType<PageProps> };

function onDemand(load: () => Promise<PageModule>): Pick<PageDefinition, 'component' | 'preload'> {
  return { component: lazy(load), preload: load };
}

const everyone = (): boolean => true;
const coordinators = (s: SessionInfo): boolean => s.roles.includes('coordinator');

/**
 * The tab's pages, in navigation order. See README.md beside this file for how a page plugs in.
 * The team page's nav entry points at the user's own team (the shell fills in the id).
 */
export const PAGE_DEFINITIONS: readonly PageDefinition[] = [
  { page: 'team', nav: 'navTeam', allowed: everyone, ...onDemand(() => import('../pages/team/index')) },
  { page: 'org', nav: 'navOrg', allowed: everyone, ...onDemand(() => import('../pages/org/index')) },
  { page: 'me', nav: 'navMe', allowed: everyone, ...onDemand(() => import('../pages/me/index')) },
  { page: 'programme', nav: 'navProgramme', allowed: everyone, ...onDemand(() => import('../pages/programme/index')) },
  { page: 'inbox', nav: 'navInbox', allowed: coordinators, ...onDemand(() => import('../pages/inbox/index')) },
  { page: 'admin', nav: 'navAdmin', allowed: coordinators, ...onDemand(() => import('../pages/admin/index')) },
  { page: 'report', nav: 'navReport', allowed: coordinators, ...onDemand(() => import('../pages/report/index')) },
  { page: 'config', allowed: everyone, ...onDemand(() => import('../pages/config/index')) },
  // Reached from the link beside the navigation and from the bot's help card, not from the navigation itself.
  { page: 'help', allowed: everyone, ...onDemand(() => import('../pages/help/index')) },
  { page: 'barriers', nav: 'navBarriers', allowed: everyone, ...onDemand(() => import('../pages/barriers/index')) },
  { page: 'werkatelier', nav: 'navWerkatelier', allowed: coordinators, ...onDemand(() => import('../pages/werkatelier/index')) },
];
