import { addWorkingDays } from '@soestainable/shared/calendar';
import type { Action } from '@soestainable/shared/domain/programme';
import type { Repositories } from '../storage/repositories';
import { DEMO_ACTIONS, DEMO_BARRIERS, DEMO_COORDINATOR_ID, DEMO_IDEAS } from './demoData';
import type { DemoPlan } from './demoPeople';

/** The demo's programme: the actions on the kansenkaart, the barriers (some linked, some dismissed) and the ideas. */

/** The demo actions, created by the demo coordinator, in the order of DEMO_ACTIONS (barriers refer to them by index). */
export async function seedActions(repos: Repositories, plan: DemoPlan): Promise<Action[]> {
  const { orgId } = plan;
  const actions: Action[] = [];
  for (const a of DEMO_ACTIONS) {
    const due = a.dueInDays === undefined ? {} : { dueDate: addWorkingDays(plan.startDate, a.dueInDays) };
    const { action } = await repos.actions.create(
      { orgId, title: a.title, description: a.description, theme: a.theme, dimension: a.dimension, status: a.status, owner: a.owner, demo: true, ...due },
      DEMO_COORDINATOR_ID,
    );
    await repos.auditLog.append({ orgId, actor: DEMO_COORDINATOR_ID, action: 'action.create', target: action.actionId });
    actions.push(action);
  }
  return actions;
}

/** The demo barriers: linked to their action (solved when it is realised), dismissed with a reason, or new. */
export async function seedBarriers(repos: Repositories, plan: DemoPlan, actions: readonly Action[]): Promise<void> {
  const { orgId, campaignId } = plan;
  // Filed on the campaign's days so far, not today: a report filed in the running demo is then its team's newest
  // (reports carry only their day, and a same-day tie would be decided by the random part of the ids).
  const past = plan.days.filter((day) => day < plan.today);
  for (const [i, b] of DEMO_BARRIERS.entries()) {
    const day = past.length === 0 ? undefined : past[i % past.length];
    const barrier = await repos.barriers.create({ orgId, campaignId, teamId: b.teamId, theme: b.theme, text: b.text, demo: true, ...(day === undefined ? {} : { filedOn: new Date(`${day}T12:00:00Z`) }) });
    const action = b.action === undefined ? undefined : actions[b.action];
    if (action) {
      await repos.actions.linkBarriers(orgId, action.actionId, [barrier.barrierId], DEMO_COORDINATOR_ID);
      await repos.barriers.update(orgId, barrier.barrierId, (current) => ({
        ...current,
        status: action.status === 'gerealiseerd' ? 'opgelost' : 'gekoppeld',
        actionId: action.actionId,
      }));
      await repos.auditLog.append({ orgId, actor: DEMO_COORDINATOR_ID, action: 'barrier.link', target: barrier.barrierId, details: { actionId: action.actionId } });
    } else if (b.dismissed !== undefined) {
      await repos.barriers.update(orgId, barrier.barrierId, (current) => ({ ...current, status: 'afgewezen', dismissReason: b.dismissed ?? '' }));
      await repos.auditLog.append({ orgId, actor: DEMO_COORDINATOR_ID, action: 'barrier.dismiss', target: barrier.barrierId });
    }
  }
}

export async function seedIdeas(repos: Repositories, plan: DemoPlan): Promise<void> {
  for (const idea of DEMO_IDEAS) {
    await repos.ideas.create({ orgId: plan.orgId, campaignId: plan.campaignId, teamId: idea.teamId, theme: idea.theme, text: idea.text, demo: true });
  }
}
