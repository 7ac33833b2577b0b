import type {
  KeptCell,
  LastingFigures,
  LastingHidden,
  LastingWave,
  SurveyCell,
  SurveyComparison,
  SurveyOptions,
  SurveyQuestion,
  SurveyShares,
  YesNo,
} from '@soestainable/shared/api/lasting';
import type { FollowUpAnswers, FollowUpWave, KeptAnswer } from '@soestainable/shared/domain/followUp';
import { DISTANCE_BAND_KEYS, FREQUENCIES, TRAVEL_MODES, type IsoDate, type Survey } from '@soestainable/shared/domain/types';
import { discloseTeamBlocks } from '@soestainable/shared/privacy';

/**
 * Pure arithmetic of "what lasted" (issue 15, item 4): from each person's surveys, pledge and pulse answers to the
 * cells the tab shows, every one through the minimum group size and the disclosure rule (docs/privacy.md, "What
 * lasted"). The building blocks are a team's answers about one habit in one wave (the people who pledged that habit
 * and answered that wave) and a team's answers to one survey. Everything shown is a sum of blocks that reach the
 * minimum on their own (from a team with the minimum of active participants now), plus, for the organisation only,
 * one residual block per habit (or survey) of the hidden teams together, when that residual has the minimum from at
 * least two teams: `discloseTeamBlocks` (shared/src/privacy), the rule of the dashboards' baseline too. So no
 * difference of two views is a group under the minimum.
 */

export const HIDDEN: LastingHidden = { hidden: true, reason: 'below_minimum_group_size' };

/** One person's data for one campaign, as read from storage (never leaves the server). */
export interface PersonRecord {
  readonly teamId: string;
  /** Whether the person is an active participant now (a paused member's answers count, but not towards the team's minimum). */
  readonly active: boolean;
  readonly baseline: Survey | undefined;
  readonly end: Survey | undefined;
  /** The person's pulse answers (each names the pledged habit it is about, as it was pledged then). */
  readonly waves: readonly FollowUpAnswers[];
}

/** Answers about one habit in one wave of one group: how many people, and how many of each answer. */
export interface KeptTally {
  readonly people: number;
  readonly ja: number;
  readonly soms: number;
  readonly nee: number;
}
const NO_TALLY: KeptTally = { people: 0, ja: 0, soms: 0, nee: 0 };

const rounded = (x: number): number => Math.round(x * 10_000) / 10_000;

function addTallies(tallies: readonly KeptTally[]): KeptTally {
  return tallies.reduce((a, t) => ({ people: a.people + t.people, ja: a.ja + t.ja, soms: a.soms + t.soms, nee: a.nee + t.nee }), NO_TALLY);
}

/** A tally as shares, or hidden below `minimum` people (a sum of blocks: its `people` is the answers behind it). */
export function keptCell(tally: KeptTally, minimum: number): KeptCell {
  if (tally.people < minimum || tally.people === 0) return HIDDEN;
  const share = (n: number): number => rounded(n / tally.people);
  return { hidden: false, answers: tally.people, ja: share(tally.ja), soms: share(tally.soms), nee: share(tally.nee) };
}

/**
 * The answers of `people` about `challengeId` in `wave`: the people who had pledged it when they answered that wave
 * (a pledge changed later does not move an answered wave).
 */
export function tallyHabit(people: readonly PersonRecord[], wave: number, challengeId: string): KeptTally {
  const counts: Record<KeptAnswer, number> = { ja: 0, soms: 0, nee: 0 };
  let n = 0;
  for (const p of people) {
    const answer = p.waves.find((w) => w.wave === wave)?.answers.find((a) => a.challengeId === challengeId);
    if (!answer) continue;
    counts[answer.kept]++;
    n++;
  }
  return { people: n, ...counts };
}

// ---- Surveys ------------------------------------------------------------------------------------------------

const OPTIONS: { readonly [Q in SurveyQuestion]: readonly SurveyOptions[Q][] } = {
  commuteMode: TRAVEL_MODES,
  distanceBand: DISTANCE_BAND_KEYS,
  disposablePackaging: FREQUENCIES,
  screensOffAtNight: ['yes', 'no'],
  lightsOffWhenLeaving: ['yes', 'no'],
};

const yesNo = (b: boolean): YesNo => (b ? 'yes' : 'no');

/** A survey's answers as option keys per question. */
export function surveyAnswers(s: Survey): { readonly [Q in SurveyQuestion]: SurveyOptions[Q] } {
  return {
    commuteMode: s.commuteMode,
    distanceBand: s.distanceBand,
    disposablePackaging: s.disposablePackaging,
    screensOffAtNight: yesNo(s.screensOffAtNight),
    lightsOffWhenLeaving: yesNo(s.lightsOffWhenLeaving),
  };
}

function distribution<Q extends SurveyQuestion>(question: Q, surveys: readonly Survey[]): Record<SurveyOptions[Q], number> {
  const out = Object.fromEntries(OPTIONS[question].map((o) => [o, 0])) as Record<SurveyOptions[Q], number>;
  for (const s of surveys) {
    const option = surveyAnswers(s)[question] as SurveyOptions[Q];
    out[option] = (out[option] ?? 0) + 1;
  }
  for (const o of OPTIONS[question]) out[o] = rounded(out[o] / surveys.length);
  return out;
}

/** The surveys of a group as shares per question, or hidden below `minimum` respondents. */
export function surveyCell(surveys: readonly Survey[], minimum: number): SurveyCell {
  if (surveys.length < minimum || surveys.length === 0) return HIDDEN;
  const shares: SurveyShares = {
    hidden: false,
    respondents: surveys.length,
    questions: {
      commuteMode: distribution('commuteMode', surveys),
      distanceBand: distribution('distanceBand', surveys),
      disposablePackaging: distribution('disposablePackaging', surveys),
      screensOffAtNight: distribution('screensOffAtNight', surveys),
      lightsOffWhenLeaving: distribution('lightsOffWhenLeaving', surveys),
    },
  };
  return shares;
}

// ---- Waves ----------------------------------------------------------------------------------------------------

/** Where a wave stands on `today`: not sent, sent and still taking answers, or final. */
export function waveState(wave: FollowUpWave, today: IsoDate): LastingWave['state'] {
  if (today < wave.sendOn) return 'planned';
  return today < wave.openUntil ? 'open' : 'final';
}

/** People per team (the blocks' groups). */
export type Teams = ReadonlyMap<string, readonly PersonRecord[]>;

/**
 * The blocks that enter a figure (`discloseTeamBlocks`): for a team, its own block when the team has the minimum of
 * active participants now and the block the minimum of answers; for the organisation, the teams whose block shows,
 * plus the others as one residual group when that group may show.
 */
function includedBlocks<B>(teams: Teams, blockOf: (people: readonly PersonRecord[]) => B, answersOf: (block: B) => number, minimum: number): readonly B[] {
  const blocks = [...teams].map(([teamId, people]) => {
    const block = blockOf(people);
    return { teamId, active: people.filter((p) => p.active).length, answers: answersOf(block), block };
  });
  return discloseTeamBlocks(blocks, minimum).organisation;
}

function waveFigures(teams: Teams, wave: FollowUpWave, habits: readonly string[], today: IsoDate, minimum: number): LastingWave {
  const state = waveState(wave, today);
  const base = { wave: wave.wave, weeks: wave.weeks, sendOn: wave.sendOn, openUntil: wave.openUntil, state };
  if (state !== 'final') return { ...base, overall: null, habits: [] };
  const perHabit = habits.map((challengeId) => {
    const tally = addTallies(includedBlocks(teams, (people) => tallyHabit(people, wave.wave, challengeId), (t) => t.people, minimum));
    return { challengeId, tally, cell: keptCell(tally, minimum) };
  });
  // The overall: the habits that are shown, added up; a hidden habit never enters it (else overall minus the
  // habits shown would be that habit).
  const overall = keptCell(addTallies(perHabit.filter((h) => !h.cell.hidden).map((h) => h.tally)), minimum);
  return { ...base, overall, habits: perHabit.map(({ challengeId, cell }) => ({ challengeId, cell })) };
}

function surveyComparison(teams: Teams, endFinal: boolean, minimum: number): SurveyComparison {
  const column = (pick: (p: PersonRecord) => Survey | undefined): SurveyCell =>
    surveyCell(includedBlocks(teams, (people) => people.flatMap((p) => pick(p) ?? []), (surveys) => surveys.length, minimum).flat(), minimum);
  return { baseline: column((p) => p.baseline), end: endFinal ? column((p) => p.end) : null, endFinal };
}

/**
 * What lasted for a group of teams: one team (a map of one entry: its blocks shown or hidden one by one) or the
 * organisation (every team: blocks of hidden teams only as one residual group).
 */
export function lastingFigures(
  teams: Teams,
  input: { readonly waves: readonly FollowUpWave[]; readonly habits: readonly string[]; readonly endFinal: boolean; readonly today: IsoDate; readonly minimum: number },
): LastingFigures {
  return {
    surveys: surveyComparison(teams, input.endFinal, input.minimum),
    waves: input.waves.map((w) => waveFigures(teams, w, input.habits, input.today, input.minimum)),
  };
}
