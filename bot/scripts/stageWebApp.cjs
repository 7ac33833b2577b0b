#!/usr/bin/env node
// `npm run stage:webapp`: puts what Azure App Service runs into dist/webapp — the built server and tab
// (bot/dist, shared/dist with their package.json files, dist/tab), package.json and package-lock.json, and the production dependencies only
// (`npm ci --omit=dev`: no Azurite, Vite, Playground or test tools). teamsapp.yml's azureAppService/zipDeploy
// uploads that folder; by hand, zip it and `az webapp deploy` it (docs/deploy.md). Run `npm run build` first.
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, lstatSync, mkdirSync, readFileSync, readdirSync, renameSync, rmSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const out = join(root, 'dist', 'webapp');

function fail(message) {
  process.stderr.write(`\n✖ ${message}\n\n`);
  process.exit(1);
}

for (const built of ['bot/dist/src/index.js', 'shared/dist/src/calendar/index.js', 'dist/tab/index.html']) {
  if (!existsSync(join(root, built))) fail(`${built} is missing: run \`npm run build\` first.`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'dist'), { recursive: true });
// Compiled JavaScript (with source maps, for readable stack traces) and the tab; no declarations or build info.
const keep = (src) => !/\.d\.ts$|\.tsbuildinfo$/.test(src);
cpSync(join(root, 'dist', 'tab'), join(out, 'dist', 'tab'), { recursive: true, filter: keep });
// The workspace packages (@soestainable/bot, @soestainable/shared): their package.json and their build.
for (const workspace of ['bot', 'shared']) {
  cpSync(join(root, workspace, 'dist'), join(out, workspace, 'dist'), { recursive: true, filter: keep });
  cpSync(join(root, workspace, 'package.json'), join(out, workspace, 'package.json'));
}
for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(out, file));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const res = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: out, stdio: 'inherit' });
if (res.status !== 0) fail('npm ci --omit=dev failed in dist/webapp.');
// npm links the workspaces into node_modules, and a zip deploy may not keep symbolic links. The server needs
// @soestainable/shared there (moved in as a real folder); nothing in production imports @soestainable/bot by name.
const scope = join(out, 'node_modules', '@soestainable');
for (const workspace of ['bot', 'shared']) {
  if (lstatSync(join(scope, workspace)).isSymbolicLink()) rmSync(join(scope, workspace));
}
renameSync(join(out, 'shared'), join(scope, 'shared'));

function sizeOf(path) {
  const st = statSync(path);
  if (!st.isDirectory()) return st.size;
  return readdirSync(path).reduce((sum, name) => sum + sizeOf(join(path, name)), 0);
}

/** The packages npm installed (its hidden lock file lists each one under node_modules/, nested ones included). */
function packageCount(dir) {
  const lock = JSON.parse(readFileSync(join(dir, 'node_modules', '.package-lock.json'), 'utf8'));
  return Object.keys(lock.packages ?? {}).filter((key) => key.includes('node_modules/')).length;
}

const mib = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
process.stdout.write(
  `✔ dist/webapp: ${packageCount(out)} production packages, ${mib(sizeOf(out))} ` +
    `(node_modules ${mib(sizeOf(join(out, 'node_modules')))}, built app ${mib(sizeOf(join(out, 'dist')) + sizeOf(join(out, 'bot')))}), ` +
    'ready for azureAppService/zipDeploy (start command: node bot/dist/src/index.js)\n',
);
