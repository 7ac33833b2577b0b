export { createFollowUpsJob, FOLLOW_UP_SKIPS, planFollowUps, type FollowUpsJobDeps, type PulseCard } from './followUpJob';
