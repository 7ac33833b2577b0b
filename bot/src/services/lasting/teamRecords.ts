import { isJoined } from '@soestainable/shared/domain/organisation';
import type { Repositories } from '../../storage/repositories';
import type { PersonRecord } from './figures';

/** Reads at once per team: each member costs two point-partition queries. */
const PARALLEL_READS = 16;

/**
 * The people whose answers make a team's "what lasted" figures for one campaign: the team's joined members (the
 * tab's views and the managers' wave digest read the same people, so the digest never shows a figure the tab could
 * be subtracted from), each with their surveys and pulse answers of that campaign (two reads, each in the person's
 * own partition) and whether they are active now: a paused member's answers count, but only active members count
 * towards the team's minimum, as on the dashboards. The arithmetic and the privacy rules are ./figures.ts.
 */
export async function teamLastingRecords(repos: Repositories, campaignId: string, teamId: string): Promise<PersonRecord[]> {
  const members = (await repos.participants.listTeamMembers(teamId)).filter((m) => isJoined(m));
  const records: PersonRecord[] = [];
  for (let i = 0; i < members.length; i += PARALLEL_READS) {
    const batch = members.slice(i, i + PARALLEL_READS);
    records.push(
      ...(await Promise.all(
        batch.map(async ({ userId, status }) => {
          const [surveys, waves] = await Promise.all([repos.surveys.listAll(userId), repos.followUpAnswers.listAll(userId)]);
          const mine = surveys.filter((s) => s.campaignId === campaignId);
          return {
            teamId,
            active: status === 'active',
            baseline: mine.find((s) => s.kind === 'baseline'),
            end: mine.find((s) => s.kind === 'end'),
            waves: waves.filter((w) => w.campaignId === campaignId),
          };
        }),
      )),
    );
  }
  return records;
}
