import { isRecognisable } from '@soestainable/shared/domain/recognition';
import type { Repositories } from '../storage/repositories';
import { DEMO_TEAMS, demoParticipantId } from './demoData';
import type { DemoPlan } from './demoPeople';

/** Most demo colleagues who recognise one barrier. */
const MOST = 9;

/**
 * "Herken ik" in the demo (issue 16): every open demo barrier is recognised by a few demo colleagues of every team
 * (0 to {@link MOST}, drawn from the plan's seeded random, so a rerun on the same day gives the same counts), a
 * third of them asking to hear what happens. The inbox then sorts by them and `prikkels` shows the counts.
 * Idempotent: a recognition that exists already changes nothing.
 */
export async function seedRecognitions(repos: Repositories, plan: DemoPlan): Promise<number> {
  // The participants with a plain demo id: number 1 of each team is its manager, number 2 of Bedrijfsvoering the coordinator.
  const people = DEMO_TEAMS.flatMap((team) =>
    Array.from({ length: team.participants - 1 }, (_, i) => i + 2)
      .filter((n) => !(team.teamId === 'demo-bedrijfsvoering' && n === 2))
      .map((n) => demoParticipantId(team.teamId, n)),
  );
  let made = 0;
  for (const barrier of await repos.barriers.list(plan.orgId)) {
    if (!barrier.demo || !isRecognisable(barrier.status)) continue;
    const count = Math.floor(plan.random() * (MOST + 1));
    const start = Math.floor(plan.random() * people.length);
    for (let i = 0; i < count; i++) {
      const userId = people[(start + i * 7) % people.length];
      if (userId === undefined) continue;
      if ((await repos.recognitions.recognise(plan.orgId, barrier.barrierId, userId, plan.random() < 1 / 3)).changed) made++;
    }
  }
  return made;
}
