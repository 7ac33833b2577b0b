import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { createLogger } from '@soestainable/bot/platform/logger';
import { BotbuilderSender } from '@soestainable/bot/proactive/botbuilderSender';
import { FanOutEngine, type FanOutOptions, type FanOutRecipient } from '@soestainable/bot/proactive/fanOut';
import type { Sender } from '@soestainable/bot/proactive/sender';
import { ConversationRefsRepository } from '@soestainable/bot/storage/repositories/conversationRefs';
import { replayingTableClient } from '@soestainable/testing/replayingTableClient';
import { SendClaimsRepository, type SendClaimRow } from '@soestainable/bot/storage/repositories/sendClaims';
import { TableStore } from '@soestainable/bot/storage/tableStore';
import { SendRunsRepository } from '@soestainable/bot/storage/repositories/sendRuns';
import { LimitedConnector, type Fault } from '@soestainable/testing/limitedConnector';
import { seededRandom as seeded } from '@soestainable/testing/seeded';
import { useTestTables } from '../../helpers/storage';

describe('FanOutEngine (Azurite, fake connector over real HTTP)', () => {
  const tables = useTestTables();
  const connector = new LimitedConnector({ tenantLimitPerSecond: 400 });
  let claims: SendClaimsRepository;
  let runs: SendRunsRepository;
  let refs: ConversationRefsRepository;
  let sender: Sender;

  beforeAll(async () => {
    await connector.start();
    claims = new SendClaimsRepository(tables.store('SendClaims'));
    runs = new SendRunsRepository(tables.store('SendRuns'));
    refs = new ConversationRefsRepository(tables.store('ConversationRefs'));
    // The local case: an empty app id, so the adapter signs nothing and the fake connector is reached over HTTP.
    sender = new BotbuilderSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '');
  });
  afterAll(async () => {
    await connector.stop();
  });
  beforeEach(() => {
    connector.fault = undefined;
  });

  const reference = (conversationId: string) => ({
    channelId: 'msteams',
    serviceUrl: connector.url,
    conversation: { id: conversationId, conversationType: 'personal', tenantId: 'tenant-1' },
    bot: { id: '28:bot', name: 'Soestainable' },
    user: { id: `29:${conversationId}` },
  });
  /** Users `<prefix>-0` … with one personal conversation `conv-<prefix>-<i>` each. */
  async function seedUsers(prefix: string, n: number): Promise<string[]> {
    const ids = Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
    for (let i = 0; i < ids.length; i += 25) {
      await Promise.all(ids.slice(i, i + 25).map((id) => refs.save({ kind: 'user', userId: id }, 'personal', reference(`conv-${id}`))));
    }
    return ids;
  }
  const recipient = (id: string, extra: Partial<FanOutRecipient> = {}): FanOutRecipient => ({
    recipientId: id,
    build: () => ({ type: 'message', text: `nudge for ${id}` }),
    ...extra,
  });
  const engine = (instanceId: string, options: Partial<FanOutOptions> = {}) =>
    new FanOutEngine(
      { sendClaims: claims, sendRuns: runs, conversationRefs: refs, sender },
      { instanceId, tenantRate: 300, concurrency: 16, baseDelayMs: 20, maxDelayMs: 200, random: seeded(7), saveEvery: 50, ...options },
    );
  const statesOf = async (period: string) => {
    const byId = new Map<string, string>();
    for (const c of await claims.listRun('nudge', period)) byId.set(c.recipientId, c.state);
    return byId;
  };

  it('sends 200 recipients exactly once through 2 % injected 429s, 403/404/500 and missing references', async () => {
    const ids = await seedUsers('a', 200);
    await refs.markInactive({ kind: 'user', userId: 'a-7' }, 'personal');
    await refs.remove({ kind: 'user', userId: 'a-8' }, 'personal');
    const random = seeded(42);
    const injected429 = new Set<string>();
    const faults: Record<string, Fault> = {
      'conv-a-10': { status: 403 },
      'conv-a-11': { status: 404 },
      'conv-a-12': { status: 500 },
    };
    connector.fault = ({ conversationId, seq }) => {
      const fixed = faults[conversationId];
      if (fixed) return fixed;
      // 2 % of first tries answer 429, half of them with a Retry-After.
      if (seq === 1 && random() < 0.02) {
        injected429.add(conversationId);
        return injected429.size % 2 === 0 ? { status: 429, retryAfterSeconds: 1 } : { status: 429 };
      }
      return undefined;
    };
    const before = connector.deliveries.length;
    let progressCalls = 0;
    const run = await engine('instance-a', { onProgress: () => void progressCalls++ }).run({
      kind: 'nudge',
      period: 'p-200',
      recipients: ids.map((id) => recipient(id, id === 'a-9' ? { skipReason: 'paused' } : {})),
    });

    expect(injected429.size).toBeGreaterThan(0);
    expect(progressCalls).toBe(200);
    expect(connector.duplicates()).toEqual([]);
    const states = await statesOf('p-200');
    expect(states.size).toBe(200);
    for (const id of ids) expect(['sent', 'skipped', 'failed']).toContain(states.get(id));
    expect([...states.values()].filter((s) => s === 'sent')).toHaveLength(connector.deliveries.length - before);
    for (const conversationId of injected429) expect(connector.deliveredTo(conversationId)).toBe(1);

    expect(states.get('a-7')).toBe('skipped');
    expect(await claims.get('nudge', 'p-200', 'a-7')).toMatchObject({ skipReason: 'conversation_inactive' });
    expect(await claims.get('nudge', 'p-200', 'a-8')).toMatchObject({ state: 'skipped', skipReason: 'no_conversation' });
    expect(await claims.get('nudge', 'p-200', 'a-9')).toMatchObject({ state: 'skipped', skipReason: 'paused' });
    expect(connector.callsByConversation.get('conv-a-9')).toBeUndefined();
    // 403 and 404: the reference is marked inactive and the send stops after one call; 500 is not retried.
    expect(await claims.get('nudge', 'p-200', 'a-10')).toMatchObject({ state: 'failed', lastError: 'HTTP_403' });
    expect(await claims.get('nudge', 'p-200', 'a-11')).toMatchObject({ state: 'failed', lastError: 'HTTP_404' });
    expect(await claims.get('nudge', 'p-200', 'a-12')).toMatchObject({ state: 'failed', lastError: 'HTTP_500' });
    expect((await refs.get({ kind: 'user', userId: 'a-10' }, 'personal'))?.active).toBe(false);
    expect((await refs.get({ kind: 'user', userId: 'a-11' }, 'personal'))?.active).toBe(false);
    for (const c of ['conv-a-10', 'conv-a-11', 'conv-a-12']) expect(connector.callsByConversation.get(c)).toBe(1);
    // The SDK's own retries are off: a 429'd conversation saw exactly two calls (the 429, then the send).
    for (const conversationId of injected429) expect(connector.callsByConversation.get(conversationId)).toBe(2);

    expect(run).toMatchObject({
      queued: 200,
      sent: 197 - 3,
      failed: 3,
      skipped: 3,
      skippedByReason: { conversation_inactive: 1, no_conversation: 1, paused: 1 },
      uncertain: 0,
      throttled: injected429.size,
      retried: injected429.size,
    });
    expect(run.finishedAt).toEqual(expect.any(String));
    expect(await runs.get('nudge', run.runId)).toEqual(run);

    // The same run again sends nothing: every claim is taken.
    const again = await engine('instance-a2').run({ kind: 'nudge', period: 'p-200', recipients: ids.map((id) => recipient(id)) });
    expect(again).toMatchObject({ queued: 200, sent: 0, skipped: 200, skippedByReason: { already_claimed: 200 }, uncertain: 0 });
    expect(connector.duplicates()).toEqual([]);
  });

  it('shares one run between two instances started together: zero duplicates', async () => {
    const ids = await seedUsers('b', 200);
    // Recipients read lazily from a generator, as a job would page them from storage.
    async function* page(): AsyncGenerator<FanOutRecipient> {
      for (const id of ids) yield recipient(id);
    }
    const [one, two] = await Promise.all([
      engine('instance-b1', { concurrency: 8 }).run({ kind: 'nudge', period: 'p-two', recipients: page() }),
      engine('instance-b2', { concurrency: 8 }).run({ kind: 'nudge', period: 'p-two', recipients: page() }),
    ]);
    expect(connector.duplicates()).toEqual([]);
    for (const id of ids) expect(connector.deliveredTo(`conv-${id}`)).toBe(1);
    expect(one.sent + two.sent).toBe(200);
    expect(one.skippedByReason['already_claimed'] ?? 0).toBe(200 - one.sent - one.uncertain);
    const states = await statesOf('p-two');
    expect([...states.values()].every((s) => s === 'sent')).toBe(true);
  });

  it.each([
    ['grouped claims (claimMany)', true],
    ['single claims', false],
  ])('owns the claims whose insert the storage SDK retried after it committed; two runs of one process still never share one (%s)', async (_, groupCommit) => {
    const prefix = groupCommit ? 'k' : 'l';
    const ids = await seedUsers(prefix, 60);
    // Every claim write commits, then is sent again (the SDK's retry after a lost answer) and answers 409.
    const replaying = replayingTableClient(tables.client('SendClaims'));
    const retried = new SendClaimsRepository(new TableStore<SendClaimRow>(replaying.client));
    const oneProcess = new FanOutEngine(
      { sendClaims: retried, sendRuns: runs, conversationRefs: refs, sender },
      { instanceId: 'instance-k', tenantRate: 300, concurrency: 8, groupCommit, random: seeded(5) },
    );
    const period = `p-lost-${prefix}`;
    // The same recipient twice in one run is sent once too.
    const [one, two] = await Promise.all([
      oneProcess.run({ kind: 'nudge', period, recipients: [...ids, ids[0] as string].map((id) => recipient(id)) }),
      oneProcess.run({ kind: 'nudge', period, recipients: [...ids].reverse().map((id) => recipient(id)) }),
    ]);
    expect(replaying.replays.createEntity + replaying.replays.submitTransaction).toBeGreaterThan(0);
    for (const id of ids) expect(connector.deliveredTo(`conv-${id}`)).toBe(1);
    expect(one.sent + two.sent).toBe(60);
    expect(one.uncertain + two.uncertain).toBe(0);
    expect(one.skippedByReason['already_claimed']).toBe(61 - one.sent);
    const claimed = await claims.listRun('nudge', period);
    expect(claimed.every((c) => c.state === 'sent')).toBe(true);
    // Two runs, two tokens, both of this instance.
    expect(new Set(claimed.map((c) => c.claimedBy)).size).toBe(one.sent > 0 && two.sent > 0 ? 2 : 1);
    expect(claimed.every((c) => c.claimedBy.startsWith('instance-k.'))).toBe(true);
  });

  it('after a crash, reports claims left in flight as uncertain and never resends them', async () => {
    const ids = await seedUsers('c', 40);
    // A previous process claimed five recipients and died: no send recorded, maybe sent, maybe not.
    const crashed = new SendClaimsRepository(tables.store('SendClaims'), () => new Date(Date.now() - 60_000));
    const stuck = ids.slice(0, 5);
    for (const id of stuck) expect(await crashed.claim('nudge', 'p-crash', id, 'instance-dead')).toBe('claimed');

    const run = await engine('instance-c').run({ kind: 'nudge', period: 'p-crash', recipients: ids.map((id) => recipient(id)) });
    expect(run).toMatchObject({ queued: 40, sent: 35, skipped: 0, skippedByReason: {}, uncertain: 5, failed: 0 });
    for (const id of stuck) {
      expect(connector.callsByConversation.get(`conv-${id}`)).toBeUndefined();
      expect(await claims.get('nudge', 'p-crash', id)).toMatchObject({ state: 'claimed', claimedBy: 'instance-dead' });
    }
    expect(connector.duplicates()).toEqual([]);
  });

  afterEach(() => {
    // One message per personal conversation, whatever the test (team conversations take several).
    expect(connector.duplicates().filter((c) => !c.startsWith('conv-team'))).toEqual([]);
  });

  it('paces many messages to one conversation within its limits (a team channel)', async () => {
    await refs.save({ kind: 'team', teamId: 'team-1' }, 'channel', reference('conv-team-1'));
    const recipients = Array.from({ length: 12 }, (_, i) =>
      recipient(`team-1:item-${i}`, { owner: { kind: 'team', teamId: 'team-1' } }),
    );
    const throttledBefore = connector.conversationLimit429;
    const run = await engine('instance-d').run({ kind: 'nudge', period: 'p-team', recipients });
    expect(run).toMatchObject({ sent: 12, throttled: 0 });
    expect(connector.deliveredTo('conv-team-1')).toBe(12);
    expect(connector.conversationLimit429).toBe(throttledBefore);
  });

  it('waits out slow answers, and gives up on endless 429s after maxAttempts', async () => {
    const ids = await seedUsers('e', 6);
    connector.fault = ({ conversationId }) => {
      if (conversationId === 'conv-e-0' || conversationId === 'conv-e-1') return { delayMs: 300 };
      if (conversationId === 'conv-e-2') return { status: 429 };
      if (conversationId === 'conv-e-3') return { status: 502, delayMs: 50 };
      return undefined;
    };
    const run = await engine('instance-e', { maxAttempts: 3 }).run({ kind: 'nudge', period: 'p-slow', recipients: ids.map((id) => recipient(id)) });
    expect(run).toMatchObject({ queued: 6, sent: 4, failed: 2, throttled: 3, retried: 2 });
    expect(connector.deliveredTo('conv-e-0')).toBe(1);
    expect(connector.deliveredTo('conv-e-1')).toBe(1);
    expect(connector.callsByConversation.get('conv-e-2')).toBe(3);
    expect(connector.callsByConversation.get('conv-e-3')).toBe(3);
    expect(await claims.get('nudge', 'p-slow', 'e-2')).toMatchObject({ state: 'failed', lastError: 'HTTP_429' });
    expect(await claims.get('nudge', 'p-slow', 'e-3')).toMatchObject({ state: 'failed', lastError: 'HTTP_502' });
  });

  it('leaves a send that gets no answer in time uncertain and never resends it, though it may land later', async () => {
    const ids = await seedUsers('g', 4);
    connector.fault = ({ conversationId }) => (conversationId === 'conv-g-1' ? { delayMs: 600 } : undefined);
    const run = await engine('instance-g', { attemptTimeoutMs: 150 }).run({ kind: 'nudge', period: 'p-timeout', recipients: ids.map((id) => recipient(id)) });
    expect(run).toMatchObject({ queued: 4, sent: 3, failed: 0, retried: 0, uncertain: 1 });
    // Claimed with this run's token: the instance id and a per-run nonce.
    expect(await claims.get('nudge', 'p-timeout', 'g-1')).toMatchObject({ state: 'claimed', claimedBy: expect.stringMatching(/^instance-g\.[0-9a-f]{12}$/) });
    expect(connector.callsByConversation.get('conv-g-1')).toBe(1);
    // The abandoned request still arrives: had the engine retried, this user would have had two messages.
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(connector.deliveredTo('conv-g-1')).toBe(1);
    // A later run leaves it alone too, and reports it.
    const again = await engine('instance-g2').run({ kind: 'nudge', period: 'p-timeout', recipients: ids.map((id) => recipient(id)) });
    expect(again).toMatchObject({ sent: 0, uncertain: 1 });
    expect(connector.callsByConversation.get('conv-g-1')).toBe(1);
  });

  it('retries a request that never reached the connector (refused), then fails it as NOT_CONNECTED', async () => {
    const closed = await new LimitedConnector().start();
    const deadUrl = closed.url;
    await closed.stop();
    await refs.save({ kind: 'user', userId: 'h-0' }, 'personal', { ...reference('conv-h-0'), serviceUrl: deadUrl });
    const run = await engine('instance-h', { maxAttempts: 3 }).run({ kind: 'nudge', period: 'p-refused', recipients: [recipient('h-0')] });
    expect(run).toMatchObject({ sent: 0, failed: 1, retried: 1, uncertain: 0 });
    expect(await claims.get('nudge', 'p-refused', 'h-0')).toMatchObject({ state: 'failed', lastError: 'NOT_CONNECTED' });
    // The conversation itself is fine: it stays active for the next run.
    expect((await refs.get({ kind: 'user', userId: 'h-0' }, 'personal'))?.active).toBe(true);
  });

  it('reads the references in pages when asked, and still finds one stored after the pages were read', async () => {
    const ids = await seedUsers('i', 30);
    await refs.markInactive({ kind: 'user', userId: 'i-1' }, 'personal');
    await refs.remove({ kind: 'user', userId: 'i-2' }, 'personal');
    let pointReads = 0;
    const counting = Object.create(refs) as ConversationRefsRepository;
    counting.get = async (...args) => {
      pointReads++;
      return refs.get(...args);
    };
    const late = async function* (): AsyncGenerator<FanOutRecipient> {
      for (const id of ids) yield recipient(id);
      // Installed after the run read its pages.
      await refs.save({ kind: 'user', userId: 'i-late' }, 'personal', reference('conv-i-late'));
      yield recipient('i-late');
    };
    const run = await new FanOutEngine(
      { sendClaims: claims, sendRuns: runs, conversationRefs: counting, sender },
      { instanceId: 'instance-i', tenantRate: 300, concurrency: 8 },
    ).run({ kind: 'nudge', period: 'p-pages', recipients: late(), prefetchReferences: ['personal'] });
    expect(run).toMatchObject({ queued: 31, sent: 29, skipped: 2, skippedByReason: { conversation_inactive: 1, no_conversation: 1 } });
    expect(connector.deliveredTo('conv-i-late')).toBe(1);
    // Only the two missing from the pages were read one by one (i-2, never stored, and i-late).
    expect(pointReads).toBe(2);
  });

  it('brakes the tenant rate when the tenant answers many 429s (a SEND_RATE above the real limit), still sending each once', async () => {
    const tight = await new LimitedConnector({ tenantLimitPerSecond: 15 }).start();
    try {
      const ids = Array.from({ length: 60 }, (_, i) => `j-${i}`);
      await Promise.all(ids.map((id) => refs.save({ kind: 'user', userId: id }, 'personal', { ...reference(`conv-${id}`), serviceUrl: tight.url })));
      const lines: string[] = [];
      const logger = createLogger('warn', (line) => void lines.push(line));
      const run = await new FanOutEngine(
        { sendClaims: claims, sendRuns: runs, conversationRefs: refs, sender, logger },
        // Configured at 200/s against a tenant that takes 15/s; enough attempts to get through.
        { instanceId: 'instance-j', tenantRate: 200, concurrency: 16, baseDelayMs: 50, maxDelayMs: 400, maxAttempts: 30, random: seeded(3) },
      ).run({ kind: 'nudge', period: 'p-brake', recipients: ids.map((id) => recipient(id)) });
      expect(lines.some((l) => l.includes('slowing the tenant rate'))).toBe(true);
      expect(run).toMatchObject({ queued: 60, sent: 60, failed: 0, uncertain: 0 });
      expect(tight.duplicates()).toEqual([]);
      expect(tight.deliveries).toHaveLength(60);
      expect(run.throttled).toBeGreaterThan(0);
    } finally {
      await tight.stop();
    }
  });

  it('stops the run, records it and throws when storage fails, leaving no claim unaccounted', async () => {
    const ids = await seedUsers('f', 10);
    const failing = Object.create(claims) as SendClaimsRepository;
    // Outcomes are written in group transactions: the one holding f-3's "sent" fails.
    failing.finishMany = async (...args) => {
      if (args[2].some((o) => o.recipientId === 'f-3')) throw Object.assign(new Error('storage down'), { code: 'STORAGE_UNAVAILABLE' });
      return claims.finishMany(...args);
    };
    const broken = new FanOutEngine(
      { sendClaims: failing, sendRuns: runs, conversationRefs: refs, sender },
      { instanceId: 'instance-f', concurrency: 2, tenantRate: 300 },
    );
    await expect(broken.run({ kind: 'nudge', period: 'p-broken', recipients: ids.map((id) => recipient(id)) })).rejects.toMatchObject({
      code: 'STORAGE_UNAVAILABLE',
    });
    // f-3 went out but its claim could not be closed: it stays `claimed`, so a later run reports it, never resends it.
    expect(await claims.get('nudge', 'p-broken', 'f-3')).toMatchObject({ state: 'claimed' });
    const [latest] = await runs.latest('nudge', 1);
    expect(latest?.finishedAt).toEqual(expect.any(String));
    const resumed = await engine('instance-f2').run({ kind: 'nudge', period: 'p-broken', recipients: ids.map((id) => recipient(id)) });
    // f-3 and whoever shared its failed transaction (at most the 2 workers' claims), never resent.
    expect(resumed.uncertain).toBeGreaterThanOrEqual(1);
    expect(resumed.uncertain).toBeLessThanOrEqual(2);
    for (const id of ids) expect(connector.deliveredTo(`conv-${id}`)).toBe(1);
  });
});
