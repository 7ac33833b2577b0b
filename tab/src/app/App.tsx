import {
  Button,
  FluentProvider,
  Link,
  makeStyles,
  teamsDarkTheme,
  teamsHighContrastTheme,
  teamsLightTheme,
  tokens,
  type Theme,
} from '@fluentui/react-components';
import { Suspense, lazy, useCallback, useEffect, useMemo, useRef, useState, type ReactElement } from 'react';
import type { SessionInfo } from '@soestainable/shared/api/session';
import type { Language } from '@soestainable/shared/domain/types';
import { languageFrom } from '@soestainable/shared/text';
import { ApiClient } from '../api/client';
import { ApiClientError } from '../api/errors';
import { DevTokenSource, TeamsTokenSource } from '../api/tokens';
import { PageBoundary } from '../components/boundary/ErrorBoundary';
import { EmptyState, ErrorState, LoadingState } from '../components/states';
import { commonTexts } from '../texts/texts';
import { useT } from '../texts/useT';
import { AppContext, useDevSignIn, type AppContextValue } from './context';
import type { HostTheme, TabEnvironment } from './host';
import { Navigation } from './Navigation';
import { PAGE_DEFINITIONS, type PageDefinition } from './pages';
import { hrefFor, navigate, pageFromSubPageId, parseHash, redirect, teamFromSubPageId, useRoute, type Route } from './router';

const SigninPage = lazy(() => import('../pages/signin/index'));

const THEMES: Record<HostTheme, Theme> = { light: teamsLightTheme, dark: teamsDarkTheme, contrast: teamsHighContrastTheme };

const useStyles = makeStyles({
  root: { minHeight: '100vh', display: 'flex', flexDirection: 'column', backgroundColor: tokens.colorNeutralBackground2 },
  bar: {
    display: 'flex',
    maxWidth: '100vw',
    boxSizing: 'border-box',
    alignItems: 'center',
    gap: tokens.spacingHorizontalS,
    borderBottom: `1px solid ${tokens.colorNeutralStroke2}`,
    backgroundColor: tokens.colorNeutralBackground1,
    paddingInline: tokens.spacingHorizontalS,
    '@media print': { display: 'none' },
  },
  signOut: { flexShrink: 0, minWidth: 'auto' },
  // "Hoe werkt het?" beside the navigation; in the side panel only "?" (its name stays the whole question).
  help: { flexShrink: 0, paddingInline: tokens.spacingHorizontalS, whiteSpace: 'nowrap' },
  helpLong: { '@media (max-width: 480px)': { display: 'none' } },
  helpShort: { display: 'none', fontWeight: tokens.fontWeightSemibold, '@media (max-width: 480px)': { display: 'inline' } },
  main: { flexGrow: 1, minWidth: 0, maxWidth: '100vw' },
});

/** `?theme=` (light, dark, contrast) outside Teams, else the browser's preference; Teams decides inside Teams. */
function initialTheme(env: TabEnvironment): HostTheme {
  if (env.teams !== null) return env.teams.theme;
  const asked = new URLSearchParams(env.search).get('theme');
  if (asked === 'light' || asked === 'dark' || asked === 'contrast') return asked;
  if (env.prefersContrast) return 'contrast';
  return env.prefersDark ? 'dark' : 'light';
}

/** `?lang=` (the manifest passes Teams' locale there), else the Teams context, else the user's own setting, else Dutch. */
export function resolveLanguage(env: TabEnvironment, session: SessionInfo | null): Language {
  return languageFrom(new URLSearchParams(env.search).get('lang')) ?? languageFrom(env.teams?.locale) ?? session?.lang ?? 'nl';
}

type SessionState =
  | { readonly status: 'loading' }
  | { readonly status: 'ready'; readonly session: SessionInfo }
  | { readonly status: 'signedOut' }
  | { readonly status: 'error'; readonly error: ApiClientError };

/**
 * The whole tab: theme (following Teams live), language, the API client, the signed-in session, the top
 * navigation and the current page. `env` is everything from outside (see host.ts); `pages` the page table
 * (pages.ts; a test passes one whose page fails to download).
 */
export function App({ env, pages = PAGE_DEFINITIONS }: { readonly env: TabEnvironment; readonly pages?: readonly PageDefinition[] }): ReactElement {
  const route = useRoute();
  const [theme, setTheme] = useState<HostTheme>(() => initialTheme(env));
  const [sessionState, setSessionState] = useState<SessionState>({ status: 'loading' });

  useEffect(() => {
    env.teams?.onThemeChange(setTheme);
  }, [env]);

  const devTokens = useMemo(() => (env.teams === null ? new DevTokenSource(env.storage) : null), [env]);
  const client = useMemo(() => {
    const teams = env.teams;
    return new ApiClient({
      fetch: env.fetch,
      tokens: teams === null ? (devTokens ?? new DevTokenSource(env.storage)) : new TeamsTokenSource(() => teams.getAuthToken()),
      onUnauthenticated: () => {
        // Outside Teams a refused token means: sign in again. Inside Teams the page shows the error instead.
        if (teams === null) setSessionState({ status: 'signedOut' });
      },
    });
  }, [env, devTokens]);

  const reloadSession = useCallback(async (): Promise<SessionInfo | null> => {
    try {
      const session = await client.get('session.get');
      setSessionState({ status: 'ready', session });
      return session;
    } catch (err) {
      const error = err instanceof ApiClientError ? err : new ApiClientError('BAD_RESPONSE', 0, 'session');
      setSessionState(error.code === 'UNAUTHENTICATED' && env.teams === null ? { status: 'signedOut' } : { status: 'error', error });
      return null;
    }
  }, [client, env]);

  // First load: a deep link from the digest card (`subEntityId` team:<id>) wins over the tab's own address;
  // outside Teams without a dev token there is nobody to ask the server about.
  const started = useRef(false);
  useEffect(() => {
    if (started.current) return;
    started.current = true;
    const inSettings = env.teams?.frameContext === 'settings';
    const linked = teamFromSubPageId(env.teams?.subPageId);
    const linkedPage = inSettings ? undefined : pageFromSubPageId(env.teams?.subPageId);
    const here = parseHash(window.location.hash);
    if (linked !== undefined && !inSettings && !(here.page === 'team' && here.rest[0] === linked)) redirect(hrefFor('team', linked));
    if (linkedPage !== undefined && here.page !== linkedPage) redirect(hrefFor(linkedPage));
    if (env.teams === null && devTokens !== null && env.storage.getItem('soestainable.devToken') === null) {
      setSessionState({ status: 'signedOut' });
      return;
    }
    void reloadSession();
    // The opened page's code (and a dashboard's figures) download while the session is asked for, not after;
    // a failure shows when the page renders.
    const opening = linked !== undefined && !inSettings ? 'team' : (linkedPage ?? here.page);
    const dashboardOf = linked ?? (here.page === 'team' ? here.rest[0] : undefined);
    if (opening === 'team' && dashboardOf !== undefined) client.prefetch('dashboard.get', { params: { teamId: dashboardOf } });
    pages
      .find((d) => d.page === opening)
      ?.preload()
      .catch(() => undefined);
  }, [env, devTokens, reloadSession, client, pages]);

  const session = sessionState.status === 'ready' ? sessionState.session : null;
  const lang = resolveLanguage(env, session);
  useEffect(() => {
    document.documentElement.lang = lang;
  }, [lang]);

  // Where to go when the address names no page, and back to the sign-in when signed out.
  useEffect(() => {
    if (sessionState.status === 'signedOut' && route.page !== 'signin') redirect(hrefFor('signin'));
    if (sessionState.status === 'ready' && route.page === 'home') redirect(homeHref(sessionState.session));
  }, [sessionState, route, env]);

  const context = useMemo<AppContextValue>(() => ({ lang, client, env, session, devTokens, reloadSession }), [lang, client, env, session, devTokens, reloadSession]);
  const styles = useStyles();

  return (
    // The page's layout is on a box inside the provider, not on the provider: Fluent copies the provider's classes
    // onto every portal (menus, dialogs), and a full-height background there covered the page behind an open menu.
    <FluentProvider theme={THEMES[theme]} lang={lang}>
      <div className={styles.root}>
        <AppContext.Provider value={context}>
          {route.page === 'signin' ? (
            <main className={styles.main}>
              <PageBoundary>
                <Suspense fallback={<LoadingState />}>
                  <SigninPage />
                </Suspense>
              </PageBoundary>
            </main>
          ) : sessionState.status === 'ready' ? (
            <SignedIn route={route} session={sessionState.session} pages={pages} />
          ) : sessionState.status === 'error' ? (
            <main className={styles.main}>
              <ErrorState error={sessionState.error} onRetry={() => void reloadSession()} />
            </main>
          ) : (
            <LoadingState />
          )}
        </AppContext.Provider>
      </div>
    </FluentProvider>
  );
}

/** The user's team, else my progress (a deep link has already been followed at start). */
function homeHref(session: SessionInfo): string {
  if (session.teamId !== null) return hrefFor('team', session.teamId);
  return hrefFor('me');
}

function SignedIn({ route, session, pages }: { readonly route: Route; readonly session: SessionInfo; readonly pages: readonly PageDefinition[] }): ReactElement {
  const styles = useStyles();
  const t = useT();
  const { devTokens } = useDevSignIn();
  const definition = route.page === 'home' || route.page === 'notFound' ? undefined : pages.find((d) => d.page === route.page);
  const navItems = pages.filter((d) => d.nav !== undefined && d.allowed(session) && (d.page !== 'team' || session.teamId !== null));
  const hrefOf = (page: (typeof navItems)[number]['page']): string => (page === 'team' && session.teamId !== null ? hrefFor('team', session.teamId) : hrefFor(page));
  const rest = 'rest' in route ? route.rest : [];
  const pageKey = `${route.page}/${rest.join('/')}`;

  return (
    <>
      {route.page === 'config' ? null : (
        <nav className={styles.bar} aria-label={t(commonTexts.navLabel)}>
          <Navigation
            entries={navItems.map((d) => ({ page: d.page, label: t(commonTexts[d.nav ?? 'appTitle']), href: hrefOf(d.page) }))}
            current={navItems.find((d) => d.page === route.page)?.page}
            onNavigate={navigate}
          />
          <Link href={hrefFor('help')} className={styles.help} aria-label={t(commonTexts.helpLink)} {...(route.page === 'help' ? { 'aria-current': 'page' as const } : {})}>
            <span className={styles.helpLong}>{t(commonTexts.helpLink)}</span>
            <span className={styles.helpShort} aria-hidden="true">
              ?
            </span>
          </Link>
          {devTokens === null ? null : (
            <Button
              size="small"
              appearance="subtle"
              className={styles.signOut}
              title={t(commonTexts.signedInAs, { name: session.name })}
              onClick={() => {
                devTokens.clear();
                navigate(hrefFor('signin'));
              }}
            >
              {t(commonTexts.signOut)}
            </Button>
          )}
        </nav>
      )}
      <main className={styles.main}>
        {definition === undefined ? (
          route.page === 'home' ? (
            <LoadingState />
          ) : (
            <EmptyState title={t(commonTexts.notFoundTitle)}>{t(commonTexts.notFoundBody)}</EmptyState>
          )
        ) : !definition.allowed(session) ? (
          <EmptyState title={t(commonTexts.errorTitle)}>{t(commonTexts.forbiddenPage)}</EmptyState>
        ) : (
          // A page that fails to download or to render shows an error here, below the navigation; the key starts
          // the next page with a fresh boundary.
          <PageBoundary key={pageKey}>
            <Suspense fallback={<LoadingState />}>
              <definition.component key={pageKey} rest={rest} />
            </Suspense>
          </PageBoundary>
        )}
      </main>
    </>
  );
}
