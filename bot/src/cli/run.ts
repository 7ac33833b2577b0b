import { isAppError, UsageError } from '../errors';

/**
 * Runs a CLI entry point: a known failure (bad configuration, storage down) prints its message and exits 1 —
 * no stack trace for an operator to decode; anything else prints the stack.
 */
export function runMain(main: () => Promise<void>): void {
  main().catch((err: unknown) => {
    if (isAppError(err)) {
      process.stderr.write(`\n✖ ${err.message}\n  (${err.code})\n\n`);
    } else {
      process.stderr.write(`\n✖ Unexpected failure:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n\n`);
    }
    process.exit(1);
  });
}

/** Calls `stop` once on SIGINT/SIGTERM, then exits; a second Ctrl-C exits at once. */
export function onShutdown(stop: () => Promise<void>): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130);
    stopping = true;
    process.stderr.write(`\n${signal}: stopping…\n`);
    stop().then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`Stopping failed: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
}

/** The parsed command line, or (for a {@link UsageError}) the problem and the usage line on stderr and exit code 2. */
export function argsOrExit<T>(parse: () => T): T {
  try {
    return parse();
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    process.stderr.write(`✖ ${err.message}\n`);
    process.exit(err.exitCode);
  }
}
