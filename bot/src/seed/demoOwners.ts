import type { Action } from '@soestainable/shared/domain/programme';
import type { Repositories } from '../storage/repositories';
import { DEMO_COORDINATOR_ID, demoManagerId, demoParticipantId } from './demoData';
import type { DemoPlan } from './demoPeople';

/**
 * Issue 16's demo data: owners who are participants (the first open demo actions get a demo participant as owner, so
 * the tab's "Mijn acties" and the owner card have something to show when signed in as them), and one team with the
 * channel card switched on. Demo people and demo teams are never messaged: the jobs skip them.
 */
export const DEMO_OWNER_IDS = [demoParticipantId('demo-bedrijfsvoering', 3), demoParticipantId('demo-publiekszaken', 2)] as const;
/** The Teams team of the demo channel card (no real team: the jobs skip demo teams). */
export const DEMO_TEAMS_TEAM_ID = '19:demo-publiekszaken@thread.tacv2';

export async function seedOwners(repos: Repositories, plan: DemoPlan, actions: readonly Action[]): Promise<void> {
  const open = actions.filter((a) => a.status !== 'gerealiseerd');
  for (const [i, ownerUserId] of DEMO_OWNER_IDS.entries()) {
    const action = open[i];
    if (action === undefined) continue;
    const stored = await repos.actions.get(plan.orgId, action.actionId);
    if (stored) await repos.actions.update(plan.orgId, action.actionId, stored.etag, { ownerUserId }, DEMO_COORDINATOR_ID);
  }
  await repos.teamCards.save({
    orgId: plan.orgId,
    teamsTeamId: DEMO_TEAMS_TEAM_ID,
    orgTeamId: 'demo-publiekszaken',
    enabled: true,
    changedBy: demoManagerId('demo-publiekszaken'),
    changedAt: new Date(`${plan.startDate}T08:00:00Z`).toISOString(),
  });
}
