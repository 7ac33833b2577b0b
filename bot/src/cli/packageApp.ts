import { join } from 'node:path';
import { runPackageCli } from '../appPackage/cli';

/**
 * `npm run package [-- --env <name>]`: the Teams app package of one environment, validated offline
 * (bot/src/appPackage). The project root is four levels up from the compiled bot/dist/src/cli/packageApp.js.
 */
const root = join(__dirname, '..', '..', '..', '..');

runPackageCli(process.argv.slice(2), root, {
  out: (text) => process.stdout.write(text),
  err: (text) => process.stderr.write(text),
}).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    process.exitCode = 1;
  },
);
