/**
 * What the tab gets from where it runs, behind small interfaces so that the components never touch a global:
 * the network (`fetch`), the session storage, the page's address, the browser's colour preferences and, inside
 * Teams, the Teams host (theme, locale, SSO token, the deep link, the configuration page's save). `main.tsx`
 * builds the real one; tests pass their own (a stand-in for the network and for Teams, never for our code).
 */
export type HostTheme = 'light' | 'dark' | 'contrast';

/** A configurable tab's settings, as `pages.config.setConfig` takes them. */
export interface TabInstanceConfig {
  readonly contentUrl: string;
  readonly websiteUrl: string;
  readonly entityId: string;
  readonly suggestedDisplayName: string;
}

/** The parts of teams-js the tab uses (see teamsHost.ts). */
export interface TeamsHost {
  /** The Teams locale (`nl-nl`, `en-us`). */
  readonly locale: string;
  readonly theme: HostTheme;
  /** The deep link's sub entity (`team:<teamId>` from the digest card), if any. */
  readonly subPageId: string | undefined;
  /** `settings` on a configurable tab's configuration page, `content` in the tab itself. */
  readonly frameContext: string | undefined;
  getAuthToken(): Promise<string>;
  /** Calls `handler` whenever the user switches the Teams theme. */
  onThemeChange(handler: (theme: HostTheme) => void): void;
  /** The configuration page: enable Save, and what Save does. */
  setConfigValid(valid: boolean): void;
  onConfigSave(save: () => Promise<TabInstanceConfig>): void;
}

export interface TabEnvironment {
  readonly fetch: typeof fetch;
  readonly storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
  /** null outside Teams (a browser with the dev sign-in). */
  readonly teams: TeamsHost | null;
  /** `location.search` (`?lang=en&theme=dark`). */
  readonly search: string;
  /** `location.origin`, for the configurable tab's absolute content URL. */
  readonly origin: string;
  readonly prefersDark: boolean;
  readonly prefersContrast: boolean;
  /** Loads the tab afresh (`location.reload`): after a page's code failed to download, only that fetches it again. */
  readonly reload: () => void;
}

/** Teams' theme names → ours. */
export function hostThemeFrom(teamsTheme: string | undefined): HostTheme {
  if (teamsTheme === 'dark') return 'dark';
  if (teamsTheme === 'contrast') return 'contrast';
  return 'light';
}
