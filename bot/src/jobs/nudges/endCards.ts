import type { Attachment } from 'botbuilder';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import { lastChallengeDay } from '@soestainable/shared/domain/followUp';
import { isJoined } from '@soestainable/shared/domain/organisation';
import type { SendRun } from '@soestainable/shared/domain/sending';
import type { IsoDate, Language } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import type { FanOutRecipient } from '../../proactive/fanOut';
import type { OutgoingActivity } from '../../proactive/sender';
import { MINUTES_PER_DAY, minuteOf } from './slots';
import { nudgeTexts } from './texts';
import { endSurveyLastDay, pledgeChoices, type PledgeChoice } from '../../services/lasting/endSurvey';
import type { NudgeSlotEntry } from '../../storage/repositories/participants';
import type { JobContext, JobDeps } from '../job';

/**
 * The end survey card (eindmeting, features/lasting), built by the caller: jobs never import a feature, so the
 * composition root passes it in, as it does the nudge card.
 */
export type EndCard = (input: { lang: Language; campaign: Campaign; choices: readonly PledgeChoice[]; lastDay?: IsoDate }) => Attachment;


/** Skip reasons (claim codes) of the end card. */
export const END_SKIPS = { paused: 'paused', left: 'left', badProfile: 'bad_profile', answered: 'already_answered' } as const;

/** What one nudge run hands over: the day it nudged for and the slot entries it looked at. */
export interface EndCardDay {
  readonly campaign: Campaign;
  readonly date: IsoDate;
  readonly nowMinute: number;
  readonly entries: readonly NudgeSlotEntry[];
}

/** Sends the end cards that follow a nudge run; `undefined` when the day is not the campaign's last challenge day. */
export type EndCardSender = (context: JobContext, day: EndCardDay) => Promise<SendRun | undefined>;


/**
 * On the campaign's last challenge day the daily nudge is followed by the end card: the nudge job hands each run's
 * slot entries over, and they get one more fan-out of kind `end` whose claim period is the campaign id. A claim is
 * taken once per (kind, period, person) whoever runs it, so everyone gets the end card exactly once per campaign,
 * however often the job runs, in how many instances, or when a run is killed and repeated (the engine's guarantee,
 * docs/proactive.md). Paused and left participants, and someone who already answered the end survey (the
 * `eindmeting` command), are claimed as skipped; the engine skips missing and inactive conversations.
 */
export function createEndCardSender(deps: Pick<JobDeps, 'config' | 'repos' | 'fanOut'> & { readonly endCard: EndCard }): EndCardSender {
  const { repos, config } = deps;

  async function recipientFor(entry: NudgeSlotEntry, day: EndCardDay, build: (lang: Language) => () => Promise<OutgoingActivity>): Promise<FanOutRecipient | undefined> {
    const skipped = (skipReason: string): FanOutRecipient => ({ recipientId: entry.userId, skipReason, build: build(entry.language) });
    const read = await repos.participants.getForNudge(entry.userId);
    if (read === undefined) return undefined;
    if ('invalid' in read) return skipped(END_SKIPS.badProfile);
    const profile = read.participant;
    if (profile.orgId !== config.org.id) return undefined;
    // As for the nudge: a profile whose time moved later than now gets its card at its new slot.
    if ((minuteOf(profile.nudgeTime) ?? MINUTES_PER_DAY) > day.nowMinute) return undefined;
    if (profile.status === 'paused') return skipped(END_SKIPS.paused);
    if (!isJoined(profile)) return skipped(END_SKIPS.left);
    if (await repos.surveys.get(entry.userId, day.campaign.campaignId, 'end')) return skipped(END_SKIPS.answered);
    return { recipientId: entry.userId, build: build(profile.language) };
  }

  async function* recipients(day: EndCardDay, build: Parameters<typeof recipientFor>[2]): AsyncGenerator<FanOutRecipient> {
    for (const entry of day.entries) {
      const r = await recipientFor(entry, day, build);
      if (r !== undefined) yield r;
    }
  }

  return async (context, day) => {
    if (day.entries.length === 0 || lastChallengeDay(day.campaign) !== day.date) return undefined;
    const choices = await pledgeChoices(repos, day.campaign);
    const lastDay = endSurveyLastDay(day.campaign);
    const build = (lang: Language) => async () => ({
      type: 'message',
      summary: t(nudgeTexts.endSummary, lang),
      attachments: [deps.endCard({ lang, campaign: day.campaign, choices, ...(lastDay === undefined ? {} : { lastDay }) })],
    });
    return deps.fanOut({ kind: 'end', period: day.campaign.campaignId, recipients: recipients(day, build) }, { dryRun: context.dryRun });
  };
}
