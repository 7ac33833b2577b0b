import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { testConnectionString } from './storage';

/** The built job CLI (`npm run job`): build first with `npx tsc -b` (npm test does). */
export const JOB_CLI = join(__dirname, '..', '..', 'bot', 'dist', 'src', 'cli', 'job.js');

/** How a job process ended, with its output (stderr: its last 4,000 characters). */
export interface JobExit {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface JobProcess {
  readonly child: ChildProcess;
  readonly exited: Promise<JobExit>;
}

/**
 * `npm run job -- <job> --at <at>` as an operator starts it, in its own process on the test Azurite's tables with
 * `tablePrefix`, in `cwd` (no .env there), nothing else running in it (no demo, no scheduler, no Playground).
 */
export function startJobProcess(options: { job: string; at: string; tablePrefix: string; sendRate: number; cwd: string }): JobProcess {
  const env = {
    PATH: process.env['PATH'] ?? '',
    NODE_ENV: 'test',
    LOG_LEVEL: 'warn',
    ORG_ID: 'soest',
    STORAGE_CONNECTION_STRING: testConnectionString(),
    TABLE_PREFIX: options.tablePrefix,
    SEND_RATE: String(options.sendRate),
    SEED_DEMO: '0',
    SCHEDULER: '0',
    PLAYGROUND: '0',
  };
  const child = spawn(process.execPath, [JOB_CLI, options.job, '--at', options.at], { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4000)));
  const exited = new Promise<JobExit>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, exited };
}
