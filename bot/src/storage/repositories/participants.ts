import { z } from 'zod';
import type { Participant, ParticipantStatus } from '@soestainable/shared/domain/organisation';
import { LANGUAGES, ROLES, type Language, type LocalTime } from '@soestainable/shared/domain/types';
import { AppError, isAppError } from '../../errors';
import { decodeKeyPart, encodeKeyPart } from '../keys';
import { parseRow, parseRowJson } from '../rowJson';
import type { StoredRow, TableStore } from '../tableStore';
import { rowsOfUsers } from './acrossUsers';
import { DEFAULT_RETRY, retryOnConflict, type RetryPolicy } from './optimistic';
import { RecentCache } from './recentCache';
import { localTimeSchema, nonEmpty, validateInput } from './rowSchemas';

/**
 * `Participants` (PartitionKey userId, RowKey `profile`) and its two indexes, kept in step here:
 * `TeamMembers` (PartitionKey teamId, RowKey userId) and `NudgeSlots` (PartitionKey `HHmm`, RowKey userId).
 * See docs/storage.md.
 */
export type ParticipantRow = {
  tenantId: string;
  orgId: string;
  teamId: string;
  language: string;
  nudgeTime: string;
  status: string;
  roles: string;
  joinedAt: string;
  demo: boolean;
  /**
   * JSON list of index rows this profile no longer owns but that may still exist (written together with the
   * profile, cleared once they are deleted). It makes a save that stopped half-way finish on the next save.
   */
  staleIndex: string;
  /** When the participant's status became `left` (ISO); absent while they take part. */
  leftAt?: string;
  /**
   * Set when an erasure of the person's data begins (ISO): from then on every write of the profile is refused, and
   * writers elsewhere check it (see {@link ParticipantsRepository.erasureState}). The erasure deletes the row last.
   */
  erasingSince?: string;
};
export type TeamMemberRow = { status: string };
export type NudgeSlotRow = { orgId: string; language: string; demo: boolean };

const PROFILE_ROW = 'profile';
const STATUSES = ['active', 'paused', 'left'] as const satisfies readonly ParticipantStatus[];

/** One member of a team as the `TeamMembers` index knows them. */
export interface TeamMember {
  readonly userId: string;
  readonly status: ParticipantStatus;
}

/** One participant to nudge at a minute, as the `NudgeSlots` index knows them (enough to pick texts and skip demos). */
export interface NudgeSlotEntry {
  readonly userId: string;
  readonly orgId: string;
  readonly language: Language;
  readonly demo: boolean;
}

/**
 * {@link ParticipantsRepository.getForNudge}: the participant, or which part of the stored profile does not parse
 * (`nudge_time`: only the nudge time, e.g. "25:99"; `profile`: anything else).
 */
export type NudgeRead = { readonly participant: Participant } | { readonly invalid: 'nudge_time' | 'profile' };

/** Whether a person's data is being erased: their profile is marked (`erasing`), there (`present`) or gone (`absent`). */
export type ErasureState = 'present' | 'erasing' | 'absent';

/**
 * One read of a person's profile: the participant (`undefined` without a profile) and whether their data is being
 * erased, as {@link ParticipantsRepository.recent} serves them.
 */
export interface ProfileSnapshot {
  readonly participant: Participant | undefined;
  readonly erasure: ErasureState;
}

/** What {@link ParticipantsRepository.markErasing} did: marked it (or found it marked), found no profile, or declined. */
export type ErasureMark = 'marked' | 'absent' | 'declined';

/** A stored profile's status and, for someone who left, since when (a profile older than leaving dates: its last change). */
export interface Departure {
  readonly status: string | undefined;
  readonly leftAt: string | undefined;
}

/** An index row, by table and encoded partition key; its RowKey is always the encoded user id. */
interface IndexRef {
  readonly table: 'TeamMembers' | 'NudgeSlots';
  readonly pk: string;
}

const rolesSchema = z.array(z.enum(ROLES));
/** The profile properties stored as they are, one column each: checked alike before a write and after a read. */
const plainFields = {
  tenantId: z.string(),
  orgId: nonEmpty,
  teamId: nonEmpty,
  language: z.enum(LANGUAGES),
  nudgeTime: localTimeSchema,
  status: z.enum(STATUSES),
  joinedAt: nonEmpty,
  demo: z.boolean(),
};
const participantSchema = z.object({ userId: nonEmpty, ...plainFields, roles: rolesSchema });
const participantRowSchema = z.object({ ...plainFields, roles: z.string(), staleIndex: z.string().optional() });
const staleIndexSchema = z.array(z.object({ table: z.enum(['TeamMembers', 'NudgeSlots']), pk: nonEmpty }));
const teamMemberRowSchema = z.object({ status: z.enum(STATUSES) });
const nudgeSlotRowSchema = z.object({ orgId: nonEmpty, language: z.enum(LANGUAGES), demo: z.boolean() });

/** `HH:mm` → the NudgeSlots partition `HHmm`. */
export function nudgeSlotKey(time: LocalTime): string {
  const parsed = localTimeSchema.safeParse(time);
  if (!parsed.success) throw new AppError('VALIDATION_FAILED', `Nudge time "${time}" is not HH:mm.`);
  return parsed.data.replace(':', '');
}

function fromRow(row: StoredRow<ParticipantRow>): Participant {
  const where = `Participants row ${row.partitionKey}`;
  const r = parseRow(participantRowSchema, row, where);
  return {
    userId: decodeKeyPart(row.partitionKey),
    tenantId: r.tenantId,
    orgId: r.orgId,
    teamId: r.teamId,
    language: r.language,
    nudgeTime: r.nudgeTime,
    status: r.status,
    roles: parseRowJson(rolesSchema, r.roles, where),
    joinedAt: r.joinedAt,
    demo: r.demo,
  };
}

/** A stored profile as {@link ParticipantsRepository.getForNudge} reads it: the participant, or which part does not parse. */
function nudgeReadOf(row: StoredRow<ParticipantRow>): NudgeRead {
  try {
    return { participant: fromRow(row) };
  } catch (err) {
    if (!isAppError(err, 'STORAGE_DATA_INVALID')) throw err;
  }
  // Would it parse with a possible time in place of the stored one? Then the nudge time is the only problem.
  try {
    fromRow({ ...row, nudgeTime: '00:00' });
    return { invalid: 'nudge_time' };
  } catch (err) {
    if (!isAppError(err, 'STORAGE_DATA_INVALID')) throw err;
    return { invalid: 'profile' };
  }
}

function staleOf(row: StoredRow<ParticipantRow>): IndexRef[] {
  if (row.staleIndex === undefined || row.staleIndex === '') return [];
  return parseRowJson(staleIndexSchema, row.staleIndex, `Participants row ${row.partitionKey} (staleIndex)`);
}

/** The index rows a participant should have: always their team; a nudge slot only while active. */
function indexRefsOf(p: Participant): IndexRef[] {
  const refs: IndexRef[] = [{ table: 'TeamMembers', pk: encodeKeyPart(p.teamId) }];
  if (p.status === 'active') refs.push({ table: 'NudgeSlots', pk: nudgeSlotKey(p.nudgeTime) });
  return refs;
}

/**
 * Every index row a stored profile may own, read leniently: a person's right to erasure must not fail on a
 * profile that no longer parses. Whatever can be read is cleaned up; the profile row itself is deleted anyway.
 */
function refsForRemoval(row: StoredRow<ParticipantRow>): IndexRef[] {
  const refs: IndexRef[] = [];
  if (typeof row.teamId === 'string' && row.teamId !== '') refs.push({ table: 'TeamMembers', pk: encodeKeyPart(row.teamId) });
  const time = localTimeSchema.safeParse(row.nudgeTime);
  if (time.success) refs.push({ table: 'NudgeSlots', pk: nudgeSlotKey(time.data) });
  try {
    refs.push(...staleOf(row));
  } catch {
    // an unreadable stale list: the rows it named can only be found by the index queries' profile checks
  }
  return uniqueRefs(refs);
}

function sameRef(a: IndexRef, b: IndexRef): boolean {
  return a.table === b.table && a.pk === b.pk;
}

function uniqueRefs(refs: readonly IndexRef[]): IndexRef[] {
  return refs.filter((ref, i) => refs.findIndex((other) => sameRef(ref, other)) === i);
}

function departureOf(row: StoredRow<ParticipantRow>): Departure {
  const status = typeof row.status === 'string' ? row.status : undefined;
  if (status !== 'left') return { status, leftAt: undefined };
  return { status, leftAt: typeof row.leftAt === 'string' && row.leftAt !== '' ? row.leftAt : row.timestamp };
}

function isErasing(row: StoredRow<ParticipantRow>): boolean {
  return typeof row.erasingSince === 'string' && row.erasingSince !== '';
}

/** The leaving date the new version keeps: the stored one while the participant stays left, now when they just left. */
function leftAtFor(next: Participant, current: StoredRow<ParticipantRow> | undefined, now: Date): string | undefined {
  if (next.status !== 'left') return undefined;
  return (current && departureOf(current).leftAt) ?? now.toISOString();
}

function toRow(p: Participant, stale: readonly IndexRef[], leftAt: string | undefined): ParticipantRow & { partitionKey: string; rowKey: string } {
  return {
    partitionKey: encodeKeyPart(p.userId),
    rowKey: PROFILE_ROW,
    tenantId: p.tenantId,
    orgId: p.orgId,
    teamId: p.teamId,
    language: p.language,
    nudgeTime: p.nudgeTime,
    status: p.status,
    roles: JSON.stringify(p.roles),
    joinedAt: p.joinedAt,
    demo: p.demo,
    staleIndex: JSON.stringify(stale),
    ...(leftAt === undefined ? {} : { leftAt }),
  };
}

/**
 * Participants and the indexes that serve team and nudge-time queries. The profile is written first (with its
 * ETag), then the indexes; index rows the profile no longer owns are recorded in the profile before they are
 * deleted, so a save that stopped half-way is completed by the next save of the same participant, and running
 * a save twice changes nothing. Readers of the indexes should still treat them as hints and check the profile
 * (an index row can lag a profile for the duration of one save).
 */
export class ParticipantsRepository {
  /** {@link recent}'s profiles by user id; every write of a profile below goes through it. */
  private readonly snapshots: RecentCache<ProfileSnapshot>;

  /** @param cacheTtlMs how long {@link recent} may serve a profile from memory (0: never; see RecentCache). */
  constructor(
    private readonly profiles: TableStore<ParticipantRow>,
    private readonly teamMembers: TableStore<TeamMemberRow>,
    private readonly nudgeSlots: TableStore<NudgeSlotRow>,
    private readonly retry: RetryPolicy = DEFAULT_RETRY,
    private readonly now: () => Date = () => new Date(),
    cacheTtlMs = 0,
  ) {
    this.snapshots = new RecentCache<ProfileSnapshot>(cacheTtlMs);
  }

  async get(userId: string): Promise<Participant | undefined> {
    const row = await this.profiles.get(encodeKeyPart(userId), PROFILE_ROW);
    return row && fromRow(row);
  }

  /**
   * The participant and their erasure state from one read, served for a short while from this instance's memory
   * (the dispatcher's turn and the check-in's first erasure check read it on every card action). A save, update,
   * erasure mark or removal through this instance replaces or drops the entry at once; a change through another
   * instance shows after at most the cache's lifetime. So a caller that must not miss an erasure begun elsewhere
   * reads {@link erasureState} after its write, as `fenced` does.
   */
  async recent(userId: string): Promise<ProfileSnapshot> {
    return this.snapshots.get(userId, () => this.snapshot(userId));
  }

  /** The participant and their erasure state from one read of storage now ({@link recent} without the memory). */
  async snapshot(userId: string): Promise<ProfileSnapshot> {
    const row = await this.profiles.get(encodeKeyPart(userId), PROFILE_ROW);
    if (!row) return { participant: undefined, erasure: 'absent' };
    return { participant: fromRow(row), erasure: isErasing(row) ? 'erasing' : 'present' };
  }

  /**
   * {@link get} for the nudge job, which must tell an impossible nudge time apart from a profile that does not
   * parse at all, and skip either without failing the run: `undefined` without a profile; `{invalid: 'nudge_time'}`
   * when the profile would parse but for its nudge time; `{invalid: 'profile'}` for any other problem. Storage
   * errors are thrown as everywhere.
   */
  async getForNudge(userId: string): Promise<NudgeRead | undefined> {
    const row = await this.profiles.get(encodeKeyPart(userId), PROFILE_ROW);
    return row && nudgeReadOf(row);
  }

  /**
   * {@link getForNudge} for many people at once, by user id (absent: no profile), from one range query over their
   * partitions instead of a point read each (a large follow-up wave: see {@link rowsOfUsers}).
   */
  async forNudgeOf(userIds: readonly string[]): Promise<Map<string, NudgeRead>> {
    const rows = await rowsOfUsers(this.profiles, userIds, PROFILE_ROW);
    return new Map([...rows].map(([userId, row]) => [userId, nudgeReadOf(row)]));
  }

  /**
   * The language to write to someone in (proactive cards to managers and reporters): the profile's `language`,
   * read leniently (that one column), so a profile that no longer parses as a whole still answers; `undefined`
   * without a profile or a known language. Storage errors are thrown as everywhere.
   */
  async languageOf(userId: string): Promise<Language | undefined> {
    const row = await this.profiles.get(encodeKeyPart(userId), PROFILE_ROW);
    const language = row?.language;
    return LANGUAGES.find((l) => l === language);
  }

  /**
   * Creates or replaces the participant (the caller's version wins) and brings both indexes in step: a changed
   * team or nudge time removes the old index row; a paused or left participant leaves its nudge slot.
   */
  async save(participant: Participant): Promise<void> {
    const p = validateInput(participantSchema, participant, 'Participant');
    const pk = encodeKeyPart(p.userId);
    const saved = (): ProfileSnapshot => ({ participant: p, erasure: 'present' });
    await this.snapshots.write(p.userId, () => retryOnConflict(`save participant ${pk}`, this.retry, async () => {
      const current = await this.profiles.get(pk, PROFILE_ROW);
      await this.write(current, p);
    }), saved);
  }

  /**
   * Read-modify-write with the row's ETag: `change` gets the stored participant and returns the new one; when
   * someone else wrote in between it runs again on the fresh value (bounded; then STORAGE_CONFLICT). Returns the
   * saved participant, or `undefined` when there is none. `change` may run more than once: keep it pure.
   */
  async update(userId: string, change: (current: Participant) => Participant): Promise<Participant | undefined> {
    const pk = encodeKeyPart(userId);
    const updated = (next: Participant | undefined): ProfileSnapshot | undefined => next && { participant: next, erasure: 'present' };
    return this.snapshots.write(userId, () => retryOnConflict(`update participant ${pk}`, this.retry, async () => {
      const current = await this.profiles.get(pk, PROFILE_ROW);
      if (!current) return undefined;
      const next = validateInput(participantSchema, change(fromRow(current)), 'Participant');
      if (next.userId !== userId) throw new AppError('VALIDATION_FAILED', 'An update must not change the user id.');
      await this.write(current, next);
      return next;
    }), updated);
  }

  /** The members of a team with their status, following continuation tokens (teams may exceed 1,000). */
  async listTeamMembers(teamId: string): Promise<TeamMember[]> {
    const rows = await this.teamMembers.listPartition(encodeKeyPart(teamId));
    return rows.map((row) => ({
      userId: decodeKeyPart(row.rowKey),
      status: parseRow(teamMemberRowSchema, row, `TeamMembers row ${row.partitionKey}/${row.rowKey}`).status,
    }));
  }

  /** Active participants whose nudge time is `time` (`HH:mm`). */
  async listNudgeSlot(time: LocalTime): Promise<NudgeSlotEntry[]> {
    const rows = await this.nudgeSlots.listPartition(nudgeSlotKey(time));
    return rows.map((row) => {
      const r = parseRow(nudgeSlotRowSchema, row, `NudgeSlots row ${row.partitionKey}/${row.rowKey}`);
      return { userId: decodeKeyPart(row.rowKey), orgId: r.orgId, language: r.language, demo: r.demo };
    });
  }

  /**
   * Whether the person's data is being erased: `erasing` from {@link markErasing} until the erasure deletes the
   * profile (`absent`). Writers of a person's other data (check-ins, reports) read it before and after they write.
   */
  async erasureState(userId: string): Promise<ErasureState> {
    const row = await this.profiles.get(encodeKeyPart(userId), PROFILE_ROW);
    if (!row) return 'absent';
    return isErasing(row) ? 'erasing' : 'present';
  }

  /** The stored status and leaving date, read leniently (the retention job's choice of whom to erase); `undefined` without a profile. */
  async departure(userId: string): Promise<Departure | undefined> {
    const row = await this.profiles.get(encodeKeyPart(userId), PROFILE_ROW);
    return row && departureOf(row);
  }

  /**
   * Marks the profile as being erased (ETag-checked, so no save in flight can undo it): every later
   * {@link save} or {@link update} of it fails with ERASURE_IN_PROGRESS. `onlyIf` sees the stored status and leaving
   * date and may decline (the retention job erases only people who left long enough ago). Read leniently: a profile
   * that no longer parses can still be marked. A profile marked already answers `marked`.
   */
  async markErasing(userId: string, onlyIf?: (departure: Departure) => boolean): Promise<ErasureMark> {
    const pk = encodeKeyPart(userId);
    // Dropped from the cache, never remembered: the next check of this person reads storage.
    return this.snapshots.write(userId, () => retryOnConflict(`mark participant ${pk} erasing`, this.retry, async () => {
      const current = await this.profiles.get(pk, PROFILE_ROW);
      if (!current) return 'absent';
      if (isErasing(current)) return 'marked';
      if (onlyIf && !onlyIf(departureOf(current))) return 'declined';
      await this.profiles.merge({ partitionKey: pk, rowKey: PROFILE_ROW, erasingSince: this.now().toISOString() }, current.etag);
      return 'marked';
    }));
  }

  /**
   * Deletes the profile and its index rows (indexes first, so a remove that stops half-way can be run again).
   * `false` when there was no profile.
   */
  async remove(userId: string): Promise<boolean> {
    const pk = encodeKeyPart(userId);
    return this.snapshots.write(userId, () => retryOnConflict(`remove participant ${pk}`, this.retry, async () => {
      const current = await this.profiles.get(pk, PROFILE_ROW);
      if (!current) return false;
      await this.deleteIndexRows(pk, refsForRemoval(current));
      // With the etag: if the profile changed meanwhile (new team or slot), read again and delete those too. Gone
      // meanwhile (another remove of the same person, e.g. a second instance): `false`, so only one counts it.
      return this.profiles.delete(pk, PROFILE_ROW, current.etag);
    }));
  }

  /**
   * Writes the profile over `current` (by its etag, or as a new row), then the indexes. Throws ConflictError
   * when someone else wrote the profile in between: the caller reads again and retries.
   */
  private async write(current: StoredRow<ParticipantRow> | undefined, next: Participant): Promise<void> {
    const pk = encodeKeyPart(next.userId);
    if (current && isErasing(current)) throw new AppError('ERASURE_IN_PROGRESS', `Participant ${pk} is being erased; the change is refused.`);
    const wanted = indexRefsOf(next);
    const previous = current ? [...staleOf(current), ...indexRefsOf(fromRow(current))] : [];
    const stale = uniqueRefs(previous).filter((ref) => !wanted.some((w) => sameRef(w, ref)));

    const entity = toRow(next, stale, leftAtFor(next, current, this.now()));
    const etag = current ? await this.profiles.update(entity, current.etag) : await this.profiles.create(entity);

    await this.upsertIndexRows(next);
    await this.deleteIndexRows(pk, stale);
    if (stale.length === 0) return;
    try {
      await this.profiles.update({ ...entity, staleIndex: '[]' }, etag);
    } catch (err) {
      if (!(err instanceof AppError) || (err.code !== 'STORAGE_CONFLICT' && err.code !== 'NOT_FOUND')) throw err;
      // Another writer got in after ours. A later save carried our stale list forward and deletes it itself,
      // but its index upserts may have run before our deletes: put back the rows the newest profile wants.
      // A remove deleted the profile: take away the index rows we just wrote.
      const latest = await this.profiles.get(pk, PROFILE_ROW);
      if (latest) await this.upsertIndexRows(fromRow(latest));
      else await this.deleteIndexRows(pk, wanted);
    }
  }

  private async upsertIndexRows(p: Participant): Promise<void> {
    const rk = encodeKeyPart(p.userId);
    const writes: Promise<string>[] = [
      this.teamMembers.upsert({ partitionKey: encodeKeyPart(p.teamId), rowKey: rk, status: p.status }),
    ];
    if (p.status === 'active') {
      writes.push(
        this.nudgeSlots.upsert({
          partitionKey: nudgeSlotKey(p.nudgeTime),
          rowKey: rk,
          orgId: p.orgId,
          language: p.language,
          demo: p.demo,
        }),
      );
    }
    await Promise.all(writes);
  }

  private async deleteIndexRows(userPk: string, refs: readonly IndexRef[]): Promise<void> {
    await Promise.all(
      refs.map((ref) =>
        ref.table === 'TeamMembers' ? this.teamMembers.delete(ref.pk, userPk) : this.nudgeSlots.delete(ref.pk, userPk),
      ),
    );
  }
}
