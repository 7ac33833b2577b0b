// Lints code snippets as if they were files at given paths, with the project's ESLint config, and prints the
// rule ids found per snippet as JSON. Run as a child process: ESLint loads its config with a dynamic import,
// which Jest's module sandbox does not allow.
const { join } = require('node:path');
const { ESLint } = require('eslint');

const root = join(__dirname, '..', '..');

async function main() {
  const cases = JSON.parse(require('node:fs').readFileSync(0, 'utf8'));
  const eslint = new ESLint({ cwd: root, overrideConfigFile: join(root, '.config/eslint.config.mjs') });
  const out = [];
  for (const { code, file } of cases) {
    const [result] = await eslint.lintText(code, { filePath: join(root, file) });
    out.push((result ? result.messages : []).map((m) => m.ruleId || 'fatal'));
  }
  process.stdout.write(JSON.stringify(out));
}

main().catch((err) => {
  process.stderr.write(String(err && err.stack));
  process.exit(1);
});
