import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import { AppError } from '../../errors';
import type { FanOutRecipient } from '../../proactive/fanOut';

/** Skip reasons of the digests (claim `skipReason` codes and `skippedBecause`), weekly and per wave. */
export const DIGEST_SKIPS = {
  noManagers: 'no_managers',
  demo: 'demo',
  campaignsUnreadable: 'campaigns_unreadable',
  noCampaign: 'no_campaign_in_week',
  noWorkingDays: 'no_working_days',
  noTeams: 'no_teams',
} as const;

/** A team's recipient that is claimed as skipped (so the run records it once per period), never sent. */
export function skippedTeam(team: OrgTeam, reason: string): FanOutRecipient {
  return {
    recipientId: `team:${team.teamId}`,
    skipReason: reason,
    build: () => {
      throw new AppError('VALIDATION_FAILED', 'A skipped digest recipient has no message.');
    },
  };
}
