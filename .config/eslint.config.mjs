// ESLint flat config (kept in .config/ so the repository's top level stays as the house plan says; run with -c).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

const nodeBuiltins = [
  'assert', 'buffer', 'child_process', 'cluster', 'crypto', 'dgram', 'dns', 'events', 'fs', 'http', 'http2',
  'https', 'net', 'os', 'path', 'perf_hooks', 'process', 'readline', 'stream', 'timers', 'tls', 'url', 'util',
  'v8', 'vm', 'worker_threads', 'zlib',
];

// The workspace packages are imported by name (@soestainable/shared/…, @soestainable/bot/…), never by a path into
// their sources: the name is what Node, Vite, Jest and TypeScript all resolve the same way.
const byName = {
  regex: '^(\\.{1,2}/)+(shared|bot)/src(/|$)',
  message: 'Import the workspace package by name: @soestainable/shared/… or @soestainable/bot/…, not a path into its src/.',
};

// What every file of the bot may not import: the tab, test code, a path into a workspace package's sources.
const botPatterns = [
  { group: ['**/tab/**', '**/tab'], message: 'bot/ must not import tab/: talk over HTTP (bot → shared ← tab).' },
  { group: ['@soestainable/testing', '@soestainable/testing/**', '**/tests/**'], message: 'bot/ must not import test code: the test doubles live in @soestainable/testing, for tests/ and bench/ only.' },
  byName,
];

// The bot's three adapters — the chat features (features/, core/ included), the tab's JSON API (tabApi/) and the jobs
// (jobs/) — stand side by side over the layers below them and never import one another: what two of them need lives
// in services/ (application services), cards/ (the Adaptive Card kit), server/ (HTTP plumbing) or shared/src/domain
// (pure rules). The composition roots (app.ts, cli/) wire them together.
const ADAPTERS = ['features', 'tabApi', 'jobs'];
const notAdapter = (from, adapter) => ({
  group: [`**/${adapter}`, `**/${adapter}/**`],
  message: `${from} must not import bot/src/${adapter}/: the adapters (features, tabApi, jobs) never import one another. Move what both need to bot/src/services/, bot/src/cards/, bot/src/server/ or shared/src/domain/.`,
});
const adapterBoundary = (from, forbidden) => ({
  'no-restricted-imports': ['error', { patterns: [...botPatterns, ...forbidden.map((adapter) => notAdapter(from, adapter))] }],
});

// Short functions (issue 14, item 6): a function reads top to bottom in one screen. At most 80 lines, blank lines and
// comments not counted, in the sources of the three packages (tests and scripts are free). A factory wires named
// handlers instead of holding them (features/<feature>/handlers/, tabApi/<area>/<route>.ts). Exceptions:
// - A React component (tab/src/**/*.tsx) may reach 150 lines, because its JSX tree counts: the tree reads like
//   markup, and cutting it up only to meet a number makes it harder to follow. The 80 lines still hold for its
//   logic by convention: state and handlers beyond that move into a hook or helper in a .ts file, where 80 is
//   enforced. A component over 150 is split into sub-components.
// - A data table (a literal array or object of data) never counts when it stands at module level, as it should;
//   inside a function it needs `// eslint-disable-next-line max-lines-per-function -- data table: <what>`.
// - Temporary: `-- being rewritten (issue 14 item 6, branch <branch>)` on code another branch is rewriting.
// An immediately invoked function counts towards the function around it (IIFEs: false).
const FUNCTION_LENGTH = { max: 80, skipBlankLines: true, skipComments: true, IIFEs: false };
const COMPONENT_LENGTH = { ...FUNCTION_LENGTH, max: 150 };

export default tseslint.config(
  { ignores: ['**/dist/**', 'node_modules/**', 'manifest/build/**', '.data/**', 'devTools/**', 'coverage/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['**/*.cjs'],
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // bot → shared ← tab: the bot never imports the tab.
  {
    files: ['bot/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: botPatterns }] },
  },
  // Inside the bot, the adapters never import one another, and the layers below them import none. (A later block's
  // options replace the ones above for the same files, so each block repeats botPatterns.)
  ...ADAPTERS.map((adapter) => ({
    files: [`bot/src/${adapter}/**/*.ts`],
    rules: adapterBoundary(`bot/src/${adapter}/`, ADAPTERS.filter((other) => other !== adapter)),
  })),
  {
    files: ['bot/src/services/**/*.ts', 'bot/src/cards/**/*.ts', 'bot/src/server/**/*.ts'],
    rules: adapterBoundary('A layer below the adapters', ADAPTERS),
  },
  // ... and the tab never imports the bot, nor Node.
  {
    files: ['tab/**/*.ts', 'tab/**/*.tsx'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', {
        paths: nodeBuiltins.flatMap((m) => [m, `node:${m}`]).map((name) => ({ name, message: 'The tab runs in a browser: no Node APIs.' })),
        patterns: [{ group: ['**/bot/**', '**/bot'], message: 'tab/ must not import bot/: use the JSON API (bot → shared ← tab).' }, byName],
      }],
    },
  },
  // shared is pure: only relative imports and the small pure libraries below; no SDK, no Node, no DOM.
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: { ...globals.es2022 } },
    rules: {
      'no-restricted-imports': ['error', {
        patterns: [{
          regex: '^(?!\\.{1,2}/|luxon$|zod$)',
          message: 'shared/ imports only relative modules, luxon and zod: no SDK, no Node or DOM API, never bot/ or tab/.',
        }, {
          group: ['**/bot/**', '**/tab/**'],
          message: 'shared/ must not import bot/ or tab/.',
        }],
      }],
      'no-restricted-globals': ['error',
        ...['window', 'document', 'navigator', 'localStorage', 'fetch', 'process', 'Buffer', 'require', '__dirname', 'setTimeout', 'setInterval']
          .map((name) => ({ name, message: 'shared/ is pure: no Node or DOM globals.' })),
      ],
    },
  },
  {
    files: ['bot/src/**/*.ts', 'shared/src/**/*.ts', 'tab/src/**/*.ts'],
    rules: { 'max-lines-per-function': ['error', FUNCTION_LENGTH] },
  },
  {
    files: ['tab/src/**/*.tsx'],
    rules: { 'max-lines-per-function': ['error', COMPONENT_LENGTH] },
  },
  {
    files: ['tests/**/*.ts', 'tests/**/*.tsx', 'bench/**/*.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: { 'no-restricted-imports': ['error', { patterns: [byName] }] },
  },
);
