/** Privacy rules applied before anything is shown: minimum group size and complementary suppression. */
export * from './groupSize';
