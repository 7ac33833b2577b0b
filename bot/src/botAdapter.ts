import { randomUUID } from 'node:crypto';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from 'botbuilder';
import type { Config } from './config';
import { coreTexts } from './features/core/coreTexts';
import { fill, languageOfLocale } from './features/core/texts';
import { errorFields, type Logger } from './platform/logger';

/**
 * The Bot Framework edge: the only place that knows how botbuilder authenticates. Keeping it thin means a later
 * move to the Teams SDK touches this file and `teamsBot.ts`.
 *
 * With an empty app id botbuilder accepts any request (fine locally); config refuses to start production that
 * way.
 */
export function createAdapter(config: Config, logger: Logger): CloudAdapter {
  // botbuilder insists on an app id once a type is given, so the local (empty id) case passes no type at all.
  const auth = new ConfigurationBotFrameworkAuthentication(
    config.bot.appId === ''
      ? {}
      : {
          MicrosoftAppId: config.bot.appId,
          MicrosoftAppPassword: config.bot.appPassword,
          MicrosoftAppType: config.bot.appType,
          MicrosoftAppTenantId: config.bot.tenantId,
        },
  );
  const adapter = new CloudAdapter(auth);
  adapter.onTurnError = async (context: TurnContext, error: unknown) => {
    const correlationId = randomUUID().slice(0, 8);
    logger.error('bot turn failed', {
      correlationId,
      activityType: context.activity.type,
      conversationType: context.activity.conversation?.conversationType,
      ...errorFields(error),
    });
    const lang = languageOfLocale(context.activity.locale);
    try {
      await context.sendActivity(fill(coreTexts.failed, lang, { id: correlationId }));
    } catch (sendError) {
      logger.warn('could not tell the user about the failed turn', { correlationId, ...errorFields(sendError) });
    }
  };
  return adapter;
}
