/**
 * The tab API's contracts: request and response types and the zod schemas of request bodies, shared by the
 * server (`bot/src/tabApi`) and the tab. Pure: relative imports, zod and luxon only.
 */
export * from './common';
export * from './session';
export * from './dashboard';
export * from './me';
export * from './programme';
export * from './inbox';
export * from './admin';
export * from './report';
export * from './routes';
export * from './lasting';
export * from './lastingBody';
export * from './barriers';
export * from './werkatelier';
