// Runtime smoke (`npm run test:smoke`): the README's `npm start` as a newcomer runs it, on whatever Node is first
// on PATH. .ci/run runs the whole suite under Node 24, then this under Node 22 and Node 26.
const { join } = require('node:path');
const esm = require('../helpers/esmPackages.cjs');

const root = join(__dirname, '..', '..');

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/smoke'],
  testMatch: ['**/*.smoke.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }], ...esm.transform },
  transformIgnorePatterns: esm.transformIgnorePatterns,
  maxWorkers: 1,
  testTimeout: 240000,
};
