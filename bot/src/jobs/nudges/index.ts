export { createNudgesJob, dayStateSkip, NUDGE_SKIPS, planNudgeDay, type NudgeDayPlan, type NudgesJobDeps } from './nudgeJob';
