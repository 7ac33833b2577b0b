export { createFollowUpsJob, type FollowUpsJobDeps } from './followUpJob';
export { FOLLOW_UP_READS, FOLLOW_UP_SKIPS, type FollowUpReads, type PulseCard } from './waveRecipients';
