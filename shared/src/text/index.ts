/** Rules for texts people type: which invisible characters are removed before a text is stored. */
export * from './clean';
