import type { z } from 'zod';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import { NUDGE_WINDOW } from '@soestainable/shared/domain/nudgeTime';
import { textsIn } from '../core/cards';
import {
  BASELINE_FIELDS,
  baselineOf,
  ENROL_FIELDS,
  enrolInputSchema,
  teamById,
  teamIdSchema,
  type EnrolBaseline,
  type EnrolField,
  type EnrolInput,
} from './input';
import { enrolTexts } from './texts';

/** What the user is told about each field that was wrong (`form`: fields missing, extra or of the wrong kind). */
export type Problem = 'form' | 'team' | 'time' | 'language' | 'commuteMode' | 'distanceBand' | 'packaging' | 'toggle';

const PROBLEM_OF_FIELD: Readonly<Record<EnrolField, Problem>> = {
  teamId: 'team',
  nudgeTime: 'time',
  language: 'language',
  commuteMode: 'commuteMode',
  distanceBand: 'distanceBand',
  packaging: 'packaging',
  screensOff: 'toggle',
  lightsOff: 'toggle',
};

const PROBLEM_TEXT: Readonly<Record<Exclude<Problem, 'form'>, keyof typeof enrolTexts>> = {
  team: 'errorTeam',
  time: 'errorTime',
  language: 'errorLanguage',
  commuteMode: 'errorCommuteMode',
  distanceBand: 'errorDistanceBand',
  packaging: 'errorPackaging',
  toggle: 'errorToggle',
};

function problemOf(issue: z.core.$ZodIssue): Problem {
  const field = issue.path[0];
  return typeof field === 'string' && (ENROL_FIELDS as readonly string[]).includes(field) ? PROBLEM_OF_FIELD[field as EnrolField] : 'form';
}

/** One error line naming everything that was wrong, in the order of the card. */
export function errorLine(problems: ReadonlySet<Problem>, lang: Language): string {
  const t = textsIn(enrolTexts, lang, NUDGE_WINDOW);
  const items = (Object.keys(PROBLEM_TEXT) as Array<keyof typeof PROBLEM_TEXT>).filter((p) => problems.has(p)).map((p) => t[PROBLEM_TEXT[p]]);
  const parts = problems.has('form') ? [t.errorForm] : [];
  if (items.length > 0) parts.push(`${t.errorIntro} ${items.join('; ')}.`);
  return parts.join(' ');
}

/** A submitted enrolment card, checked whole: what to store, or everything that was wrong. */
export type Submission =
  | { readonly ok: true; readonly input: EnrolInput; readonly baseline: EnrolBaseline | undefined }
  | { readonly ok: false; readonly problems: ReadonlySet<Problem> };

/**
 * Checks a submitted enrolment card against the organisation's teams and the enrolment's campaign (the baseline
 * is required while there is one), before anything is stored.
 */
export function checkSubmission(data: Readonly<Record<string, unknown>>, teams: readonly OrgTeam[], campaign: Campaign | undefined): Submission {
  const problems = new Set<Problem>();
  const parsed = enrolInputSchema.safeParse(data);
  const teamId = teamIdSchema.safeParse(data['teamId']);
  if (teamId.success && !teamById(teams, teamId.data)) problems.add('team');
  if (!parsed.success) {
    for (const issue of parsed.error.issues) problems.add(problemOf(issue));
    return { ok: false, problems };
  }
  const baseline = baselineOf(parsed.data);
  if (campaign && !baseline) {
    for (const f of BASELINE_FIELDS) if (parsed.data[f] === undefined) problems.add(PROBLEM_OF_FIELD[f]);
  }
  return problems.size > 0 ? { ok: false, problems } : { ok: true, input: parsed.data, baseline };
}
