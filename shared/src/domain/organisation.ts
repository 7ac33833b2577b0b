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

/** A participant who takes part now (active or paused); `left`, or no profile at all, counts as not joined. */
export function isJoined(participant: Participant | undefined): participant is Participant {
  return participant !== undefined && participant.status !== 'left';
}

export type { DistanceBand, TravelMode };
