// Browser tests: Debian's Chromium driven by playwright-core, against the built app (`npm run test:e2e`). Each test
// starts a whole local stack.
module.exports = require('../helpers/jestSuite.cjs')({ folder: 'e2e', match: '**/*.e2e.test.ts', timeoutMs: 180000 });
