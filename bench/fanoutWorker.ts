/**
 * A job process for the fan-out crash and two-process tests (`tests/integration/proactive/processes.test.ts`):
 * one real fan-out (claims in Azure Table Storage, the real BotbuilderSender over HTTP) in a process of its own,
 * so a test can SIGKILL it at any moment and start it again. Compiled by `tsc -b` to `dist/bench/fanoutWorker.js`.
 *
 * Usage: `node dist/bench/fanoutWorker.js '<WorkerSpec as JSON>'`. Prints JSON lines on stdout:
 * `{"event":"ready"}` once storage is reachable (then, with `waitForGo`, waits for a line `go` on stdin), and
 * `{"event":"done","run":SendRun}` at the end. Exit code 0 when the run finished, 1 when it threw.
 */
import { createInterface } from 'node:readline';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { BotbuilderSender } from '@soestainable/bot/proactive/botbuilderSender';
import { FanOutEngine, type FanOutRecipient } from '@soestainable/bot/proactive/fanOut';
import { createRepositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';

export interface WorkerSpec {
  readonly connectionString: string;
  readonly tablePrefix: string;
  readonly period: string;
  /** Recipients `<idPrefix>-0` … `<idPrefix>-(n-1)`. */
  readonly idPrefix: string;
  readonly recipients: number;
  /** Every recipient whose index modulo this is 0 is claimed as skipped with reason `paused` (0: none). */
  readonly pausedEvery: number;
  readonly instanceId: string;
  readonly concurrency: number;
  readonly tenantRate: number;
  readonly waitForGo: boolean;
}

async function main(): Promise<void> {
  const spec = JSON.parse(process.argv[2] ?? '{}') as WorkerSpec;
  const clients = new TableClients({ kind: 'connectionString', connectionString: spec.connectionString }, spec.tablePrefix);
  const repos = createRepositories(clients);
  const sender = new BotbuilderSender(new CloudAdapter(new ConfigurationBotFrameworkAuthentication({})), '');
  const engine = new FanOutEngine(
    { sendClaims: repos.sendClaims, sendRuns: repos.sendRuns, conversationRefs: repos.conversationRefs, sender },
    { instanceId: spec.instanceId, concurrency: spec.concurrency, tenantRate: spec.tenantRate, baseDelayMs: 20, maxDelayMs: 200 },
  );
  // One storage round trip before "ready", so that connection set-up is not part of the measured or killed run.
  await repos.sendRuns.latest('nudge', 1);
  process.stdout.write(JSON.stringify({ event: 'ready' }) + '\n');
  if (spec.waitForGo) await waitForLine('go');

  function* recipients(): Generator<FanOutRecipient> {
    for (let i = 0; i < spec.recipients; i++) {
      const id = `${spec.idPrefix}-${i}`;
      yield {
        recipientId: id,
        ...(spec.pausedEvery > 0 && i % spec.pausedEvery === 0 ? { skipReason: 'paused' } : {}),
        build: () => ({ type: 'message', text: `Goedemorgen: de uitdaging van vandaag (${id}).` }),
      };
    }
  }
  const run = await engine.run({ kind: 'nudge', period: spec.period, recipients: recipients() });
  process.stdout.write(JSON.stringify({ event: 'done', run }) + '\n');
}

function waitForLine(expected: string): Promise<void> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: process.stdin });
    lines.on('line', (line) => {
      if (line.trim() !== expected) return;
      resolve();
      lines.close();
    });
    lines.on('close', () => reject(new Error(`stdin closed before "${expected}"`)));
  });
}

if (require.main === module) {
  main().then(
    () => process.exit(0),
    (err: unknown) => {
      console.error(err);
      process.exit(1);
    },
  );
}
