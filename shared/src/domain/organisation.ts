import type { DistanceBand, Language, LocalTime, Role, TravelMode } from './types';

/** A team of the organisation (afdeling/team), the unit every statistic is shown for. */
export interface OrgTeam {
  readonly orgId: string;
  readonly teamId: string;
  readonly name: string;
  /** Entra object ids of the team's managers: they receive the weekly digest. */
  readonly managerIds: readonly string[];
  /** Demo data seeded for local use; never messaged. */
  readonly demo: boolean;
}

export type ParticipantStatus = 'active' | 'paused' | 'left';

/** An employee who joined the challenge. */
export interface Participant {
  readonly userId: string;
  readonly tenantId: string;
  readonly orgId: string;
  readonly teamId: string;
  readonly language: Language;
  readonly nudgeTime: LocalTime;
  readonly status: ParticipantStatus;
  readonly roles: readonly Role[];
  readonly joinedAt: string;
  readonly demo: boolean;
}

export type { DistanceBand, TravelMode };
