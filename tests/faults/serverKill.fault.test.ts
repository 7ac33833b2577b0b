/**
 * Issue 7, fault 3: the server process is killed (SIGKILL) during a burst of check-ins and restarted. 500
 * participants check in through the real server (a child process on Azurite with a data folder), 32 at a time, as
 * Teams sends `Action.Execute`; at three seeded random moments mid-burst the server is killed and started again.
 * Every check-in that was not acknowledged is sent again, as a person clicks again. Then, read from Azurite:
 * every acknowledged check-in is stored, none twice, the team-day counters add up to the stored rows, and every
 * barrier typed on a card is filed exactly once.
 */
import { seededRandom } from '@soestainable/testing/seeded';
import { FakeConnector } from '../helpers/fakeConnector';
import {
  answersOf,
  CheckinClient,
  printTable,
  finishPending,
  readStored,
  seedParticipants,
  serverEnv,
  ServerProcess,
  sleep,
  startStore,
  type FaultStore,
} from './harness';

const N = 500;
const CONCURRENCY = 32;
const KILLS = 3;
const SEED = 7;
const MAX_SENDS = 25;
const withBarrier = (i: number) => i % 5 === 0;

describe('the server killed with SIGKILL during a burst of check-ins, and restarted', () => {
  const connector = new FakeConnector();
  let store: FaultStore | undefined;
  let server: ServerProcess | undefined;
  let ids: string[] = [];

  beforeAll(async () => {
    await connector.start();
    store = await startStore();
    ids = await seedParticipants(store, 'k', N);
    server = new ServerProcess(serverEnv(store));
    await server.start();
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await store?.close();
    await connector.stop();
  });

  it('every acknowledged check-in is stored once; counters and barriers match the rows', async () => {
    const s = store as FaultStore;
    const srv = server as ServerProcess;
    const client = new CheckinClient(s.campaignId, connector.url);
    const random = seededRandom(SEED);
    // Three kill moments: after a random number of acknowledgements, spread over the burst.
    const killAt = Array.from({ length: KILLS }, (_, k) => Math.floor(((k + random()) / KILLS) * N * 0.8) + 10).sort((a, b) => a - b);

    let generation = 0; // bumped by every kill: a request that started in an older generation was cut by a kill
    let down = false;
    let inFlight = 0;
    let lostInFlight = 0;
    let refused = 0;
    let answeredNoAck = 0;
    const kills: { ackBefore: number; inFlight: number }[] = [];

    const queue = ids.map((_, i) => i);
    const worker = async () => {
      for (;;) {
        const i = queue.shift();
        if (i === undefined) {
          if (client.acknowledged.size >= N || inFlight === 0) return;
          await sleep(10); // others may still hand work back
          continue;
        }
        const userId = ids[i] as string;
        if (down) await until(() => !down);
        const gen = generation;
        inFlight++;
        const ok = await client.send(srv.base, userId, answersOf(i, withBarrier(i), userId));
        inFlight--;
        if (ok) continue;
        if (client.failures.get(userId) === 'network-error') {
          if (gen !== generation) lostInFlight++;
          else refused++;
        } else {
          answeredNoAck++;
        }
        // The user clicks again (a check-in that can never be acknowledged gives up, and fails the test below).
        if ((client.sends.get(userId) ?? 0) < MAX_SENDS) queue.push(i);
        await sleep(20);
      }
    };

    const killer = async () => {
      for (const at of killAt) {
        await until(() => client.acknowledged.size >= at);
        // A moment within 0–15 ms of that acknowledgement, requests in flight.
        await sleep(Math.floor(random() * 15));
        kills.push({ ackBefore: client.acknowledged.size, inFlight });
        down = true;
        generation++;
        const exit = await srv.kill();
        expect(exit.signal).toBe('SIGKILL');
        await srv.start();
        down = false;
      }
    };

    await Promise.all([killer(), ...Array.from({ length: CONCURRENCY }, worker)]);

    const repaired = await finishPending(s); // what a kill cut off after an answer, and what still runs
    const stored = await readStored(s);
    const totalSends = [...client.sends.values()].reduce((a, b) => a + b, 0);
    printTable('server killed mid-burst (SIGKILL, restart, clients retry what was not acknowledged)', [
      ['participants', N],
      ['concurrency', CONCURRENCY],
      ...kills.flatMap((k, n): [string, number][] => [
        [`kill ${n + 1}: acknowledged before`, k.ackBefore],
        [`kill ${n + 1}: requests in flight`, k.inFlight],
      ]),
      ['lost in flight (cut by a kill)', lostInFlight],
      ['refused while down', refused],
      ['answered without the summary', answeredNoAck],
      ['retried (sends beyond the first)', totalSends - N],
      ['retries that found it stored', client.foundStored.size],
      ['acknowledged, final', client.acknowledged.size],
      ['finished by the repair job afterwards', repaired],
      ['CheckIns rows', [...stored.checkIns.values()].reduce((a, b) => a + b, 0)],
      ['DailyAggregates sum', stored.aggregateTotal],
      ['Barriers stored', [...stored.barriers.values()].reduce((a, b) => a + b, 0)],
      ['server starts', srv.starts],
    ]);

    // The kills did land mid-burst, with requests cut (else this proves nothing about crashes).
    expect(kills).toHaveLength(KILLS);
    expect(lostInFlight).toBeGreaterThan(0);
    // Everyone ends acknowledged (the restarted server takes the retries).
    expect(client.acknowledged.size).toBe(N);
    // Every acknowledged check-in is stored, exactly once (one row per user-day).
    const missing = ids.filter((id) => client.acknowledged.has(id) && stored.checkIns.get(id) !== 1);
    expect(missing).toEqual([]);
    expect([...stored.checkIns.keys()].filter((id) => !ids.includes(id))).toEqual([]);
    // Counted once: the team-day counters add up to the rows.
    expect(stored.aggregateTotal).toBe(N);
    expect(stored.aggregateByTeam.get('publiekszaken')).toBe(N / 2);
    expect(stored.aggregateByTeam.get('buitendienst')).toBe(N / 2);
    // One barrier per check-in that had one, none twice, none lost.
    const expected = ids.flatMap((id, i) => (withBarrier(i) ? [answersOf(i, true, id).barrierText as string] : []));
    expect(expected.filter((text) => stored.barriers.get(text) !== 1)).toEqual([]);
    expect([...stored.barriers.keys()].filter((text) => !expected.includes(text))).toEqual([]);
    // The server never crashed on its own (only our SIGKILLs): the last process is still up.
    expect((await fetch(`${srv.base}/healthz`)).status).toBe(200);
  }, 170_000);
});

async function until(condition: () => boolean): Promise<void> {
  while (!condition()) await sleep(2);
}
