import { app, authentication, pages } from '@microsoft/teams-js';
import { hostThemeFrom, type TabInstanceConfig, type TeamsHost } from './host';

/**
 * Connects to Teams (main.tsx imports this module only inside a frame, so a browser outside Teams never loads
 * teams-js). `app.initialize()` does not settle outside Teams, hence the time limit.
 */
export async function connectTeams(win: Window, timeoutMs = 5000): Promise<TeamsHost | null> {
  const teams = { app, authentication, pages };
  const initialized = await Promise.race([
    teams.app.initialize().then(() => true, () => false),
    new Promise<boolean>((resolve) => win.setTimeout(() => resolve(false), timeoutMs)),
  ]);
  if (!initialized) return null;
  const context = await teams.app.getContext();
  teams.app.notifySuccess().catch(() => undefined);
  return {
    locale: context.app.locale,
    theme: hostThemeFrom(context.app.theme),
    subPageId: context.page.subPageId,
    frameContext: context.page.frameContext,
    getAuthToken: () => teams.authentication.getAuthToken(),
    onThemeChange: (handler) => teams.app.registerOnThemeChangeHandler((theme) => handler(hostThemeFrom(theme))),
    setConfigValid: (valid) => teams.pages.config.setValidityState(valid),
    onConfigSave: (save: () => Promise<TabInstanceConfig>) =>
      teams.pages.config.registerOnSaveHandler((event) => {
        save()
          .then((config) => teams.pages.config.setConfig(config))
          .then(() => event.notifySuccess())
          .catch((err: unknown) => event.notifyFailure(err instanceof Error ? err.message : 'save failed'));
      }),
  };
}
