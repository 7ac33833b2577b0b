import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { JOB_USAGE } from '@soestainable/bot/jobs/cli';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';
import { FakeConnector } from '../../helpers/fakeConnector';
import { testConnectionString } from '../../helpers/storage';
import { campaignOf, deliveries, enrol, onlyCampaign } from './harness';

/**
 * `npm run job -- …` as operators run it: the built bot/dist/src/cli/job.js in a child process (build first with
 * `npx tsc -b`), against Azurite, sending to a fake connector in this process.
 */
const REPO_ROOT = join(__dirname, '..', '..', '..');
const CLI = join(REPO_ROOT, 'bot/dist/src/cli/job.js');
const cwd = mkdtempSync(join(tmpdir(), 'job-cli-')); // no .env there
const prefix = 'c' + randomBytes(4).toString('hex');

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ORG_ID: 'soest', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}
const storageEnv = () => ({ STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix });
/** Storage that does not answer: a command that got as far as opening it would fail with exit code 1, not 2. */
const deadStorage = { STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;' };

const connector = new FakeConnector();
let clients: TableClients;
let repos: Repositories;
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -b\` (npm test does) first`);
  await connector.start();
  clients = new TableClients({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
  await clients.ensureTables();
  repos = createRepositories(clients, { referenceCacheTtlMs: 0 });
  await onlyCampaign(repos, campaignOf({ campaignId: 'c-dec', startDate: '2026-11-30', endDate: '2026-12-11' }));
  await enrol(repos, connector, { userId: 'cli-1', nudgeTime: '09:00' });
  await enrol(repos, connector, { userId: 'cli-2', nudgeTime: '09:00', status: 'paused' });
});
afterAll(async () => {
  await connector.stop();
  await clients.dropTables();
});

describe('a bad command line: exit code 2, the problem and the usage line, nothing opened', () => {
  it.each([
    [['reboot'], 'Unknown job "reboot"'],
    [['nudges', '--at', '2026-12-07T09:00'], 'is not an ISO instant with an offset'],
    [['nudges', '--at', 'maandag'], 'is not an ISO instant with an offset'],
    [['nudges', '--force'], 'Unknown option --force'],
    [['followups', '--at', '2026-12-28'], 'is not an ISO instant with an offset'],
    [['followups', '--at', '28-12-2026T09:00+01:00'], 'is not an ISO instant with an offset'],
    [['followups', '--at'], '--at needs a value'],
    [[], 'Which job?'],
  ])('%j', async (args, message) => {
    const res = await runCli(args, deadStorage);
    expect(res.code).toBe(2);
    expect(res.stderr).toContain(message);
    expect(res.stderr).toContain(JOB_USAGE);
    expect(res.stdout).toBe('');
  });
});

describe('a run', () => {
  it('--dry-run: the summary table says what would be sent; nothing is sent or claimed', async () => {
    const res = await runCli(['nudges', '--at', '2026-12-07T09:00+01:00', '--dry-run'], storageEnv());
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    expect(res.stdout).toContain('nudges (dry run: nothing sent, no claims taken) at 2026-12-07T08:00:00.000Z');
    expect(res.stdout).toMatch(/run\s+queued\s+sent\s+retried\s+throttled\s+failed\s+skipped\s+uncertain\s+duration/);
    expect(res.stdout).toMatch(/wouldSend 1/);
    expect(connector.calls).toEqual([]);
    expect(await repos.sendClaims.listRun('nudge', '2026-12-07')).toEqual([]);
  });

  it('sends, and prints queued, sent, … skipped by reason and the duration', async () => {
    const res = await runCli(['nudges', '--at=2026-12-07T09:00+01:00'], storageEnv());
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    expect(res.stdout).toMatch(/nudge\s+1\s+1\s+0\s+0\s+0\s+0\s+0\s+\d+\.\d s/);
    expect(deliveries(connector).map((d) => d.conversationId)).toEqual(['conv-cli-1']);
    const again = await runCli(['nudges', '--at=2026-12-07T09:00+01:00'], storageEnv());
    expect(again.stdout).toMatch(/skipped by reason: already_claimed 1/);
    expect(deliveries(connector)).toHaveLength(1);
  });

  it('followups on a day without a wave: nothing to do, and why', async () => {
    const res = await runCli(['followups', '--at', '2026-12-07T09:00+01:00'], storageEnv());
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('followups at 2026-12-07T08:00:00.000Z');
    expect(res.stdout).toContain('nothing to do: no_wave_today');
  });

  it('a Saturday: nothing to do, and why', async () => {
    const res = await runCli(['nudges', '--at', '2026-12-05T09:00+01:00'], storageEnv());
    expect(res.code).toBe(0);
    expect(res.stdout).toContain('nothing to do: weekend');
  });

  it('teamcards on Monday 09:00 (issue 16): a dry run sends nothing, the run posts one card to the channel, a second run none', async () => {
    const teamsTeamId = '19:cli-team@thread.tacv2';
    const reference = { channelId: 'msteams', serviceUrl: connector.url, conversation: { id: 'chan-cli', conversationType: 'channel', tenantId: 'tenant-soest' }, bot: { id: '28:bot' } };
    await repos.orgTeams.save({ orgId: 'soest', teamId: 'publiekszaken', name: 'Publiekszaken', managerIds: ['m-1'], demo: false });
    await repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'channel', reference);
    await repos.conversationRefs.save({ kind: 'team', teamId: teamsTeamId }, 'teamcard', reference);
    await repos.teamCards.save({ orgId: 'soest', teamsTeamId, orgTeamId: 'publiekszaken', enabled: true, changedBy: 'm-1', changedAt: '2026-12-01T09:00:00.000Z' });
    const toChannel = () => deliveries(connector).filter((d) => d.conversationId === 'chan-cli');

    const dry = await runCli(['teamcards', '--at', '2026-12-07T09:00+01:00', '--dry-run'], storageEnv());
    expect({ code: dry.code, stderr: dry.stderr }).toEqual({ code: 0, stderr: '' });
    expect(toChannel()).toHaveLength(0);
    const res = await runCli(['teamcards', '--at', '2026-12-07T09:00+01:00'], storageEnv());
    expect({ code: res.code, stderr: res.stderr }).toEqual({ code: 0, stderr: '' });
    expect(res.stdout).toMatch(/teamcard\s+1\s+1\s+0/);
    expect(toChannel()).toHaveLength(1);
    const again = await runCli(['teamcards', '--at', '2026-12-07T09:00+01:00'], storageEnv());
    expect(again.code).toBe(0);
    expect(toChannel()).toHaveLength(1);
  });

  it('storage that does not answer: exit code 1 with the coded error', async () => {
    const res = await runCli(['nudges', '--at', '2026-12-05T09:00+01:00'], deadStorage);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/\(STORAGE_[A-Z_]+\)/);
  }, 90_000);
});
