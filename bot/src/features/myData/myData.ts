import { AsyncLocalStorage } from 'node:async_hooks';
import type { TLSSocket } from 'node:tls';
import type { Attachment } from 'botbuilder';
import type { Request } from 'restify';
import { z } from 'zod';
import type { Language, Localized } from '@soestainable/shared/domain/types';
import { t } from '@soestainable/shared/text';
import type { RouteRegistrar } from '../../server/createServer';
import { messageCard, renderCard } from '../../cards/render';
import type { ActionHandler, ActionResult, CommandHandler, Feature, FeatureDeps, Turn } from '../core/feature';
import { COMMANDS } from '../commands/catalog';
import confirmTemplate from './confirmDelete.card.json';
import deletedTemplate from './deleted.card.json';
import { exportRoute } from './exportRoute';
import { createExportTokens, type ExportTokens } from './exportToken';
import { eraseStoredData, nothingDeleted, type DeletionCounts } from '../../services/personalData/erasure';
import { isEmpty, readStoredData, type StoredData } from '../../services/personalData/storedData';
import summaryTemplate from './summary.card.json';
import { summaryCardData, type Fact, type SummaryNames } from './summary';
import { myDataTexts as T } from './texts';
import { EXPORT_PATH_PREFIX, MY_DATA_VERBS } from './verbs';

/** How long a delete confirmation card works: its one-time value expires after this. */
export const CONFIRMATION_TTL_MS = 10 * 60_000;

/** The data of confirmDelete.card.json. */
export interface ConfirmCardData {
  /** Why the card asks (again); empty for a first ask. */
  readonly notice: string;
  readonly title: string;
  readonly what: string;
  readonly stays: string;
  readonly final: string;
  readonly yes: string;
  readonly no: string;
  readonly confirmVerb: string;
  readonly cancelVerb: string;
  /** The one-time value the "yes" button sends back (ErasureConfirmationsRepository). */
  readonly confirmation: string;
}

/** The data of deleted.card.json. */
export interface DeletedCardData {
  readonly title: string;
  readonly facts: readonly Fact[];
  readonly after: string;
}

export function confirmCardData(lang: Language, confirmation: string, notice = ''): ConfirmCardData {
  return {
    notice,
    title: t(T.confirmTitle, lang),
    what: t(T.confirmWhat, lang),
    stays: t(T.confirmStays, lang),
    final: t(T.confirmFinal, lang),
    yes: t(T.confirmYes, lang),
    no: t(T.confirmNo, lang),
    confirmVerb: MY_DATA_VERBS.deleteConfirm,
    cancelVerb: MY_DATA_VERBS.deleteCancel,
    confirmation,
  };
}

export function deletedCardData(counts: DeletionCounts, lang: Language): DeletedCardData {
  return {
    title: t(T.deletedTitle, lang),
    facts: [
      { title: t(T.deletedProfile, lang), value: t(counts.profile ? T.deletedProfileYes : T.deletedProfileNo, lang) },
      { title: t(T.deletedCheckIns, lang), value: String(counts.checkIns) },
      { title: t(T.deletedSurveys, lang), value: String(counts.surveys) },
      // Shown when there were any, so the card of someone who never pledged stays as it was.
      ...(counts.pledges > 0 ? [{ title: t(T.deletedPledges, lang), value: String(counts.pledges) }] : []),
      ...(counts.followUps > 0 ? [{ title: t(T.deletedFollowUps, lang), value: String(counts.followUps) }] : []),
      { title: t(T.deletedReports, lang), value: String(counts.barriers + counts.ideas) },
      ...(counts.recognitions > 0 ? [{ title: t(T.deletedRecognitions, lang), value: String(counts.recognitions) }] : []),
      ...(counts.ownedActions > 0 ? [{ title: t(T.deletedOwnedActions, lang), value: String(counts.ownedActions) }] : []),
      ...(counts.teamCards > 0 ? [{ title: t(T.deletedTeamCards, lang), value: String(counts.teamCards) }] : []),
      ...(counts.managedTeams > 0 ? [{ title: t(T.deletedManagedTeams, lang), value: String(counts.managedTeams) }] : []),
      { title: t(T.deletedChat, lang), value: String(counts.conversationRefs) },
      { title: t(T.deletedMessages, lang), value: String(counts.sendClaims) },
    ],
    after: t(T.deletedAfter, lang),
  };
}

/** The buttons of this feature carry no data of their own (only the verb may arrive) … */
const buttonSchema = z.strictObject({ verb: z.string() });
/** … but for the confirmation's one-time value on "yes" (absent on a card from before it had one). */
const confirmSchema = z.strictObject({ verb: z.string(), confirmation: z.string().max(64).optional() });

/** First value of a header that may repeat or hold a comma-separated list (proxies append). */
function firstHeader(value: string | string[] | undefined): string | undefined {
  const first = Array.isArray(value) ? value[0] : value;
  return first?.split(',')[0]?.trim() || undefined;
}

/** A host name or IP literal with an optional port, nothing else: what may go into a link we hand out. */
const HOST = /^(?:[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?$/;

/**
 * The origin (`https://host[:port]`) the request came in on, as the proxy in front of us (App Service, a dev
 * tunnel) reports it, else as we received it. `undefined` when the host does not look like one.
 */
export function originOf(req: Pick<Request, 'headers' | 'socket'>): string | undefined {
  const host = firstHeader(req.headers['x-forwarded-host']) ?? firstHeader(req.headers.host);
  if (host === undefined || !HOST.test(host)) return undefined;
  const forwarded = firstHeader(req.headers['x-forwarded-proto'])?.toLowerCase();
  const proto = forwarded === 'https' || forwarded === 'http' ? forwarded : (req.socket as TLSSocket).encrypted ? 'https' : 'http';
  return `${proto}://${host}`;
}

const onlyPersonal = (command: 'myData' | 'deleteData', lang: Language): Attachment =>
  messageCard(t(T.onlyPersonal, lang, { command: t(COMMANDS[command].usage, lang) }));

/** The names the summary shows: the person's team and the campaigns their answers belong to. */
async function namesFor({ repos, config }: FeatureDeps, data: StoredData): Promise<SummaryNames> {
  const orgId = data.participant?.orgId ?? config.org.id;
  const campaignIds = [...new Set([...data.checkIns, ...data.surveys, ...data.pledges, ...data.followUps].map((x) => x.campaignId))];
  const [team, campaigns] = await Promise.all([
    data.participant ? repos.orgTeams.get(data.participant.orgId, data.participant.teamId) : undefined,
    Promise.all(campaignIds.map(async (id) => [id, (await repos.campaigns.get(orgId, id))?.value.name] as const)),
  ]);
  const named = new Map<string, Localized>();
  for (const [id, name] of campaigns) if (name) named.set(id, name);
  return { team: team?.name, campaigns: named };
}

/** Everything stored about the person, with a fresh download link on `origin`. */
async function summaryCard(deps: FeatureDeps, turn: Turn, tokens: ExportTokens, origin: string): Promise<Attachment> {
  const data = await readStoredData(deps.repos, deps.config.org.id, turn.userId);
  if (isEmpty(data)) return messageCard(t(T.nothingStored, turn.lang));
  const names = await namesFor(deps, data);
  const { token, expiresAt } = tokens.issue(turn.userId);
  const url = `${origin}${EXPORT_PATH_PREFIX}${token}`;
  return renderCard(summaryTemplate, summaryCardData(data, names, turn.lang, { url, expiresAt }));
}

/** The confirmation card with a fresh one-time value (which replaces any older card's). */
async function confirmCard({ repos }: FeatureDeps, turn: Turn, notice = ''): Promise<Attachment> {
  const confirmation = await repos.erasureConfirmations.issue(turn.userId, new Date(turn.now.getTime() + CONFIRMATION_TTL_MS));
  return renderCard(confirmTemplate, confirmCardData(turn.lang, confirmation, notice));
}

/** Wraps a button handler: only in the 1:1 chat, and only with exactly the fields the button sends. */
function guarded<S extends z.ZodType<{ verb: string }>>(
  { logger }: FeatureDeps,
  schema: S,
  handle: (turn: Turn, data: z.infer<S>) => Promise<ActionResult>,
): ActionHandler {
  return async (turn, data) => {
    if (!turn.personal) return { card: onlyPersonal('deleteData', turn.lang) };
    const parsed = schema.safeParse(data);
    if (!parsed.success) {
      logger.info('my-data button refused', { reason: 'fields' });
      return { card: messageCard(t(T.badCard, turn.lang)) };
    }
    return handle(turn, parsed.data);
  };
}

/** "Yes, delete": erases only with the person's open, unexpired one-time value, else asks again. */
async function confirmErasure(deps: FeatureDeps, turn: Turn, confirmation: string | undefined): Promise<ActionResult> {
  const { repos, config, logger } = deps;
  const used = confirmation === undefined ? 'missing' : await repos.erasureConfirmations.consume(turn.userId, confirmation, turn.now);
  if (used !== 'ok') {
    // An old card, a replay or a second instance that lost the race: nothing is deleted; ask again.
    logger.info('erasure confirmation refused', { reason: used });
    return { card: await confirmCard(deps, turn, t(T.confirmAgain, turn.lang)) };
  }
  const counts = await eraseStoredData(repos, config.org.id, turn.userId);
  logger.info('personal data erased', { ...counts });
  if (nothingDeleted(counts)) return { card: messageCard(t(T.nothingToDelete, turn.lang)) };
  return { card: renderCard(deletedTemplate, deletedCardData(counts, turn.lang)) };
}

export interface MyDataFeature {
  readonly feature: Feature;
  readonly routes: RouteRegistrar[];
  /** The download tokens (for tests and for a later tab button). */
  readonly tokens: ExportTokens;
}

/**
 * "Mijn gegevens" and "verwijder mijn gegevens": a card summarising everything stored about the person with a
 * link to download all of it as JSON, and erasure after a confirmation. Both answer anyone (joined or not), and
 * only in the 1:1 chat, never where colleagues read along.
 *
 * The confirmation card carries a one-time value (ErasureConfirmationsRepository, {@link CONFIRMATION_TTL_MS}):
 * "yes" deletes only with the person's open, unexpired value, which it uses up in the same step, so a replayed or
 * old card, a newer card's predecessor, or the second of two instances asks again and deletes nothing. The erasure
 * itself (services/personalData/erasure.ts) marks the profile first, so it wins against the person's own writes.
 *
 * The download link is absolute, so it needs the address people reach this server on. It is taken from the
 * request that carried the user's message (the `Host`, or the proxy's `X-Forwarded-Host`/`-Proto`): a route
 * middleware remembers it for the length of that request (AsyncLocalStorage), so the bot turn can read it
 * without the dispatcher knowing. With an app id set only the Bot Framework can reach `/api/messages`, and the
 * link goes back to the person who asked. Outside a request (TestAdapter) it falls back to localhost and the
 * configured port. A configured public URL would be the better source once there is one.
 *
 * The token key is random per process (see exportToken.ts): with several instances a link works only on the
 * instance that made it; asking again makes a new one.
 */
export function createMyDataFeature(deps: FeatureDeps): MyDataFeature {
  const { repos, config, logger, now } = deps;
  const tokens = createExportTokens(now);
  const requestOrigin = new AsyncLocalStorage<string | undefined>();
  const fallbackOrigin = `http://localhost:${config.port}`;
  const origin = (): string => requestOrigin.getStore() ?? fallbackOrigin;

  const myData: CommandHandler = async (turn) => {
    const card = turn.personal ? await summaryCard(deps, turn, tokens, origin()) : onlyPersonal('myData', turn.lang);
    await turn.context.sendActivity({ attachments: [card] });
  };

  const deleteData: CommandHandler = async (turn) => {
    const card = turn.personal ? await confirmCard(deps, turn) : onlyPersonal('deleteData', turn.lang);
    await turn.context.sendActivity({ attachments: [card] });
  };

  return {
    feature: {
      commands: { myData, deleteData },
      actions: {
        [MY_DATA_VERBS.deleteAsk]: guarded(deps, buttonSchema, async (turn) => ({ card: await confirmCard(deps, turn) })),
        [MY_DATA_VERBS.deleteConfirm]: guarded(deps, confirmSchema, (turn, data) => confirmErasure(deps, turn, data.confirmation)),
        [MY_DATA_VERBS.deleteCancel]: guarded(deps, buttonSchema, async (turn) => {
          await repos.erasureConfirmations.remove(turn.userId);
          return { card: messageCard(t(T.cancelled, turn.lang)) };
        }),
      },
    },
    routes: [
      (server) => {
        // Runs after the body parser for every route, so the bot turn of this request sees its origin.
        server.use((req, _res, next) => requestOrigin.run(originOf(req), () => next()));
      },
      exportRoute({ repos, orgId: config.org.id, tokens, logger, now }),
    ],
    tokens,
  };
}
