import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ERASE_USAGE } from '@soestainable/bot/services/personalData/operatorErasure';
import { isEmpty, readStoredData } from '@soestainable/bot/services/personalData/storedData';
import { createRepositories, type Repositories } from '@soestainable/bot/storage/repositories';
import { TableClients } from '@soestainable/bot/storage/tables';
import { baselineSurvey, participant } from '../../helpers/orgFixture';
import { testConnectionString } from '../../helpers/storage';

/**
 * `npm run erase -- <user id> --dry-run | --confirm` as IT runs it: the built bot/dist/src/cli/erase.js in a child
 * process against Azurite. A person who can no longer erase their own data (no Teams access) asks; IT counts
 * first, then erases, with the same erasure as "verwijder mijn gegevens".
 */
const REPO_ROOT = join(__dirname, '..', '..', '..');
const CLI = join(REPO_ROOT, 'bot/dist/src/cli/erase.js');
const cwd = mkdtempSync(join(tmpdir(), 'erase-cli-')); // no .env there
const prefix = 'e' + randomBytes(4).toString('hex');
const ORG = 'soest';
const LEAVER = 'aad-leaver-01';
const COLLEAGUE = 'aad-stays-02';

function runCli(args: string[], env: Record<string, string> = storageEnv()): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [CLI, ...args], { cwd, env: { PATH: process.env['PATH'] ?? '', LOG_LEVEL: 'warn', ORG_ID: ORG, ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? null) : 0, stdout, stderr });
    });
  });
}
function storageEnv(): Record<string, string> {
  return { STORAGE_CONNECTION_STRING: testConnectionString(), TABLE_PREFIX: prefix };
}
/** Storage that does not answer: a command that got as far as opening it fails with exit code 1, not 2. */
const deadStorage = { STORAGE_CONNECTION_STRING: 'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==;TableEndpoint=http://127.0.0.1:1/devstoreaccount1;' };

let clients: TableClients;
let repos: Repositories;
let barrierId = '';
beforeAll(async () => {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npx tsc -b\` (npm test does) first`);
  clients = new TableClients({ kind: 'connectionString', connectionString: testConnectionString() }, prefix);
  await clients.ensureTables();
  repos = createRepositories(clients, { referenceCacheTtlMs: 0 });
  for (const userId of [LEAVER, COLLEAGUE]) {
    await repos.participants.save(participant({ userId }));
    await repos.surveys.save(baselineSurvey(userId, { campaignId: 'c-dec' }));
    await repos.pledges.save({ userId, campaignId: 'c-dec', challengeIds: ['dag1'], createdAt: '2026-12-11T10:00:00.000Z', updatedAt: '2026-12-11T10:00:00.000Z' });
  }
  const barrier = await repos.barriers.create({ orgId: ORG, campaignId: 'c-dec', teamId: 'publiekszaken', theme: 'circulariteit', text: 'Geen bak voor koffiebekers', contactUserId: LEAVER });
  barrierId = barrier.barrierId;
  await repos.recognitions.recognise(ORG, barrierId, LEAVER);
  await repos.recognitions.recognise(ORG, barrierId, COLLEAGUE);
});
afterAll(async () => {
  await clients.dropTables();
});

describe('a bad command line: exit code 2, the problem and the usage line, nothing deleted', () => {
  it.each([
    [[], 'Whose data?'],
    [[LEAVER], 'Erasing is final: add --confirm'],
    [[LEAVER, '--dry-run', '--confirm'], 'Either --dry-run or --confirm, not both.'],
    [[LEAVER, COLLEAGUE, '--confirm'], 'One person at a time'],
    [['aad leaver', '--confirm'], '"aad leaver" is not a user id.'],
    [['soest|x', '--confirm'], 'is not a user id.'],
    [[LEAVER, '--force'], "Unknown option '--force'"],
  ])('%j', async (args, problem) => {
    const res = await runCli(args, deadStorage);
    expect({ code: res.code, stdout: res.stdout }).toEqual({ code: 2, stdout: '' });
    expect(res.stderr).toContain(problem);
    expect(res.stderr).toContain(ERASE_USAGE);
    expect(isEmpty(await readStoredData(repos, ORG, LEAVER))).toBe(false);
  });

  it('storage that does not answer: exit 1 with a coded message, no stack trace', async () => {
    const res = await runCli([LEAVER, '--dry-run'], deadStorage);
    expect(res.code).toBe(1);
    expect(res.stderr).toMatch(/✖ .+\n {2}\(STORAGE_UNAVAILABLE\)/);
    expect(res.stderr).not.toContain('    at ');
  }, 90_000);
});

describe('counting, then erasing', () => {
  it('--dry-run counts what is stored and deletes nothing', async () => {
    const res = await runCli([LEAVER, '--dry-run']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Dry run: stored for ${LEAVER} (nothing deleted):`);
    expect(res.stdout).toMatch(/profile {2}yes/);
    expect(res.stdout).toMatch(/1 {2}baseline and end surveys/);
    expect(res.stdout).toMatch(/1 {2}pledges/);
    expect(res.stdout).toMatch(/1 {2}barriers: contact removed/);
    expect(res.stdout).toMatch(/1 {2}"herken ik" marks withdrawn/);
    expect(res.stdout).toContain('Run again with --confirm to erase.');
    expect(res.stdout).not.toContain('koffiebekers');
    expect(isEmpty(await readStoredData(repos, ORG, LEAVER))).toBe(false);
    expect(await repos.recognitions.count(ORG, barrierId)).toBe(2);
  });

  it('--confirm erases the person and nobody else; the barrier stays, anonymous; a second run finds nothing', async () => {
    const res = await runCli([LEAVER, '--confirm']);
    expect(res.code).toBe(0);
    expect(res.stdout).toContain(`Erased for ${LEAVER}:`);
    expect(res.stdout).toMatch(/1 {2}pledges/);
    expect(isEmpty(await readStoredData(repos, ORG, LEAVER))).toBe(true);
    expect(await repos.recognitions.count(ORG, barrierId)).toBe(1);
    const barrier = await repos.barriers.get(ORG, barrierId);
    expect(barrier?.text).toBe('Geen bak voor koffiebekers');
    expect(barrier?.contactUserId).toBeUndefined();
    const colleague = await readStoredData(repos, ORG, COLLEAGUE);
    expect({ profile: colleague.participant?.userId, surveys: colleague.surveys.length, pledges: colleague.pledges.length }).toEqual({ profile: COLLEAGUE, surveys: 1, pledges: 1 });

    const again = await runCli([LEAVER, '--confirm']);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`Erased for ${LEAVER}: nothing (there was nothing, or it had been erased already).`);
  });
});
