// The Jest config of a suite that runs apart from `npm test` (e2e, faults, smoke): its own folder and file pattern,
// TypeScript through ts-jest with the tests' tsconfig, the ES-only packages transpiled (esmPackages.cjs), and one
// worker, since these suites start whole processes and the machines have two cores.
const { join } = require('node:path');
const esm = require('./esmPackages.cjs');

const root = join(__dirname, '..', '..');

/** @param {{ folder: string, match: string, timeoutMs: number }} suite */
module.exports = function suiteConfig({ folder, match, timeoutMs }) {
  return {
    rootDir: root,
    testEnvironment: 'node',
    roots: [`<rootDir>/tests/${folder}`],
    testMatch: [match],
    transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }], ...esm.transform },
    transformIgnorePatterns: esm.transformIgnorePatterns,
    moduleNameMapper: esm.moduleNameMapper,
    maxWorkers: 1,
    testTimeout: timeoutMs,
  };
};
