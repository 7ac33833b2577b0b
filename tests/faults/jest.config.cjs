// Fault suite (`npm run test:faults`): the real server, a real Azurite and the fake Bot Connector, with faults
// injected (storage stopped, connector failing, server killed, two instances). Each test file starts what it
// needs itself (its own Azurite, kept on disk so a restart keeps the data), so there is no global setup.
// One worker: the tests kill and restart processes and time their answers; the machines have two cores.
const { join } = require('node:path');

const esm = require('../helpers/esmPackages.cjs');

const root = join(__dirname, '..', '..');

module.exports = {
  rootDir: root,
  testEnvironment: 'node',
  roots: ['<rootDir>/tests/faults'],
  testMatch: ['**/*.fault.test.ts'],
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: '<rootDir>/tests/tsconfig.json' }], ...esm.transform },
  transformIgnorePatterns: esm.transformIgnorePatterns,
  maxWorkers: 1,
  testTimeout: 180000,
};
