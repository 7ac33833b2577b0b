/**
 * The organisation of the load suite: 1,000 participants in 48 teams of uneven size (6 to 37), each with a
 * personal conversation reference (serviceUrl = the bench's fake connector) and, for most, a baseline survey; a
 * running ten-day campaign on its third working day with two days of check-ins behind it (counted in
 * `DailyAggregates` exactly as the bot counts them, so dashboards have data), the day's participant snapshots, and
 * a few barriers and ideas per team. Everything is written through the repositories (their row formats, their
 * index rows), a bounded number of writes at a time.
 */
import { campaignDays } from '@soestainable/shared/calendar';
import { CATALOGUE } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { Participant } from '@soestainable/shared/domain/organisation';
import {
  CHECKIN_OUTCOMES,
  DISTANCE_BAND_KEYS,
  THEMES,
  TRAVEL_MODES,
  type CheckIn,
  type CheckInOutcome,
  type DistanceBand,
  type IsoDate,
  type Language,
  type Survey,
  type TravelMode,
} from '@soestainable/shared/domain/types';
import { estimateCheckInImpact, FACTOR_TABLE_VERSION } from '@soestainable/shared/impact';
import { seededRandom } from '@soestainable/testing/seeded';
import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { encodeKeyPart } from '@soestainable/bot/storage/keys';
import type { Repositories } from '@soestainable/bot/storage/repositories';
import type { NudgeSlotRow, ParticipantRow, TeamMemberRow } from '@soestainable/bot/storage/repositories/participants';
import { MAX_BATCH } from '@soestainable/bot/storage/tableStore';
import type { TableClients } from '@soestainable/bot/storage/tables';

export const ORG = 'soest';
export const TENANT = 'load-tenant';
export const CAMPAIGN_ID = 'load-campaign';
const START: IsoDate = '2026-11-30'; // a Monday
export const DAYS = campaignDays(START, CATALOGUE.length);
/** Day 3 of the campaign (Wednesday 2 December 2026): the day of the measured morning peak. */
export const TODAY: IsoDate = DAYS[2] ?? START;
/** The day's nudge time, Europe/Amsterdam; the server's clock starts here (DEV_CLOCK). */
export const NUDGE_INSTANT = `${TODAY}T09:00:00+01:00`;
const HISTORY: readonly IsoDate[] = DAYS.slice(0, 2);
/** Parallel writes while seeding. */
const SEED_CONCURRENCY = 32;

export interface Person {
  readonly userId: string;
  readonly teamId: string;
  readonly language: Language;
  readonly roles: Participant['roles'];
  readonly baseline: Pick<Survey, 'commuteMode' | 'distanceBand'> | undefined;
}

export interface Team {
  readonly teamId: string;
  readonly name: string;
  readonly members: readonly Person[];
  /** The team's manager (also a member). */
  readonly managerId: string;
}

export interface Organisation {
  readonly teams: readonly Team[];
  readonly people: readonly Person[];
  readonly coordinators: readonly Person[];
  /** Check-ins stored for the days before today. */
  readonly historyCheckIns: number;
  readonly barriers: number;
  readonly ideas: number;
}

/** Runs `work(0)` … `work(count - 1)`, at most `limit` at a time. */
export async function forEachLimited(count: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

const pick = <T>(list: readonly T[], random: () => number): T => list[Math.floor(random() * list.length)] as T;

/** The smallest team: at least the minimum group size (5), so every dashboard shows figures. */
const MIN_TEAM = 6;

/**
 * Team sizes of an ordinary municipality: many teams of 10–25, a few large departments and a few small ones.
 * Fewer teams than asked when there are too few people for teams of {@link MIN_TEAM}.
 */
function teamSizes(participants: number, asked: number, random: () => number): number[] {
  const teams = Math.max(1, Math.min(asked, Math.floor(participants / MIN_TEAM)));
  const weights = Array.from({ length: teams }, () => 0.3 + random() * random() * 2.5);
  const total = weights.reduce((a, b) => a + b, 0);
  const sizes = weights.map((w) => Math.max(MIN_TEAM, Math.floor((w / total) * participants)));
  let left = participants - sizes.reduce((a, b) => a + b, 0);
  for (let t = 0; left !== 0; t = (t + 1) % teams) {
    const size = sizes[t] ?? 0;
    if (left > 0) {
      sizes[t] = size + 1;
      left--;
    } else if (size > MIN_TEAM) {
      sizes[t] = size - 1;
      left++;
    }
  }
  return sizes;
}

/** The organisation as data: who is in which team, speaks which language, has which baseline. Deterministic. */
export function planOrganisation(participants: number, teamCount: number, seed: number): Omit<Organisation, 'historyCheckIns' | 'barriers' | 'ideas'> {
  const random = seededRandom(seed);
  const sizes = teamSizes(participants, teamCount, random);
  const teams: Team[] = [];
  const people: Person[] = [];
  let n = 0;
  sizes.forEach((size, t) => {
    const teamId = `team-${String(t + 1).padStart(2, '0')}`;
    const members: Person[] = [];
    for (let k = 0; k < size; k++, n++) {
      const userId = `load-${String(n).padStart(4, '0')}`;
      const person: Person = {
        userId,
        teamId,
        language: random() < 0.1 ? 'en' : 'nl',
        // Three coordinators in the organisation (the first member of teams 1, 2 and 3).
        roles: k === 0 ? (t < 3 ? ['manager', 'coordinator'] : ['manager']) : [],
        baseline: random() < 0.95 ? { commuteMode: pick(['auto', 'auto', 'fiets', 'ov', 'ebike', 'thuis'] as const, random), distanceBand: pick(DISTANCE_BAND_KEYS, random) } : undefined,
      };
      members.push(person);
      people.push(person);
    }
    teams.push({ teamId, name: `Afdeling ${t + 1}`, members, managerId: members[0]?.userId ?? '' });
  });
  return { teams, people, coordinators: people.filter((p) => p.roles.includes('coordinator')) };
}

/** The answers one person gives on one day (deterministic in person and day). */
export interface Answers {
  readonly outcome: CheckInOutcome;
  readonly travelMode: TravelMode;
  readonly distanceBand: DistanceBand;
  readonly wasteFree: boolean;
  readonly challenge: boolean;
  /** Typed on the card: a barrier (3 %) or an idea (2 %). */
  readonly barrierText?: string;
  readonly ideaText?: string;
}

export function answersOf(person: Person, dayIndex: number, seed: number): Answers {
  const random = seededRandom(seed * 7919 + dayIndex * 104729 + Number(person.userId.slice(-4)));
  const roll = random();
  const outcome: CheckInOutcome = roll < 0.7 ? 'done' : roll < 0.9 ? 'partly' : (CHECKIN_OUTCOMES[2] ?? 'not_today');
  const report = random();
  return {
    outcome,
    travelMode: random() < 0.5 ? (person.baseline?.commuteMode ?? 'auto') : pick(TRAVEL_MODES, random),
    distanceBand: person.baseline?.distanceBand ?? '5-10',
    wasteFree: random() < 0.6,
    challenge: random() < 0.55,
    ...(report < 0.03 ? { barrierText: 'Bij de koffieautomaat zijn alleen wegwerpbekers' } : report < 0.05 ? { ideaText: 'Een deelfiets bij het gemeentehuis' } : {}),
  };
}

function storedCheckIn(person: Person, dayIndex: number, date: IsoDate, answers: Answers): CheckIn {
  const challenge = CATALOGUE[dayIndex];
  const counts = challenge?.question.kind === 'count';
  const values = { outcome: answers.outcome, travelMode: answers.travelMode, distanceBand: answers.distanceBand, wasteFree: answers.wasteFree, cupsAvoided: counts ? 2 : 0 };
  return {
    userId: person.userId,
    teamId: person.teamId,
    campaignId: CAMPAIGN_ID,
    date,
    day: dayIndex + 1,
    challengeId: challenge?.id ?? 'unknown',
    ...values,
    challengeAnswer: counts ? undefined : answers.challenge,
    impact: estimateCheckInImpact(values, person.baseline),
    factorVersion: FACTOR_TABLE_VERSION,
    createdAt: `${date}T08:${String(10 + (dayIndex % 40)).padStart(2, '0')}:00.000Z`,
    updatedAt: `${date}T08:${String(10 + (dayIndex % 40)).padStart(2, '0')}:00.000Z`,
  };
}

/** A personal conversation reference as Teams gives one (the shape the proactive jobs read back). */
function conversationReference(person: Person, serviceUrl: string) {
  return {
    channelId: 'msteams',
    serviceUrl,
    conversation: { id: `conv-${person.userId}`, conversationType: 'personal', tenantId: TENANT },
    bot: { id: '28:soestainable', name: 'Soestainable' },
    user: { id: `29:${person.userId}`, aadObjectId: person.userId },
  };
}

const PARTICIPANT = { nudgeTime: '09:00', joinedAt: '2026-11-26T10:00:00.000Z' } as const;

/** The three rows `ParticipantsRepository.save` writes for a new active participant: profile, team index, nudge slot. */
function participantRows(p: Person) {
  const profile: TableEntity<ParticipantRow> = {
    partitionKey: encodeKeyPart(p.userId),
    rowKey: 'profile',
    tenantId: TENANT,
    orgId: ORG,
    teamId: p.teamId,
    language: p.language,
    nudgeTime: PARTICIPANT.nudgeTime,
    status: 'active',
    roles: JSON.stringify(p.roles),
    joinedAt: PARTICIPANT.joinedAt,
    demo: true,
    staleIndex: '[]',
  };
  const member: TableEntity<TeamMemberRow> = { partitionKey: encodeKeyPart(p.teamId), rowKey: encodeKeyPart(p.userId), status: 'active' };
  const slot: TableEntity<NudgeSlotRow> = { partitionKey: PARTICIPANT.nudgeTime.replace(':', ''), rowKey: encodeKeyPart(p.userId), orgId: ORG, language: p.language, demo: true };
  return { Participants: profile, TeamMembers: member, NudgeSlots: slot } as const;
}

/** A stored row without what the service adds (etag, timestamp), keys sorted: for comparing formats. */
const normalised = (row: Record<string, unknown>) =>
  JSON.stringify(Object.entries(row).filter(([k]) => k !== 'etag' && k !== 'timestamp' && !k.startsWith('odata')).sort(([a], [b]) => a.localeCompare(b)));

/**
 * The participants, fast: the first through the repository, and its three rows compared with the ones built here
 * (a change of the repository's format stops the bench with a clear message instead of seeding rows it cannot
 * read); the others written directly: a profile per partition, the index rows in transactions of 100 per partition.
 */
async function writeParticipants(repos: Repositories, clients: TableClients, teams: readonly Team[]): Promise<void> {
  const people = teams.flatMap((t) => t.members);
  const [first, ...others] = people;
  if (!first) return;
  await repos.participants.save({ userId: first.userId, tenantId: TENANT, orgId: ORG, teamId: first.teamId, language: first.language, nudgeTime: PARTICIPANT.nudgeTime, status: 'active', roles: first.roles, joinedAt: PARTICIPANT.joinedAt, demo: true });
  for (const [table, built] of Object.entries(participantRows(first)) as Array<[keyof ReturnType<typeof participantRows>, TableEntity<object>]>) {
    const stored = await clients.client(table).getEntity<Record<string, unknown>>(built.partitionKey, built.rowKey);
    if (normalised(stored) !== normalised(built)) {
      throw new Error(`The ${table} row format changed (stored ${normalised(stored)}, bench/load/org.ts builds ${normalised(built)}): update participantRows.`);
    }
  }
  await forEachLimited(others.length, SEED_CONCURRENCY, async (i) => {
    await clients.client('Participants').createEntity(participantRows(others[i] as Person).Participants);
  });
  const batches = (table: 'TeamMembers' | 'NudgeSlots') => {
    const byPartition = new Map<string, TransactionAction[]>();
    for (const p of others) {
      const row = participantRows(p)[table];
      byPartition.set(row.partitionKey, [...(byPartition.get(row.partitionKey) ?? []), ['create', row]]);
    }
    return [...byPartition.values()].flatMap((actions) => Array.from({ length: Math.ceil(actions.length / MAX_BATCH) }, (_, k) => actions.slice(k * MAX_BATCH, (k + 1) * MAX_BATCH)));
  };
  for (const table of ['TeamMembers', 'NudgeSlots'] as const) {
    const list = batches(table);
    await forEachLimited(list.length, 8, async (b) => {
      await clients.client(table).submitTransaction(list[b] as TransactionAction[]);
    });
  }
}

/** Writes the planned organisation. `onProgress` gets a short phase name. */
export async function seedOrganisation(
  repos: Repositories,
  clients: TableClients,
  plan: ReturnType<typeof planOrganisation>,
  serviceUrl: string,
  seed: number,
  onProgress: (phase: string) => void = () => undefined,
): Promise<Organisation> {
  const campaign: Campaign = {
    orgId: ORG,
    campaignId: CAMPAIGN_ID,
    name: { nl: 'Soestainable Challenge (load)', en: 'Soestainable Challenge (load)' },
    startDate: START,
    endDate: DAYS[DAYS.length - 1] ?? START,
    dayPlan: CATALOGUE.map((c) => c.id),
    closingDays: [],
    status: 'active',
    demo: true,
  };
  await repos.campaigns.save(campaign);
  await repos.challenges.saveAll(ORG, CATALOGUE);
  for (const team of plan.teams) await repos.orgTeams.save({ orgId: ORG, teamId: team.teamId, name: team.name, managerIds: [team.managerId], demo: true });

  onProgress('participants');
  await writeParticipants(repos, clients, plan.teams);
  const { people } = plan;
  await forEachLimited(people.length, SEED_CONCURRENCY, async (i) => {
    const p = people[i] as Person;
    await Promise.all([
      repos.conversationRefs.save({ kind: 'user', userId: p.userId }, 'personal', conversationReference(p, serviceUrl)),
      p.baseline === undefined
        ? undefined
        : repos.surveys.save({
            userId: p.userId, campaignId: CAMPAIGN_ID, kind: 'baseline', ...p.baseline, disposablePackaging: 'often',
            screensOffAtNight: false, lightsOffWhenLeaving: true, createdAt: '2026-11-26T10:00:00.000Z',
          }),
    ]);
  });

  // Two days of history: about 85 % of people checked in each day. Stored as the bot stores them: the check-in,
  // then its team's aggregate (concurrent changes to one team-day row are combined by the repository).
  onProgress('history');
  const random = seededRandom(seed + 1);
  const history = HISTORY.flatMap((date, d) => people.filter(() => random() < 0.85).map((p) => storedCheckIn(p, d, date, answersOf(p, d, seed))));
  await forEachLimited(history.length, SEED_CONCURRENCY, async (i) => {
    await repos.checkIns.save(history[i] as CheckIn, null);
  });
  await forEachLimited(history.length, SEED_CONCURRENCY, async (i) => {
    await repos.dailyAggregates.apply(history[i] as CheckIn);
  });
  // The day's participant snapshot of every team (history and today), as the demo seed records it.
  const snapshots = plan.teams.flatMap((t) => [...HISTORY, TODAY].map((date) => ({ t, date })));
  await forEachLimited(snapshots.length, SEED_CONCURRENCY, async (s) => {
    const { t, date } = snapshots[s] as (typeof snapshots)[number];
    await repos.dailyAggregates.recordParticipants(CAMPAIGN_ID, t.teamId, date, t.members.length);
  });

  // A few barriers and ideas per team, so a dashboard reads and shows some.
  onProgress('reports');
  const reports = plan.teams.flatMap((t, i) => Array.from({ length: 1 + (i % 3) }, (_, k) => ({ t, k })));
  await forEachLimited(reports.length, 8, async (r) => {
    const { t, k } = reports[r] as (typeof reports)[number];
    const input = { orgId: ORG, campaignId: CAMPAIGN_ID, teamId: t.teamId, theme: THEMES[k % THEMES.length] ?? 'circulariteit', demo: true };
    await repos.barriers.create({ ...input, text: 'Er is geen fietsenstalling bij de buitenlocatie' });
    if (k === 0) await repos.ideas.create({ ...input, text: 'Vaste plantdag voor het kantoor' });
  });
  return {
    ...plan,
    historyCheckIns: history.length,
    barriers: reports.length,
    ideas: plan.teams.length,
  };
}
