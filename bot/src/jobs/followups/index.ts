export { createFollowUpsJob, FOLLOW_UP_SKIPS, type FollowUpsJobDeps, type PulseCard } from './followUpJob';
