import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findFreePort, isPortOpen } from '@soestainable/bot/platform/ports';
import { waitForOutput } from '../../helpers/processes';

/**
 * The README's `npm start` and `npm run serve`, as built JavaScript in child processes: what a newcomer and App
 * Service run. Proves the whole local stack comes up, answers, and that Ctrl-C leaves nothing behind.
 */
const root = join(__dirname, '..', '..', '..');
const START = join(root, 'bot/dist/src/cli/start.js');
const SERVE = join(root, 'bot/dist/src/index.js');

/** Only what the child needs: no inherited settings from the developer's shell leak into the test. */
function env(extra: Record<string, string>): NodeJS.ProcessEnv {
  return { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? '/tmp', ...extra };
}

function exitOf(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) resolve(child.exitCode);
    else child.once('exit', (code) => resolve(code));
  });
}

beforeAll(() => {
  const build = spawnSync(process.execPath, [join(root, 'bot/scripts/build.cjs'), '--if-needed'], { cwd: root, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`build failed: ${build.stdout}${build.stderr}`);
}, 120_000);

describe('npm start: the whole local stack', () => {
  it('starts Azurite, seeds the demo, serves the bot, the tab and /healthz, runs the Playground, and Ctrl-C stops them all', async () => {
    const [port, azurite, playground] = [await findFreePort(), await findFreePort(), await findFreePort()];
    const dataDir = mkdtempSync(join(tmpdir(), 'soest-data-'));
    const vars = { PORT: String(port), AZURITE_PORT: String(azurite), PLAYGROUND_PORT: String(playground), DATA_DIR: dataDir };
    const child = spawn(process.execPath, [START], { cwd: mkdtempSync(join(tmpdir(), 'soest-cwd-')), env: env(vars) });
    try {
      const banner = await waitForOutput(child, /Press Ctrl-C to stop/, 90_000);
      expect(banner).toContain(`http://localhost:${port}/tab/`);
      expect(banner).toMatch(/Demo data: +6 teams/);
      const chatUrl = /Chat with the bot: +(http:\/\/localhost:(\d+))/.exec(banner);
      expect(chatUrl?.[2]).toBeDefined();

      const health = await fetch(`http://127.0.0.1:${port}/healthz`);
      expect(health.status).toBe(200);
      expect((await fetch(`http://127.0.0.1:${port}/tab/`)).status).toBe(200);
      // npm start turns the tab's dev sign-in on (npm run serve has none without DEV_SIGNIN=1).
      expect((await fetch(`http://127.0.0.1:${port}/api/dev/users`)).status).toBe(200);
      const playgroundPage = await fetch(chatUrl?.[1] ?? '');
      expect(playgroundPage.status).toBe(200);

      child.kill('SIGINT');
      expect(await exitOf(child)).toBe(0);
      expect(await isPortOpen(azurite)).toBe(false);
      expect(await isPortOpen(Number(chatUrl?.[2]))).toBe(false);
      expect(await isPortOpen(port)).toBe(false);

      // A second start on the same data keeps it and does not seed again.
      const again = spawn(process.execPath, [START], { cwd: dataDir, env: env({ ...vars, PLAYGROUND: '0' }) });
      try {
        const second = await waitForOutput(again, /Press Ctrl-C to stop/, 60_000);
        expect(second).not.toMatch(/Demo data:/);
        again.kill('SIGTERM');
        expect(await exitOf(again)).toBe(0);
      } finally {
        again.kill('SIGKILL');
      }
    } finally {
      child.kill('SIGKILL');
    }
  }, 180_000);
});

describe('npm start killed hard', () => {
  it('leaves no Azurite or Playground behind even after SIGKILL', async () => {
    const [port, azurite, playground] = [await findFreePort(), await findFreePort(), await findFreePort()];
    const vars = { PORT: String(port), AZURITE_PORT: String(azurite), PLAYGROUND_PORT: String(playground), DATA_DIR: mkdtempSync(join(tmpdir(), 'soest-data-')), SEED_DEMO: '0' };
    const child = spawn(process.execPath, [START], { cwd: mkdtempSync(join(tmpdir(), 'soest-cwd-')), env: env(vars) });
    const banner = await waitForOutput(child, /Press Ctrl-C to stop/, 90_000);
    const chatPort = Number(/localhost:(\d+) +\(Microsoft 365 Agents Playground\)/.exec(banner)?.[1]);
    expect(await isPortOpen(chatPort)).toBe(true);
    child.kill('SIGKILL');
    await exitOf(child);
    // The children notice their channel closed and stop (Azurite saves first): poll, bounded.
    for (let i = 0; i < 100 && ((await isPortOpen(azurite)) || (await isPortOpen(chatPort))); i++) {
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(await isPortOpen(azurite)).toBe(false);
    expect(await isPortOpen(chatPort)).toBe(false);
  }, 120_000);
});

describe('npm run serve: refuses what production must not run', () => {
  it.each([
    [{ NODE_ENV: 'production', STORAGE_ACCOUNT_URL: 'https://x.table.core.windows.net' }, 'MicrosoftAppId'],
    [{ NODE_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: 't' }, 'STORAGE_ACCOUNT_URL'],
    [{ PORT: 'eighty' }, 'PORT'],
    [
      { NODE_ENV: 'production', MicrosoftAppId: 'a', MicrosoftAppType: 'UserAssignedMSI', MicrosoftAppTenantId: '6f1c3a52-2b8e-4d4c-9a51-0c8f5d2e7a10', STORAGE_ACCOUNT_URL: 'https://x.table.core.windows.net', DEV_SIGNIN: '1' },
      'DEV_SIGNIN',
    ],
  ])('exits non-zero for %j, naming %s', (vars, variable) => {
    const res = spawnSync(process.execPath, [SERVE], { cwd: tmpdir(), env: env(vars), encoding: 'utf8', timeout: 30_000 });
    expect(res.status).toBe(1);
    expect(res.stderr).toContain(variable);
    expect(res.stderr).toContain('CONFIG_INVALID');
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });
});
