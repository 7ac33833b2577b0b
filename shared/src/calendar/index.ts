/**
 * The campaign calendar, in Europe/Amsterdam: Cao Gemeenten holidays, working days, campaign days, local times.
 * Pure functions; "now" is always passed in.
 */
export * from './isoDate';
export * from './holidays';
export * from './workingDays';
export * from './time';
export * from './closingDays';
