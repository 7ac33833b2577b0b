#!/usr/bin/env node
// `npm run stage:webapp`: puts what Azure App Service runs into dist/webapp — the built server and tab
// (dist/bot, dist/shared, dist/tab), package.json and package-lock.json, and the production dependencies only
// (`npm ci --omit=dev`: no Azurite, Vite, Playground or test tools). teamsapp.yml's azureAppService/zipDeploy
// uploads that folder; by hand, zip it and `az webapp deploy` it (docs/deploy.md). Run `npm run build` first.
const { spawnSync } = require('node:child_process');
const { cpSync, existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

const root = resolve(__dirname, '..', '..');
const out = join(root, 'dist', 'webapp');

function fail(message) {
  process.stderr.write(`\n✖ ${message}\n\n`);
  process.exit(1);
}

for (const built of ['dist/bot/src/index.js', 'dist/tab/index.html']) {
  if (!existsSync(join(root, built))) fail(`${built} is missing: run \`npm run build\` first.`);
}

rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, 'dist'), { recursive: true });
// Compiled JavaScript (with source maps, for readable stack traces) and the tab; no declarations or build info.
const keep = (src) => !/\.d\.ts$|\.tsbuildinfo$/.test(src);
for (const part of ['bot', 'shared', 'tab']) {
  cpSync(join(root, 'dist', part), join(out, 'dist', part), { recursive: true, filter: keep });
}
for (const file of ['package.json', 'package-lock.json']) cpSync(join(root, file), join(out, file));

const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const res = spawnSync(npm, ['ci', '--omit=dev', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: out, stdio: 'inherit' });
if (res.status !== 0) fail('npm ci --omit=dev failed in dist/webapp.');

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
    `(node_modules ${mib(sizeOf(join(out, 'node_modules')))}, built app ${mib(sizeOf(join(out, 'dist')))}), ` +
    'ready for azureAppService/zipDeploy (start command: node dist/bot/src/index.js)\n',
);
