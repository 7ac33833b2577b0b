// Jest runs the tests as CommonJS. jose 6 ships only ES modules, which Node ≥ 22.12 can require() but Jest's own
// module loader cannot (before Node 24.9, and then only behind --experimental-vm-modules). So Jest transpiles
// jose's files to CommonJS like our TypeScript. The main config (package.json "jest") states the same two entries,
// the other suites take them through jestSuite.cjs; tests/unit/jestConfig.test.ts keeps them in step.
const ESM_PACKAGES = ['jose'];

module.exports = {
  transform: {
    [`/node_modules/(${ESM_PACKAGES.join('|')})/.+\\.js$`]: [
      'ts-jest',
      { tsconfig: { allowJs: true, module: 'commonjs', target: 'ES2022', isolatedModules: true } },
    ],
  },
  // The workspace packages by name, from their TypeScript sources (Jest does not read the "source" export condition).
  moduleNameMapper: {
    '^@soestainable/(shared|bot)/(.*)$': '<rootDir>/$1/src/$2',
    '^@soestainable/testing/(.*)$': '<rootDir>/tests/testing/src/$1',
  },
  transformIgnorePatterns: [`/node_modules/(?!(${ESM_PACKAGES.join('|')})/)`],
};
