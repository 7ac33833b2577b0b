import { settingsBodySchema } from '@soestainable/shared/api/me';
import { isJoined } from '@soestainable/shared/domain/organisation';
import { NUDGE_WINDOW, nudgeTimeOf } from '@soestainable/shared/domain/nudgeTime';
import type { Principal } from '../http';
import { invalid, parseBody } from '../request';
import type { RouteAnswer } from '../routes';
import { notEnrolled, settingsOf, type MeContext } from './context';

/** `PUT /api/me/settings`: nudge time, language, paused; an ETag update of the profile, as the bot's settings. */
export async function putSettings(ctx: MeContext, body: unknown, principal: Principal): Promise<RouteAnswer<'me.settings.put'>> {
  const settings = parseBody(settingsBodySchema, body);
  let nudgeTime: string | undefined;
  if (settings.nudgeTime !== undefined) {
    nudgeTime = nudgeTimeOf(settings.nudgeTime);
    if (nudgeTime === undefined) {
      throw invalid('nudgeTime', 'nudge_window', `The nudge time must lie from ${NUDGE_WINDOW.min} to ${NUDGE_WINDOW.max}.`, { window: NUDGE_WINDOW });
    }
  }
  const next = await ctx.repos.participants.update(principal.userId, (current) =>
    !isJoined(current)
      ? current
      : {
          ...current,
          ...(nudgeTime === undefined ? {} : { nudgeTime }),
          ...(settings.language === undefined ? {} : { language: settings.language }),
          ...(settings.paused === undefined ? {} : { status: settings.paused ? ('paused' as const) : ('active' as const) }),
        },
  );
  if (!isJoined(next)) throw notEnrolled();
  ctx.logger.info('participant setting changed', {
    userId: principal.userId,
    setting: Object.keys(settings).sort().join(','),
    via: 'tab',
  });
  return { body: settingsOf(next) };
}
