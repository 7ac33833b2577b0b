import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { PackageError } from './errors';

/**
 * Offline validation against Microsoft's own Teams schemas, as bundled in `@microsoft/app-manifest` (the
 * Toolkit's manifest library). We load the schema file ourselves and hand it over: given only a `$schema` URL the
 * library would download anything it does not bundle, and the build must never depend on the network.
 */
const SCHEMA_FILES = {
  manifest: 'MicrosoftTeams.schema.json',
  localization: 'MicrosoftTeams.Localization.schema.json',
} as const;
export type SchemaKind = keyof typeof SCHEMA_FILES;

function teamsSchemasDir(): string {
  return join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas', 'teams');
}

/** The manifest versions whose schemas ship with the installed `@microsoft/app-manifest` (e.g. `1.22`). */
export function bundledManifestVersions(): string[] {
  return readdirSync(teamsSchemasDir())
    .filter((d) => /^v\d+\.\d+$/.test(d))
    .map((d) => d.slice(1))
    .sort((a, b) => {
      const [am = 0, an = 0] = a.split('.').map(Number);
      const [bm = 0, bn = 0] = b.split('.').map(Number);
      return am - bm || an - bn;
    });
}

/** The bundled schema of one kind for a manifest version; fails with SCHEMA_UNAVAILABLE when it is not bundled. */
export function loadSchema(kind: SchemaKind, manifestVersion: string): object {
  const file = join(teamsSchemasDir(), `v${manifestVersion}`, SCHEMA_FILES[kind]);
  if (!/^\d+\.\d+$/.test(manifestVersion) || !existsSync(file)) {
    throw new PackageError(
      'SCHEMA_UNAVAILABLE',
      `No bundled ${kind} schema for manifestVersion "${manifestVersion}" (bundled: ${bundledManifestVersions().join(', ')}). ` +
        'Validation is offline and never downloads a schema: use a bundled version, or update @microsoft/app-manifest.',
    );
  }
  // Some of Microsoft's schema files contain \a and \v escapes that JSON does not allow; the library reads them the same way.
  const raw = readFileSync(file, 'utf8').replace(/\\a/g, '\\u0007').replace(/\\v/g, '\\u000b');
  return repairPatterns(JSON.parse(raw)) as object;
}

/**
 * Escapes a `]` that closes no character class. Microsoft's localisation schema (v1.22 and later) has two such
 * patterns (`activities.activityTypes[\b(…)\b]`): fine in a plain RegExp, a syntax error under the `u` flag Ajv
 * compiles with — so the library cannot compile the schema as shipped. The escaped pattern matches the same keys.
 */
export function escapeLoneBrackets(pattern: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      out += ch + (pattern[i + 1] ?? '');
      i++;
    } else if (ch === '[' && !inClass) {
      inClass = true;
      out += ch;
    } else if (ch === ']') {
      out += inClass ? ch : '\\]';
      inClass = false;
    } else {
      out += ch;
    }
  }
  return out;
}

/** The schema with every `pattern` and `patternProperties` key made valid for Unicode regular expressions. */
function repairPatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(repairPatterns);
  if (typeof node !== 'object' || node === null) return node;
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'pattern' && typeof value === 'string') {
      out[key] = escapeLoneBrackets(value);
    } else if (key === 'patternProperties' && typeof value === 'object' && value !== null) {
      out[key] = Object.fromEntries(Object.entries(value).map(([p, v]) => [escapeLoneBrackets(p), repairPatterns(v)]));
    } else {
      out[key] = repairPatterns(value);
    }
  }
  return out;
}

type ValidateArgs = Parameters<typeof AppManifestUtils.validateAgainstSchema>;

/**
 * Validates a JSON document against the bundled schema of its kind. Returns the violations as
 * `<file><JSON pointer> <what is wrong>`, empty when valid.
 */
export async function validateWithBundledSchema(doc: unknown, kind: SchemaKind, manifestVersion: string, fileName: string): Promise<string[]> {
  const schema = loadSchema(kind, manifestVersion);
  // The library types its arguments as Teams manifests; it validates any JSON document against any schema.
  const errors = await AppManifestUtils.validateAgainstSchema(doc as ValidateArgs[0], schema as ValidateArgs[1]);
  return errors.map((e) => `${fileName}${e.startsWith('/') ? '' : ' '}${e}`);
}
