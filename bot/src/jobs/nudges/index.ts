export { createNudgesJob, dayStateSkip, NUDGE_PREFETCH_FROM, NUDGE_SKIPS, planNudgeDay, type NudgeDayPlan, type NudgesJobDeps } from './nudgeJob';
