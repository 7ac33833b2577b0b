import { configure, render, type RenderResult } from '@testing-library/react';
import type { SessionInfo } from '@soestainable/shared/api/session';
import type { Language } from '@soestainable/shared/domain/types';
import { App } from '../../../tab/src/app/App';
import type { HostTheme, TabEnvironment, TabInstanceConfig, TeamsHost } from '../../../tab/src/app/host';
import type { PageDefinition } from '../../../tab/src/app/pages';
import { DEV_TOKEN_KEY } from '../../../tab/src/api/tokens';

// The machine running the suite may be busy: wait up to 10 s for what a query looks for (never a timed assertion).
configure({ asyncUtilTimeout: 10_000 });

/**
 * Renders the real tab (<App> with every provider, the router, the lazy pages) with stand-ins only at its
 * boundaries: the network (a fetch that answers per "METHOD /path") and, when asked, the Teams host.
 */

/** An answer of the fake server: a status (200 by default), a JSON body, headers. */
export interface FakeAnswer {
  readonly status?: number;
  readonly body?: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Never answers: the page stays in its loading state. */
export const PENDING = Symbol('pending');

export interface RecordedCall {
  readonly method: string;
  readonly path: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

export type AnswerSpec = FakeAnswer | typeof PENDING | ((call: RecordedCall) => FakeAnswer | typeof PENDING);

/** A coded error answer as the server sends it. */
export function apiError(status: number, code: string, message = 'test'): FakeAnswer {
  return { status, body: { code, message } };
}

function fakeResponse(answer: FakeAnswer): Response {
  const status = answer.status ?? 200;
  const text = answer.body === undefined ? '' : typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  const headers = new Map(Object.entries(answer.headers ?? {}).map(([k, v]) => [k.toLowerCase(), v]));
  const response = {
    ok: status >= 200 && status < 300,
    status,
    headers: { get: (name: string) => headers.get(name.toLowerCase()) ?? null },
    text: () => Promise.resolve(text),
    json: () => Promise.resolve(JSON.parse(text) as unknown),
    blob: () => Promise.resolve(new Blob([text], { type: headers.get('content-type') ?? 'application/json' })),
  };
  // Only the members ApiClient reads exist: a stand-in for the network, typed as the real thing.
  return response as unknown as Response;
}

/** A fetch that answers from `answers` (key "GET /api/me"; query strings included), and records every call. */
export function fakeServer(answers: Readonly<Record<string, AnswerSpec>>): { fetch: typeof fetch; calls: RecordedCall[] } {
  const calls: RecordedCall[] = [];
  const fetchStandIn = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const method = init?.method ?? 'GET';
    const path = String(input);
    const headers = { ...(init?.headers as Record<string, string> | undefined) };
    const body = typeof init?.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const call = { method, path, headers, body };
    calls.push(call);
    const spec = answers[`${method} ${path}`];
    if (spec === undefined) return Promise.resolve(fakeResponse(apiError(404, 'NOT_FOUND', `no answer for ${method} ${path}`)));
    const answer = typeof spec === 'function' ? spec(call) : spec;
    if (answer === PENDING) return new Promise<Response>(() => undefined);
    return Promise.resolve(fakeResponse(answer));
  };
  return { fetch: fetchStandIn as typeof fetch, calls };
}

export function sessionOf(overrides: Partial<SessionInfo> = {}): SessionInfo {
  return {
    userId: 'u-anna',
    name: 'Anna de Vries',
    roles: [],
    teamId: 't-zon',
    teamName: 'Team Zon',
    lang: 'nl',
    enrolled: true,
    via: 'dev',
    ...overrides,
  };
}

export function memoryStorage(initial: Readonly<Record<string, string>> = {}): Pick<Storage, 'getItem' | 'setItem' | 'removeItem'> & { readonly items: Map<string, string> } {
  const items = new Map(Object.entries(initial));
  return {
    items,
    getItem: (key) => items.get(key) ?? null,
    setItem: (key, value) => void items.set(key, value),
    removeItem: (key) => void items.delete(key),
  };
}

/** A stand-in for the Teams host: records what the tab asks of Teams (config saves, theme handler). */
export interface FakeTeams extends TeamsHost {
  readonly saved: TabInstanceConfig[];
  valid: boolean;
  save: (() => Promise<TabInstanceConfig>) | null;
  switchTheme: (theme: HostTheme) => void;
}

export function fakeTeams(overrides: Partial<Pick<TeamsHost, 'locale' | 'theme' | 'subPageId' | 'frameContext'>> = {}): FakeTeams {
  let themeHandler: ((theme: HostTheme) => void) | null = null;
  const host: FakeTeams = {
    locale: 'nl-nl',
    theme: 'light',
    subPageId: undefined,
    frameContext: 'content',
    ...overrides,
    saved: [],
    valid: false,
    save: null,
    getAuthToken: () => Promise.resolve('teams-sso-token'),
    onThemeChange: (handler) => {
      themeHandler = handler;
    },
    setConfigValid: (valid) => {
      host.valid = valid;
    },
    onConfigSave: (save) => {
      host.save = save;
    },
    switchTheme: (theme) => themeHandler?.(theme),
  };
  return host;
}

export interface RenderTabOptions {
  readonly lang?: Language;
  /** The session `GET /api/session` answers with (null: no session answer is set up). */
  readonly session?: SessionInfo | null;
  readonly answers?: Readonly<Record<string, AnswerSpec>>;
  readonly teams?: FakeTeams | null;
  /** Outside Teams: whether a dev sign-in token is stored (default true). */
  readonly signedIn?: boolean;
  readonly search?: string;
  /** The width the tab is shown at, in px (default 1280, a desktop; 320 is Teams' side panel). See `layOut`. */
  readonly width?: number;
  /** The page table (default the real one, pages.ts): a test swaps in a page whose code fails to download. */
  readonly pages?: readonly PageDefinition[];
}

export interface RenderedTab extends RenderResult {
  readonly calls: RecordedCall[];
  readonly storage: ReturnType<typeof memoryStorage>;
  readonly env: TabEnvironment;
  /** How often the tab asked the browser to load it afresh (`env.reload`). */
  readonly reloads: { count: number };
}

export const DESKTOP_WIDTH = 1280;
export const PANEL_WIDTH = 320;

/**
 * jsdom lays nothing out (every width is 0, and there is no ResizeObserver), but the top navigation's overflow
 * (Fluent's Overflow) decides from widths which pages are tabs and which go into the "More" menu. A stand-in for
 * exactly what that manager reads, inside the navigation only: the box it fits the tabs into is the tab's width
 * minus 100 px (the bar's padding and the sign-out button), and an item is as wide as its text at ~8 px a
 * character plus 24 px of padding (a tab's text is in the DOM twice: Fluent reserves its bold width).
 * Other components keep jsdom's zero widths.
 */
let laidOutWidth = DESKTOP_WIDTH;
const resizeObservers = new Set<{ readonly callback: ResizeObserverCallback; readonly observer: ResizeObserver; readonly targets: Set<Element> }>();

class ResizeObserverStandIn implements ResizeObserver {
  private readonly entry: { readonly callback: ResizeObserverCallback; readonly observer: ResizeObserver; readonly targets: Set<Element> };
  constructor(callback: ResizeObserverCallback) {
    this.entry = { callback, observer: this, targets: new Set() };
  }
  observe(target: Element): void {
    this.entry.targets.add(target);
    resizeObservers.add(this.entry);
  }
  unobserve(target: Element): void {
    this.entry.targets.delete(target);
  }
  disconnect(): void {
    resizeObservers.delete(this.entry);
  }
}

function inNavigation(element: HTMLElement): boolean {
  return element.closest('nav') !== null;
}

function textWidth(element: HTMLElement): number {
  const text = element.textContent ?? '';
  return text.length === 0 ? 0 : Math.ceil(text.length * (element.getAttribute('role') === 'tab' ? 4 : 8)) + 24;
}

let installed = false;
function installLayoutStandIn(): void {
  if (installed) return;
  installed = true;
  Object.defineProperty(HTMLElement.prototype, 'clientWidth', {
    configurable: true,
    get(this: HTMLElement): number {
      return inNavigation(this) ? Math.max(0, laidOutWidth - 100) : 0;
    },
  });
  Object.defineProperty(HTMLElement.prototype, 'offsetWidth', {
    configurable: true,
    get(this: HTMLElement): number {
      return inNavigation(this) ? textWidth(this) : 0;
    },
  });
}

/** Shows the tab at `width` px from now on, and tells the observers (as a browser does when the panel resizes). */
export function layOut(width: number): void {
  installLayoutStandIn();
  laidOutWidth = width;
  // Set again each time: something between tests (a library's cleanup) takes it off the window.
  window.ResizeObserver = ResizeObserverStandIn;
  for (const { callback, observer, targets } of resizeObservers) {
    if (targets.size > 0) callback([...targets].map((target) => ({ target }) as ResizeObserverEntry), observer);
  }
}

/** Renders the whole tab at `hash` (e.g. `#/team/t-zon`) in `lang` (default nl, through `?lang=`). */
export function renderTab(hash: string, options: RenderTabOptions = {}): RenderedTab {
  window.history.replaceState(null, '', `/tab/${hash}`);
  layOut(options.width ?? DESKTOP_WIDTH);
  const session = options.session === undefined ? sessionOf() : options.session;
  const answers: Record<string, AnswerSpec> = { ...(session === null ? {} : { 'GET /api/session': { body: session } }), ...options.answers };
  const server = fakeServer(answers);
  const storage = memoryStorage(options.signedIn === false ? {} : { [DEV_TOKEN_KEY]: 'dev-token' });
  const reloads = { count: 0 };
  const env: TabEnvironment = {
    fetch: server.fetch,
    storage,
    teams: options.teams ?? null,
    search: options.search ?? `?lang=${options.lang ?? 'nl'}`,
    origin: 'https://tab.example',
    prefersDark: false,
    prefersContrast: false,
    reload: () => void (reloads.count += 1),
  };
  const result = render(options.pages === undefined ? <App env={env} /> : <App env={env} pages={options.pages} />);
  return { ...result, calls: server.calls, storage, env, reloads };
}

/** Pages load lazily (and ts-jest compiles each on first use): give the first query of a test time. */
export const LOADED = { timeout: 10_000 } as const;
