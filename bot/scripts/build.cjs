#!/usr/bin/env node
// Builds the server (tsc -b: shared, bot, and bench with the test doubles it uses) and the tab (Vite). With --if-needed it does nothing when
// every output is newer than every source, so `npm start` "builds what is missing" in well under a second.
const { spawnSync } = require('node:child_process');
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join, resolve } = require('node:path');

require('./checkNode.cjs').exitIfUnsupported();

const root = resolve(__dirname, '..', '..');
const ifNeeded = process.argv.includes('--if-needed');

function newest(path) {
  if (!existsSync(path)) return 0;
  const st = statSync(path);
  if (!st.isDirectory()) return st.mtimeMs;
  let max = 0;
  for (const name of readdirSync(path)) max = Math.max(max, newest(join(path, name)));
  return max;
}

function oldestOutput(paths) {
  let min = Infinity;
  for (const p of paths) {
    if (!existsSync(p)) return 0;
    min = Math.min(min, statSync(p).mtimeMs);
  }
  return min;
}

function run(command, args) {
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) process.exit(res.status ?? 1);
}

const serverSources = ['bot/src', 'shared/src', 'tests/testing/src', 'bench', 'tsconfig.json', 'bot/tsconfig.json', 'shared/tsconfig.json'];
const tabSources = ['tab/src', 'tab/index.html', 'tab/vite.config.mjs', 'shared/src'];
const newestOf = (list) => Math.max(...list.map((p) => newest(join(root, p))));

const serverStale = !ifNeeded || newestOf(serverSources) > oldestOutput([join(root, 'bot/dist/src/index.js'), join(root, 'bot/dist/src/cli/start.js')]);
const tabStale = !ifNeeded || newestOf(tabSources) > oldestOutput([join(root, 'dist/tab/index.html')]);

const bin = (name) => join(root, 'node_modules', '.bin', name);
if (serverStale) run(bin('tsc'), ['-b', 'bot', 'bench']);
if (tabStale) run(bin('vite'), ['build', '--config', 'tab/vite.config.mjs', '--logLevel', 'warn']);
