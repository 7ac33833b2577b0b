/**
 * The first view of the tab (issue 5, Performance): how much JavaScript the browser loads before the team
 * dashboard's first stat card is on screen (target ≤ 200 kB gzip), and how long that takes (target ≤ 1 s on
 * localhost). Measured in Debian's Chromium (never a downloaded one) driven by playwright-core, every load in a
 * fresh browser context (empty cache, empty sessionStorage), against a server the caller started.
 */
import { gzipSync } from 'node:zlib';
import { chromium, type Browser } from 'playwright-core';

/** Debian's Chromium binary, as the e2e tests use it (tests/e2e/helpers/browser.ts; /usr/bin/chromium is a shell wrapper). */
const CHROMIUM = process.env['CHROMIUM_PATH'] ?? '/usr/lib/chromium/chromium';
/** The e2e tests' launch flags (tests/e2e/helpers/browser.ts): nothing in the background competes with the page. */
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'];
/** Where the tab keeps the dev sign-in's token (`DEV_TOKEN_KEY` in tab/src/api/tokens.ts). */
const DEV_TOKEN_KEY = 'soestainable.devToken';
/** The dashboard's first stat card (`StatCard`: a Fluent Card with role group) with a size, i.e. laid out. */
const FIRST_CARD = 'main .fui-Card[role="group"]';

export interface FirstViewOptions {
  /** The server's base URL, e.g. http://127.0.0.1:1234 (it serves the built tab under /tab/). */
  readonly base: string;
  /** A dev sign-in token of someone who may see `teamId`'s dashboard. */
  readonly token: string;
  readonly teamId: string;
  /** Measured loads (after one warm-up load that starts Chromium's processes and the server's caches). */
  readonly loads: number;
}

export interface ScriptLoad {
  readonly url: string;
  readonly bytes: number;
  readonly gzipBytes: number;
}

export interface FirstView {
  /** Every script the browser had requested when the first stat card was visible, in request order. */
  readonly scripts: readonly ScriptLoad[];
  readonly gzipBytes: number;
  readonly bytes: number;
  /** Milliseconds from navigation start to the first frame with a stat card, one per measured load. */
  readonly paintMs: readonly number[];
  /** Per load: when the last of those scripts had arrived, and when the dashboard's API answer had (ms from navigation start). */
  readonly scriptsDoneMs: readonly number[];
  readonly apiDoneMs: readonly number[];
  /** "Chromium 131.0.6778.85", for the machine line. */
  readonly browser: string;
}

interface LoadResult {
  readonly paintMs: number;
  readonly scriptUrls: readonly string[];
  readonly scriptsDoneMs: number;
  readonly apiDoneMs: number;
}

/**
 * One cold load of the dashboard: the token is in sessionStorage before the page's own scripts run (as after
 * the dev sign-in), then the time from navigation start to the first animation frame in which a stat card has
 * a size, and the scripts the page had asked for by then (Resource Timing, so nothing that starts later counts).
 */
async function loadOnce(browser: Browser, options: FirstViewOptions): Promise<LoadResult> {
  // bypassCSP: the bench's own measuring code below is evaluated from strings, which the tab's CSP (script-src 'self',
  // no 'unsafe-eval') rightly refuses; the page's own scripts and what they load are the same either way.
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'nl-NL', bypassCSP: true });
  try {
    await context.addInitScript(`window.sessionStorage.setItem(${JSON.stringify(DEV_TOKEN_KEY)}, ${JSON.stringify(options.token)});`);
    const page = await context.newPage();
    await page.goto(`${options.base}/tab/#/team/${encodeURIComponent(options.teamId)}`, { waitUntil: 'commit' });
    // Strings: the bench's TypeScript has no DOM library. performance.now() counts from navigation start.
    const painted = await page.waitForFunction(
      `(() => { const card = document.querySelector(${JSON.stringify(FIRST_CARD)}); const box = card && card.getBoundingClientRect();
        return box && box.width > 0 && box.height > 0 ? performance.now() : false; })()`,
      undefined,
      { polling: 'raf', timeout: 30_000 },
    );
    const paintMs = Number(await painted.jsonValue());
    const seen = await page.evaluate<{ scripts: Array<{ url: string; end: number }>; apiEnd: number }>(
      `(() => { const before = performance.getEntriesByType('resource').filter((e) => e.startTime <= ${paintMs});
        const path = (e) => new URL(e.name).pathname;
        return { scripts: before.filter((e) => path(e).endsWith('.js')).map((e) => ({ url: e.name, end: e.responseEnd })),
                 apiEnd: Math.max(0, ...before.filter((e) => path(e).endsWith('/dashboard')).map((e) => e.responseEnd)) }; })()`,
    );
    return { paintMs, scriptUrls: seen.scripts.map((s) => s.url), scriptsDoneMs: Math.max(0, ...seen.scripts.map((s) => s.end)), apiDoneMs: seen.apiEnd };
  } finally {
    await context.close();
  }
}

async function sizeOf(url: string): Promise<ScriptLoad> {
  const res = await fetch(url);
  if (res.status !== 200) throw new Error(`GET ${url}: HTTP ${res.status}`);
  const body = Buffer.from(await res.arrayBuffer());
  // gzip at its default level, as a web server or CDN compresses on the fly.
  return { url, bytes: body.length, gzipBytes: gzipSync(body).length };
}

export async function measureFirstView(options: FirstViewOptions): Promise<FirstView> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS, timeout: 60_000 });
  try {
    await loadOnce(browser, options); // warm-up
    const loads: LoadResult[] = [];
    for (let i = 0; i < options.loads; i++) loads.push(await loadOnce(browser, options));
    // The same build loads the same scripts each time; should a load fetch more (a race), count the most.
    const most = loads.reduce((a, b) => (b.scriptUrls.length > a.scriptUrls.length ? b : a));
    const scripts = await Promise.all([...new Set(most.scriptUrls)].map(sizeOf));
    return {
      scripts,
      gzipBytes: scripts.reduce((sum, s) => sum + s.gzipBytes, 0),
      bytes: scripts.reduce((sum, s) => sum + s.bytes, 0),
      paintMs: loads.map((l) => l.paintMs),
      scriptsDoneMs: loads.map((l) => l.scriptsDoneMs),
      apiDoneMs: loads.map((l) => l.apiDoneMs),
      browser: `Chromium ${browser.version()}`,
    };
  } finally {
    await browser.close();
  }
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
