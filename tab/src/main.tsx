import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import type { TabEnvironment } from './app/host';

/** The tab's entry: connect to Teams when inside it, then render the app with the browser's real parts. */
async function start(): Promise<void> {
  // Teams shows a tab in a frame (or, on some clients, a window it opened); a plain browser tab is neither.
  const framed = window.self !== window.top || window.opener !== null;
  const teams = framed ? await import('./app/teamsHost').then((m) => m.connectTeams(window)).catch(() => null) : null;
  const media = (query: string): boolean => typeof window.matchMedia === 'function' && window.matchMedia(query).matches;
  const env: TabEnvironment = {
    fetch: window.fetch.bind(window),
    storage: window.sessionStorage,
    teams,
    search: window.location.search,
    origin: window.location.origin,
    prefersDark: media('(prefers-color-scheme: dark)'),
    prefersContrast: media('(forced-colors: active)') || media('(prefers-contrast: more)'),
    reload: () => window.location.reload(),
  };
  const root = document.getElementById('root');
  if (root === null) throw new Error('index.html has no #root');
  createRoot(root).render(
    <StrictMode>
      <App env={env} />
    </StrictMode>,
  );
}

void start();
