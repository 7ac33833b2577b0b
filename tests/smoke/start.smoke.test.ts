import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHECKIN_VERBS } from '@soestainable/bot/features/checkin/verbs';
import { findFreePort, isPortOpen } from '@soestainable/bot/platform/ports';
import { azuriteConnectionString } from '@soestainable/bot/storage/azurite';
import { createRepositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';
import { demoParticipantId } from '@soestainable/bot/seed/demoData';
import { FakeConnector } from '../helpers/fakeConnector';
import { waitForOutput } from '../helpers/processes';

/**
 * `npm start` on the Node that is first on PATH, through npm itself, exactly as the README tells a newcomer: the
 * whole local stack comes up, answers /healthz, /tab/ and the Playground, stores one check-in sent to
 * /api/messages, and Ctrl-C (SIGINT to the process group, as a terminal sends it) leaves nothing running.
 */
const root = join(__dirname, '..', '..');
/** A Wednesday inside the demo campaign the seed plans around the clock (local only: DEV_CLOCK). */
const CLOCK = '2026-12-02T08:30:00+01:00';
const TODAY = '2026-12-02';

/** How npm ended: on Ctrl-C it waits for the app to stop, then ends itself by the same SIGINT, as a shell expects. */
const endOf = (child: ChildProcess): Promise<string> =>
  new Promise((resolve) => {
    const describe = () => (child.exitCode !== null ? `exit ${child.exitCode}` : `signal ${child.signalCode ?? '?'}`);
    if (child.exitCode !== null || child.signalCode !== null) resolve(describe());
    else child.once('exit', () => resolve(describe()));
  });

describe(`npm start on Node ${process.version}`, () => {
  const connector = new FakeConnector();
  beforeAll(() => connector.start());
  afterAll(() => connector.stop());

  it('serves the bot, the tab and the Playground, stores a check-in, and Ctrl-C leaves nothing', async () => {
    const [port, azurite, playground] = [await findFreePort(), await findFreePort(), await findFreePort()];
    const env = {
      PATH: process.env['PATH'] ?? '',
      HOME: process.env['HOME'] ?? '/tmp',
      PORT: String(port),
      AZURITE_PORT: String(azurite),
      PLAYGROUND_PORT: String(playground),
      DATA_DIR: mkdtempSync(join(tmpdir(), 'soest-smoke-')),
      DEV_CLOCK: CLOCK,
    };
    const child = spawn('npm', ['start'], { cwd: root, env, detached: true });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    /** A signal to npm's whole process group, as a terminal sends Ctrl-C; a group already gone is fine. */
    const signalGroup = (signal: NodeJS.Signals) => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, signal);
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
      }
    };
    try {
      const banner = await waitForOutput(child, /Press Ctrl-C to stop/, 180_000);
      const campaignId = /\(campaign ([a-z0-9-]+)\)/.exec(banner)?.[1] ?? '';
      const chat = /Chat with the bot: +(http:\/\/localhost:(\d+))/.exec(banner);
      expect(campaignId).not.toBe('');

      expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
      const tab = await fetch(`http://127.0.0.1:${port}/tab/`);
      expect(tab.status).toBe(200);
      expect(await tab.text()).toContain('<div id="root">');
      expect((await fetch(chat?.[1] ?? 'http://127.0.0.1:1/')).status).toBe(200);

      const userId = demoParticipantId('demo-publiekszaken', 3); // 1 is the team's manager, 2 may be a coordinator
      const answers = { campaignId, date: TODAY, outcome: 'done', travelMode: 'ov', distanceBand: '10-20', wasteFree: 'true', challenge: 'true' };
      const res = await fetch(`http://127.0.0.1:${port}/api/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          type: 'invoke',
          name: 'adaptiveCard/action',
          id: 'smoke-1',
          channelId: 'msteams',
          serviceUrl: connector.url,
          locale: 'nl-NL',
          from: { id: '29:smoke', aadObjectId: userId },
          recipient: { id: '28:bot' },
          conversation: { id: 'conv-smoke', conversationType: 'personal', tenantId: 'demo-tenant' },
          value: { action: { type: 'Action.Execute', verb: CHECKIN_VERBS.submit, data: { verb: CHECKIN_VERBS.submit, ...answers } } },
        }),
      });
      expect(res.status).toBe(200);
      const answer = JSON.stringify(await res.json());
      expect(answer).toContain('application/vnd.microsoft.card.adaptive');
      const clients = new TableClients({ kind: 'connectionString', connectionString: azuriteConnectionString(azurite) }, '');
      const stored = await createRepositories(clients).checkIns.get(userId, campaignId, TODAY);
      expect(stored?.value).toMatchObject({ outcome: 'done', travelMode: 'ov', distanceBand: '10-20', wasteFree: true });

      signalGroup('SIGINT');
      expect(['exit 0', 'signal SIGINT']).toContain(await endOf(child));
      // Node prints each deprecation once per process, on whichever path first hits it: the whole run is read.
      expect(output).not.toMatch(/DEP0\d+|DeprecationWarning|ExperimentalWarning/);
      expect(output).not.toMatch(/\n\s+at /); // no stack trace anywhere
      for (const p of [port, azurite, Number(chat?.[2])]) expect({ port: p, open: await isPortOpen(p) }).toEqual({ port: p, open: false });
    } finally {
      signalGroup('SIGKILL');
    }
  });
});
