// Fault suite (`npm run test:faults`): the real server, a real Azurite and the fake Bot Connector, with faults
// injected (storage stopped, connector failing, server killed, two instances). Each test file starts what it
// needs itself (its own Azurite, kept on disk so a restart keeps the data), so there is no global setup. The tests
// kill and restart processes and time their answers.
module.exports = require('../helpers/jestSuite.cjs')({ folder: 'faults', match: '**/*.fault.test.ts', timeoutMs: 180000 });
