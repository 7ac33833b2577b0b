import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * docs/security.md and docs/privacy.md promise that every claim points at the test that proves it, written as
 * `(test: <path> › "<test name>")`. This test keeps that promise honest: every reference must name a file that
 * exists and contains that test name, and no claim may be left as `(test: TODO)`. Several references may share
 * one pair of brackets, separated by `;`.
 *
 * The match is a plain string search (a name written inside `describe.each` or built from a template is out of
 * scope): the name as given, or as it is spelled inside a quoted source literal (`'` written `\'`, `"` written
 * `\"`).
 */

const ROOT = join(__dirname, '..', '..', '..');
const DOCS = ['docs/security.md', 'docs/privacy.md'] as const;
/** Fewer references than this means the parser stopped seeing them, not that the docs got shorter. */
const MIN_REFERENCES = 20;

interface Reference {
  readonly path: string;
  readonly name: string;
  readonly line: number;
}

interface Problem {
  readonly line: number;
  readonly problem: string;
}

/** `test: <path> › "<name>"`, ending at the `)` or `;` after the closing quote. */
const REFERENCE = /^test: (\S+) › "(.*?)"(?=\s*[;)])/;

/** Every reference in `text`, and every `test:` inside brackets that is not one (malformed, or TODO). */
function parseReferences(text: string): { references: Reference[]; problems: Problem[] } {
  const references: Reference[] = [];
  const problems: Problem[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, index) => {
    const line = index + 1;
    // A reference starts after "(" or after "; " inside one.
    const starts = [...lineText.matchAll(/(?:\(|; )test:/g)].map((m) => (m.index ?? 0) + m[0].length - 'test:'.length);
    for (const start of starts) {
      const rest = lineText.slice(start);
      if (/^test: TODO\b/.test(rest)) {
        problems.push({ line, problem: 'a claim without its test: (test: TODO)' });
        continue;
      }
      const m = REFERENCE.exec(rest);
      if (m === null || m[1] === undefined || m[2] === undefined) {
        problems.push({ line, problem: `not a reference of the form test: <path> › "<name>": ${rest.slice(0, 80)}` });
        continue;
      }
      references.push({ path: m[1], name: m[2], line });
    }
  });
  return { references, problems };
}

/** The spellings a test name can have inside a quoted source literal. */
function spellings(name: string): string[] {
  return [...new Set([name, name.replace(/'/g, "\\'"), name.replace(/"/g, '\\"'), name.replace(/`/g, '\\`')])];
}

/** Problems with references: a file that does not exist, or a test name the file does not contain. */
function checkReferences(references: readonly Reference[], readSource: (path: string) => string | undefined): Problem[] {
  const problems: Problem[] = [];
  for (const ref of references) {
    const source = readSource(ref.path);
    if (source === undefined) {
      problems.push({ line: ref.line, problem: `no such file: ${ref.path}` });
    } else if (!spellings(ref.name).some((s) => source.includes(s))) {
      problems.push({ line: ref.line, problem: `${ref.path} has no test named "${ref.name}"` });
    }
  }
  return problems;
}

function readRepoFile(path: string): string | undefined {
  const full = join(ROOT, path);
  // Only files inside the repository: a reference is a repository path, never an absolute one or one going up.
  if (path.startsWith('/') || path.split('/').includes('..') || !existsSync(full)) return undefined;
  return readFileSync(full, 'utf8');
}

const format = (doc: string, problems: readonly Problem[]): string[] => problems.map((p) => `${doc}:${p.line}: ${p.problem}`);

describe('the security and privacy docs point every claim at a real test', () => {
  it.each(DOCS)('%s exists and has its references', (doc) => {
    const text = readRepoFile(doc);
    expect(text).toBeDefined();
    expect(parseReferences(text ?? '').references.length).toBeGreaterThanOrEqual(MIN_REFERENCES);
  });

  it.each(DOCS)('%s: every reference names an existing file that contains that test', (doc) => {
    const { references } = parseReferences(readRepoFile(doc) ?? '');
    expect(format(doc, checkReferences(references, readRepoFile))).toEqual([]);
  });

  it.each(DOCS)('%s: no claim is left as (test: TODO), and no reference is malformed', (doc) => {
    const { problems } = parseReferences(readRepoFile(doc) ?? '');
    expect(format(doc, problems)).toEqual([]);
  });
});

describe('the doc reference checker itself', () => {
  const files: Record<string, string> = {
    'tests/a.test.ts': "it('refuses a thing', () => {});\nit('keeps the reporter\\'s id', () => {});",
  };
  const read = (path: string): string | undefined => files[path];

  it('accepts a right reference, two in one bracket, and a name with a quote escaped in the source', () => {
    const text = [
      'A claim (test: tests/a.test.ts › "refuses a thing").',
      'Two (test: tests/a.test.ts › "refuses a thing"; test: tests/a.test.ts › "keeps the reporter\'s id").',
    ].join('\n');
    const { references, problems } = parseReferences(text);
    expect(problems).toEqual([]);
    expect(references.map((r) => r.name)).toEqual(['refuses a thing', 'refuses a thing', "keeps the reporter's id"]);
    expect(checkReferences(references, read)).toEqual([]);
  });

  it('reports a wrong file, a wrong name, a TODO and a malformed reference, each with its line', () => {
    const text = [
      'Wrong file (test: tests/b.test.ts › "refuses a thing").',
      'Wrong name (test: tests/a.test.ts › "refuses another thing").',
      'Not proven yet (test: TODO).',
      'Malformed (test: tests/a.test.ts refuses a thing).',
    ].join('\n');
    const { references, problems } = parseReferences(text);
    expect(problems).toEqual([
      { line: 3, problem: 'a claim without its test: (test: TODO)' },
      { line: 4, problem: expect.stringContaining('not a reference') as unknown as string },
    ]);
    expect(checkReferences(references, read)).toEqual([
      { line: 1, problem: 'no such file: tests/b.test.ts' },
      { line: 2, problem: 'tests/a.test.ts has no test named "refuses another thing"' },
    ]);
  });
});
