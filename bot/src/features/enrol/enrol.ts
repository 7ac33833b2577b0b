import { TurnContext, type Attachment } from 'botbuilder';
import type { z } from 'zod';
import { todayIn } from '@soestainable/shared/calendar';
import { DISTANCE_BAND_LABELS, FREQUENCY_LABELS, TRAVEL_MODE_LABELS } from '@soestainable/shared/catalogue/labels';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { isJoined, type OrgTeam, type Participant } from '@soestainable/shared/domain/organisation';
import {
  DISTANCE_BAND_KEYS,
  FREQUENCIES,
  TRAVEL_MODES,
  type Language,
  type Survey,
} from '@soestainable/shared/domain/types';
import { DEFAULT_NUDGE_TIME, NUDGE_WINDOW } from '@soestainable/shared/domain/nudgeTime';
import { messageCard, renderCard } from '../../cards/render';
import { coreTexts } from '../core/coreTexts';
import { fenced } from '../../services/personalData/erasure';
import type { ActionResult, Feature, FeatureDeps, Turn } from '../core/feature';
import { fill, literal } from '../../cards/texts';
import { button, LANGUAGE_NAMES, noticeCard, textsIn } from '../core/cards';
import { joinFirstCard } from './cards';
import enrolTemplate from './enrol.card.json';
import {
  ENROL_FIELDS,
  enrolInputSchema,
  teamById,
  teamIdSchema,
  validValuesOf,
  type EnrolField,
  type EnrolInput,
  type EnrolValues,
} from './input';
import { enrolmentCampaign, firstChallengeDay, formatDay } from './schedule';
import { enrolTexts } from './texts';
import { CHECKIN_OPEN_VERB, ENROL_VERBS } from './verbs';

interface Choice {
  readonly title: string;
  readonly value: string;
}

/** Data of `enrol.card.json`. */
export interface EnrolCardData {
  readonly t: Record<keyof typeof enrolTexts | 'title' | 'intro' | 'submit', string>;
  readonly verbs: typeof ENROL_VERBS;
  readonly window: typeof NUDGE_WINDOW;
  readonly hasError: boolean;
  readonly error: string;
  readonly hasBaseline: boolean;
  readonly values: EnrolValues;
  readonly teams: readonly Choice[];
  readonly languages: readonly Choice[];
  readonly commuteModes: readonly Choice[];
  readonly distanceBands: readonly Choice[];
  readonly frequencies: readonly Choice[];
}

/** The enrolment card, filled with `values`. */
export function enrolCard(options: {
  lang: Language;
  changing: boolean;
  teams: readonly OrgTeam[];
  values: EnrolValues;
  hasBaseline: boolean;
  error?: string;
}): Attachment {
  const { lang, changing } = options;
  const t = textsIn(enrolTexts, lang, NUDGE_WINDOW);
  const data: EnrolCardData = {
    t: {
      ...t,
      title: changing ? t.titleChange : t.titleNew,
      intro: changing ? t.introChange : options.hasBaseline ? t.introNew : t.introNoBaseline,
      submit: changing ? t.submitChange : t.submitNew,
    },
    verbs: ENROL_VERBS,
    window: NUDGE_WINDOW,
    hasError: options.error !== undefined,
    error: options.error ?? '',
    hasBaseline: options.hasBaseline,
    values: options.values,
    // Choice titles are plain text in every client (no Markdown): team names are shown as the coordinator typed them.
    teams: options.teams.map((team) => ({ title: team.name, value: team.teamId })),
    languages: (Object.keys(LANGUAGE_NAMES) as Language[]).map((l) => ({ title: LANGUAGE_NAMES[l], value: l })),
    commuteModes: TRAVEL_MODES.map((m) => ({ title: TRAVEL_MODE_LABELS[m][lang], value: m })),
    distanceBands: DISTANCE_BAND_KEYS.map((b) => ({ title: DISTANCE_BAND_LABELS[b][lang], value: b })),
    frequencies: FREQUENCIES.map((f) => ({ title: FREQUENCY_LABELS[f][lang], value: f })),
  };
  return renderCard(enrolTemplate, data);
}

/** What the user is told about each field that was wrong (`form`: fields missing, extra or of the wrong kind). */
type Problem = 'form' | 'team' | 'time' | 'language' | 'commuteMode' | 'distanceBand' | 'packaging' | 'toggle';

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
function errorLine(problems: ReadonlySet<Problem>, lang: Language): string {
  const t = textsIn(enrolTexts, lang, NUDGE_WINDOW);
  const items = (Object.keys(PROBLEM_TEXT) as Array<keyof typeof PROBLEM_TEXT>).filter((p) => problems.has(p)).map((p) => t[PROBLEM_TEXT[p]]);
  const parts = problems.has('form') ? [t.errorForm] : [];
  if (items.length > 0) parts.push(`${t.errorIntro} ${items.join('; ')}.`);
  return parts.join(' ');
}

/** The baseline in a campaign, complete: all five answers, or `undefined` when one is missing. */
function baselineOf(input: EnrolInput): Omit<Survey, 'userId' | 'campaignId' | 'kind' | 'createdAt'> | undefined {
  const { commuteMode, distanceBand, packaging, screensOff, lightsOff } = input;
  if (commuteMode === undefined || distanceBand === undefined || packaging === undefined || screensOff === undefined || lightsOff === undefined) {
    return undefined;
  }
  return { commuteMode, distanceBand, disposablePackaging: packaging, screensOffAtNight: screensOff, lightsOffWhenLeaving: lightsOff };
}

const BASELINE_FIELDS = ['commuteMode', 'distanceBand', 'packaging', 'screensOff', 'lightsOff'] as const;

/**
 * Enrolment: the `join` command and the "Doe mee" button open the enrolment card (team, nudge time, language and
 * the baseline); its submit validates everything before anything is stored, then saves the participant, the
 * baseline survey and the conversation reference, and replaces the card with what was recorded. `leave` stops
 * taking part after a confirmation on the card; the data stays until the user deletes it.
 */
export function createEnrolFeature(deps: FeatureDeps): Feature {
  const { repos, config, logger } = deps;
  const orgId = config.org.id;

  /**
   * Stores the 1:1 conversation reference when none is active yet (the install event was missed, or came before
   * an uninstall we heard of): someone who writes to the bot in a personal chat can be messaged there.
   */
  async function ensureReference(turn: Turn): Promise<void> {
    const owner = { kind: 'user', userId: turn.userId } as const;
    const stored = await repos.conversationRefs.get(owner, 'personal');
    if (stored?.active) return;
    await repos.conversationRefs.save(owner, 'personal', TurnContext.getConversationReference(turn.context.activity), true);
  }

  /** The enrolment card for this user: empty for a newcomer, with their current answers when they joined before. */
  async function cardFor(turn: Turn): Promise<Attachment> {
    const t = textsIn(enrolTexts, turn.lang);
    if (!turn.personal) return messageCard(t.personalOnly);
    const [teams, campaign] = await Promise.all([repos.orgTeams.list(orgId), enrolmentCampaign(repos, orgId, todayIn(turn.now))]);
    if (teams.length === 0) return messageCard(t.noTeams);
    await ensureReference(turn);
    const p = turn.participant;
    const survey = p && campaign ? await repos.surveys.get(p.userId, campaign.campaignId, 'baseline') : undefined;
    const values: EnrolValues = {
      teamId: p?.teamId ?? '',
      nudgeTime: p?.nudgeTime ?? DEFAULT_NUDGE_TIME,
      language: p?.language ?? turn.lang,
      commuteMode: survey?.commuteMode ?? '',
      distanceBand: survey?.distanceBand ?? '',
      packaging: survey?.disposablePackaging ?? '',
      screensOff: survey?.screensOffAtNight ? 'true' : 'false',
      lightsOff: survey?.lightsOffWhenLeaving ? 'true' : 'false',
    };
    return enrolCard({ lang: turn.lang, changing: isJoined(p), teams, values, hasBaseline: campaign !== undefined });
  }

  async function submit(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const t = textsIn(enrolTexts, turn.lang);
    if (!turn.personal) return { card: messageCard(t.personalOnly) };
    const [teams, campaign] = await Promise.all([repos.orgTeams.list(orgId), enrolmentCampaign(repos, orgId, todayIn(turn.now))]);
    if (teams.length === 0) return { card: messageCard(t.noTeams) };

    // Validate everything before the first write.
    const problems = new Set<Problem>();
    const parsed = enrolInputSchema.safeParse(data);
    let baseline: ReturnType<typeof baselineOf>;
    const teamId = teamIdSchema.safeParse(data['teamId']);
    if (teamId.success && !teamById(teams, teamId.data)) problems.add('team');
    if (!parsed.success) {
      for (const issue of parsed.error.issues) problems.add(problemOf(issue));
    } else {
      baseline = baselineOf(parsed.data);
      if (campaign && !baseline) {
        for (const f of BASELINE_FIELDS) if (parsed.data[f] === undefined) problems.add(PROBLEM_OF_FIELD[f]);
      }
    }
    if (!parsed.success || problems.size > 0) {
      logger.info('enrolment rejected', { userId: turn.userId, problems: [...problems].sort().join(',') });
      const fallback: EnrolValues = {
        teamId: '',
        nudgeTime: DEFAULT_NUDGE_TIME,
        language: turn.lang,
        commuteMode: '',
        distanceBand: '',
        packaging: '',
        screensOff: 'false',
        lightsOff: 'false',
      };
      const values = validValuesOf(data, fallback);
      const card = enrolCard({
        lang: turn.lang,
        changing: isJoined(turn.participant),
        teams,
        values: teamById(teams, values.teamId) ? values : { ...values, teamId: '' },
        hasBaseline: campaign !== undefined,
        error: errorLine(problems, turn.lang),
      });
      return { card };
    }

    const input = parsed.data;
    const before = turn.participant;
    const wasJoined = isJoined(before);
    const nowIso = turn.now.toISOString();
    // An existing profile is changed with its ETag, so roles a coordinator sets meanwhile are kept; a paused
    // participant stays paused (changing the details is not resuming); someone who left is back.
    let participant = before
      ? await repos.participants.update(turn.userId, (current) => ({
          ...current,
          tenantId: turn.tenantId,
          orgId,
          teamId: input.teamId,
          language: input.language,
          nudgeTime: input.nudgeTime,
          status: current.status === 'left' ? 'active' : current.status,
        }))
      : undefined;
    if (!participant) {
      // Roles come only from a stored profile (the demo seed or a coordinator in the tab): a newcomer is an employee.
      participant = {
        userId: turn.userId,
        tenantId: turn.tenantId,
        orgId,
        teamId: input.teamId,
        language: input.language,
        nudgeTime: input.nudgeTime,
        status: 'active',
        roles: [],
        joinedAt: nowIso,
        demo: false,
      };
      await repos.participants.save(participant);
    }
    const surveyStored = campaign !== undefined && baseline !== undefined;
    const saveTheRest = async (): Promise<void> => {
      if (campaign && baseline) {
        await repos.surveys.save({ userId: turn.userId, campaignId: campaign.campaignId, kind: 'baseline', ...baseline, createdAt: nowIso });
      }
      await repos.conversationRefs.save({ kind: 'user', userId: turn.userId }, 'personal', TurnContext.getConversationReference(turn.context.activity), true);
    };
    // Someone who had a profile may be erasing it right now: their baseline and chat link go through the fence.
    await (before ? fenced(repos, orgId, participant, saveTheRest) : saveTheRest());
    logger.info(wasJoined ? 'participant changed' : 'participant enrolled', {
      userId: turn.userId,
      teamId: input.teamId,
      campaignId: campaign?.campaignId,
      baseline: surveyStored,
    });
    return {
      card: confirmationCard({
        participant,
        team: teamById(teams, input.teamId),
        baseline: surveyStored ? baseline : undefined,
        campaign,
        wasJoined,
        now: turn.now,
      }),
    };
  }

  function confirmationCard(o: {
    participant: Participant;
    team: OrgTeam | undefined;
    baseline: ReturnType<typeof baselineOf>;
    campaign: Campaign | undefined;
    wasJoined: boolean;
    now: Date;
  }): Attachment {
    const { participant: p, baseline } = o;
    const lang = p.language;
    const t = textsIn(enrolTexts, lang);
    const lines: string[] = [];
    if (p.status === 'paused') {
      lines.push(t.stillPaused);
    } else if (!o.campaign) {
      lines.push(fill(enrolTexts.startsSoon, lang, { time: p.nudgeTime }));
    } else {
      const day = firstChallengeDay(o.campaign, todayIn(o.now), o.now, p.nudgeTime);
      lines.push(
        day === undefined
          ? t.challengeEnding
          : fill(o.wasJoined ? enrolTexts.nextChallenge : enrolTexts.firstChallenge, lang, { time: p.nudgeTime, date: formatDay(day, lang) }),
      );
    }
    const facts = [
      { title: t.factTeam, value: literal(o.team?.name ?? p.teamId) },
      { title: t.factTime, value: p.nudgeTime },
      { title: t.factLanguage, value: LANGUAGE_NAMES[lang] },
    ];
    if (baseline) {
      facts.push(
        { title: t.factCommute, value: `${TRAVEL_MODE_LABELS[baseline.commuteMode][lang]}, ${DISTANCE_BAND_LABELS[baseline.distanceBand][lang]}` },
        { title: t.factPackaging, value: FREQUENCY_LABELS[baseline.disposablePackaging][lang] },
        { title: t.factScreens, value: baseline.screensOffAtNight ? t.yes : t.no },
        { title: t.factLights, value: baseline.lightsOffWhenLeaving ? t.yes : t.no },
      );
    }
    return noticeCard({
      title: o.wasJoined ? t.changedTitle : t.joinedTitle,
      lines,
      facts,
      notes: [t.yourData],
      buttons: [button(t.checkIn, CHECKIN_OPEN_VERB, 'positive'), button(t.change, ENROL_VERBS.start)],
    });
  }

  function leaveQuestion(turn: Turn): Attachment {
    const t = textsIn(enrolTexts, turn.lang);
    if (!turn.personal) return messageCard(t.personalOnly);
    if (!isJoined(turn.participant)) {
      return noticeCard({ title: t.joinFirstTitle, lines: [t.notJoinedLeave], buttons: [button(t.join, ENROL_VERBS.start, 'positive')] });
    }
    return noticeCard({
      title: t.leaveTitle,
      lines: [t.leaveBody],
      buttons: [button(t.leaveConfirm, ENROL_VERBS.leaveConfirm, 'destructive'), button(t.stay, ENROL_VERBS.stay)],
    });
  }

  /** True when a button sent nothing but its verb (these buttons have no inputs). */
  const onlyVerb = (data: Readonly<Record<string, unknown>>): boolean => Object.keys(data).every((k) => k === 'verb');

  async function leave(turn: Turn, data: Readonly<Record<string, unknown>>): Promise<ActionResult> {
    const t = textsIn(enrolTexts, turn.lang);
    if (!onlyVerb(data)) return { card: messageCard(fill(coreTexts.unknownAction, turn.lang)) };
    if (!turn.personal) return { card: messageCard(t.personalOnly) };
    const left = isJoined(turn.participant)
      ? await repos.participants.update(turn.userId, (current) => ({ ...current, status: 'left' }))
      : undefined;
    if (!left) return { card: joinFirstCard(turn.lang) };
    logger.info('participant left', { userId: turn.userId });
    return { card: noticeCard({ title: t.leftTitle, lines: [t.leftBody], buttons: [button(t.join, ENROL_VERBS.start)] }) };
  }

  return {
    commands: {
      join: async (turn) => {
        await turn.context.sendActivity({ attachments: [await cardFor(turn)] });
      },
      leave: async (turn) => {
        await turn.context.sendActivity({ attachments: [leaveQuestion(turn)] });
      },
    },
    actions: {
      // Opening a card stores nothing: whatever else the button sent is ignored.
      [ENROL_VERBS.start]: async (turn) => ({ card: await cardFor(turn) }),
      [ENROL_VERBS.submit]: submit,
      [ENROL_VERBS.leave]: async (turn) => ({ card: leaveQuestion(turn) }),
      [ENROL_VERBS.leaveConfirm]: leave,
      [ENROL_VERBS.stay]: async (turn, data) => {
        if (!onlyVerb(data)) return { card: messageCard(fill(coreTexts.unknownAction, turn.lang)) };
        const t = textsIn(enrolTexts, turn.lang);
        return { card: noticeCard({ title: t.stayedTitle, lines: [t.stayedBody] }) };
      },
    },
  };
}
