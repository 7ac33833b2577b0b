export { createNudgesJob, dayStateSkip, NUDGE_PREFETCH_FROM, NUDGE_SKIPS, planNudgeDay, type NudgeCard, type NudgeCardInput, type NudgeDayPlan, type NudgesJobDeps } from './nudgeJob';
export { createEndCardSender, END_SKIPS, type EndCard, type EndCardDay, type EndCardSender } from './endCards';
