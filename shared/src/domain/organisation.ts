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

/** The statuses of someone who takes part: every one but `left`. */
export type JoinedStatus = Exclude<ParticipantStatus, 'left'>;

/**
 * A participant who takes part now (active or paused); `left`, or no profile at all, counts as not joined. The one
 * "has joined" rule: the bot's features, the tab API and the jobs all ask it here. Takes a profile or anything with
 * its status (a `TeamMembers` index row).
 */
export function isJoined<P extends Pick<Participant, 'status'>>(participant: P | undefined): participant is P & { readonly status: JoinedStatus } {
  return participant !== undefined && participant.status !== 'left';
}

/**
 * Whether someone left before `cutoff` (an ISO instant): status `left`, and left at a known moment before it. The
 * retention rule for erasing people who left long ago.
 */
export function leftBefore(departure: { readonly status: string | undefined; readonly leftAt: string | undefined } | undefined, cutoff: string): boolean {
  return departure?.status === 'left' && departure.leftAt !== undefined && departure.leftAt < cutoff;
}

export type { DistanceBand, TravelMode };
