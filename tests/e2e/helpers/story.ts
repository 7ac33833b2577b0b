import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type Browser } from './browser';
import { Playground, WAIT_MS, type BotMessage } from './playground';
import { buildIfNeeded, startStack, type Stack } from './stack';

/** How a story's stack starts, and what it does once the Playground is open. */
export interface StoryOptions {
  /** Where the screenshots go (made if missing). */
  readonly shots: string;
  /** Environment for the `npm start` stack (its fixed clock, a jobs key, …). */
  readonly extraEnv: Record<string, string>;
  /** Runs once the stack answers, before the Playground opens (a sign-in, say); a failure stops the story. */
  readonly ready?: (story: PlaygroundStory) => Promise<void>;
}

/** A step's options: `closesBrowser` skips the checks after it; a step with `blocking: false` does not stop the story. */
export interface StepOptions {
  readonly closesBrowser?: boolean;
  readonly blocking?: boolean;
}

/**
 * One story in the Microsoft 365 Agents Playground: the built `npm start` stack and one Playground page in Debian's
 * headless Chromium for a whole test file, each step its own test. After a failed step the later ones are not run
 * (they would fail for the same reason); a failure carries its screenshot, the Log Panel, the last activity the
 * Playground sent and the stack's output. {@link openStory} registers the file's `beforeAll` and `afterAll`.
 */
export class PlaygroundStory {
  stack: Stack | undefined;
  browser: Browser | undefined;
  page: Page | undefined;
  private playground: Playground | undefined;
  /** The first step that failed: the later ones are not run. */
  private failed: string | undefined;
  private shotNumber = 0;

  constructor(private readonly options: StoryOptions) {}

  /** The open Playground. */
  readonly pg = (): Playground => {
    if (!this.playground) throw new Error('the Playground page is not open');
    return this.playground;
  };

  /** A full-page screenshot, numbered in the story's order; its path (or why there is none). */
  readonly screenshot = async (name: string): Promise<string> => {
    const path = join(this.options.shots, `${String(++this.shotNumber).padStart(2, '0')}-${name}.png`);
    const page = this.page;
    if (!page || page.isClosed()) return '(no page)';
    return page.screenshot({ path, fullPage: true }).then(
      () => path,
      (err: unknown) => `(screenshot failed: ${String(err)})`,
    );
  };

  /** One step of the story: checked for invoke errors, with a screenshot after it. */
  readonly step = (name: string, body: () => Promise<void>, options: StepOptions = {}): void => {
    const slug = name.replace(/[^a-z0-9]+/gi, '-').replace(/^-|-$/g, '').toLowerCase();
    it(
      name,
      async () => {
        if (this.failed !== undefined) throw new Error(`not run: the earlier step "${this.failed}" failed`);
        try {
          await body();
          if (!options.closesBrowser) {
            await this.pg().expectNoErrors();
            await this.screenshot(slug);
          }
        } catch (err) {
          if (options.blocking !== false) this.failed = name;
          throw await this.withContext(err, slug);
        }
      },
      150_000,
    );
  };

  /** A call to the stack's server (the bot's port), as the tab or an operator's timer would make it; JSON back. */
  readonly server = async <T>(method: string, path: string, options: { token?: string; body?: unknown; headers?: Record<string, string> } = {}): Promise<T> => {
    if (!this.stack) throw new Error('no stack');
    const res = await fetch(`http://127.0.0.1:${this.stack.port}${path}`, {
      method,
      headers: {
        accept: 'application/json',
        ...(options.body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(options.token === undefined ? {} : { authorization: `Bearer ${options.token}` }),
        ...options.headers,
      },
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} answered ${res.status}: ${text}`);
    return (text === '' ? undefined : JSON.parse(text)) as T;
  };

  /** Waits until `n` new bot messages have arrived after `before` (a count), and returns them. */
  readonly newMessages = async (before: number, n: number): Promise<BotMessage[]> => {
    const pg = this.pg();
    const end = Date.now() + WAIT_MS;
    while ((await pg.count()) < before + n) {
      if (Date.now() > end) throw new Error(`expected ${n} new bot messages, got ${(await pg.count()) - before}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    // A little longer: a second (unexpected) message would arrive now.
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    const count = await pg.count();
    return Array.from({ length: count - before }, (_, i) => pg.message(before + i));
  };

  async open(): Promise<void> {
    buildIfNeeded();
    mkdirSync(this.options.shots, { recursive: true });
    this.stack = await startStack({ extraEnv: this.options.extraEnv });
    try {
      await this.options.ready?.(this);
      this.browser = await launchBrowser();
      this.page = await this.browser.context.newPage();
      this.playground = new Playground(this.page);
      await this.page.goto(this.stack.chatUrl, { waitUntil: 'domcontentloaded', timeout: WAIT_MS });
    } catch (err) {
      this.failed = 'opening the Playground';
      throw await this.withContext(err, 'open');
    }
  }

  async close(): Promise<void> {
    await this.browser?.close().catch(() => undefined);
    await this.stack?.kill();
  }

  private async withContext(err: unknown, name: string): Promise<Error> {
    const message = err instanceof Error ? (err.stack ?? err.message) : String(err);
    const shot = await this.screenshot(`FAILED-${name}`);
    const log = this.playground ? await this.playground.logPanel().catch((e: unknown) => `(${String(e)})`) : '(no page)';
    const activity = this.playground ? await this.playground.lastActivity() : '(no page)';
    const wrapped = new Error(
      `${message}\n--- screenshot: ${shot}\n--- Log Panel ---\n${log}\n--- last activity the Playground sent ---\n${activity}` +
        `\n--- stack output ---\n${this.stack?.output() ?? '(not started)'}`,
    );
    wrapped.stack = wrapped.message;
    return wrapped;
  }
}

/** A {@link PlaygroundStory} for this test file: opened before its tests, closed after them. */
export function openStory(options: StoryOptions): PlaygroundStory {
  const story = new PlaygroundStory(options);
  beforeAll(() => story.open(), 180_000);
  afterAll(() => story.close(), 60_000);
  return story;
}
