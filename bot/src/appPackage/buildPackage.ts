import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { isAbsolute, join, normalize, relative, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { assertEnvName, envFileName, exampleVariables, readEnvFile } from './envFile';
import { PackageError } from './errors';
import { checkIcon, type IconKind } from './icons';
import { checkLocalization, checkManifestRules, type LanguageFile, type ManifestShape } from './manifestRules';
import { assertFilled, fillJson, placeholdersIn, type TemplateFile } from './placeholders';
import { validateWithBundledSchema } from './schema';
import { unzipEntries, zipEntries, type ZipEntry } from './zip';

/** Where things are, relative to the project root (STYLE.md's house plan). */
export const PACKAGE_LAYOUT = {
  manifestDir: 'manifest',
  manifestFile: 'manifest.json',
  envDir: 'infra/env',
  outDir: 'manifest/build',
} as const;

/**
 * Size budget of the package. Our own limits: Microsoft documents none for an app package that we could find.
 * They keep the upload small and catch an accidental large file (an unoptimised icon, a pasted blob). Today the
 * largest icon is 6 KiB and the whole package 10 KiB.
 */
export const SIZE_LIMITS = {
  /** manifest.json and each language file */
  jsonFile: 64 * 1024,
  icon: 100 * 1024,
  package: 1024 * 1024,
} as const;

export interface PackageOptions {
  /** The project root: holds manifest/, infra/env/; the package goes to manifest/build/. */
  readonly rootDir: string;
  /** The environment: reads infra/env/.env.<env>, writes manifest/build/appPackage.<env>.zip. */
  readonly env: string;
}

export interface PackagedFile {
  readonly name: string;
  readonly bytes: number;
}

export interface PackageResult {
  readonly env: string;
  readonly zipPath: string;
  readonly zipBytes: number;
  readonly files: readonly PackagedFile[];
  readonly manifestVersion: string;
  /** Time spent in the schema validation (manifest and language files). */
  readonly schemaValidationMs: number;
  readonly totalMs: number;
  /** Things that do not stop the build but an operator should see (example ids). */
  readonly warnings: readonly string[];
}

export function packageZipPath(rootDir: string, env: string): string {
  return join(rootDir, PACKAGE_LAYOUT.outDir, `appPackage.${env}.zip`);
}

function shown(rootDir: string, path: string): string {
  return relative(rootDir, path).split(sep).join('/');
}

function readFileOrFail(path: string, shownName: string, what: string): Buffer {
  try {
    return readFileSync(path);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    throw new PackageError('FILE_MISSING', `${shownName} does not exist (${what}).`);
  }
}

function parseJson(file: TemplateFile): unknown {
  try {
    return JSON.parse(file.text) as unknown;
  } catch (err) {
    throw new PackageError('JSON_INVALID', `${file.name} is not valid JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** A file the manifest points to: a relative path inside manifest/, never outside it. */
function packagedPath(manifestDir: string, ref: unknown, field: string, manifestName: string): string {
  if (typeof ref !== 'string' || ref.trim() === '') {
    throw new PackageError('SCHEMA_INVALID', `${manifestName}: ${field} must name a file in the package`);
  }
  const rel = normalize(ref);
  if (isAbsolute(rel) || rel.startsWith('..')) {
    throw new PackageError('MANIFEST_RULE', `${manifestName}: ${field} ("${ref}") must be a path inside ${PACKAGE_LAYOUT.manifestDir}/`);
  }
  return join(manifestDir, rel);
}

function prop(value: unknown, key: string): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
}

interface LanguageRef {
  readonly languageTag: string;
  readonly file: string;
  readonly isDefault: boolean;
}

/** The language files `localizationInfo` names, read from the (unfilled) template. */
function languageRefs(template: unknown): LanguageRef[] {
  const info = prop(template, 'localizationInfo');
  if (info === undefined) return [];
  const refs: LanguageRef[] = [];
  const defaultTag = String(prop(info, 'defaultLanguageTag') ?? '');
  const defaultFile = prop(info, 'defaultLanguageFile');
  if (defaultFile !== undefined) refs.push({ languageTag: defaultTag, file: String(defaultFile), isDefault: true });
  const additional = prop(info, 'additionalLanguages');
  if (Array.isArray(additional)) {
    for (const lang of additional as unknown[]) {
      refs.push({ languageTag: String(prop(lang, 'languageTag') ?? ''), file: String(prop(lang, 'file') ?? ''), isDefault: false });
    }
  }
  return refs;
}

/** The templates and every file they point to, read and parsed. */
interface Sources {
  readonly manifestName: string;
  readonly manifestTemplate: TemplateFile;
  readonly languages: ReadonlyArray<{ readonly ref: LanguageRef; readonly file: TemplateFile }>;
  readonly icons: ReadonlyArray<{ readonly kind: IconKind; readonly ref: string; readonly name: string; readonly bytes: Buffer }>;
}

/** The sources with every `${{VAR}}` filled, the manifest and language files parsed again. */
interface Filled {
  readonly manifestText: string;
  readonly manifest: unknown;
  readonly languages: ReadonlyArray<{ readonly ref: LanguageRef; readonly name: string; readonly text: string; readonly json: unknown }>;
}

/** 1. The templates, and every file they point to, exist and parse. */
function readSources(rootDir: string, manifestDir: string): Sources {
  const manifestPath = join(manifestDir, PACKAGE_LAYOUT.manifestFile);
  const manifestName = shown(rootDir, manifestPath);
  const manifestTemplate: TemplateFile = { name: manifestName, text: readFileOrFail(manifestPath, manifestName, 'the app manifest').toString('utf8') };
  const template = parseJson(manifestTemplate);
  const languages = languageRefs(template).map((ref) => {
    const path = packagedPath(manifestDir, ref.file, `localizationInfo file for "${ref.languageTag}"`, manifestName);
    const name = shown(rootDir, path);
    const file: TemplateFile = { name, text: readFileOrFail(path, name, `the ${ref.languageTag} language file`).toString('utf8') };
    parseJson(file);
    return { ref, file };
  });
  const icons = (['color', 'outline'] as const).map((kind: IconKind) => {
    const path = packagedPath(manifestDir, prop(prop(template, 'icons'), kind), `icons.${kind}`, manifestName);
    const name = shown(rootDir, path);
    return { kind, ref: String(prop(prop(template, 'icons'), kind)), name, bytes: readFileOrFail(path, name, `the ${kind} icon`) };
  });
  return { manifestName, manifestTemplate, languages, icons };
}

/** 2. Every variable has a value. */
function fillSources(sources: Sources, vars: Readonly<Record<string, string>>, envShown: string): Filled {
  assertFilled([sources.manifestTemplate, ...sources.languages.map((l) => l.file)], vars, envShown);
  const manifestText = fillJson(sources.manifestTemplate, vars);
  const manifest = parseJson({ name: sources.manifestName, text: manifestText });
  const languages = sources.languages.map(({ ref, file }) => {
    const text = fillJson(file, vars);
    return { ref, name: file.name, text, json: parseJson({ name: file.name, text }) };
  });
  return { manifestText, manifest, languages };
}

/** 3. The icons, and every file's size: cheap checks before the schema (about 0.4 s to compile). */
function packageEntries(sources: Sources, filled: Filled): ZipEntry[] {
  const iconProblems = sources.icons.flatMap((icon) => checkIcon(icon.bytes, icon.kind, icon.name));
  if (iconProblems.length > 0) throw new PackageError('ICON_INVALID', 'The icons break Teams\' icon rules:', iconProblems);

  const entries: ZipEntry[] = [
    { name: PACKAGE_LAYOUT.manifestFile, bytes: Buffer.from(filled.manifestText, 'utf8') },
    ...sources.icons.map((icon) => ({ name: normalize(icon.ref).split(sep).join('/'), bytes: icon.bytes })),
    ...filled.languages.map((l) => ({ name: normalize(l.ref.file).split(sep).join('/'), bytes: Buffer.from(l.text, 'utf8') })),
  ];
  const sizeProblems = entries.flatMap((entry) => {
    const limit = entry.name.endsWith('.png') ? SIZE_LIMITS.icon : SIZE_LIMITS.jsonFile;
    return entry.bytes.length > limit ? [`${entry.name} is ${entry.bytes.length} bytes; the budget is ${limit}`] : [];
  });
  if (sizeProblems.length > 0) throw new PackageError('SIZE_EXCEEDED', 'A file is larger than the package budget:', sizeProblems);
  return entries;
}

/** 4.–6. Microsoft's schemas (offline), every localisable string in every language, and Teams rules beyond the schema. */
async function validateManifest(filled: Filled, manifestName: string): Promise<{ manifestVersion: string; schemaValidationMs: number }> {
  const { manifest } = filled;
  const manifestVersion = prop(manifest, 'manifestVersion');
  if (typeof manifestVersion !== 'string') throw new PackageError('SCHEMA_INVALID', `${manifestName} has no manifestVersion.`);
  const schemaStarted = performance.now();
  const schemaProblems = [
    ...(await validateWithBundledSchema(manifest, 'manifest', manifestVersion, manifestName)),
    ...(await Promise.all(filled.languages.map((l) => validateWithBundledSchema(l.json, 'localization', manifestVersion, l.name)))).flat(),
  ];
  const schemaValidationMs = performance.now() - schemaStarted;
  if (schemaProblems.length > 0) {
    throw new PackageError('SCHEMA_INVALID', `The filled manifest breaks the Teams schema v${manifestVersion}:`, schemaProblems);
  }
  // The schema has checked the shapes ManifestShape describes.
  const shape = manifest as ManifestShape;

  const languageFiles: LanguageFile[] = filled.languages.map((l) => ({
    languageTag: l.ref.languageTag,
    fileName: l.name,
    isDefault: l.ref.isDefault,
    strings: l.json as Record<string, unknown>,
  }));
  const localizationProblems = checkLocalization(shape, manifestName, languageFiles);
  if (localizationProblems.length > 0) {
    throw new PackageError('LOCALIZATION_INVALID', 'The language files do not match the manifest:', localizationProblems);
  }

  const ruleProblems = checkManifestRules(shape, manifestName);
  if (ruleProblems.length > 0) throw new PackageError('MANIFEST_RULE', 'The manifest breaks Teams rules the schema does not check:', ruleProblems);
  return { manifestVersion, schemaValidationMs };
}

/** 7. The zip, within the budget, read back before it is written: what we write is exactly what we validated. */
async function checkedZip(entries: readonly ZipEntry[]): Promise<Buffer> {
  const zip = await zipEntries(entries);
  if (zip.length > SIZE_LIMITS.package) {
    throw new PackageError('SIZE_EXCEEDED', `The package is ${zip.length} bytes; the budget is ${SIZE_LIMITS.package}.`);
  }
  const check = await unzipEntries(zip);
  if (check.size !== entries.length || entries.some((e) => !check.get(e.name)?.equals(e.bytes))) {
    throw new Error('The zip does not read back as written.');
  }
  return zip;
}

/**
 * Builds the Teams app package of one environment: fills the manifest's and language files' `${{VARS}}` from
 * infra/env/.env.<env>, validates everything offline (Microsoft's schemas, localisation completeness, icons,
 * Teams rules, sizes) and only then writes manifest/build/appPackage.<env>.zip (and manifest.<env>.json, the
 * filled manifest, for reading). Any failure throws a PackageError naming the problem, and no zip exists
 * afterwards — a previous package of the same environment is removed first, so nobody uploads a stale one.
 */
export async function buildAppPackage(options: PackageOptions): Promise<PackageResult> {
  const started = performance.now();
  const { rootDir, env } = options;
  const outDir = join(rootDir, PACKAGE_LAYOUT.outDir);
  const envShown = `${PACKAGE_LAYOUT.envDir}/${envFileName(env)}`;

  assertEnvName(env);
  const zipPath = packageZipPath(rootDir, env);
  rmSync(zipPath, { force: true });
  const vars = readEnvFile(join(rootDir, PACKAGE_LAYOUT.envDir), env, PACKAGE_LAYOUT.envDir);

  const sources = readSources(rootDir, join(rootDir, PACKAGE_LAYOUT.manifestDir));
  const filled = fillSources(sources, vars, envShown);
  const entries = packageEntries(sources, filled);
  const { manifestVersion, schemaValidationMs } = await validateManifest(filled, sources.manifestName);
  const zip = await checkedZip(entries);

  mkdirSync(outDir, { recursive: true });
  const partial = `${zipPath}.partial`;
  writeFileSync(partial, zip);
  renameSync(partial, zipPath);
  writeFileSync(join(outDir, `manifest.${env}.json`), filled.manifestText);

  const templates = [sources.manifestTemplate, ...sources.languages.map((l) => l.file)];
  const used = [...new Set(templates.flatMap((t) => placeholdersIn(t.text)))];
  const examples = exampleVariables(vars, used);
  const warnings =
    examples.length > 0
      ? [`${envShown} holds example ids (${examples.join(', ')}): the package validates, but will not work in a tenant. See docs/deploy.md.`]
      : [];
  return {
    env,
    zipPath,
    zipBytes: zip.length,
    files: entries.map((e) => ({ name: e.name, bytes: e.bytes.length })),
    manifestVersion,
    schemaValidationMs,
    totalMs: performance.now() - started,
    warnings,
  };
}
