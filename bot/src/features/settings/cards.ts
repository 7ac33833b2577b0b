import type { Attachment } from 'botbuilder';
import type { OrgTeam, Participant } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import { NUDGE_WINDOW } from '@soestainable/shared/domain/nudgeTime';
import { renderCard } from '../../cards/render';
import { literal } from '../../cards/texts';
import type { Turn } from '../core/feature';
import { LANGUAGE_NAMES, textsIn } from '../core/cards';
import { teamById } from '../enrol/input';
import { enrolTexts } from '../enrol/texts';
import languageTemplate from './language.card.json';
import teamTemplate from './team.card.json';
import { settingsTexts } from './texts';
import timeTemplate from './time.card.json';
import { SETTINGS_VERBS } from './verbs';

/** Data shared by the three one-input cards (`time`, `language`, `team`.card.json). */
interface ChoiceCardData {
  readonly title: string;
  readonly text: string;
  readonly hasError: boolean;
  readonly error: string;
  readonly label: string;
  readonly missing: string;
  readonly value: string;
  readonly save: string;
  readonly verb: string;
}
export interface TimeCardData extends ChoiceCardData {
  readonly min: string;
  readonly max: string;
}
export interface LanguageCardData extends ChoiceCardData {
  readonly choices: ReadonlyArray<{ readonly title: string; readonly value: Language }>;
}
export interface TeamCardData extends ChoiceCardData {
  readonly placeholder: string;
  readonly choices: ReadonlyArray<{ readonly title: string; readonly value: string }>;
}

/** The nudge time card: the current time in a time input, within the nudge window. */
export function timeCard(turn: Turn, p: Participant, error?: string): Attachment {
  const t = textsIn(settingsTexts, turn.lang, { ...NUDGE_WINDOW, time: p.nudgeTime });
  const data: TimeCardData = {
    title: t.timeTitle,
    text: t.timeBody,
    hasError: error !== undefined,
    error: error ?? '',
    label: t.timeLabel,
    missing: t.timeMissing,
    value: p.nudgeTime,
    save: t.save,
    verb: SETTINGS_VERBS.time,
    min: NUDGE_WINDOW.min,
    max: NUDGE_WINDOW.max,
  };
  return renderCard(timeTemplate, data);
}

/** The language card: the languages to choose from, the current one chosen. */
export function languageCard(turn: Turn, p: Participant, error?: string): Attachment {
  const t = textsIn(settingsTexts, turn.lang);
  const data: LanguageCardData = {
    title: t.languageTitle,
    text: `${t.languageLabel}: ${LANGUAGE_NAMES[p.language]}`,
    hasError: error !== undefined,
    error: error ?? '',
    label: t.languageLabel,
    missing: t.languageInvalidCard,
    value: p.language,
    save: t.save,
    verb: SETTINGS_VERBS.language,
    choices: (Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => ({ title: LANGUAGE_NAMES[l], value: l })),
  };
  return renderCard(languageTemplate, data);
}

/** The team card: the organisation's teams, the current one chosen (when it still exists). */
export function teamCard(turn: Turn, p: Participant, teams: readonly OrgTeam[], error?: string): Attachment {
  const current = teamById(teams, p.teamId);
  const t = textsIn(settingsTexts, turn.lang, { team: literal(current?.name ?? p.teamId) });
  const data: TeamCardData = {
    title: t.teamTitle,
    text: t.teamCurrent,
    hasError: error !== undefined,
    error: error ?? '',
    label: t.teamLabel,
    missing: t.teamMissing,
    value: current ? p.teamId : '',
    save: t.save,
    verb: SETTINGS_VERBS.team,
    placeholder: textsIn(enrolTexts, turn.lang).choose,
    // Choice titles are plain text in every client: names as the coordinator typed them.
    choices: teams.map((team) => ({ title: team.name, value: team.teamId })),
  };
  return renderCard(teamTemplate, data);
}
