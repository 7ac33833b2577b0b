/**
 * Teams rules the JSON schema does not express, and the completeness of the localisation files. Run after the
 * schema passed, so the shapes below hold (the schema checks them; these functions read them).
 */

export interface ManifestCommand {
  readonly title: string;
  readonly description: string;
}

/** The parts of a Teams manifest these rules read (the schema has validated the whole document before). */
export interface ManifestShape {
  readonly $schema?: string;
  readonly manifestVersion: string;
  readonly id: string;
  readonly name: { readonly short: string; readonly full?: string };
  readonly description: { readonly short: string; readonly full: string };
  readonly icons: { readonly color: string; readonly outline: string };
  readonly localizationInfo?: {
    readonly defaultLanguageTag: string;
    readonly defaultLanguageFile?: string;
    readonly additionalLanguages?: readonly { readonly languageTag: string; readonly file: string }[];
  };
  readonly bots?: readonly {
    readonly botId: string;
    readonly scopes?: readonly string[];
    readonly commandLists?: readonly { readonly scopes: readonly string[]; readonly commands: readonly ManifestCommand[] }[];
  }[];
  readonly staticTabs?: readonly {
    readonly entityId: string;
    readonly name?: string;
    readonly contentUrl?: string;
    readonly websiteUrl?: string;
    readonly scopes: readonly string[];
  }[];
  readonly configurableTabs?: readonly { readonly configurationUrl: string; readonly scopes: readonly string[] }[];
  readonly validDomains?: readonly string[];
  readonly webApplicationInfo?: { readonly id: string; readonly resource?: string };
}

/** Teams' limits for bot commands (Microsoft Learn, "Create a commands menu"): tighter than the schema's. */
export const COMMAND_LIMITS = { title: 32, description: 128 } as const;

/** A language file the manifest points to. */
export interface LanguageFile {
  readonly languageTag: string;
  readonly fileName: string;
  readonly isDefault: boolean;
  readonly strings: Readonly<Record<string, unknown>>;
}

/**
 * Every string of this manifest that a localisation file can translate, by its localisation key
 * (`name.short`, `staticTabs[1].name`, `bots[0].commandLists[0].commands[2].title`, …), with the manifest's value.
 * Covers the parts this app uses; a new localisable part (message extensions, activities) must be added here.
 */
export function localizableStrings(manifest: ManifestShape): Map<string, string> {
  const strings = new Map<string, string>();
  strings.set('name.short', manifest.name.short);
  if (manifest.name.full !== undefined) strings.set('name.full', manifest.name.full);
  strings.set('description.short', manifest.description.short);
  strings.set('description.full', manifest.description.full);
  manifest.staticTabs?.forEach((tab, i) => {
    if (tab.name !== undefined) strings.set(`staticTabs[${i}].name`, tab.name);
  });
  manifest.bots?.forEach((bot, b) =>
    bot.commandLists?.forEach((list, l) =>
      list.commands.forEach((command, c) => {
        strings.set(`bots[${b}].commandLists[${l}].commands[${c}].title`, command.title);
        strings.set(`bots[${b}].commandLists[${l}].commands[${c}].description`, command.description);
      }),
    ),
  );
  return strings;
}

function commandLimitProblems(key: string, value: string, where: string): string[] {
  const field = /\.(title|description)$/.exec(key)?.[1] as keyof typeof COMMAND_LIMITS | undefined;
  if (!key.startsWith('bots[') || field === undefined) return [];
  const limit = COMMAND_LIMITS[field];
  return value.length > limit ? [`${where}: "${key}" has ${value.length} characters; Teams allows ${limit} for a command ${field}`] : [];
}

/**
 * Every localisable string must be in every language file, non-empty; the default language's file must say what
 * the manifest says (Teams reads either); no file may carry keys the manifest does not have; command titles and
 * descriptions stay within Teams' limits in every language.
 */
export function checkLocalization(manifest: ManifestShape, manifestName: string, files: readonly LanguageFile[]): string[] {
  const expected = localizableStrings(manifest);
  const problems: string[] = [];
  for (const [key, value] of expected) problems.push(...commandLimitProblems(key, value, manifestName));
  for (const file of files) {
    for (const [key, manifestValue] of expected) {
      const value = file.strings[key];
      if (value === undefined) {
        problems.push(`${file.fileName} (${file.languageTag}) lacks "${key}" (the manifest has "${manifestValue}")`);
      } else if (typeof value !== 'string' || value.trim() === '') {
        problems.push(`${file.fileName} (${file.languageTag}): "${key}" is empty`);
      } else {
        if (file.isDefault && value !== manifestValue) {
          problems.push(`${file.fileName} is the default language's file, but "${key}" differs from the manifest ("${value}" vs "${manifestValue}")`);
        }
        problems.push(...commandLimitProblems(key, value, `${file.fileName} (${file.languageTag})`));
      }
    }
    for (const key of Object.keys(file.strings)) {
      if (key !== '$schema' && !expected.has(key)) problems.push(`${file.fileName} (${file.languageTag}) has "${key}", which the manifest does not have`);
    }
  }
  return problems;
}

function hostOf(url: string): string | undefined {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return undefined;
  }
}

/** Whether a host is covered by a validDomains entry (entries may start with a `*.` wildcard). */
function coveredBy(host: string, domains: readonly string[]): boolean {
  return domains.some((d) => {
    const domain = d.toLowerCase();
    return domain.startsWith('*.') ? host.endsWith(domain.slice(1)) : host === domain;
  });
}

/** Rules beyond the schema that decide whether the app works in Teams. */
export function checkManifestRules(manifest: ManifestShape, manifestName: string): string[] {
  const problems: string[] = [];
  if (manifest.$schema !== undefined && !manifest.$schema.includes(`/v${manifest.manifestVersion}/`)) {
    problems.push(`${manifestName}: $schema (${manifest.$schema}) is not the schema of manifestVersion ${manifest.manifestVersion}`);
  }
  const domains = manifest.validDomains ?? [];
  const pages: [string, string | undefined][] = [
    ...(manifest.staticTabs ?? []).flatMap((t, i): [string, string | undefined][] => [
      [`staticTabs[${i}].contentUrl`, t.contentUrl],
      [`staticTabs[${i}].websiteUrl`, t.websiteUrl],
    ]),
    ...(manifest.configurableTabs ?? []).map((t, i): [string, string | undefined] => [`configurableTabs[${i}].configurationUrl`, t.configurationUrl]),
  ];
  for (const [where, url] of pages) {
    if (url === undefined) continue;
    const host = hostOf(url);
    if (host === undefined) problems.push(`${manifestName}: ${where} is not a URL (${url})`);
    else if (!coveredBy(host, domains)) problems.push(`${manifestName}: ${where} is on ${host}, which validDomains does not list`);
  }
  const entityIds = (manifest.staticTabs ?? []).map((t) => t.entityId);
  for (const id of new Set(entityIds)) {
    if (entityIds.filter((e) => e === id).length > 1) problems.push(`${manifestName}: static tab entityId "${id}" is used twice`);
  }
  const sso = manifest.webApplicationInfo;
  if (sso !== undefined) {
    const match = /^api:\/\/([^/]+)\/(.+)$/.exec(sso.resource ?? '');
    if (!match) {
      problems.push(`${manifestName}: webApplicationInfo.resource must be api://<host>/<client id> for tab SSO (is "${sso.resource ?? ''}")`);
    } else {
      if (match[2] !== sso.id) problems.push(`${manifestName}: webApplicationInfo.resource ends in ${match[2] ?? ''}, not in webApplicationInfo.id ${sso.id}`);
      if (!coveredBy((match[1] ?? '').toLowerCase(), domains)) problems.push(`${manifestName}: webApplicationInfo.resource's host ${match[1] ?? ''} is not in validDomains`);
    }
  }
  return problems;
}
