import { TurnContext, type Attachment } from 'botbuilder';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { isJoined, type OrgTeam, type Participant } from '@soestainable/shared/domain/organisation';
import { DEFAULT_NUDGE_TIME } from '@soestainable/shared/domain/nudgeTime';
import { messageCard } from '../../../cards/render';
import { fenced } from '../../../services/personalData/erasure';
import type { ActionResult, FeatureDeps, Turn } from '../../core/feature';
import { textsIn } from '../../core/cards';
import { confirmationCard, enrolCard } from '../cards';
import { teamById, validValuesOf, type EnrolBaseline, type EnrolInput, type EnrolValues } from '../input';
import { enrolmentChoices, nextChallenge } from '../schedule';
import { enrolTexts } from '../texts';
import { checkSubmission, errorLine, type Problem } from '../validate';

type Data = Readonly<Record<string, unknown>>;

/** The enrolment card again, with what was valid kept and one line naming everything that was wrong. */
function rejectedCard(
  { logger }: FeatureDeps,
  turn: Turn,
  data: Data,
  choices: { teams: readonly OrgTeam[]; campaign: Campaign | undefined },
  problems: ReadonlySet<Problem>,
): Attachment {
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
  return enrolCard({
    lang: turn.lang,
    changing: isJoined(turn.participant),
    teams: choices.teams,
    values: teamById(choices.teams, values.teamId) ? values : { ...values, teamId: '' },
    hasBaseline: choices.campaign !== undefined,
    error: errorLine(problems, turn.lang),
  });
}

/**
 * Saves the profile. An existing profile is changed with its ETag, so roles a coordinator sets meanwhile are kept;
 * a paused participant stays paused (changing the details is not resuming); someone who left is back.
 */
async function saveParticipant({ repos, config }: FeatureDeps, turn: Turn, input: EnrolInput): Promise<Participant> {
  const orgId = config.org.id;
  const updated = turn.participant
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
  if (updated) return updated;
  // Roles come only from a stored profile (the demo seed or a coordinator in the tab): a newcomer is an employee.
  const participant: Participant = {
    userId: turn.userId,
    tenantId: turn.tenantId,
    orgId,
    teamId: input.teamId,
    language: input.language,
    nudgeTime: input.nudgeTime,
    status: 'active',
    roles: [],
    joinedAt: turn.now.toISOString(),
    demo: false,
  };
  await repos.participants.save(participant);
  return participant;
}

/** Saves the baseline (when the campaign asks for one) and the 1:1 conversation reference. */
async function saveBaselineAndReference({ repos }: FeatureDeps, turn: Turn, campaign: Campaign | undefined, baseline: EnrolBaseline | undefined): Promise<void> {
  if (campaign && baseline) {
    await repos.surveys.save({ userId: turn.userId, campaignId: campaign.campaignId, kind: 'baseline', ...baseline, createdAt: turn.now.toISOString() });
  }
  await repos.conversationRefs.save({ kind: 'user', userId: turn.userId }, 'personal', TurnContext.getConversationReference(turn.context.activity), true);
}

/**
 * The enrolment card's submit: validates everything before anything is stored, then saves the participant, the
 * baseline survey and the conversation reference, and replaces the card with what was recorded.
 */
export async function submitEnrolment(deps: FeatureDeps, turn: Turn, data: Data): Promise<ActionResult> {
  const t = textsIn(enrolTexts, turn.lang);
  if (!turn.personal) return { card: messageCard(t.personalOnly) };
  const choices = await enrolmentChoices(deps.repos, deps.config.org.id, turn.now);
  const { teams, campaign } = choices;
  if (teams.length === 0) return { card: messageCard(t.noTeams) };
  const checked = checkSubmission(data, teams, campaign);
  if (!checked.ok) return { card: rejectedCard(deps, turn, data, choices, checked.problems) };

  const { input, baseline } = checked;
  const before = turn.participant;
  const wasJoined = isJoined(before);
  const participant = await saveParticipant(deps, turn, input);
  const surveyStored = campaign !== undefined && baseline !== undefined;
  const saveTheRest = (): Promise<void> => saveBaselineAndReference(deps, turn, campaign, baseline);
  // Someone who had a profile may be erasing it right now: their baseline and chat link go through the fence.
  await (before ? fenced(deps.repos, deps.config.org.id, participant, saveTheRest) : saveTheRest());
  deps.logger.info(wasJoined ? 'participant changed' : 'participant enrolled', {
    userId: turn.userId,
    teamId: input.teamId,
    campaignId: campaign?.campaignId,
    baseline: surveyStored,
  });
  const team = teamById(teams, input.teamId);
  const next = await nextChallenge(deps.repos, campaign, turn.userId, turn.now, participant.nudgeTime);
  return { card: confirmationCard({ participant, team, baseline: surveyStored ? baseline : undefined, next, wasJoined }) };
}
