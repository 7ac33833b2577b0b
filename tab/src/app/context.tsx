import { createContext, useContext } from 'react';
import type { SessionInfo } from '@soestainable/shared/api/session';
import type { Language } from '@soestainable/shared/domain/types';
import type { ApiClient } from '../api/client';
import type { DevTokenSource } from '../api/tokens';
import type { TabEnvironment } from './host';

/** What every page can reach through the hooks below; built once by `<App>`. */
export interface AppContextValue {
  readonly lang: Language;
  readonly client: ApiClient;
  readonly env: TabEnvironment;
  /** Who is signed in; null on the dev sign-in page before anyone is. */
  readonly session: SessionInfo | null;
  /** The dev sign-in's token store; null inside Teams. */
  readonly devTokens: DevTokenSource | null;
  /** Fetches the session again (after the dev sign-in, or after a settings change). */
  readonly reloadSession: () => Promise<SessionInfo | null>;
}

export const AppContext = createContext<AppContextValue | null>(null);

function useAppContext(): AppContextValue {
  const value = useContext(AppContext);
  if (value === null) throw new Error('The tab hooks need <App> (or <AppProviders>) above them.');
  return value;
}

/** The user's language: `?lang=`, else the Teams locale, else their own setting, else Dutch. */
export function useLang(): Language {
  return useAppContext().lang;
}

/** The signed-in user. Pages below the shell's session gate always have one. */
export function useSession(): SessionInfo {
  const { session } = useAppContext();
  if (session === null) throw new Error('useSession() outside the signed-in part of the tab.');
  return session;
}

/** The signed-in user, or null (the dev sign-in page). */
export function useOptionalSession(): SessionInfo | null {
  return useAppContext().session;
}

export function useApiClient(): ApiClient {
  return useAppContext().client;
}

export function useEnvironment(): TabEnvironment {
  return useAppContext().env;
}

/** The dev sign-in's pieces: its token store (null in Teams) and the session reload after signing in. */
export function useDevSignIn(): { readonly devTokens: DevTokenSource | null; readonly reloadSession: () => Promise<SessionInfo | null> } {
  const { devTokens, reloadSession } = useAppContext();
  return { devTokens, reloadSession };
}
