import { todayIn } from '@soestainable/shared/calendar';
import { dayState } from '@soestainable/shared/domain/campaignDay';
import type { Repositories } from '../../storage/repositories';
import type { JobContext, JobSummary } from '../job';

/** Summary `counts` keys of a headcount run. */
export const HEADCOUNT_COUNTS = ['teams', 'recorded'] as const;

export interface HeadcountDeps {
  readonly repos: Repositories;
  readonly orgId: string;
}

export type HeadcountSummary = Omit<JobSummary, 'job'> & { readonly job: 'headcount' };

export interface HeadcountJob {
  readonly name: 'headcount';
  run(context: JobContext): Promise<HeadcountSummary>;
}

/**
 * Headcount: on a challenge day of the running campaign, records for every team how many active participants it
 * has (`DailyAggregate.participants`). That is the group the disclosure rule judges the day's figures by, and the
 * participation rate's denominator (shared/src/privacy/disclosure.ts): a day without a recorded group is never
 * shown. Every run keeps the day's largest count, so someone who joins during the day counts; it runs every 10
 * minutes, so a restart or a second instance costs a repeated look, nothing more. A dry run only counts.
 */
export function createHeadcountJob(deps: HeadcountDeps): HeadcountJob {
  const { repos, orgId } = deps;

  async function run(context: JobContext): Promise<HeadcountSummary> {
    const startedMs = Date.now();
    const date = todayIn(context.at);
    const base = { job: 'headcount' as const, at: context.at.toISOString(), dryRun: context.dryRun, runs: [] };
    const state = dayState(await repos.campaigns.list(orgId), date);
    if (state.kind !== 'day') {
      return { ...base, counts: { teams: 0, recorded: 0 }, skippedBecause: 'no_challenge_day', durationMs: Date.now() - startedMs };
    }
    const teams = await repos.orgTeams.list(orgId);
    let recorded = 0;
    for (const team of teams) {
      const active = (await repos.participants.listTeamMembers(team.teamId)).filter((m) => m.status === 'active').length;
      if (active === 0) continue;
      if (!context.dryRun) await repos.dailyAggregates.raiseParticipants(state.campaign.campaignId, team.teamId, date, active);
      recorded++;
      context.onProgress?.({ done: recorded, total: teams.length });
    }
    return { ...base, counts: { teams: teams.length, recorded }, durationMs: Date.now() - startedMs };
  }

  return { name: 'headcount', run };
}
