/** Impact estimation: one versioned factor table and the estimate of a check-in, always as a range. */
export * from './factors';
export * from './estimate';
