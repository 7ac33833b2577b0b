import type { TableEntity, TransactionAction } from '@azure/data-tables';
import { MAX_BATCH } from '@soestainable/bot/storage/tableStore';
import { checkIn } from '../../helpers/fixtures';
import { rawRows } from '../../helpers/storage';
import { campaignOf, enrol, onlyCampaign, type JobWorld } from './harness';

/**
 * The organisation of the kill/restart test: `n` participants `k-0000` … with nudge time 09:00 and a personal
 * conversation on the fake connector, a running December campaign, and a few participants the nudge job must
 * claim as skipped (never send to).
 */

/** Monday 7 December 2026: day 6 of the campaign below, a working day. */
export const NUDGE_DAY = '2026-12-07';
export const NUDGE_CAMPAIGN = campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' });

/** Why participant `i` is skipped, or `undefined` when it is nudged (10 of each kind per 2,000). */
export function expectedSkip(i: number): 'paused' | 'already_checked_in' | 'no_conversation' | undefined {
  switch (i % 200) {
    case 17:
      return 'paused'; // the profile says paused, its 09:00 slot row is still there (a lagging index)
    case 61:
      return 'already_checked_in'; // checked in before the nudge
    case 133:
      return 'no_conversation'; // joined, but the bot's conversation reference was never stored
    default:
      return undefined;
  }
}

export const participantId = (i: number): string => `k-${String(i).padStart(4, '0')}`;

/** Runs `work(0)` … `work(count - 1)`, at most `limit` at once: a bounded pool, never one promise per row. */
async function forEachBounded(count: number, limit: number, work: (i: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, count) }, async () => {
      while (next < count) await work(next++);
    }),
  );
}

type Entity = TableEntity<Record<string, unknown>>;

/** A stored row as a new entity for `userId`: the template's id replaced in its keys and values (the reference JSON too). */
function copyFor(row: Record<string, unknown>, template: string, userId: string, change: Record<string, unknown> = {}): Entity {
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(row)) {
    if (key === 'etag' || key === 'timestamp') continue;
    copy[key] = typeof value === 'string' ? value.split(template).join(userId) : value;
  }
  return { ...copy, ...change } as Entity;
}

/**
 * Seeds the campaign and `n` participants, fast and in the repositories' own row formats: participant 0 (and its
 * conversation reference) is written through the repositories, the others are copies of the rows it got, with
 * the user id replaced. The index rows (one partition per table) go in batches of 100; the profiles and
 * references (a partition per user) a bounded number at a time. The already-checked-in ones' check-ins go
 * through the repository.
 */
export async function seedNudgeDay(world: JobWorld, connector: { url: string }, n: number): Promise<string[]> {
  const { repos } = world;
  await onlyCampaign(repos, NUDGE_CAMPAIGN);
  const template = participantId(0);
  if (expectedSkip(0) !== undefined) throw new Error('participant 0 is the template: it must be an ordinary one');
  await enrol(repos, connector, { userId: template, nudgeTime: '09:00' });
  const tables = ['Participants', 'TeamMembers', 'NudgeSlots', 'ConversationRefs'] as const;
  const rows = Object.fromEntries(await Promise.all(tables.map(async (t) => [t, await rawRows(world.client(t))] as const))) as Record<(typeof tables)[number], Record<string, unknown>[]>;
  for (const t of tables) {
    if (rows[t].length !== 1) throw new Error(`expected the template's one row in ${t}, found ${rows[t].length}`);
  }
  const [profile, member, slot, reference] = tables.map((t) => rows[t][0] as Record<string, unknown>) as [Record<string, unknown>, Record<string, unknown>, Record<string, unknown>, Record<string, unknown>];

  const others = Array.from({ length: n - 1 }, (_, k) => k + 1);
  // Index rows: one partition per table, so batches of at most 100 (Table Storage's limit).
  for (const [table, row] of [['TeamMembers', member], ['NudgeSlots', slot]] as const) {
    const client = world.client(table);
    for (let from = 0; from < others.length; from += MAX_BATCH) {
      await client.submitTransaction(others.slice(from, from + MAX_BATCH).map((i): TransactionAction => ['upsert', copyFor(row, template, participantId(i))]));
    }
  }
  const profiles = world.client('Participants');
  const references = world.client('ConversationRefs');
  await forEachBounded(others.length, 32, async (k) => {
    const i = others[k] as number;
    const userId = participantId(i);
    const skip = expectedSkip(i);
    await Promise.all([
      // Paused: a lagging index, the profile says paused while the 09:00 slot row is still there (docs/storage.md).
      profiles.createEntity(copyFor(profile, template, userId, skip === 'paused' ? { status: 'paused' } : {})),
      skip === 'no_conversation' ? undefined : references.createEntity(copyFor(reference, template, userId)),
      skip === 'already_checked_in'
        ? repos.checkIns.save(checkIn({ userId, teamId: 'publiekszaken', campaignId: NUDGE_CAMPAIGN.campaignId, date: NUDGE_DAY, day: 6 }))
        : undefined,
    ]);
  });
  return Array.from({ length: n }, (_, i) => participantId(i));
}
