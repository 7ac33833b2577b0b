/** Privacy rules applied before anything is shown: minimum group size and the disclosure rule across views. */
export * from './groupSize';
export * from './disclosure';
