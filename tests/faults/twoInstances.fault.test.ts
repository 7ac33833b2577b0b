/**
 * Issue 7, fault 4: two server instances on one store (as App Service runs two instances behind its load
 * balancer). Check-ins are spread over both, and a quarter of them are double submits sent to both instances at
 * the same moment; then the nudge job is triggered on both at once (an external timer that fires in each
 * instance). Read back from Azurite and the fake connector: every check-in stored and counted once, every
 * participant nudged exactly once.
 */
import { randomBytes } from 'node:crypto';
import { FakeConnector } from '../helpers/fakeConnector';
import {
  answersOf,
  checkinInvoke,
  isAcknowledged,
  pool,
  postActivity,
  printTable,
  finishPending,
  readStored,
  seedParticipants,
  serverEnv,
  ServerProcess,
  startStore,
  type FaultStore,
} from './harness';

const N = 200;
const CONCURRENCY = 32;
const JOBS_KEY = 'k-' + randomBytes(18).toString('hex');
/** Thursday 3 December 2026, 09:05 in Soest: after everyone's 09:00 nudge time, the day after the check-ins. */
const NUDGE_AT = '2026-12-03T09:05+01:00';
const doubleSubmit = (i: number) => i % 4 === 0;
const withBarrier = (i: number) => i % 3 === 0;

describe('two server instances on one store', () => {
  const connector = new FakeConnector();
  let store: FaultStore | undefined;
  const servers: ServerProcess[] = [];
  let ids: string[] = [];

  beforeAll(async () => {
    await connector.start();
    store = await startStore();
    ids = await seedParticipants(store, 't', N, { connectorUrl: connector.url, nudgeTime: '09:00' });
    for (let k = 0; k < 2; k++) servers.push(new ServerProcess(serverEnv(store, { JOBS_KEY })));
    await Promise.all(servers.map((s) => s.start()));
  }, 120_000);
  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await store?.close();
    await connector.stop();
  });

  it('check-ins spread over both, double submits across instances: stored and counted once', async () => {
    const s = store as FaultStore;
    const [a, b] = servers as [ServerProcess, ServerProcess];
    let acknowledged = 0;
    let bothAnswered = 0;
    let alreadyRecorded = 0;
    await pool(N, CONCURRENCY, async (i) => {
      const userId = ids[i] as string;
      const activity = checkinInvoke(userId, s.campaignId, answersOf(i, withBarrier(i), userId), connector.url);
      if (doubleSubmit(i)) {
        // The same click delivered to both instances at once.
        const results = await Promise.all([postActivity(a.base, activity), postActivity(b.base, activity)]);
        if (results.every(isAcknowledged)) bothAnswered++;
        if (results.some(isAcknowledged)) acknowledged++;
        alreadyRecorded += results.filter((r) => JSON.stringify(r.body).includes('had ik al')).length;
      } else if (isAcknowledged(await postActivity((i % 2 === 0 ? a : b).base, activity))) {
        acknowledged++;
      }
    });

    const repaired = await finishPending(s); // the countings the instances still run after their answers
    const stored = await readStored(s);
    const rows = [...stored.checkIns.values()].reduce((x, y) => x + y, 0);
    const doubles = ids.filter((_, i) => doubleSubmit(i)).length;
    printTable('two instances: check-ins', [
      ['participants', N],
      ['double submits (both instances)', doubles],
      ['double submits answered by both', bothAnswered],
      ['answers "already had this check-in"', alreadyRecorded],
      ['acknowledged', acknowledged],
      ['finished by the repair job afterwards', repaired],
      ['CheckIns rows', rows],
      ['DailyAggregates sum', stored.aggregateTotal],
      ['Barriers stored', [...stored.barriers.values()].reduce((x, y) => x + y, 0)],
    ]);

    expect(acknowledged).toBe(N);
    // Both instances answered every double submit with the summary; one of them found the check-in already there.
    expect(bothAnswered).toBe(doubles);
    expect(alreadyRecorded).toBe(doubles);
    expect(ids.filter((id) => stored.checkIns.get(id) !== 1)).toEqual([]);
    expect(rows).toBe(N);
    expect(stored.aggregateTotal).toBe(N);
    const expected = ids.flatMap((id, i) => (withBarrier(i) ? [answersOf(i, true, id).barrierText as string] : []));
    expect(expected.filter((text) => stored.barriers.get(text) !== 1)).toEqual([]);
    expect(stored.barriers.size).toBe(expected.length);
  });

  it('the nudge job triggered on both instances at once: every participant nudged exactly once', async () => {
    connector.reset();
    const trigger = (server: ServerProcess) =>
      fetch(`${server.base}/api/jobs/nudges`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${JOBS_KEY}` },
        body: JSON.stringify({ at: NUDGE_AT }),
      });
    // The timer fires at NUDGE_AT: each stack's clock moves there first (the route refuses an `at` ahead of it).
    const moveClock = (server: ServerProcess) =>
      fetch(`${server.base}/api/dev/clock`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${JOBS_KEY}` }, body: JSON.stringify({ at: NUDGE_AT }) });
    expect((await Promise.all(servers.map(moveClock))).map((r) => r.status)).toEqual([200, 200]);
    const answers = await Promise.all(servers.map(trigger));
    expect(answers.map((r) => r.status)).toEqual([200, 200]);
    const summaries = (await Promise.all(answers.map((r) => r.json()))) as { runs: { kind: string; sent: number; skipped: number; failed: number; uncertain: number }[] }[];

    const perConversation = new Map<string, number>();
    for (const call of connector.delivered()) {
      const m = /^\/v3\/conversations\/([^/]+)\/activities/.exec(call.path);
      if (call.method !== 'POST' || !m) continue;
      const conversation = decodeURIComponent(m[1] ?? '');
      perConversation.set(conversation, (perConversation.get(conversation) ?? 0) + 1);
    }
    const sentBy = summaries.map((sum) => sum.runs.filter((r) => r.kind === 'nudge').reduce((x, r) => x + r.sent, 0));
    printTable('two instances: the nudge job triggered on both at once', [
      ['participants', N],
      ['sent by instance A', sentBy[0] ?? 0],
      ['sent by instance B', sentBy[1] ?? 0],
      ['conversations reached', perConversation.size],
      ['conversations reached twice', [...perConversation.values()].filter((n) => n > 1).length],
      ['connector calls', connector.calls.length],
    ]);

    expect(ids.filter((id) => perConversation.get(`conv-${id}`) !== 1)).toEqual([]);
    expect(perConversation.size).toBe(N);
    expect((sentBy[0] ?? 0) + (sentBy[1] ?? 0)).toBe(N);
    // Both did share the work (else this proves nothing about two instances).
    expect(sentBy.every((n) => n > 0)).toBe(true);
  });
});
