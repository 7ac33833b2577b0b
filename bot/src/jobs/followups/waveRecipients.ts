import type { Attachment } from 'botbuilder';
import type { Campaign } from '@soestainable/shared/domain/campaign';
import type { FollowUpWave, Pledge } from '@soestainable/shared/domain/followUp';
import { isJoined } from '@soestainable/shared/domain/organisation';
import type { Language } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import type { FanOutRecipient } from '../../proactive/fanOut';
import { pulseItems, type ChallengeSource, type PulseItem } from '../../services/lasting/followUps';
import type { Repositories } from '../../storage/repositories';
import type { NudgeRead, NudgeSlotEntry } from '../../storage/repositories/participants';
import { NUDGE_PREFETCH_FROM } from '../nudges';
import { MINUTES_PER_DAY, minuteOf } from '../nudges/slots';
import { followUpJobTexts } from './texts';

/**
 * The follow-up pulse card (features/followUp), built by the caller: jobs never import a feature, so the composition
 * root passes it in, as it does the nudge and end cards.
 */
export type PulseCard = (input: { lang: Language; campaign: Campaign; wave: FollowUpWave; items: readonly PulseItem[] }) => Attachment;

/** Skip reasons (claim codes) of a pulse. */
export const FOLLOW_UP_SKIPS = { paused: 'paused', left: 'left', badProfile: 'bad_profile', answered: 'already_answered' } as const;

/** Slot entries checked at once by point reads (pledge, profile, answers), ahead of the fan-out's workers, as the nudge job does. */
const CHECK_CONCURRENCY = 16;

/** From how many due people a wave's people are read by range queries, and how many a query. */
export interface FollowUpReads {
  readonly rangeFrom: number;
  readonly rangeSize: number;
}

/**
 * From NUDGE_PREFETCH_FROM due people on (a morning peak; below it a minute's tick of a few, where a range over their
 * ids would read everyone between them), range queries of 1,000 people: a page per table, about five seconds of
 * sends at 200/s.
 */
export const FOLLOW_UP_READS: FollowUpReads = { rangeFrom: NUDGE_PREFETCH_FROM, rangeSize: 1000 };

/** What the job knows about one person for a wave: their pledge, their profile, and whether they answered it. */
interface WaveFacts {
  readonly pledge: Pledge | undefined;
  readonly read: NudgeRead | undefined;
  readonly answered: boolean;
}

/** One campaign's wave going out in this run. */
export interface WaveRun {
  readonly repos: Repositories;
  readonly orgId: string;
  readonly campaign: Campaign;
  readonly wave: FollowUpWave;
  readonly nowMinute: number;
  readonly card: PulseCard;
  /** The organisation's own challenges, read once per run (a pulse item names a coordinator's challenge by its title). */
  readonly challenges: ChallengeSource;
  readonly reads: FollowUpReads;
}

/** What the job reads about one person for a wave, by point reads: for a few people (a minute's tick). */
async function factsOf(entry: NudgeSlotEntry, run: WaveRun): Promise<WaveFacts> {
  const { campaignId } = run.campaign;
  const [pledge, read, answered] = await Promise.all([
    run.repos.pledges.get(entry.userId, campaignId),
    run.repos.participants.getForNudge(entry.userId),
    run.repos.followUpAnswers.get(entry.userId, campaignId, run.wave.wave),
  ]);
  return { pledge, read, answered: answered !== undefined };
}

/**
 * The same for a sorted run of people, by three range queries over their partitions (pledges, profiles, answers)
 * instead of three point reads each: a point read costs a round trip (and Azurite a scan of the table), which at
 * the tenant limit kept case C of bench:fanout far below L.
 */
async function factsOfMany(entries: readonly NudgeSlotEntry[], run: WaveRun): Promise<WaveFacts[]> {
  const { campaignId } = run.campaign;
  const ids = entries.map((e) => e.userId);
  const [pledges, reads, answered] = await Promise.all([
    run.repos.pledges.forUsers(campaignId, ids),
    run.repos.participants.forNudgeOf(ids),
    run.repos.followUpAnswers.answeredBy(campaignId, run.wave.wave, ids),
  ]);
  return ids.map((id) => ({ pledge: pledges.get(id), read: reads.get(id), answered: answered.has(id) }));
}

/** One slot entry as a recipient of the wave: `undefined` = not now, or nothing to ask (no pledge). */
function recipientFor(entry: NudgeSlotEntry, facts: WaveFacts, run: WaveRun): FanOutRecipient | undefined {
  const { pledge, read } = facts;
  if (!pledge) return undefined;
  const build = (lang: Language) => async () => {
    const items = await pulseItems(run.challenges, pledge, run.orgId);
    return { type: 'message', summary: t(followUpJobTexts.summary, lang), attachments: [run.card({ lang, campaign: run.campaign, wave: run.wave, items })] };
  };
  const skipped = (skipReason: string): FanOutRecipient => ({ recipientId: entry.userId, skipReason, build: build(entry.language) });
  if (read === undefined) return undefined;
  if ('invalid' in read) return skipped(FOLLOW_UP_SKIPS.badProfile);
  const profile = read.participant;
  if (profile.orgId !== run.orgId) return undefined;
  // As for the nudge: a profile whose time moved later than now gets its pulse at its new slot.
  if ((minuteOf(profile.nudgeTime) ?? MINUTES_PER_DAY) > run.nowMinute) return undefined;
  if (profile.status === 'paused') return skipped(FOLLOW_UP_SKIPS.paused);
  if (!isJoined(profile)) return skipped(FOLLOW_UP_SKIPS.left);
  if (facts.answered) return skipped(FOLLOW_UP_SKIPS.answered);
  return { recipientId: entry.userId, build: build(profile.language) };
}

/**
 * Checks the entries ahead of the engine's workers and yields the recipients. A few (a minute's tick): 16 at a
 * time by point reads. From a morning peak on: sorted by user id and read in runs of 1,000 ({@link FOLLOW_UP_READS}) by range
 * queries, the next run read while this one is sent, so the checks stay a few seconds ahead of the sends (a pause,
 * leave or erasure within those seconds is seen by the next run's read, not this one's).
 */
export function waveRecipients(run: WaveRun, entries: readonly NudgeSlotEntry[]): AsyncGenerator<FanOutRecipient> {
  if (entries.length < run.reads.rangeFrom) return pointChecked(run, entries);
  const sorted = [...entries].sort((a, b) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0));
  const parts: NudgeSlotEntry[][] = [];
  for (let i = 0; i < sorted.length; i += run.reads.rangeSize) parts.push(sorted.slice(i, i + run.reads.rangeSize));
  // The first read starts now, beside the engine's reference pages, not when the engine asks for the first recipient.
  return rangeChecked(run, parts, readAhead(run, parts[0]));
}

async function* pointChecked(run: WaveRun, entries: readonly NudgeSlotEntry[]): AsyncGenerator<FanOutRecipient> {
  for (let i = 0; i < entries.length; i += CHECK_CONCURRENCY) {
    const part = entries.slice(i, i + CHECK_CONCURRENCY);
    const facts = await Promise.all(part.map((e) => factsOf(e, run)));
    yield* decided(part, facts, run);
  }
}

async function* rangeChecked(run: WaveRun, parts: readonly NudgeSlotEntry[][], first: Promise<WaveFacts[]> | undefined): AsyncGenerator<FanOutRecipient> {
  let next = first;
  for (let i = 0; i < parts.length; i++) {
    const facts = await next;
    next = readAhead(run, parts[i + 1]);
    yield* decided(parts[i] ?? [], facts ?? [], run);
  }
}

/** Starts reading a run of people; a run that stops early (the engine gave up) never awaits it, so its failure is not unhandled. */
function readAhead(run: WaveRun, part: readonly NudgeSlotEntry[] | undefined): Promise<WaveFacts[]> | undefined {
  const read = part && factsOfMany(part, run);
  read?.catch(() => undefined);
  return read;
}

function* decided(entries: readonly NudgeSlotEntry[], facts: readonly WaveFacts[], run: WaveRun): Generator<FanOutRecipient> {
  for (const [i, entry] of entries.entries()) {
    const f = facts[i];
    const r = f && recipientFor(entry, f, run);
    if (r !== undefined) yield r;
  }
}
