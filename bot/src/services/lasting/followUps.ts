import { challengeById, keepPhrase } from '@soestainable/shared/catalogue';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import {
  campaignWaves,
  filesBarrier,
  waveOpenOn,
  waveSentOn,
  type FollowUpAnswers,
  type FollowUpWave,
  type KeptAnswerInput,
  type Pledge,
} from '@soestainable/shared/domain/followUp';
import type { Participant } from '@soestainable/shared/domain/organisation';
import type { Barrier } from '@soestainable/shared/domain/programme';
import type { IsoDate, Localized, Theme } from '@soestainable/shared/domain/types';
import { isAppError } from '../../errors';
import type { Repositories } from '../../storage/repositories';
import { fenced } from '../personalData/erasure';
import type { ReportAllowance } from '../reportAllowance/allowance';

/*
 * The follow-up pulses of issue 15 as rules over the repositories: which waves go out or are open, what a pulse card
 * asks (one item per pledged habit) and the one write of an answer, with the barriers it files. Used by the bot
 * feature (features/followUp) and the followups job, which never import each other.
 */

/** One pledged habit on a pulse card: its "keep it" phrasing and the theme a barrier about it gets. */
export interface PulseItem {
  readonly challengeId: string;
  readonly phrase: Localized;
  readonly theme: Theme;
}

/** The campaigns (not drafts) with a wave going out on `date`, with that wave. */
export function wavesSentOn(campaigns: readonly Campaign[], date: IsoDate): Array<{ campaign: Campaign; wave: FollowUpWave }> {
  return campaigns.flatMap((campaign) => {
    const wave = campaign.status === 'draft' ? undefined : waveSentOn(campaignWaves(campaign), date);
    return wave ? [{ campaign, wave }] : [];
  });
}

/** The wave of `campaign` whose answers count on `date` (a late answer counts until the next wave goes out). */
export function openWave(campaign: Campaign, date: IsoDate): FollowUpWave | undefined {
  return campaign.status === 'draft' ? undefined : waveOpenOn(campaignWaves(campaign), date);
}

/** Where {@link pulseItems} reads the organisation's own challenges: the repositories, or a run's copy read once. */
export interface ChallengeSource {
  readonly challenges: Pick<Repositories['challenges'], 'list'>;
}

/** The pulse card's items: the pledged habits in the pledge's order (a coordinator's own challenge by its title). */
export async function pulseItems(repos: ChallengeSource, pledge: Pledge, orgId: string): Promise<PulseItem[]> {
  const own = await repos.challenges.list(orgId);
  return pledge.challengeIds.map((challengeId) => {
    const challenge = own.find((c) => c.id === challengeId) ?? challengeById(challengeId);
    return challenge
      ? { challengeId, phrase: keepPhrase(challenge), theme: challenge.theme }
      : { challengeId, phrase: { nl: challengeId, en: challengeId }, theme: 'circulariteit' };
  });
}

export type PulseSaveResult =
  | { readonly kind: 'saved'; readonly answers: FollowUpAnswers; readonly barriers: readonly Barrier[] }
  | { readonly kind: 'answered'; readonly answers: FollowUpAnswers | undefined }
  | { readonly kind: 'overLimit' };

export interface PulseSaveInput {
  readonly campaign: Campaign;
  readonly wave: number;
  readonly items: readonly PulseItem[];
  /** One checked answer per item, in the items' order. */
  readonly answers: readonly KeptAnswerInput[];
  /** The person ticked "you may contact me" (else every barrier filed is anonymous). */
  readonly contact: boolean;
  readonly now: Date;
}

/**
 * Stores one wave's answers and files a barrier (the pledge's theme, the person's team) for every "nee" or "soms"
 * with a text, inside the erasure fence and within the person's daily report allowance (the same path as every
 * barrier: anonymous unless `contact`). The answers row is written first and insert-only, so a double submit files
 * nothing twice (`answered`); beyond the allowance nothing at all is stored (`overLimit`).
 */
export async function savePulseAnswers(
  deps: { readonly repos: Repositories; readonly orgId: string; readonly allowance: ReportAllowance },
  participant: Pick<Participant, 'userId' | 'orgId' | 'teamId' | 'demo'>,
  input: PulseSaveInput,
): Promise<PulseSaveResult> {
  const { repos, orgId, allowance } = deps;
  const { userId } = participant;
  const before = await repos.followUpAnswers.get(userId, input.campaign.campaignId, input.wave);
  if (before) return { kind: 'answered', answers: before };
  const toFile = input.answers.flatMap((a, i) => (filesBarrier(a) && input.items[i] ? [{ answer: a, item: input.items[i] }] : []));
  const ticket = toFile.length === 0 ? undefined : await allowance.take(userId, input.now, toFile.length);
  if (toFile.length > 0 && !ticket) return { kind: 'overLimit' };
  const answers: FollowUpAnswers = { userId, campaignId: input.campaign.campaignId, wave: input.wave, answers: input.answers, answeredAt: input.now.toISOString() };
  try {
    return await fenced(repos, orgId, participant, async () => {
      await repos.followUpAnswers.create(answers);
      const barriers: Barrier[] = [];
      for (const { answer, item } of toFile) {
        barriers.push(
          await repos.barriers.create({
            orgId,
            campaignId: input.campaign.campaignId,
            teamId: participant.teamId,
            theme: item.theme,
            text: (answer.holdsBack ?? '').trim(),
            // Anonymous unless the person ticked the box (privacy rule 6): no user id in the row at all.
            ...(input.contact ? { contactUserId: userId } : {}),
            demo: participant.demo,
          }),
        );
      }
      return { kind: 'saved' as const, answers, barriers };
    });
  } catch (err) {
    if (ticket) await allowance.giveBack(ticket);
    if (isAppError(err, 'STORAGE_CONFLICT')) return { kind: 'answered', answers: await repos.followUpAnswers.get(userId, input.campaign.campaignId, input.wave) };
    throw err;
  }
}
