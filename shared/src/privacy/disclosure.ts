import { addCalendarDays } from '../calendar/isoDate';
import type { IsoDate } from '../domain/types';
import { assertMinimum, DEFAULT_MIN_GROUP_SIZE } from './groupSize';

/**
 * The disclosure rule every figure passes before it leaves the server (BRIEF.md privacy rule 9: differencing
 * counts as disclosure). Figures are kept per team per day (a *cell*, with the number of people recorded for that
 * team on that day). The rule, and why (docs/privacy.md, "The disclosure rule"):
 *
 * 1. **Final days only.** A day's figures can still move while anyone may give or correct a check-in for it
 *    (today and yesterday): a colleague refreshing around one person's check-in would see exactly that person's
 *    answers. So a cell is shown only once its day is final: two calendar days back or earlier.
 * 2. **The group of that day.** A cell is shown only when the people recorded for the team *on that day* reach
 *    the minimum; a team that grew since does not reveal the days it was smaller, and a day without a recorded
 *    group is never shown.
 * 3. **One residual group.** Cells that fail rule 2 (of any team) are never shown on their own. The organisation's
 *    figures for a day add them only as one residual group, and only when that group has at least the minimum
 *    number of people from at least two teams; else they are left out of the organisation's figures too. So
 *    nothing a viewer can see — the organisation, the teams shown, their own team — subtracts to a group under
 *    the minimum, whatever other views they also have: every view is built from these same cells.
 *
 * The same residual rule applies to counts of people (participants now): see {@link discloseGroups}; and to a
 * team's block of answers (its baseline or end surveys, its answers about one habit in one wave): see
 * {@link discloseTeamBlocks}, the one rule of every view of answers (the overview's baseline, "what lasted").
 */

/** One team's figures for one day, with the people recorded for that team on that day. */
export interface TeamDayCell {
  readonly teamId: string;
  readonly date: IsoDate;
  /** People recorded for the team on that day (0: nothing recorded, so the day's group is unknown). */
  readonly participants: number;
}

/** The newest day whose figures can no longer change on `today` (today and yesterday still take check-ins). */
export function lastFinalDay(today: IsoDate): IsoDate {
  return addCalendarDays(today, -2);
}

/** Whether a cell may be shown as (part of) its own team's figures. */
export function isReleased(cell: TeamDayCell, today: IsoDate, minimum: number = DEFAULT_MIN_GROUP_SIZE): boolean {
  assertMinimum(minimum);
  return cell.date <= lastFinalDay(today) && cell.participants >= minimum;
}

/** A group behind a figure: a team, with its people. */
export interface PeopleGroup {
  readonly key: string;
  readonly people: number;
}

/**
 * Whether groups that are each hidden may be shown together, as one residual group: together at least `minimum`
 * people, from at least two groups that have people (a single hidden group is never its own residual).
 */
export function residualMayShow(groups: readonly PeopleGroup[], minimum: number = DEFAULT_MIN_GROUP_SIZE): boolean {
  assertMinimum(minimum);
  const withPeople = groups.filter((g) => g.people > 0);
  return withPeople.length >= 2 && withPeople.reduce((n, g) => n + g.people, 0) >= minimum;
}

export interface GroupsDisclosure {
  /** The groups that may be shown one by one (each at least the minimum). */
  readonly shown: ReadonlySet<string>;
  /** Whether the hidden groups enter the total, as one residual group. */
  readonly residualIncluded: boolean;
  /** The total that may be shown beside the groups shown: theirs, plus the residual when it may show. */
  readonly total: number;
}

/** Counts of people per group (participants now, baseline respondents) as the rule lets them be shown. */
export function discloseGroups(groups: readonly PeopleGroup[], minimum: number = DEFAULT_MIN_GROUP_SIZE): GroupsDisclosure {
  assertMinimum(minimum);
  const shown = new Set(groups.filter((g) => g.people >= minimum).map((g) => g.key));
  const hidden = groups.filter((g) => !shown.has(g.key));
  const residualIncluded = residualMayShow(hidden, minimum);
  const total = groups.filter((g) => shown.has(g.key) || residualIncluded).reduce((n, g) => n + g.people, 0);
  return { shown, residualIncluded, total };
}

/**
 * A team's block of answers: its baseline (or end) surveys, or its answers about one habit in one wave. `block` is
 * whatever the caller adds up (a tally, the surveys themselves); the rule looks only at the two counts.
 */
export interface TeamBlock<B> {
  readonly teamId: string;
  /** The team's active participants now: who counts towards the minimum for any team statistic (rule 3). */
  readonly active: number;
  /** The answers in the block (paused members' answers included): the people the block stands for. */
  readonly answers: number;
  readonly block: B;
}

export interface BlocksDisclosure<B> {
  /** The teams whose own block may be shown. */
  readonly shown: ReadonlySet<string>;
  /** The blocks behind the organisation's figure: the ones shown, plus the others as one residual group when it may show. */
  readonly organisation: readonly B[];
}

/**
 * Sorts teams' blocks of answers into what may be shown per team and for the organisation. A team's block shows only
 * when the team has at least the minimum of active participants now *and* the block has at least the minimum of
 * answers: the stricter of the two rules the dashboards and "what lasted" once applied each on its own. Every other
 * block enters the organisation only inside the one residual group ({@link residualMayShow}, counted in answers).
 * Every organisation-wide view of answers goes through here, so two of them always show the same teams and the same
 * residual, and their difference is never a team under the minimum (a team with 4 active and 1 paused member hidden
 * in one view and shown in another was exactly that difference).
 */
export function discloseTeamBlocks<B>(blocks: readonly TeamBlock<B>[], minimum: number = DEFAULT_MIN_GROUP_SIZE): BlocksDisclosure<B> {
  assertMinimum(minimum);
  const isShown = (b: TeamBlock<B>): boolean => b.active >= minimum && b.answers >= minimum;
  const hidden = blocks.filter((b) => !isShown(b));
  const residualIncluded = residualMayShow(hidden.map((b) => ({ key: b.teamId, people: b.answers })), minimum);
  return {
    shown: new Set(blocks.filter(isShown).map((b) => b.teamId)),
    organisation: blocks.filter((b) => isShown(b) || residualIncluded).map((b) => b.block),
  };
}

export interface CellsDisclosure<C extends TeamDayCell> {
  /** Per team, the cells that may be shown as its figures (teams without any are absent). */
  readonly byTeam: ReadonlyMap<string, readonly C[]>;
  /** The organisation's cells: every released cell, plus each final day's residual group where it may show. */
  readonly organisation: readonly C[];
}

/** Sorts `cells` into what may be shown per team and for the organisation on `today`. */
export function discloseCells<C extends TeamDayCell>(
  cells: readonly C[],
  today: IsoDate,
  minimum: number = DEFAULT_MIN_GROUP_SIZE,
): CellsDisclosure<C> {
  assertMinimum(minimum);
  const lastFinal = lastFinalDay(today);
  const byTeam = new Map<string, C[]>();
  const withheldByDay = new Map<IsoDate, C[]>();
  const organisation: C[] = [];
  for (const cell of cells) {
    if (cell.date > lastFinal) continue;
    if (cell.participants >= minimum) {
      byTeam.set(cell.teamId, [...(byTeam.get(cell.teamId) ?? []), cell]);
      organisation.push(cell);
    } else if (cell.participants > 0) {
      withheldByDay.set(cell.date, [...(withheldByDay.get(cell.date) ?? []), cell]);
    }
  }
  for (const day of withheldByDay.values()) {
    if (residualMayShow(day.map((c) => ({ key: c.teamId, people: c.participants })), minimum)) organisation.push(...day);
  }
  return { byTeam, organisation };
}
