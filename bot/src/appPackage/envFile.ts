import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { PackageError } from './errors';

/** Environment names as the Teams Toolkit allows them: they become file names, so nothing path-like. */
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/;

/** Fails with ARGS_INVALID unless `env` is a plain environment name. */
export function assertEnvName(env: string): void {
  if (!ENV_NAME.test(env)) {
    throw new PackageError('ARGS_INVALID', `"${env}" is not an environment name: use letters, digits, - and _ (for example dev or prod).`);
  }
}

export function envFileName(env: string): string {
  return `.env.${env}`;
}

/** The environments that have a file in `envDir` (`.env.dev` → `dev`), without the Toolkit's `.user` files. */
export function listEnvironments(envDir: string): string[] {
  if (!existsSync(envDir)) return [];
  return readdirSync(envDir)
    .filter((f) => f.startsWith('.env.') && !f.endsWith('.user'))
    .map((f) => f.slice('.env.'.length))
    .filter((name) => ENV_NAME.test(name))
    .sort();
}

/**
 * Reads `infra/env/.env.<env>` — the file `teamsapp.yml` reads and writes for that environment — as the variables
 * for the manifest's `${{NAME}}` placeholders. Fails naming the file, and the environments that do exist, when it
 * is missing. `shownDir` is how the folder is named in messages (relative to the project).
 */
export function readEnvFile(envDir: string, env: string, shownDir = 'infra/env'): Record<string, string> {
  assertEnvName(env);
  const path = join(envDir, envFileName(env));
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    const known = listEnvironments(envDir);
    throw new PackageError(
      'ENV_FILE_MISSING',
      `The environment file ${shownDir}/${envFileName(env)} does not exist. ` +
        (known.length > 0 ? `Environments with a file: ${known.join(', ')}. ` : '') +
        `Create it from the template: cp ${shownDir}/env.template ${shownDir}/${envFileName(env)} — or pass another environment with --env <name>.`,
    );
  }
  return parseDotenv(text);
}

/** Ids that are the committed examples of `.env.dev` (00000000-0000-…): fine for a package test, useless in Teams. */
export function exampleVariables(vars: Readonly<Record<string, string>>, used: readonly string[]): string[] {
  return used.filter((name) => /(^|[^0-9a-f])00000000-0000-/i.test(vars[name] ?? ''));
}
