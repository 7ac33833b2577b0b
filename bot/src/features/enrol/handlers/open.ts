import { TurnContext, type Attachment } from 'botbuilder';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { DEFAULT_NUDGE_TIME } from '@soestainable/shared/domain/nudgeTime';
import { messageCard } from '../../../cards/render';
import type { FeatureDeps, Turn } from '../../core/feature';
import { textsIn } from '../../core/cards';
import { enrolCard } from '../cards';
import type { EnrolValues } from '../input';
import { enrolmentChoices } from '../schedule';
import { enrolTexts } from '../texts';

/**
 * Stores the 1:1 conversation reference when none is active yet (the install event was missed, or came before
 * an uninstall we heard of): someone who writes to the bot in a personal chat can be messaged there.
 */
async function ensureReference({ repos }: FeatureDeps, turn: Turn): Promise<void> {
  const owner = { kind: 'user', userId: turn.userId } as const;
  const stored = await repos.conversationRefs.get(owner, 'personal');
  if (stored?.active) return;
  await repos.conversationRefs.save(owner, 'personal', TurnContext.getConversationReference(turn.context.activity), true);
}

/** The enrolment card for this user: empty for a newcomer, with their current answers when they joined before. */
export async function enrolCardFor(deps: FeatureDeps, turn: Turn): Promise<Attachment> {
  const t = textsIn(enrolTexts, turn.lang);
  if (!turn.personal) return messageCard(t.personalOnly);
  const { teams, campaign } = await enrolmentChoices(deps.repos, deps.config.org.id, turn.now);
  if (teams.length === 0) return messageCard(t.noTeams);
  await ensureReference(deps, turn);
  const p = turn.participant;
  const survey = p && campaign ? await deps.repos.surveys.get(p.userId, campaign.campaignId, 'baseline') : undefined;
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

/** The `join` command: the enrolment card, as a new message. */
export async function joinCommand(deps: FeatureDeps, turn: Turn): Promise<void> {
  await turn.context.sendActivity({ attachments: [await enrolCardFor(deps, turn)] });
}
