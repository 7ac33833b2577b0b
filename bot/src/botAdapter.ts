import { randomUUID } from 'node:crypto';
import { ActivityTypes, CloudAdapter, ConfigurationBotFrameworkAuthentication, StatusCodes, type Activity, type TurnContext } from 'botbuilder';
import { AuthenticationError, type AuthenticateRequestResult } from 'botframework-connector';
import { t } from '@soestainable/shared/text';
import type { Config } from './config';
import { isAppError } from './errors';
import { coreTexts } from './features/core/coreTexts';
import { languageOfLocale } from './cards/texts';
import { connectorClientOptions } from './platform/connectorClient';
import { errorFields, type Logger } from './platform/logger';

/**
 * botbuilder's own authentication, with one change: every refusal is a 401. CloudAdapter answers 401 only for its
 * own AuthenticationError; jsonwebtoken's errors (a forged signature, `alg: none`) would otherwise become 500.
 */
class RefusingAuthentication extends ConfigurationBotFrameworkAuthentication {
  constructor(
    private readonly logger: Logger,
    ...args: ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>
  ) {
    super(...args);
  }

  override async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      // The reason is logged by class only: the token itself never reaches a log.
      this.logger.warn('bot request refused', { reason: err instanceof AuthenticationError ? 'unauthenticated' : 'token_invalid', ...errorFields(err) });
      if (err instanceof AuthenticationError) throw err;
      throw new AuthenticationError('Unauthorized: the Bot Framework token was not valid.', StatusCodes.UNAUTHORIZED);
    }
  }
}

/**
 * The Bot Framework edge: the only place that knows how botbuilder authenticates. Keeping it thin means a later
 * move to the Teams SDK touches this file and `teamsBot.ts`.
 *
 * With an empty app id botbuilder accepts any request (fine locally); config refuses to start production that
 * way.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  // botbuilder insists on an app id once a type is given, so the local (empty id) case passes no type at all.
  const auth = new RefusingAuthentication(
    logger,
    config.bot.appId === ''
      ? {}
      : {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.tenantId,
          // BOT_OPENID_METADATA_URL (tests, sovereign clouds): once one endpoint is given botbuilder takes them all
          // as given, so the other public-cloud values (botframework-connector's AuthenticationConstants) are spelled out.
          ...(config.bot.openIdMetadataUrl === undefined
            ? {}
            : {
                ToBotFromChannelOpenIdMetadataUrl: config.bot.openIdMetadataUrl,
                ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
                ToBotFromEmulatorOpenIdMetadataUrl: 'https://login.microsoftonline.com/common/v2.0/.well-known/openid-configuration',
                ToChannelFromBotLoginUrl: 'https://login.microsoftonline.com/botframework.com',
                ToChannelFromBotOAuthScope: 'https://api.botframework.com',
                OAuthUrl: 'https://api.botframework.com',
                CallerId: 'urn:botframework:azure',
              }),
        },
    undefined,
    undefined,
    undefined,
    // Bounded replies: a timeout per attempt and a budget per connector call (platform/connectorClient.ts).
    connectorClientOptions(),
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    if (isAppError(error, 'STORAGE_UNAVAILABLE')) {
      await storageUnavailable(context, error, logger);
      return;
    }
    const correlationId = randomUUID().slice(0, 8);
    logger.error('bot turn failed', {
      correlationId,
      activityType: context.activity.type,
      conversationType: context.activity.conversation?.conversationType,
      ...errorFields(error),
    });
    const lang = languageOfLocale(context.activity.locale);
    try {
      await context.sendActivity(t(coreTexts.failed, lang, { id: correlationId }));
    } catch (sendError) {
      logger.warn('could not tell the user about the failed turn', { correlationId, ...errorFields(sendError) });
    }
  };
  return adapter;
}

/** Marks a turn that failed because storage could not be reached; the HTTP edge then answers 503. */
const STORAGE_UNAVAILABLE_TURN = Symbol('storageUnavailableTurn');

/**
 * True when the turn whose state this is failed because storage could not be reached (set by the adapter's turn
 * error handler). Takes the turn's state, not its context: botbuilder revokes the context when the turn ends,
 * before the status is written.
 */
export function turnMetStorageOutage(turnState: TurnContext['turnState']): boolean {
  return turnState.get(STORAGE_UNAVAILABLE_TURN) === true;
}

/**
 * A turn that could not reach storage: the user is told, in the language of their client (their stored choice
 * is in the storage we cannot read), that nothing was saved and to try again in a few minutes, and the request is
 * answered 503 — an invoke with an invoke response carrying the Universal Actions error body, a message through
 * {@link turnMetStorageOutage}, which the server reads when it writes the status.
 */
async function storageUnavailable(context: TurnContext, error: unknown, logger: Logger): Promise<void> {
  const activity = context.activity;
  context.turnState.set(STORAGE_UNAVAILABLE_TURN, true);
  logger.warn('bot turn: storage unavailable', {
    activityType: activity.type,
    conversationType: activity.conversation?.conversationType,
    ...errorFields(error),
  });
  const text = t(coreTexts.storageUnavailable, languageOfLocale(activity.locale));
  if (activity.type === ActivityTypes.Invoke) {
    await context.sendActivity({
      type: ActivityTypes.InvokeResponse,
      value: { status: 503, body: { statusCode: 503, type: 'application/vnd.microsoft.error', value: { code: 'STORAGE_UNAVAILABLE', message: text } } },
    });
  }
  try {
    await context.sendActivity(text);
  } catch (sendError) {
    logger.warn('could not tell the user that storage is unavailable', errorFields(sendError));
  }
}
