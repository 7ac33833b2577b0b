import { readFileSync } from 'node:fs';
import { parse as parseDotenv } from 'dotenv';

/** An environment: variable names to values, as `process.env` has them. */
export type Env = Readonly<Record<string, string | undefined>>;

/**
 * The process environment, with a `.env` file in the working directory underneath it (real variables win).
 * With {@link childEnv}, the only reader of `process.env` in the bot: the entry points hand the result to
 * `loadConfig` (../config.ts), which validates it.
 */
export function processEnv(dotenvPath = '.env'): Env {
  let fromFile: Record<string, string> = {};
  try {
    fromFile = parseDotenv(readFileSync(dotenvPath));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
  return { ...fromFile, ...process.env };
}

/** An environment for a child process we start (Azurite, the Playground): ours plus `extra`. */
export function childEnv(extra: Env = {}): NodeJS.ProcessEnv {
  return { ...process.env, ...extra };
}
