import { relative, resolve, sep } from 'node:path';
import { buildAppPackage, packageZipPath } from './buildPackage';
import { isPackageError, PackageError } from './errors';

export interface CliOutput {
  out(text: string): void;
  err(text: string): void;
}

const USAGE = `Usage: npm run package [-- --env <name>]

Builds manifest/build/appPackage.<name>.zip from manifest/ with the variables of infra/env/.env.<name>
(default: dev), after validating it offline. Exit code 0 when the package was written, 1 when not.

  --env <name>   the environment (dev, prod, …)
  --root <dir>   the project folder (default: this checkout)
  --help         this text
`;

interface CliArgs {
  readonly env: string;
  readonly root: string | undefined;
  readonly help: boolean;
}

export function parseArgs(argv: readonly string[]): CliArgs {
  let env = 'dev';
  let root: string | undefined;
  let help = false;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const value = () => {
      const v = inline ?? argv[++i];
      if (v === undefined || v === '' || v.startsWith('--')) throw new PackageError('ARGS_INVALID', `${flag} needs a value.\n\n${USAGE}`);
      return v;
    };
    if (flag === '--env' || flag === '-e') env = value();
    else if (flag === '--root') root = value();
    else if (flag === '--help' || flag === '-h') help = true;
    else throw new PackageError('ARGS_INVALID', `Unknown argument "${arg}".\n\n${USAGE}`);
  }
  return { env, root, help };
}

function kb(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KiB`;
}

/**
 * `npm run package`: builds one environment's package and reports in a few lines; a failure prints what is wrong
 * and that no zip was written. Returns the exit code.
 */
export async function runPackageCli(argv: readonly string[], defaultRoot: string, io: CliOutput): Promise<number> {
  let zipShown = 'manifest/build/appPackage.<env>.zip';
  try {
    const args = parseArgs(argv);
    if (args.help) {
      io.out(USAGE);
      return 0;
    }
    const root = resolve(args.root ?? defaultRoot);
    const show = (p: string) => relative(root, p).split(sep).join('/');
    zipShown = show(packageZipPath(root, args.env));
    const result = await buildAppPackage({ rootDir: root, env: args.env });
    io.out(
      `✔ ${show(result.zipPath)}: ${kb(result.zipBytes)} (${result.files.map((f) => f.name).join(', ')})\n` +
        `  variables from infra/env/.env.${result.env}; valid against the Teams schema v${result.manifestVersion} (offline, ` +
        `${(result.schemaValidationMs / 1000).toFixed(2)} s); icons, languages and sizes checked; built in ${(result.totalMs / 1000).toFixed(2)} s\n` +
        result.warnings.map((w) => `  ⚠ ${w}\n`).join(''),
    );
    return 0;
  } catch (err) {
    if (isPackageError(err)) {
      io.err(`\n✖ App package not built: ${err.message}\n  (${err.code}) No zip was written${err.code === 'ARGS_INVALID' ? '' : ` (${zipShown})`}.\n\n`);
    } else {
      io.err(`\n✖ App package not built, unexpected failure:\n${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n\n`);
    }
    return 1;
  }
}
