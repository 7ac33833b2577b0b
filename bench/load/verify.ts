/**
 * After the load, from storage itself: every check-in acknowledged to a client is stored, none that was not
 * acknowledged is (there were no errors to explain one), today's `DailyAggregates` rows hold exactly the sum of
 * the stored check-ins of each team (every counter, CO2 to the milligram), the days before are untouched, and
 * each barrier or idea typed on a card was stored once.
 */
import { applyDelta, checkInContribution, emptyAggregate, type AggregateCounters } from '@soestainable/shared/domain/aggregates';
import { TRAVEL_MODES, type CheckIn } from '@soestainable/shared/domain/types';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import { CAMPAIGN_ID, forEachLimited, ORG, TODAY, type Organisation, type Person } from './org';

export interface Verification {
  readonly acknowledged: number;
  readonly stored: number;
  /** Acknowledged to the client, not in storage: lost. */
  readonly lost: readonly string[];
  /** In storage without an acknowledgement (a request that failed after the write). */
  readonly unacknowledged: readonly string[];
  /** Sum of today's `checkIns` counters over all teams. */
  readonly aggregateCheckIns: number;
  /** Teams whose row of today differs from the sum of their stored check-ins (any counter). */
  readonly teamsOff: readonly string[];
  readonly historyCounted: number;
  readonly historyExpected: number;
  readonly barriers: { readonly stored: number; readonly expected: number };
  readonly ideas: { readonly stored: number; readonly expected: number };
  readonly problems: readonly string[];
}

const counters = (a: AggregateCounters) =>
  JSON.stringify([a.checkIns, a.done, a.partly, a.notToday, a.wasteFree, a.cupsAvoided, TRAVEL_MODES.map((m) => a.travel[m]), a.co2.low, a.co2.mid, a.co2.high]);

export async function verifyStorage(
  repos: Repositories,
  org: Organisation,
  acknowledged: ReadonlySet<string>,
  typed: { readonly barriers: number; readonly ideas: number },
  /** Check-in requests that failed (no acknowledgement, maybe stored). */
  failedCheckIns: number,
): Promise<Verification> {
  const stored = new Map<string, CheckIn>();
  await forEachLimited(org.people.length, 32, async (i) => {
    const p = org.people[i] as Person;
    const found = await repos.checkIns.get(p.userId, CAMPAIGN_ID, TODAY);
    if (found) stored.set(p.userId, found.value);
  });
  const lost = [...acknowledged].filter((id) => !stored.has(id));
  const unacknowledged = [...stored.keys()].filter((id) => !acknowledged.has(id));

  const aggregates = await repos.dailyAggregates.listCampaign(CAMPAIGN_ID);
  const today = aggregates.filter((a) => a.date === TODAY);
  const teamsOff = org.teams
    .filter((t) => {
      const expected = t.members
        .map((m) => stored.get(m.userId))
        .filter((c): c is CheckIn => c !== undefined)
        .reduce((agg, c) => applyDelta(agg, checkInContribution(c), 1), emptyAggregate(CAMPAIGN_ID, t.teamId, TODAY));
      const row = today.find((a) => a.teamId === t.teamId) ?? emptyAggregate(CAMPAIGN_ID, t.teamId, TODAY);
      return counters(row) !== counters(expected);
    })
    .map((t) => t.teamId);
  const aggregateCheckIns = today.reduce((sum, a) => sum + a.checkIns, 0);
  const historyCounted = aggregates.filter((a) => a.date < TODAY).reduce((sum, a) => sum + a.checkIns, 0);
  // Reports typed on a card whose answer was lost may be stored too: at most one per unacknowledged check-in.
  const barriers = { stored: (await repos.barriers.list(ORG)).length, expected: org.barriers + typed.barriers };
  const ideas = { stored: (await repos.ideas.list(ORG)).length, expected: org.ideas + typed.ideas };
  const reportsUnexplained = barriers.stored + ideas.stored - barriers.expected - ideas.expected;

  const problems: string[] = [];
  if (lost.length > 0) problems.push(`${lost.length} acknowledged check-ins are not stored (e.g. ${lost.slice(0, 3).join(', ')})`);
  // A request that failed on the client's side (a timeout) may still have been stored: the person would see an
  // error and press again, which counts once. More of those than failed requests would be a real fault.
  if (unacknowledged.length > failedCheckIns) problems.push(`${unacknowledged.length} stored check-ins were never acknowledged, only ${failedCheckIns} failed`);
  if (aggregateCheckIns !== stored.size) problems.push(`today's aggregates count ${aggregateCheckIns} check-ins, storage holds ${stored.size}`);
  if (teamsOff.length > 0) problems.push(`${teamsOff.length} teams' aggregate rows differ from their stored check-ins (${teamsOff.slice(0, 5).join(', ')})`);
  if (historyCounted !== org.historyCheckIns) problems.push(`the days before count ${historyCounted} check-ins, ${org.historyCheckIns} were seeded`);
  if (barriers.stored < barriers.expected || ideas.stored < ideas.expected || reportsUnexplained > unacknowledged.length) {
    problems.push(`${barriers.stored} barriers and ${ideas.stored} ideas stored, ${barriers.expected} and ${ideas.expected} expected`);
  }
  return {
    acknowledged: acknowledged.size,
    stored: stored.size,
    lost,
    unacknowledged,
    aggregateCheckIns,
    teamsOff,
    historyCounted,
    historyExpected: org.historyCheckIns,
    barriers,
    ideas,
    problems,
  };
}
