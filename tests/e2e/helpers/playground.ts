import type { Locator, Page } from 'playwright-core';

/**
 * Driving the Microsoft 365 Agents Playground (0.2.x) like a person: type in the compose box, read the bot's
 * messages, click on cards. Selectors as in STACK.md ("Microsoft 365 Agents Playground"): bot messages are
 * `.fai-OutputCard` (the chat list on the left repeats the last text, so text look-ups stay inside them), card
 * inputs are Fluent controls found by role and label.
 */

/** Generous: the machines are small and a first Azurite query can take a while. Not a performance limit. */
export const WAIT_MS = 60_000;

const BOT_MESSAGE = '.fai-OutputCard';
const CARD = '.ac-adaptiveCard';
const COMPOSE = '[contenteditable="true"][role="textbox"]';

export const squash = (s: string): string => s.replace(/\s+/g, ' ').trim();

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until `check` returns a value; `undefined` after `timeoutMs`. */
async function poll<T>(check: () => Promise<T | undefined>, timeoutMs: number, everyMs = 200): Promise<T | undefined> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() >= end) return undefined;
    await sleep(everyMs);
  }
}

/** One bot message in the chat, found by its position (cards are replaced in place, so positions are stable). */
export class BotMessage {
  constructor(
    readonly page: Page,
    readonly index: number,
  ) {}

  /** The whole message (with the Playground's "Your response was sent to the app" toast, when shown). */
  get locator(): Locator {
    return this.page.locator(BOT_MESSAGE).nth(this.index);
  }

  /** The Adaptive Card in it. */
  get card(): Locator {
    return this.locator.locator(CARD).first();
  }

  /** The message's text, whitespace squashed: the card's text when it has a card, else the message's. */
  async text(): Promise<string> {
    const hasCard = (await this.locator.locator(CARD).count()) > 0;
    return squash(await (hasCard ? this.card : this.locator).innerText());
  }

  /** Waits until every text in `expected` is in the message; throws naming the missing ones and what is there. */
  async expectTexts(what: string, expected: readonly string[], timeoutMs = WAIT_MS): Promise<string> {
    let last = '';
    const found = await poll(async () => {
      last = await this.text().catch(() => '');
      return expected.every((e) => last.includes(squash(e))) ? last : undefined;
    }, timeoutMs);
    if (found !== undefined) return found;
    const missing = expected.filter((e) => !last.includes(squash(e)));
    throw new Error(`${what}: bot message #${this.index} lacks ${JSON.stringify(missing)}.\nIt says: ${last}`);
  }

  /**
   * Clicks `button` on the card and waits for the card to change (the invoke response replaces it in place),
   * then for `expected`. Fails fast, with what the card says instead, when it changed into something else (an
   * error line, another card), and when the number of bot messages changed (the card was not replaced in place).
   */
  async submit(what: string, button: string, expected: readonly string[]): Promise<string> {
    const messages = this.page.locator(BOT_MESSAGE);
    const before = await messages.count();
    const textBefore = await this.text();
    await this.card.getByRole('button', { name: button, exact: true }).click();
    const changed = await poll(async () => {
      const now = await this.text().catch(() => textBefore);
      return now !== textBefore ? now : undefined;
    }, WAIT_MS);
    if (changed === undefined) {
      throw new Error(`${what}: the card did not change within ${WAIT_MS} ms of clicking "${button}".\nIt says: ${textBefore}`);
    }
    // A little time for a half-rendered card to settle before judging it.
    const text = await this.expectTexts(what, expected, 10_000);
    const after = await messages.count();
    if (after !== before) {
      throw new Error(`${what}: ${before} bot messages before clicking "${button}", ${after} after: the card was not replaced in place.`);
    }
    return text;
  }

  /**
   * Clicks `button` (a button of this card found by the caller, e.g. one of several "Herken ik" buttons) and waits
   * like {@link submit}: the card changes in place into `expected`. `followUps` is how many new bot messages the click
   * may bring besides (a card offered after a report); any other number fails.
   */
  async press(what: string, button: Locator, expected: readonly string[], options: { followUps?: number } = {}): Promise<string> {
    const followUps = options.followUps ?? 0;
    const messages = this.page.locator(BOT_MESSAGE);
    const before = await messages.count();
    const textBefore = await this.text();
    await button.click();
    const changed = await poll(async () => {
      const now = await this.text().catch(() => textBefore);
      return now !== textBefore ? now : undefined;
    }, WAIT_MS);
    if (changed === undefined) throw new Error(`${what}: the card did not change within ${WAIT_MS} ms of the click.\nIt says: ${textBefore}`);
    const text = await this.expectTexts(what, expected, 10_000);
    if (followUps > 0) await poll(async () => ((await messages.count()) >= before + followUps ? true : undefined), WAIT_MS);
    // A little longer: an unexpected extra message would arrive now.
    await sleep(1_500);
    const after = await messages.count();
    if (after !== before + followUps) {
      throw new Error(`${what}: ${before} bot messages before the click, ${after} after (expected ${before + followUps}): the card was not replaced in place, or a follow-up is missing or extra.`);
    }
    return text;
  }

  /** Picks `option` in the compact choice set labelled `label` (a combobox; its options are on the page). */
  async choose(label: string, option: string): Promise<void> {
    await this.card.getByRole('combobox', { name: label, exact: true }).click();
    await this.page.getByRole('listbox').getByRole('option', { name: option, exact: true }).click();
    await this.page.getByRole('listbox').waitFor({ state: 'hidden', timeout: WAIT_MS });
  }

  /** The current text of the combobox labelled `label`. */
  async comboboxValue(label: string): Promise<string> {
    return this.card.getByRole('combobox', { name: label, exact: true }).inputValue();
  }

  /** Checks the radio button `option` of the expanded choice set labelled `group`. */
  async pick(group: string, option: string): Promise<void> {
    await this.card.getByRole('radiogroup', { name: group, exact: true }).getByRole('radio', { name: option, exact: true }).check();
  }

  /**
   * Ticks the toggle labelled `label`. Its accessible name is its label followed by its title, so it is found by
   * the start of its name.
   */
  async tick(label: string): Promise<void> {
    const name = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`);
    await this.card.getByRole('checkbox', { name }).check();
  }
}

export class Playground {
  constructor(readonly page: Page) {}

  /** Bot messages so far. */
  count(): Promise<number> {
    return this.page.locator(BOT_MESSAGE).count();
  }

  message(index: number): BotMessage {
    return new BotMessage(this.page, index);
  }

  /** Waits for the first bot message (the install greeting) and returns all that arrived within `settleMs`. */
  async greetings(settleMs = 3_000): Promise<BotMessage[]> {
    await this.page.locator(BOT_MESSAGE).first().waitFor({ state: 'visible', timeout: WAIT_MS });
    await sleep(settleMs);
    const n = await this.count();
    return Array.from({ length: n }, (_, i) => this.message(i));
  }

  /** Types `text` in the compose box and returns the bot's first answer to it (a new message). */
  async send(text: string): Promise<BotMessage> {
    const before = await this.count();
    const compose = this.page.locator(COMPOSE);
    await compose.waitFor({ state: 'visible', timeout: WAIT_MS });
    await compose.fill(text);
    await compose.press('Enter');
    const arrived = await poll(async () => ((await this.count()) > before ? true : undefined), WAIT_MS);
    if (!arrived) throw new Error(`no answer from the bot within ${WAIT_MS} ms of typing "${text}"`);
    const message = this.message(before);
    await message.locator.waitFor({ state: 'visible', timeout: WAIT_MS });
    return message;
  }

  /** The Log Panel (part of the page's text): "… -> … invoke 200", "(!) Warning …". */
  async logPanel(): Promise<string> {
    const body = await this.page.locator('body').innerText();
    const at = body.indexOf('Log Panel');
    return at < 0 ? '(no Log Panel)' : body.slice(at);
  }

  /**
   * A throwing invoke handler shows as "invoke 501" and "(!) Warning … not implemented" in the Log Panel; any
   * other 4xx/5xx on an invoke or message is just as wrong. Throws naming the lines.
   */
  async expectNoErrors(): Promise<void> {
    const body = await this.page.locator('body').innerText();
    const bad = body.split('\n').filter((line) => /invoke 501|not implemented|(invoke|message) [45]\d\d\b/i.test(line));
    if (bad.length > 0) throw new Error(`the Playground reports errors:\n${bad.join('\n')}`);
  }

  /**
   * The activity JSON of the last Log Panel line matching `line` (the Playground shows it when the line is
   * clicked): the evidence of what the Playground really sent. `undefined` when there is no such line.
   */
  async activity(line: RegExp, tab: 'Request' | 'Response' = 'Request'): Promise<string | undefined> {
    const lines = this.page.getByText(line);
    const n = await lines.count();
    if (n === 0) return undefined;
    await lines.nth(n - 1).click();
    const request = this.page.getByRole('tab', { name: 'Request', exact: true });
    await request.waitFor({ state: 'visible', timeout: 10_000 });
    if (tab === 'Response') await this.page.getByRole('tab', { name: 'Response', exact: true }).click();
    await sleep(300);
    const text = await request.locator('xpath=../../..').innerText();
    return text.replace(/^Request\s*Response\s*/, '');
  }

  /** The last invoke or message the Playground sent to the bot, for an error report; never throws. */
  async lastActivity(): Promise<string> {
    try {
      const json = await this.activity(/Playground -> User Application (invoke|message) \d{3}/);
      return json === undefined ? '(none)' : json.slice(0, 6_000);
    } catch (err) {
      return `(could not read it: ${String(err)})`;
    }
  }
}

/**
 * The Playground's team channel (its default config: team "My Team" with the channels "General" and
 * "Announcements"; the current user is the same person as in the personal chat). Opening it installs the app in the
 * team (installationUpdate and conversationUpdate). A message reaches the bot only with an @mention, as in Teams;
 * the bot's text answers come as replies in the post's thread, its proactive cards as new posts. Channel messages
 * are not `.fai-OutputCard`s, so texts are looked up as exact texts and cards as Adaptive Cards with a text.
 */
export class PlaygroundChannel {
  constructor(
    readonly page: Page,
    readonly channel = 'General',
    readonly bot = 'Test Bot',
  ) {}

  /** Opens the channel from the sidebar and waits for its compose box. */
  async open(): Promise<void> {
    await this.page.getByRole('treeitem', { name: `My Team - ${this.channel}` }).click();
    await this.page.getByText('Start a new post', { exact: true }).waitFor({ state: 'visible', timeout: WAIT_MS });
  }

  /** Starts a new post "@bot `text`" (the mention picked from the compose box's typeahead, as a person would). */
  async post(text: string): Promise<void> {
    const compose = this.page.locator(COMPOSE).first();
    await compose.click();
    await compose.pressSequentially(`@${this.bot.split(' ')[0] ?? this.bot}`);
    await this.page.locator('#typeahead-menu').getByRole('menuitem', { name: this.bot }).click();
    await compose.pressSequentially(` ${text}`);
    await this.page.getByRole('button', { name: 'Post', exact: true }).click();
  }

  /**
   * Waits until a text message (a paragraph) whose whole text is `text` is in the channel. The Log Panel repeats
   * the text in a span of its own, which is not counted.
   */
  async expectText(what: string, text: string): Promise<void> {
    const whole = new RegExp(`^\\s*${squash(text).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\s*$`);
    await this.page
      .locator('p')
      .filter({ hasText: whole })
      .first()
      .waitFor({ state: 'visible', timeout: WAIT_MS })
      .catch(() => {
        throw new Error(`${what}: no message "${text}" in the channel within ${WAIT_MS} ms`);
      });
  }

  /** How many Adaptive Cards in the channel contain `text`. */
  cardsWith(text: string): Promise<number> {
    return this.page.locator(CARD).filter({ hasText: text }).count();
  }
}
