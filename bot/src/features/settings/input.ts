import { z } from 'zod';
import type { OrgTeam } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import { languageSchema, nudgeTimeSchema, teamIdSchema } from '../enrol/input';
import { SETTINGS_VERBS } from './verbs';

/** What people type after "taal"/"language", without accents, lower-case. */
const LANGUAGE_WORDS: Readonly<Record<string, Language>> = {
  nl: 'nl',
  ned: 'nl',
  nederlands: 'nl',
  dutch: 'nl',
  en: 'en',
  eng: 'en',
  engels: 'en',
  english: 'en',
};

/** Lower case, without accents or surrounding spaces: how typed words are compared. */
function normalised(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
}

/** The language a user typed after "taal"/"language" (`nl`, `Engels`, …). */
export function languageOfWord(text: string): Language | undefined {
  const word = normalised(text);
  return Object.hasOwn(LANGUAGE_WORDS, word) ? LANGUAGE_WORDS[word] : undefined;
}

/** The team a user typed after "team", by id or name (case and accents ignored). */
export function teamNamed(teams: readonly OrgTeam[], typed: string): OrgTeam | undefined {
  const wanted = normalised(typed);
  return teams.find((team) => normalised(team.name) === wanted || normalised(team.teamId) === wanted);
}

const onlyVerb = (verb: string) => z.strictObject({ verb: z.literal(verb) });

/** What each settings card sends: its verb and its one input, nothing more. */
export const settingsSchemas = {
  pause: onlyVerb(SETTINGS_VERBS.pause),
  resume: onlyVerb(SETTINGS_VERBS.resume),
  time: z.strictObject({ verb: z.literal(SETTINGS_VERBS.time), nudgeTime: nudgeTimeSchema }),
  language: z.strictObject({ verb: z.literal(SETTINGS_VERBS.language), language: languageSchema }),
  team: z.strictObject({ verb: z.literal(SETTINGS_VERBS.team), teamId: teamIdSchema }),
};

/** True when the only problems are in `field` (so the user picked a bad value, rather than sent a broken form). */
export function onlyFieldFailed(error: z.ZodError, field: string): boolean {
  return error.issues.every((issue) => issue.path[0] === field);
}
