import type { Config } from '../config';
import type { Logger } from '../platform/logger';
import type { RouteRegistrar } from '../server/createServer';
import type { Repositories } from '../storage/repositories';

export interface TabApiDeps {
  readonly config: Config;
  readonly logger: Logger;
  readonly repos: Repositories;
  readonly now: () => Date;
}

/** The tab's JSON API under /api/ (issue 5 fills this in). */
export function createTabApi(_deps: TabApiDeps): readonly RouteRegistrar[] {
  return [];
}
