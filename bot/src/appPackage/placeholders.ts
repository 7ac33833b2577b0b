import { PackageError } from './errors';

/**
 * `${{NAME}}` placeholders, the Teams Toolkit's syntax: the same manifest works with `teamsapp` and with
 * `npm run package`. Names are environment-variable names.
 */
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export interface TemplateFile {
  /** How the file is named in messages, e.g. `manifest/manifest.json`. */
  readonly name: string;
  readonly text: string;
}

/** Every variable a text refers to, each once, in order of first use. */
export function placeholdersIn(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1] as string))];
}

/**
 * Checks that every placeholder in every file has a non-empty value, and fails naming each variable that has
 * none (with the files that use it), all at once.
 */
export function assertFilled(files: readonly TemplateFile[], vars: Readonly<Record<string, string>>, envFile: string): void {
  const missing = new Map<string, string[]>();
  for (const file of files) {
    for (const name of placeholdersIn(file.text)) {
      if ((vars[name] ?? '').trim() === '') missing.set(name, [...(missing.get(name) ?? []), file.name]);
    }
  }
  if (missing.size > 0) {
    const problems = [...missing].map(([name, usedIn]) => `${name} (used in ${usedIn.join(', ')})`);
    throw new PackageError(
      'VARIABLE_UNFILLED',
      `${missing.size === 1 ? 'A variable has' : `${missing.size} variables have`} no value in ${envFile}: ` +
        'fill them in, or run `teamsapp provision` for this environment, which writes the generated ones.',
      problems,
    );
  }
}

/**
 * Replaces the placeholders of a JSON text. Placeholders sit inside JSON strings, so each value is escaped as a
 * JSON string body: a quote or backslash in a value can never break the document. Call `assertFilled` first.
 */
export function fillJson(file: TemplateFile, vars: Readonly<Record<string, string>>): string {
  const filled = file.text.replace(PLACEHOLDER, (_m, name: string) => JSON.stringify((vars[name] ?? '').trim()).slice(1, -1));
  if (filled.includes('${{')) {
    throw new PackageError('VARIABLE_UNFILLED', `${file.name} has a malformed placeholder: write \${{NAME}} with a variable name of letters, digits and _.`);
  }
  return filled;
}
