// Browser tests: Debian's Chromium driven by playwright-core, against the built app (`npm run test:e2e`).
// One worker: each test starts a whole local stack, and the machines have two cores.
const { join } = require('node:path');

const esm = require('../helpers/esmPackages.cjs');

const root = join(__dirname, '..', '..');

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/e2e'],
  testMatch: ['**/*.e2e.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }], ...esm.transform },
  transformIgnorePatterns: esm.transformIgnorePatterns,
  maxWorkers: 1,
  testTimeout: 180000,
};
