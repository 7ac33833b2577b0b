import { TeamsActivityHandler, type TurnContext } from 'botbuilder';
import { languageOf, text } from './features/welcome/texts';

/**
 * The bot's dispatcher: it only routes activities to feature handlers (one folder per feature under
 * `features/`). The challenge features (enrolment, check-ins, barriers, commands) arrive with the bot issue; the
 * foundation greets and tells what is coming, in the user's language.
 */
export class TeamsBot extends TeamsActivityHandler {
  constructor() {
    super();
    this.onMembersAdded(async (context, next) => {
      const botId = context.activity.recipient.id;
      for (const member of context.activity.membersAdded ?? []) {
        if (member.id !== botId) await this.greet(context);
      }
      await next();
    });
    this.onMessage(async (context, next) => {
      await this.greet(context);
      await next();
    });
  }

  private async greet(context: TurnContext): Promise<void> {
    const lang = languageOf(context.activity.locale);
    await context.sendActivity(`${text('welcome', lang)}\n\n${text('comingSoon', lang)}`);
  }
}
