/**
 * Issue 7, fault 2: the Bot Connector answers 500, 429 (with Retry-After) or nothing at all for a while. The real
 * server (a child process on Azurite) gets check-ins through the `Action.Submit` fallback (a message with the
 * card's data and `replyToId`: the bot stores the check-in, then replaces the card with `updateActivity`, a PUT
 * to the connector) and text commands (the reply is a POST). Per scenario, at the fake connector: every attempt of
 * every reply is counted (bounded), nothing is delivered twice once it recovers, the check-in is stored once, and
 * the request from "Teams" is answered, never left hanging.
 *
 * Limits under test (bot/src/platform/connectorClient.ts): the SDK's own 3 retries on 5xx/429/timeouts (4
 * attempts), a timeout per attempt (8 s; a timed-out PUT is tried again, a POST never: it may have arrived), and a
 * budget of 15 s per connector call that also cuts a long Retry-After.
 */
import { checkinTexts } from '@soestainable/bot/features/checkin/texts';
import { coreTexts } from '@soestainable/bot/features/core/coreTexts';
import { DEFAULT_CONNECTOR_LIMITS } from '@soestainable/bot/platform/connectorClient';
import { FakeConnector, type RecordedCall } from '../helpers/fakeConnector';
import {
  answersOf,
  checkinSubmit,
  isSummaryCard,
  postActivity,
  printTable,
  readStored,
  seedParticipants,
  serverEnv,
  ServerProcess,
  startStore,
  textMessage,
  type FaultStore,
  type PostResult,
} from './harness';

/** What a user must never read after their check-in was stored. */
const NOTHING_SAVED = /niets (is )?opgeslagen|er is niets opgeslagen|nothing (was|has been) saved/i;
/** The SDK's bound: the first attempt and 3 retries. */
const MAX_ATTEMPTS = 4;

describe('the Bot Connector fails (500, 429, hangs) while people check in', () => {
  const connector = new FakeConnector();
  let store: FaultStore | undefined;
  let server: ServerProcess | undefined;
  let users: string[] = [];
  let nextUser = 0;
  const figures: [string, string | number][] = [];

  beforeAll(async () => {
    await connector.start();
    store = await startStore();
    users = await seedParticipants(store, 'c', 12);
    server = new ServerProcess(serverEnv(store));
    await server.start();
  }, 90_000);
  beforeEach(() => connector.reset());
  afterAll(async () => {
    printTable('connector faults: attempts per reply at the fake connector (first attempt included)', figures);
    await server?.stop();
    await store?.close();
    await connector.stop();
  });

  const s = () => store as FaultStore;
  const base = () => (server as ServerProcess).base;
  const takeUser = () => users[nextUser++] as string;
  const cardPath = (user: string) => `/v3/conversations/conv-${user}/activities/card-${user}`;
  const replyPath = (user: string) => new RegExp(`^/v3/conversations/conv-${user}/activities(/|$)`);
  const posts = (user: string) => connector.attempts('POST', replyPath(user));
  const puts = (user: string) => connector.attempts('PUT', cardPath(user));
  const ok = (calls: RecordedCall[]) => calls.filter((c) => c.answer === 200);
  const textOf = (c: RecordedCall) => ((c.body ?? {}) as { text?: string }).text ?? '';
  const cardOf = (c: RecordedCall) => ((c.body ?? {}) as { attachments?: { content?: unknown }[] }).attachments?.[0]?.content;

  /** The user's Action.Submit check-in on the card `card-<user>`; answers the HTTP result and how long it took. */
  async function submit(user: string): Promise<{ result: PostResult; seconds: number }> {
    const started = Date.now();
    const result = await postActivity(base(), checkinSubmit(user, s().campaignId, answersOf(0, false, user), connector.url, `card-${user}`));
    return { result, seconds: (Date.now() - started) / 1000 };
  }

  async function storedOnce(user: string): Promise<void> {
    const stored = await readStored(s());
    expect({ user, rows: stored.checkIns.get(user) }).toEqual({ user, rows: 1 });
  }

  function record(name: string, user: string, seconds: number): void {
    const p = puts(user);
    const q = posts(user);
    figures.push([`${name}: card updates tried/delivered`, `${p.length}/${ok(p).length}`]);
    figures.push([`${name}: messages tried/delivered`, `${q.length}/${ok(q).length}`]);
    figures.push([`${name}: turn took (s)`, seconds.toFixed(1)]);
  }

  it('500 twice, then recovered: the check-in is stored once and the card is replaced once, on the 3rd attempt', async () => {
    const user = takeUser();
    connector.failFor(500, 2);
    const { result, seconds } = await submit(user);
    record('500 ×2', user, seconds);
    expect(result.status).toBe(200);
    await storedOnce(user);
    expect(puts(user).map((c) => c.answer)).toEqual([500, 500, 200]);
    expect(isSummaryCard(cardOf(ok(puts(user))[0] as RecordedCall))).toBe(true);
    expect(posts(user)).toEqual([]); // no error message: the user sees the summary, nothing else
  });

  it('429 with Retry-After twice, then recovered: the waits are honoured, one card update delivered', async () => {
    const user = takeUser();
    connector.failFor(429, 2, { retryAfter: 1 });
    const { result, seconds } = await submit(user);
    record('429 ×2 (Retry-After 1 s)', user, seconds);
    expect(result.status).toBe(200);
    await storedOnce(user);
    expect(puts(user).map((c) => c.answer)).toEqual([429, 429, 200]);
    expect(posts(user)).toEqual([]);
  });

  it('500 longer than the retries: attempts stop at 4, the user is not told "nothing was saved", a second click shows the stored check-in', async () => {
    const user = takeUser();
    connector.failFor(500, MAX_ATTEMPTS + 1); // the card update's 4 attempts, then the message saying so
    const { result, seconds } = await submit(user);
    record('500 ×5', user, seconds);
    expect(result.status).not.toBe('network-error');
    await storedOnce(user);
    expect(puts(user).map((c) => c.answer)).toEqual([500, 500, 500, 500]);
    // The message that the answer was saved but the card not updated got 500: it may have arrived, so it is not
    // sent again, and no other text follows it (certainly not "nothing was saved").
    expect(posts(user).map((c) => c.answer)).toEqual([500]);
    expect(textOf(posts(user)[0] as RecordedCall)).toBe(coreTexts.savedNotShown.nl);

    // The same with a connector that recovers after the card update: the message gets through, once.
    const second = takeUser();
    connector.failFor(500, MAX_ATTEMPTS);
    await submit(second);
    const told = ok(posts(second));
    expect(told).toHaveLength(1);
    expect(posts(second)).toHaveLength(1);
    expect(textOf(told[0] as RecordedCall)).not.toMatch(NOTHING_SAVED);
    expect(textOf(told[0] as RecordedCall)).toBe(coreTexts.savedNotShown.nl);

    // Recovered; the user clicks the button again: the summary of what is stored, and still one check-in.
    connector.reset();
    const again = await submit(user);
    expect(again.result.status).toBe(200);
    expect(puts(user).map((c) => c.answer)).toEqual([200]);
    const summary = JSON.stringify(cardOf(puts(user)[0] as RecordedCall));
    expect(isSummaryCard(cardOf(puts(user)[0] as RecordedCall))).toBe(true);
    expect(summary).not.toMatch(NOTHING_SAVED);
    await storedOnce(user);
  });

  it('one card update hangs: it times out and is tried once more (a PUT is idempotent); the turn ends', async () => {
    const user = takeUser();
    connector.hangNext(1);
    const { result, seconds } = await submit(user);
    record('hang ×1', user, seconds);
    expect(result.status).toBe(200);
    await storedOnce(user);
    expect(puts(user).map((c) => c.answer)).toEqual(['hung', 200]);
    expect(posts(user)).toEqual([]);
  });

  it('the connector hangs throughout: the turn still ends (budget), attempts are bounded, the check-in is stored once', async () => {
    const user = takeUser();
    connector.hangNext(3); // both card-update attempts and the error message
    const { result, seconds } = await submit(user);
    record('hang throughout', user, seconds);
    // Answered, not left hanging (without the limits this request never ends; the client gives up after 60 s).
    expect(result.status).not.toBe('network-error');
    await storedOnce(user);
    expect(puts(user).map((c) => c.answer)).toEqual(['hung', 'hung']);
    // The error message is a POST: it may have arrived, so it is never sent twice.
    expect(posts(user).map((c) => c.answer)).toEqual(['hung']);
  });

  it('429 with a Retry-After longer than the budget: the wait is cut, not sat out', async () => {
    const user = takeUser();
    const retryAfter = 60; // seconds: botbuilder alone would wait all of it, then retry
    connector.failFor(429, 1, { retryAfter });
    const { result, seconds } = await submit(user);
    record(`429 (Retry-After ${retryAfter} s)`, user, seconds);
    expect(result.status).not.toBe('network-error');
    await storedOnce(user);
    expect(puts(user).map((c) => c.answer)).toEqual([429]);
    // The turn's error message went out once the connector answered again; it does not deny the check-in.
    expect(ok(posts(user)).map((c) => NOTHING_SAVED.test(textOf(c)))).toEqual([false]);
  });

  it('a text command whose reply gets 500: the POST is not re-sent (it may have arrived); the user gets one error message', async () => {
    const user = takeUser();
    connector.failFor(500, 1);
    const started = Date.now();
    const result = await postActivity(base(), textMessage(user, 'inchecken', connector.url));
    record('command, 500 ×1', user, (Date.now() - started) / 1000);
    expect(result.status).toBe(200);
    expect(posts(user).map((c) => c.answer)).toEqual([500, 200]);
    // Today's card was posted once; the second POST is the turn's error message, not the card again.
    expect(JSON.stringify(cardOf(posts(user)[0] as RecordedCall))).toContain(checkinTexts.submit.nl);
    expect(cardOf(ok(posts(user))[0] as RecordedCall)).toBeUndefined();
    expect(textOf(ok(posts(user))[0] as RecordedCall)).not.toBe('');
  });

  it('a text command whose reply hangs: the POST is not re-sent (it may have arrived); the user gets one error message', async () => {
    const user = takeUser();
    connector.hangNext(1);
    const started = Date.now();
    const result = await postActivity(base(), textMessage(user, 'inchecken', connector.url));
    record('command, hang ×1', user, (Date.now() - started) / 1000);
    expect(result.status).not.toBe('network-error');
    const answers = posts(user).map((c) => c.answer);
    expect(answers).toEqual(['hung', 200]);
    // The second POST is the turn's error message, not the card again: no duplicate card.
    expect(cardOf(ok(posts(user))[0] as RecordedCall)).toBeUndefined();
    expect(textOf(ok(posts(user))[0] as RecordedCall)).not.toBe('');
  });

  it('the limits in force are the documented ones, and the "nothing was saved" check recognises those texts', () => {
    expect(DEFAULT_CONNECTOR_LIMITS).toEqual({ attemptTimeoutMs: 8_000, budgetMs: 15_000 });
    // The check above could fail: the texts that do say "nothing was saved" are caught by it.
    expect([coreTexts.busy.nl, coreTexts.busy.en, coreTexts.unknownAction.nl, coreTexts.unknownAction.en].filter((t) => !NOTHING_SAVED.test(t))).toEqual([]);
  });
});
