// Runtime smoke (`npm run test:smoke`): the README's `npm start` as a newcomer runs it, on whatever Node is first
// on PATH. .ci/run runs the whole suite under Node 24, then this under Node 22 and Node 26.
module.exports = require('../helpers/jestSuite.cjs')({ folder: 'smoke', match: '**/*.smoke.test.ts', timeoutMs: 240000 });
