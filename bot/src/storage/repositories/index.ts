import type { TableClients, TableName } from '../tables';
import { TableStore, type Row } from '../tableStore';
import { ActionsRepository } from './actions';
import { AuditLogRepository } from './auditLog';
import { BarriersRepository } from './barriers';
import { CampaignsRepository } from './campaigns';
import { ChallengesRepository } from './challenges';
import { CheckInsRepository } from './checkIns';
import { ConversationRefsRepository } from './conversationRefs';
import { DailyAggregatesRepository } from './dailyAggregates';
import { ErasureConfirmationsRepository } from './erasureConfirmations';
import { FollowUpAnswersRepository } from './followUpAnswers';
import { IdeasRepository } from './ideas';
import { OrgTeamsRepository } from './orgTeams';
import { ParticipantsRepository } from './participants';
import { PledgesRepository } from './pledges';
import { RecognitionsRepository } from './recognitions';
import { ReportQuotaRepository } from './reportQuota';
import { SendClaimsRepository } from './sendClaims';
import { SendRunsRepository } from './sendRuns';
import { SurveysRepository } from './surveys';
import { TeamCardsRepository } from './teamCards';

/** Every repository, built once by the composition root and handed to features through their constructors. */
export interface Repositories {
  readonly orgTeams: OrgTeamsRepository;
  readonly participants: ParticipantsRepository;
  readonly conversationRefs: ConversationRefsRepository;
  readonly campaigns: CampaignsRepository;
  readonly challenges: ChallengesRepository;
  readonly checkIns: CheckInsRepository;
  readonly surveys: SurveysRepository;
  readonly dailyAggregates: DailyAggregatesRepository;
  readonly barriers: BarriersRepository;
  readonly ideas: IdeasRepository;
  /** Barriers and ideas per person per day, without the person (reportQuota.ts). */
  readonly reportQuota: ReportQuotaRepository;
  readonly actions: ActionsRepository;
  readonly sendClaims: SendClaimsRepository;
  readonly sendRuns: SendRunsRepository;
  readonly auditLog: AuditLogRepository;
  readonly erasureConfirmations: ErasureConfirmationsRepository;
  /** Pledges (voornemens) from the end survey card (pledges.ts). */
  readonly pledges: PledgesRepository;
  /** Answers to the follow-up pulses (followUpAnswers.ts). */
  readonly followUpAnswers: FollowUpAnswersRepository;
  /** Team channels that carry the weekly team card (teamCards.ts). */
  readonly teamCards: TeamCardsRepository;
  /** "Herken ik" on barriers, with an exact count per barrier (recognitions.ts). */
  readonly recognitions: RecognitionsRepository;
}

/** How long an instance may serve the org's campaigns and catalogue from memory (coordinator edits reach other instances within this). */
export const REFERENCE_CACHE_TTL_MS = 30_000;

/**
 * How long an instance may serve a person's profile (with its erasure mark) and baseline from memory, for the
 * dispatcher's turn and the check-in. Writes through this instance update the entry at once; a change through
 * another instance (a settings change, an erasure) shows within this, and an erasure is checked in storage after
 * every check-in write all the same (services/personalData/erasure.ts `fenced`). Long enough to span filling in
 * the card that the same instance opened.
 */
export const PERSON_CACHE_TTL_MS = 60_000;

export interface RepositoryOptions {
  readonly referenceCacheTtlMs?: number;
  readonly personCacheTtlMs?: number;
}

export function createRepositories(clients: TableClients, options: RepositoryOptions = {}): Repositories {
  const ttl = options.referenceCacheTtlMs ?? REFERENCE_CACHE_TTL_MS;
  const personTtl = options.personCacheTtlMs ?? PERSON_CACHE_TTL_MS;
  // The row type of each store is fixed by the repository that takes it.
  const store = <T extends Row>(name: TableName) => new TableStore<T>(clients.client(name));
  return {
    orgTeams: new OrgTeamsRepository(store('OrgTeams')),
    participants: new ParticipantsRepository(store('Participants'), store('TeamMembers'), store('NudgeSlots'), undefined, undefined, personTtl),
    conversationRefs: new ConversationRefsRepository(store('ConversationRefs')),
    campaigns: new CampaignsRepository(store('Campaigns'), ttl),
    challenges: new ChallengesRepository(store('Challenges'), ttl),
    checkIns: new CheckInsRepository(store('CheckIns')),
    surveys: new SurveysRepository(store('Surveys'), personTtl),
    dailyAggregates: new DailyAggregatesRepository(store('DailyAggregates')),
    barriers: new BarriersRepository(store('Barriers')),
    ideas: new IdeasRepository(store('Ideas')),
    reportQuota: new ReportQuotaRepository(store('ReportQuota')),
    actions: new ActionsRepository(store('Actions'), store('ActionUpdates')),
    sendClaims: new SendClaimsRepository(store('SendClaims')),
    sendRuns: new SendRunsRepository(store('SendRuns')),
    auditLog: new AuditLogRepository(store('AuditLog')),
    erasureConfirmations: new ErasureConfirmationsRepository(store('ErasureConfirmations')),
    pledges: new PledgesRepository(store('Pledges')),
    followUpAnswers: new FollowUpAnswersRepository(store('FollowUpAnswers')),
    teamCards: new TeamCardsRepository(store('TeamCards')),
    recognitions: new RecognitionsRepository(store('Recognitions')),
  };
}
