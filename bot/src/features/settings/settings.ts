import type { Attachment } from 'botbuilder';
import { z } from 'zod';
import type { OrgTeam, Participant } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { NUDGE_WINDOW, nudgeTimeOf } from '@soestainable/shared/domain/nudgeTime';
import { messageCard, renderCard } from '../../cards/render';
import type { ActionResult, Feature, FeatureDeps, Turn } from '../core/feature';
import { fill, literal } from '../../cards/texts';
import { button, LANGUAGE_NAMES, noticeCard, textsIn } from '../core/cards';
import { joinFirstCard } from '../enrol/cards';
import { nudgeTimeSchema, languageSchema, teamById, teamIdSchema } from '../enrol/input';
import { enrolTexts } from '../enrol/texts';
import { CHECKIN_OPEN_VERB } from '../enrol/verbs';
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

function languageOfWord(text: string): Language | undefined {
  const word = text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .trim()
    .toLowerCase();
  return Object.hasOwn(LANGUAGE_WORDS, word) ? LANGUAGE_WORDS[word] : undefined;
}

const onlyVerb = (verb: string) => z.strictObject({ verb: z.literal(verb) });
const schemas = {
  pause: onlyVerb(SETTINGS_VERBS.pause),
  resume: onlyVerb(SETTINGS_VERBS.resume),
  time: z.strictObject({ verb: z.literal(SETTINGS_VERBS.time), nudgeTime: nudgeTimeSchema }),
  language: z.strictObject({ verb: z.literal(SETTINGS_VERBS.language), language: languageSchema }),
  team: z.strictObject({ verb: z.literal(SETTINGS_VERBS.team), teamId: teamIdSchema }),
};

/** True when the only problems are in `field` (so the user picked a bad value, rather than sent a broken form). */
function onlyFieldFailed(error: z.ZodError, field: string): boolean {
  return error.issues.every((issue) => issue.path[0] === field);
}

/**
 * Settings: pause and resume, nudge time, language and team. Typed with what is needed (`pauze`, `tijd 08:30`,
 * `taal en`) they act at once and confirm on a card; without an argument they show a small card to pick on,
 * whose one click saves and replaces it with the confirmation. Every change is an ETag update of the profile.
 */
export function createSettingsFeature(deps: FeatureDeps): Feature {
  const { repos, config, logger } = deps;
  const orgId = config.org.id;

  /** The card for a user who cannot use settings here (not in a 1:1 chat, or not joined), else `undefined`. */
  function gate(turn: Turn): Attachment | undefined {
    if (!turn.personal) return messageCard(textsIn(enrolTexts, turn.lang).personalOnly);
    if (!isJoined(turn.participant)) return joinFirstCard(turn.lang);
    return undefined;
  }

  /** Changes the profile with its ETag; `undefined` when the user is no longer a participant. */
  async function change(turn: Turn, what: string, f: (p: Participant) => Participant): Promise<Participant | undefined> {
    const next = await repos.participants.update(turn.userId, (current) => (!isJoined(current) ? current : f(current)));
    if (!isJoined(next)) return undefined;
    logger.info('participant setting changed', { userId: turn.userId, setting: what });
    return next;
  }

  async function pause(turn: Turn): Promise<Attachment> {
    const blocked = gate(turn);
    if (blocked) return blocked;
    const t = textsIn(settingsTexts, turn.lang);
    const was = turn.participant?.status;
    const p = await change(turn, 'pause', (current) => ({ ...current, status: 'paused' }));
    if (!p) return joinFirstCard(turn.lang);
    return noticeCard({
      title: t.pausedTitle,
      lines: [was === 'paused' ? t.alreadyPaused : t.pausedBody],
      buttons: [button(t.resume, SETTINGS_VERBS.resume, 'positive')],
    });
  }

  async function resume(turn: Turn): Promise<Attachment> {
    const blocked = gate(turn);
    if (blocked) return blocked;
    const t = textsIn(settingsTexts, turn.lang);
    const was = turn.participant?.status;
    const p = await change(turn, 'resume', (current) => ({ ...current, status: 'active' }));
    if (!p) return joinFirstCard(turn.lang);
    return noticeCard({
      title: was === 'active' ? t.activeTitle : t.resumedTitle,
      lines: [was === 'active' ? t.alreadyActive : fill(settingsTexts.resumedBody, turn.lang, { time: p.nudgeTime })],
      buttons: [button(t.checkIn, CHECKIN_OPEN_VERB, 'positive')],
    });
  }

  function timeCard(turn: Turn, p: Participant, error?: string): Attachment {
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

  async function setTime(turn: Turn, time: string): Promise<Attachment> {
    const p = await change(turn, 'time', (current) => ({ ...current, nudgeTime: time }));
    if (!p) return joinFirstCard(turn.lang);
    const t = textsIn(settingsTexts, turn.lang, { time: p.nudgeTime });
    return noticeCard({ title: t.timeSetTitle, lines: p.status === 'paused' ? [t.timeSet, t.stillPaused] : [t.timeSet] });
  }

  function languageCard(turn: Turn, p: Participant, error?: string): Attachment {
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

  async function setLanguage(turn: Turn, language: Language): Promise<Attachment> {
    const p = await change(turn, 'language', (current) => ({ ...current, language }));
    if (!p) return joinFirstCard(turn.lang);
    // Confirmed in the new language: that is the proof it worked.
    const t = textsIn(settingsTexts, p.language);
    return noticeCard({ title: t.languageSetTitle, lines: [t.languageSet] });
  }

  function teamCard(turn: Turn, p: Participant, teams: readonly OrgTeam[], error?: string): Attachment {
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

  async function setTeam(turn: Turn, team: OrgTeam): Promise<Attachment> {
    const p = await change(turn, 'team', (current) => ({ ...current, teamId: team.teamId }));
    if (!p) return joinFirstCard(turn.lang);
    const t = textsIn(settingsTexts, turn.lang, { team: literal(team.name) });
    return noticeCard({ title: t.teamSetTitle, lines: [t.teamSet] });
  }

  /** The team a user typed after "team", by id or name (case and accents ignored). */
  function teamNamed(teams: readonly OrgTeam[], typed: string): OrgTeam | undefined {
    const norm = (s: string) =>
      s
        .normalize('NFD')
        .replace(/[\u0300-\u036f]/g, '')
        .trim()
        .toLowerCase();
    const wanted = norm(typed);
    return teams.find((team) => norm(team.name) === wanted || norm(team.teamId) === wanted);
  }

  const send = async (turn: Turn, card: Attachment): Promise<void> => {
    await turn.context.sendActivity({ attachments: [card] });
  };

  return {
    commands: {
      pause: async (turn) => send(turn, await pause(turn)),
      resume: async (turn) => send(turn, await resume(turn)),
      time: async (turn, args) => {
        const p = turn.participant;
        const blocked = gate(turn);
        if (blocked || !p) return send(turn, blocked ?? joinFirstCard(turn.lang));
        if (args === '') return send(turn, timeCard(turn, p));
        const time = nudgeTimeOf(args);
        if (time === undefined) return send(turn, messageCard(fill(settingsTexts.timeInvalidTyped, turn.lang, NUDGE_WINDOW)));
        return send(turn, await setTime(turn, time));
      },
      language: async (turn, args) => {
        const p = turn.participant;
        const blocked = gate(turn);
        if (blocked || !p) return send(turn, blocked ?? joinFirstCard(turn.lang));
        if (args === '') return send(turn, languageCard(turn, p));
        const language = languageOfWord(args);
        if (language === undefined) return send(turn, messageCard(fill(settingsTexts.languageInvalidTyped, turn.lang)));
        return send(turn, await setLanguage(turn, language));
      },
      team: async (turn, args) => {
        const p = turn.participant;
        const blocked = gate(turn);
        if (blocked || !p) return send(turn, blocked ?? joinFirstCard(turn.lang));
        const teams = await repos.orgTeams.list(orgId);
        if (args === '') return send(turn, teamCard(turn, p, teams));
        const team = teamNamed(teams, args);
        if (!team) return send(turn, teamCard(turn, p, teams, fill(settingsTexts.teamUnknown, turn.lang)));
        return send(turn, await setTeam(turn, team));
      },
    },
    actions: {
      [SETTINGS_VERBS.pause]: async (turn, data): Promise<ActionResult> => {
        if (!schemas.pause.safeParse(data).success) return { card: messageCard(fill(settingsTexts.formInvalid, turn.lang)) };
        return { card: await pause(turn) };
      },
      [SETTINGS_VERBS.resume]: async (turn, data): Promise<ActionResult> => {
        if (!schemas.resume.safeParse(data).success) return { card: messageCard(fill(settingsTexts.formInvalid, turn.lang)) };
        return { card: await resume(turn) };
      },
      [SETTINGS_VERBS.time]: async (turn, data): Promise<ActionResult> => {
        const p = turn.participant;
        const blocked = gate(turn);
        if (blocked || !p) return { card: blocked ?? joinFirstCard(turn.lang) };
        const parsed = schemas.time.safeParse(data);
        if (!parsed.success) {
          const error = onlyFieldFailed(parsed.error, 'nudgeTime') ? settingsTexts.timeInvalidCard : settingsTexts.formInvalid;
          return { card: timeCard(turn, p, fill(error, turn.lang, NUDGE_WINDOW)) };
        }
        return { card: await setTime(turn, parsed.data.nudgeTime) };
      },
      [SETTINGS_VERBS.language]: async (turn, data): Promise<ActionResult> => {
        const p = turn.participant;
        const blocked = gate(turn);
        if (blocked || !p) return { card: blocked ?? joinFirstCard(turn.lang) };
        const parsed = schemas.language.safeParse(data);
        if (!parsed.success) {
          const error = onlyFieldFailed(parsed.error, 'language') ? settingsTexts.languageInvalidCard : settingsTexts.formInvalid;
          return { card: languageCard(turn, p, fill(error, turn.lang)) };
        }
        return { card: await setLanguage(turn, parsed.data.language) };
      },
      [SETTINGS_VERBS.team]: async (turn, data): Promise<ActionResult> => {
        const p = turn.participant;
        const blocked = gate(turn);
        if (blocked || !p) return { card: blocked ?? joinFirstCard(turn.lang) };
        const teams = await repos.orgTeams.list(orgId);
        const parsed = schemas.team.safeParse(data);
        const team = parsed.success ? teamById(teams, parsed.data.teamId) : undefined;
        if (!team) {
          const error = parsed.success || onlyFieldFailed(parsed.error, 'teamId') ? settingsTexts.teamUnknown : settingsTexts.formInvalid;
          return { card: teamCard(turn, p, teams, fill(error, turn.lang)) };
        }
        return { card: await setTeam(turn, team) };
      },
    },
  };
}
