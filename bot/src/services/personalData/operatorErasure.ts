import { parseArgs } from 'node:util';
import { UsageError } from '../../errors';
import type { Repositories } from '../../storage/repositories';
import { eraseStoredData, nothingDeleted, type DeletionCounts } from './erasure';
import { readStoredData, type StoredData } from './storedData';

/**
 * `npm run erase -- <user id> --dry-run | --confirm`: IT erases someone's data on their request when they can no
 * longer do it themselves (no Teams access any more; AVG art. 17), the same erasure as "verwijder mijn gegevens".
 * `--dry-run` counts what is stored and changes nothing; `--confirm` erases. Nothing else is accepted, so a
 * mistyped command never deletes.
 */
export const ERASE_USAGE = 'usage: npm run erase -- <user id (Entra object id)> --dry-run | --confirm';

/** A command line that cannot run: exit code 2, before storage is opened. */
export class EraseArgsError extends UsageError {
  constructor(problem: string) {
    super(problem, ERASE_USAGE);
  }
}

export interface EraseArgs {
  readonly userId: string;
  readonly dryRun: boolean;
}

/** An Entra object id as Teams sends it (`aadObjectId`), or the ids the demo and tests use: no spaces, no `|`. */
const USER_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;

export function parseEraseArgs(argv: readonly string[]): EraseArgs {
  let parsed: ReturnType<typeof parseArgs<{ options: { 'dry-run': { type: 'boolean' }; confirm: { type: 'boolean' } }; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: [...argv], options: { 'dry-run': { type: 'boolean' }, confirm: { type: 'boolean' } }, allowPositionals: true, strict: true });
  } catch (err) {
    throw new EraseArgsError(err instanceof Error ? err.message : String(err));
  }
  const [userId, ...extra] = parsed.positionals;
  if (userId === undefined) throw new EraseArgsError('Whose data? Give the person\'s user id.');
  if (extra.length > 0) throw new EraseArgsError(`One person at a time: "${extra.join(' ')}" is one too many.`);
  if (!USER_ID.test(userId)) throw new EraseArgsError(`"${userId}" is not a user id.`);
  const dryRun = parsed.values['dry-run'] === true;
  const confirm = parsed.values.confirm === true;
  if (dryRun === confirm) throw new EraseArgsError(dryRun ? 'Either --dry-run or --confirm, not both.' : 'Erasing is final: add --confirm (or --dry-run to see what is stored).');
  return { userId, dryRun };
}

/** What {@link eraseStoredData} would delete, counted from what is stored (for `--dry-run`). */
export function countsOf(data: StoredData): DeletionCounts {
  return {
    profile: data.participant !== undefined,
    checkIns: data.checkIns.length,
    surveys: data.surveys.length,
    pledges: data.pledges.length,
    followUps: data.followUps.length,
    barriers: data.barriers.length,
    ideas: data.ideas.length,
    recognitions: data.recognitions.length,
    ownedActions: data.ownedActions.length,
    conversationRefs: data.conversationRefs.length,
    sendClaims: data.sendClaims.length,
    teamCards: data.teamCards.length,
    managedTeams: data.managedTeams.length,
  };
}

/** Runs the erasure (or counts, for a dry run). An erasure cut off half-way is finished by running it again. */
export async function eraseForOperator(repos: Repositories, configOrgId: string, args: EraseArgs): Promise<DeletionCounts> {
  if (args.dryRun) return countsOf(await readStoredData(repos, configOrgId, args.userId));
  return eraseStoredData(repos, configOrgId, args.userId);
}

const LINES: ReadonlyArray<readonly [keyof Omit<DeletionCounts, 'profile'>, string]> = [
  ['checkIns', 'check-ins'],
  ['surveys', 'baseline and end surveys'],
  ['pledges', 'pledges'],
  ['followUps', 'follow-up answers'],
  ['barriers', 'barriers: contact removed (the report stays, anonymous)'],
  ['ideas', 'ideas: contact removed (the idea stays, anonymous)'],
  ['recognitions', '"herken ik" marks withdrawn'],
  ['ownedActions', 'actions unlinked from their owner (the action stays)'],
  ['conversationRefs', 'chat addresses'],
  ['sendClaims', 'message records'],
  ['teamCards', 'team cards: who switched them made unknown (the switch stays)'],
  ['managedTeams', 'teams no longer naming them as a manager (the team stays)'],
];

/** The operator's summary: what was (or would be) deleted, one line a kind. No texts, no names. */
export function formatErasure(userId: string, counts: DeletionCounts, dryRun: boolean): string {
  const head = dryRun ? `Dry run: stored for ${userId} (nothing deleted)` : `Erased for ${userId}`;
  if (nothingDeleted(counts)) return `${head}: nothing${dryRun ? '' : ' (there was nothing, or it had been erased already)'}.\n`;
  const width = Math.max(...LINES.map(([key]) => String(counts[key]).length));
  const rows = [`  profile  ${counts.profile ? 'yes' : 'no'}`, ...LINES.filter(([key]) => counts[key] > 0).map(([key, label]) => `  ${String(counts[key]).padStart(width)}  ${label}`)];
  const tail = dryRun ? `Run again with --confirm to erase.` : `Team totals stay; they hold nothing personal.`;
  return `${head}:\n${rows.join('\n')}\n${tail}\n`;
}
