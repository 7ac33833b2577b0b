import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Barrier } from '@soestainable/shared/domain/programme';
import { isRecognisable } from '@soestainable/shared/domain/recognition';
import type { BarrierStatus, Localized, Theme } from '@soestainable/shared/domain/types';
import type { Repositories } from '../../storage/repositories';
import { fenced } from '../personalData/erasure';
import { profile, SIMILAR_THRESHOLD, similarityOf } from './similarity';

/*
 * "Herken ik" (me too) for the bot's `prikkels` card and the tab's Prikkels page: which barriers a person sees,
 * and the one way a recognition is given or withdrawn. A service beside the adapters, like personalData: the bot
 * feature and the tab API both use it. What a person sees is anonymous (text, theme, status, linked action and a
 * count); who recognised what is never part of it but for the person's own buttons.
 */

/** Most barriers one list shows. */
export const BOARD_MAX = 8;
/** Of those, how many come from the person's team first (the rest: the organisation's most recognised). */
export const BOARD_TEAM_FIRST = 4;
/**
 * Of the team's, how many are its newest, whatever their count: else a fresh report in a team with four or more
 * recognised barriers is on nobody's list, so nobody can recognise it and it never gets a count (found with the demo
 * data in the Playground test).
 */
export const BOARD_TEAM_NEWEST = 1;
/** Most look-alikes offered after a report. */
export const SIMILAR_MAX = 3;

/** One barrier as a person sees it in the list. */
export interface BoardItem {
  readonly barrierId: string;
  readonly text: string;
  readonly theme: Theme;
  readonly status: BarrierStatus;
  /** The linked action's title, when there is one. */
  readonly action: Localized | undefined;
  readonly count: number;
  /** This person recognises it. */
  readonly mine: boolean;
  /** This person asked to hear what happens with it. */
  readonly notify: boolean;
  /** It can still be recognised (not merged, dismissed or resolved). */
  readonly open: boolean;
}

/** Barriers in the list's order: the most recognised first, then the newest. */
function byRecognition(counts: ReadonlyMap<string, number>): (a: Barrier, b: Barrier) => number {
  return (a, b) => (counts.get(b.barrierId) ?? 0) - (counts.get(a.barrierId) ?? 0) || (a.barrierId < b.barrierId ? 1 : -1);
}

/**
 * Newest first. A report says only its day (reports.ts `reportDay`, privacy), so within a day the one with the fewest
 * recognitions comes first (the one that needs to be seen), then the id.
 */
function byNewest(counts: ReadonlyMap<string, number>): (a: Barrier, b: Barrier) => number {
  return (a, b) =>
    (a.createdAt !== b.createdAt ? (a.createdAt < b.createdAt ? 1 : -1) : 0) ||
    (counts.get(a.barrierId) ?? 0) - (counts.get(b.barrierId) ?? 0) ||
    (a.barrierId < b.barrierId ? 1 : -1);
}

/**
 * Which barriers the person's list shows: up to {@link BOARD_TEAM_FIRST} open ones of their team (the newest
 * {@link BOARD_TEAM_NEWEST}, then the most recognised), then the organisation's most recognised open ones, then more
 * of their team, at most {@link BOARD_MAX}. Barriers the person reported with contact are theirs already and left out.
 */
export function pickBoard(barriers: readonly Barrier[], counts: ReadonlyMap<string, number>, person: Pick<Participant, 'userId' | 'teamId'>): Barrier[] {
  const open = barriers.filter((b) => isRecognisable(b.status) && b.contactUserId !== person.userId).sort(byRecognition(counts));
  const newest = new Set(open.filter((b) => b.teamId === person.teamId).sort(byNewest(counts)).slice(0, BOARD_TEAM_NEWEST));
  const team = [...newest, ...open.filter((b) => b.teamId === person.teamId && !newest.has(b))];
  const recognised = open.filter((b) => b.teamId !== person.teamId && (counts.get(b.barrierId) ?? 0) > 0);
  const picked = [...team.slice(0, BOARD_TEAM_FIRST), ...recognised, ...team.slice(BOARD_TEAM_FIRST)].slice(0, BOARD_MAX);
  return picked.sort(byRecognition(counts));
}

/** Up to {@link SIMILAR_MAX} open barriers whose text looks like `text`, most alike first (`excludeId`: the new one). */
export function pickSimilar(barriers: readonly Barrier[], text: string, excludeId: string, userId: string): Barrier[] {
  const reported = profile(text);
  return barriers
    .filter((b) => b.barrierId !== excludeId && isRecognisable(b.status) && b.contactUserId !== userId)
    .map((b) => ({ b, score: similarityOf(reported, profile(b.text)) }))
    .filter((s) => s.score >= SIMILAR_THRESHOLD)
    .sort((x, y) => y.score - x.score)
    .slice(0, SIMILAR_MAX)
    .map((s) => s.b);
}

/** The person's view of these barriers, in this order (a missing id is left out). */
export async function boardItems(repos: Repositories, orgId: string, userId: string, barriers: readonly Barrier[]): Promise<BoardItem[]> {
  const [counts, mine, actions] = await Promise.all([
    repos.recognitions.counts(orgId),
    repos.recognitions.listByUser(orgId, userId),
    barriers.some((b) => b.actionId !== undefined) ? repos.actions.list(orgId) : Promise.resolve([]),
  ]);
  const own = new Map(mine.map((r) => [r.barrierId, r.notify]));
  const titles = new Map(actions.map(({ action }) => [action.actionId, action.title]));
  return barriers.map((b) => ({
    barrierId: b.barrierId,
    text: b.text,
    theme: b.theme,
    status: b.status,
    action: b.actionId === undefined ? undefined : titles.get(b.actionId),
    count: counts.get(b.barrierId) ?? 0,
    mine: own.has(b.barrierId),
    notify: own.get(b.barrierId) ?? false,
    open: isRecognisable(b.status),
  }));
}

/** The person's list: {@link pickBoard} of the organisation's barriers, as {@link boardItems}. */
export async function personalBoard(repos: Repositories, orgId: string, person: Pick<Participant, 'userId' | 'teamId'>): Promise<BoardItem[]> {
  const [barriers, counts] = await Promise.all([repos.barriers.list(orgId), repos.recognitions.counts(orgId)]);
  return boardItems(repos, orgId, person.userId, pickBoard(barriers, counts, person));
}

/** The barriers with these ids, in this order, as the person sees them now (for a card updated in place). */
export async function itemsByIds(repos: Repositories, orgId: string, userId: string, ids: readonly string[]): Promise<BoardItem[]> {
  const found = await Promise.all(ids.map((id) => repos.barriers.get(orgId, id)));
  return boardItems(repos, orgId, userId, found.filter((b): b is Barrier => b !== undefined));
}

/** What a press of "Herken ik" (or of "laat me weten") did. */
export type ToggleOutcome =
  | { readonly kind: 'recognised' | 'withdrawn' | 'already' | 'notify'; readonly count: number }
  /** The barrier is not there (deleted, never existed, or another organisation's). */
  | { readonly kind: 'missing' }
  /** Merged, dismissed or resolved: it cannot be recognised any more. */
  | { readonly kind: 'closed'; readonly status: BarrierStatus };

/** What a person asks: recognise (with or without "laat me weten"), or withdraw. */
export interface ToggleRequest {
  readonly barrierId: string;
  readonly on: boolean;
  /** Only with `on`: set "laat me weten" as well; left out keeps what was there. */
  readonly notify?: boolean;
}

/**
 * Gives or withdraws the person's recognition of a barrier of their organisation. Stating the wanted state (not
 * "toggle") makes a double click, a second device and an old card harmless: the second press finds it done. A
 * withdrawal is always allowed (it is the person's own data); a recognition only of an open barrier. The write runs
 * inside the erasure fence, like every write of personal data.
 */
export async function toggleRecognition(repos: Repositories, configOrgId: string, person: Pick<Participant, 'userId' | 'orgId'>, request: ToggleRequest): Promise<ToggleOutcome> {
  const { barrierId, on, notify } = request;
  const barrier = await repos.barriers.get(configOrgId, barrierId);
  if (!barrier) return { kind: 'missing' };
  if (!on) {
    const result = await repos.recognitions.withdraw(configOrgId, barrierId, person.userId);
    return { kind: result.changed ? 'withdrawn' : 'already', count: result.count };
  }
  if (!isRecognisable(barrier.status)) return { kind: 'closed', status: barrier.status };
  const result = await fenced(repos, configOrgId, person, () => repos.recognitions.recognise(configOrgId, barrierId, person.userId, notify));
  if (result.changed) return { kind: 'recognised', count: result.count };
  return { kind: notify === undefined ? 'already' : 'notify', count: result.count };
}
