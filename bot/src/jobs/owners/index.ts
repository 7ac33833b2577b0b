import { ownerAnnouncePeriod, ownerReminderPeriod, OWNER_REMINDER_DAYS } from '@soestainable/shared/domain/owners';
import type { Action } from '@soestainable/shared/domain/programme';
import type { SendRun } from '@soestainable/shared/domain/sending';
import { DEFAULT_LANGUAGE, type Localized } from '@soestainable/shared/domain/types';
import type { FanOutRecipient } from '../../proactive/fanOut';
import { buildOwnerCard } from '../../services/owners/card';
import { ownerTexts } from '../../services/owners/texts';
import { ownerCardBarriers } from '../../services/owners/update';
import type { StoredAction } from '../../storage/repositories/actions';
import type { Job, JobContext, JobDeps, JobSummary } from '../job';

/** An owner named longer ago than this is not announced any more (a job down for a week does not send old news). */
export const OWNER_ANNOUNCE_LOOKBACK_DAYS = 7;
const DAY_MS = 86_400_000;

/** Statuses that get no reminder: done, or parked on purpose. */
const QUIET_STATUSES: ReadonlySet<Action['status']> = new Set(['gerealiseerd', 'geparkeerd']);

/** One message to one owner: the fan-out's (kind `owner`, period) and what the card says. */
interface OwnerMessage {
  readonly period: string;
  readonly stored: StoredAction;
  readonly ownerUserId: string;
  readonly reason: 'new' | 'reminder';
  readonly quietDays?: number;
  readonly summary: Localized;
}

/**
 * Action owners who are participants (issue 16, item 2): the owner card goes to a person the coordinator named as
 * owner (once per action and owner, period `announce|<actionId>|<userId>`), and a reminder to an owner whose action
 * (not realised, not parked) has had no update for {@link OWNER_REMINDER_DAYS} days (period
 * `remind|<actionId>|<last update>|<stretch>`: exactly once per 14 days without an update; an update starts the count
 * again). Everything goes through the fan-out engine (kind `owner`): its claims keep each card to one, however often
 * the job runs and in how many instances. Messages whose claim exists already are left out first (point reads), so a
 * quiet run records no fan-out.
 */
export function createOwnersJob(deps: JobDeps): Job {
  return { name: 'owners', run: (context) => runOwners(deps, context) };
}

async function runOwners(deps: JobDeps, context: JobContext): Promise<JobSummary> {
  const startedMs = Date.now();
  const counts: Record<string, number> = { owned: 0, announcements: 0, reminders: 0, alreadyClaimed: 0 };
  const messages = await dueMessages(deps, context.at, counts);
  const runs: SendRun[] = [];
  for (const message of messages) {
    runs.push(await deps.fanOut({ kind: 'owner', period: message.period, recipients: [recipientOf(deps, message)] }, { dryRun: context.dryRun }));
  }
  if (runs.length > 0) deps.logger.info('owners: run finished', { dryRun: context.dryRun, runs: runs.length, ...counts });
  return {
    job: 'owners',
    at: context.at.toISOString(),
    dryRun: context.dryRun,
    runs,
    counts,
    ...(messages.length === 0 ? { skippedBecause: 'nothing_due' } : {}),
    durationMs: Date.now() - startedMs,
  };
}

/** The announcements and reminders due at `at` whose claim does not exist yet. */
async function dueMessages({ config, repos }: JobDeps, at: Date, counts: Record<string, number>): Promise<OwnerMessage[]> {
  const announceSince = new Date(at.getTime() - OWNER_ANNOUNCE_LOOKBACK_DAYS * DAY_MS).toISOString();
  const remindBefore = new Date(at.getTime() - OWNER_REMINDER_DAYS * DAY_MS).toISOString();
  const out: OwnerMessage[] = [];
  const unclaimed = async (message: OwnerMessage): Promise<void> => {
    if ((await repos.sendClaims.get('owner', message.period, message.ownerUserId)) !== undefined) counts['alreadyClaimed'] = (counts['alreadyClaimed'] ?? 0) + 1;
    else out.push(message);
  };
  for (const stored of await repos.actions.list(config.org.id)) {
    const { action } = stored;
    const ownerUserId = action.ownerUserId;
    if (action.demo || ownerUserId === undefined) continue;
    counts['owned'] = (counts['owned'] ?? 0) + 1;
    if (action.updatedAt >= announceSince) {
      counts['announcements'] = (counts['announcements'] ?? 0) + 1;
      await unclaimed({ period: ownerAnnouncePeriod(action.actionId, ownerUserId), stored, ownerUserId, reason: 'new', summary: ownerTexts.announceSummary });
    }
    // Only an action whose row is 14 days old can be due; its timeline (notes do not move the row) decides.
    if (QUIET_STATUSES.has(action.status) || action.updatedAt > remindBefore) continue;
    const lastEntry = (await repos.actions.timeline(action.actionId)).reduce((last, u) => (u.at > last ? u.at : last), action.updatedAt);
    const period = ownerReminderPeriod(action.actionId, lastEntry, at);
    if (period === undefined) continue;
    counts['reminders'] = (counts['reminders'] ?? 0) + 1;
    const quietDays = Math.floor((at.getTime() - Date.parse(lastEntry)) / DAY_MS);
    await unclaimed({ period, stored, ownerUserId, reason: 'reminder', quietDays, summary: ownerTexts.reminderSummary });
  }
  return out;
}

/** The owner's card, built in their language when the engine sends it (with the linked barriers as they are then). */
function recipientOf({ repos }: JobDeps, message: OwnerMessage): FanOutRecipient {
  return {
    recipientId: message.ownerUserId,
    owner: { kind: 'user', userId: message.ownerUserId },
    scope: 'personal',
    build: async () => {
      const lang = (await repos.participants.languageOf(message.ownerUserId)) ?? DEFAULT_LANGUAGE;
      const barriers = await ownerCardBarriers(repos, message.stored.action);
      const card = buildOwnerCard(
        {
          action: message.stored.action,
          version: message.stored.etag,
          barriers,
          reason: message.reason,
          ...(message.quietDays === undefined ? {} : { quietDays: message.quietDays }),
        },
        lang,
      );
      return { type: 'message', summary: message.summary[lang], attachments: [card] };
    },
  };
}
