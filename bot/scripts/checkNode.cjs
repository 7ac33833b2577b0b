#!/usr/bin/env node
// The Node version gate. `npm start`, `npm run serve` and every script that builds first run this before loading
// anything else, so an old Node stops with one line that names what it found and what is needed, instead of a
// stack trace from deep inside a dependency (restify 12 needs Node >= 22; jose 6 ships only ES modules, which
// CommonJS can require() from Node 22.12 on). The range is package.json's `engines.node`, stated once.
const semver = require('semver');
const { engines } = require('../../package.json');

/** The one-line refusal for `version`, or undefined when it satisfies `range`. */
function nodeProblem(version = process.version, range = engines.node) {
  if (semver.satisfies(version, range)) return undefined;
  return `Soestainable needs Node ${range} (Node 24 LTS recommended, see .nvmrc); this is Node ${version}. ` +
    'Install Node 24 and try again (README, "Quick start").';
}

/** Exits with code 1 and the refusal on stderr when this Node is too old. */
function exitIfUnsupported() {
  const problem = nodeProblem();
  if (problem === undefined) return;
  process.stderr.write(`✖ ${problem}\n`);
  process.exit(1);
}

module.exports = { nodeProblem, exitIfUnsupported };

if (require.main === module) exitIfUnsupported();
