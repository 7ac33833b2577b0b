// Runs the tab's component tests alone: `npx jest -c tests/unit/tab/jest.config.cjs`.
// The root config (package.json) runs these tests too, with the same single transform; this one runs them alone, without Azurite.
const path = require('node:path');

const root = path.resolve(__dirname, '..', '..', '..');
const base = require(path.join(root, 'package.json')).jest;

module.exports = {
  ...base,
  rootDir: root,
  roots: ['<rootDir>/tests/unit/tab'],
  testMatch: ['**/*.test.tsx'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/unit/tab/tsconfig.json' }] },
  // The tab's tests need no storage: no Azurite.
  globalSetup: undefined,
  globalTeardown: undefined,
};
