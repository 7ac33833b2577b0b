import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { findFreePort } from '@soestainable/bot/platform/ports';
import { isAppError } from '@soestainable/bot/errors';
import { StorageBreaker, StorageCircuitOpenError, type BreakerChange, type PipelinePolicy } from '@soestainable/bot/storage/breaker';
import { azuriteConnectionString } from '@soestainable/bot/storage/azurite';
import { TableClients } from '@soestainable/bot/storage/tables';
import { TableStore } from '@soestainable/bot/storage/tableStore';
import { testConnectionString } from '../../../helpers/storage';

type SendRequest = Parameters<PipelinePolicy['sendRequest']>[1];
type PipelineRequest = Parameters<PipelinePolicy['sendRequest']>[0];
type PipelineResponse = Awaited<ReturnType<SendRequest>>;

// The breaker never looks inside a request or a response: plain stand-ins are enough for the policy tests.
const request = { url: 'http://storage.test/Table' } as unknown as PipelineRequest;
const answer = (status: number) => ({ status, request, headers: {} }) as unknown as PipelineResponse;
const refused = () => Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { name: 'RestError', code: 'ECONNREFUSED' });
const httpError = (statusCode: number) => Object.assign(new Error(`status ${statusCode}`), { name: 'RestError', statusCode, response: answer(statusCode) });

/** A breaker on a hand-moved clock, and a `send` that counts how often the call reached the SDK's next policy. */
function harness(coolDownMs = 1000) {
  let clock = 0;
  const changes: BreakerChange[] = [];
  const breaker = new StorageBreaker({ coolDownMs, now: () => clock, onChange: (c) => changes.push(c) });
  let reached = 0;
  const send = (outcome: () => Promise<PipelineResponse>) =>
    breaker.policy.sendRequest(request, async () => {
      reached += 1;
      return outcome();
    });
  return {
    breaker,
    changes,
    send,
    advance: (ms: number) => (clock += ms),
    reached: () => reached,
  };
}

describe('StorageBreaker (the pipeline policy)', () => {
  it('opens on a connection failure, then refuses at once with STORAGE_UNAVAILABLE without calling storage', async () => {
    const h = harness();
    await expect(h.send(async () => answer(200))).resolves.toMatchObject({ status: 200 });
    await expect(h.send(async () => Promise.reject(refused()))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(h.breaker.state).toBe('open');
    const before = h.reached();
    for (let i = 0; i < 5; i++) {
      const err: unknown = await h.send(async () => answer(200)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StorageCircuitOpenError);
      expect(isAppError(err, 'STORAGE_UNAVAILABLE')).toBe(true);
    }
    expect(h.reached()).toBe(before);
    expect(h.breaker.refusedCalls).toBe(5);
  });

  it('lets one probe through after the cool-down while the others still fail at once; its answer closes it', async () => {
    const h = harness(1000);
    await h.send(async () => Promise.reject(refused())).catch(() => undefined);
    h.advance(999);
    await expect(h.send(async () => answer(200))).rejects.toBeInstanceOf(StorageCircuitOpenError);
    h.advance(1);
    let finishProbe: (r: PipelineResponse) => void = () => undefined;
    const probe = h.send(() => new Promise<PipelineResponse>((resolve) => (finishProbe = resolve)));
    expect(h.breaker.state).toBe('probing');
    await expect(h.send(async () => answer(200))).rejects.toBeInstanceOf(StorageCircuitOpenError);
    finishProbe(answer(204));
    await expect(probe).resolves.toMatchObject({ status: 204 });
    expect(h.breaker.state).toBe('closed');
    await expect(h.send(async () => answer(200))).resolves.toMatchObject({ status: 200 });
    expect(h.changes.map((c) => `${c.from}->${c.to}`)).toEqual(['closed->open', 'open->probing', 'probing->closed']);
    expect(h.changes[2]?.refused).toBe(2);
  });

  it('opens again for a whole cool-down when the probe cannot reach storage either', async () => {
    const h = harness(1000);
    await h.send(async () => Promise.reject(refused())).catch(() => undefined);
    h.advance(1500);
    await expect(h.send(async () => Promise.reject(refused()))).rejects.toMatchObject({ code: 'ECONNREFUSED' });
    expect(h.breaker.state).toBe('open');
    h.advance(999);
    await expect(h.send(async () => answer(200))).rejects.toBeInstanceOf(StorageCircuitOpenError);
    h.advance(1);
    await expect(h.send(async () => answer(200))).resolves.toMatchObject({ status: 200 });
    expect(h.breaker.state).toBe('closed');
  });

  it('treats any HTTP answer, even a 500 or 503, as storage reachable: it never opens on one, and it closes on one', async () => {
    const h = harness();
    for (const status of [404, 409, 412, 500, 503]) {
      await expect(h.send(async () => Promise.reject(httpError(status)))).rejects.toMatchObject({ statusCode: status });
    }
    expect(h.breaker.state).toBe('closed');
    await h.send(async () => Promise.reject(refused())).catch(() => undefined);
    h.advance(1000);
    await expect(h.send(async () => Promise.reject(httpError(404)))).rejects.toMatchObject({ statusCode: 404 });
    expect(h.breaker.state).toBe('closed');
  });

  it('gives no verdict on a probe its caller aborted: the next call probes', async () => {
    const h = harness();
    await h.send(async () => Promise.reject(refused())).catch(() => undefined);
    h.advance(1000);
    const aborted = Object.assign(new Error('The operation was aborted.'), { name: 'AbortError' });
    await expect(h.send(async () => Promise.reject(aborted))).rejects.toBe(aborted);
    expect(h.breaker.state).toBe('open');
    await expect(h.send(async () => answer(200))).resolves.toMatchObject({ status: 200 });
    expect(h.breaker.state).toBe('closed');
  });
});

describe('StorageBreaker in the real Tables SDK pipeline', () => {
  it('is shared by every client of an account: one unreachable call makes the next fail at once, and a probe to storage that answers closes it', async () => {
    let clock = 0;
    const breaker = new StorageBreaker({ coolDownMs: 1000, now: () => clock });
    // Nothing listens on this port: the SDK's retries all meet ECONNREFUSED.
    const dead = new TableClients({ kind: 'connectionString', connectionString: azuriteConnectionString(await findFreePort()) }, 'brk', { breaker });
    const alive = new TableClients({ kind: 'connectionString', connectionString: testConnectionString() }, 'brk', { breaker });
    const deadStore = new TableStore(dead.client('OrgTeams'));
    const aliveStore = new TableStore(alive.client('OrgTeams'));

    const first: unknown = await deadStore.get('p', 'r').catch((e: unknown) => e);
    expect(isAppError(first, 'STORAGE_UNAVAILABLE')).toBe(true);
    expect(first).not.toBeInstanceOf(StorageCircuitOpenError);
    expect(breaker.state).toBe('open');

    // Another table of the same account, which is up: refused at once by the open breaker, through TableStore's mapping.
    const second: unknown = await aliveStore.get('p', 'r').catch((e: unknown) => e);
    expect(second).toBeInstanceOf(StorageCircuitOpenError);
    await expect(alive.ping(2000)).rejects.toBeInstanceOf(StorageCircuitOpenError);
    expect(breaker.refusedCalls).toBe(2);

    clock += 1000;
    // The probe reaches Azurite, which answers 404 (no such table): an answer, so the breaker closes.
    await expect(aliveStore.get('p', 'r')).resolves.toBeUndefined();
    expect(breaker.state).toBe('closed');
  });

  it('counts a call that gets no answer in time as unreachable: storage that accepts connections and never answers', async () => {
    const sockets: Socket[] = [];
    const hung = createServer((socket) => sockets.push(socket));
    await new Promise<void>((resolve) => hung.listen(0, '127.0.0.1', resolve));
    try {
      const port = (hung.address() as AddressInfo).port;
      const breaker = new StorageBreaker({ callTimeoutMs: 300 });
      const clients = new TableClients({ kind: 'connectionString', connectionString: azuriteConnectionString(port) }, 'brk', { breaker });
      const store = new TableStore(clients.client('OrgTeams'));
      const first: unknown = await store.get('p', 'r').catch((e: unknown) => e);
      expect(isAppError(first, 'STORAGE_UNAVAILABLE')).toBe(true);
      expect(breaker.state).toBe('open');
      await expect(store.get('p', 'r')).rejects.toBeInstanceOf(StorageCircuitOpenError);
      // A caller's own deadline is not a verdict on storage: /healthz's ping gives up at its deadline.
      const own = new StorageBreaker({ callTimeoutMs: 60_000 });
      const pinged = new TableClients({ kind: 'connectionString', connectionString: azuriteConnectionString(port) }, 'brk', { breaker: own });
      await expect(pinged.ping(200)).rejects.toMatchObject({ code: 'STORAGE_UNAVAILABLE' });
      expect(own.state).toBe('closed');
    } finally {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => hung.close(() => resolve()));
    }
  });
});
