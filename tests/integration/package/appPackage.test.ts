import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { AppManifestUtils } from '@microsoft/app-manifest';
import { buildAppPackage, SIZE_LIMITS, type PackageResult } from '@soestainable/bot/appPackage/buildPackage';
import { inspectPng } from '@soestainable/bot/appPackage/icons';
import { COMMAND_LIMITS, localizableStrings, type ManifestShape } from '@soestainable/bot/appPackage/manifestRules';
import { unzipEntries } from '@soestainable/bot/appPackage/zip';
import { PackageFixture, REPO_ROOT } from './fixture';

/**
 * `npm run package` as code: the real build against a temp copy of manifest/ and infra/env/. The committed files
 * build a package that passes Microsoft's schema offline, with icons, languages and sizes as Teams wants them.
 * Bad input: badInput.test.ts; the command line: cli.test.ts.
 */

describe('the committed manifest, icons and dev environment', () => {
  let f: PackageFixture;
  let result: PackageResult;
  let files: Map<string, Buffer>;
  let manifest: ManifestShape & Record<string, unknown>;

  beforeAll(async () => {
    f = new PackageFixture();
    result = await buildAppPackage({ rootDir: f.root, env: 'dev' });
    files = await unzipEntries(readFileSync(result.zipPath));
    manifest = JSON.parse((files.get('manifest.json') as Buffer).toString('utf8')) as ManifestShape & Record<string, unknown>;
  });
  afterAll(() => f.remove());

  it('build manifest/build/appPackage.dev.zip with the manifest, both icons and both language files, flat', () => {
    expect(result.zipPath).toBe(join(f.root, 'manifest/build/appPackage.dev.zip'));
    expect([...files.keys()]).toEqual(['manifest.json', 'color.png', 'outline.png', 'nl.json', 'en.json']);
    expect(result.files.map((x) => x.name)).toEqual([...files.keys()]);
    expect(existsSync(join(f.root, 'manifest/build/manifest.dev.json'))).toBe(true);
  });

  it('the filled manifest validates against the official Teams schema bundled in @microsoft/app-manifest (offline)', async () => {
    expect(manifest.manifestVersion).toBe('1.22');
    const schemaPath = join(dirname(require.resolve('@microsoft/app-manifest')), 'json-schemas/teams/v1.22/MicrosoftTeams.schema.json');
    const schema = JSON.parse(readFileSync(schemaPath, 'utf8')) as Parameters<typeof AppManifestUtils.validateAgainstSchema>[1];
    const started = performance.now();
    const errors = await AppManifestUtils.validateAgainstSchema(manifest as unknown as Parameters<typeof AppManifestUtils.validateAgainstSchema>[0], schema);
    expect(errors).toEqual([]);
    expect(performance.now() - started).toBeLessThan(5000);
  });

  it('has no placeholder left, and carries the dev environment\'s values', () => {
    for (const [name, bytes] of files) if (name.endsWith('.json')) expect(bytes.toString('utf8')).not.toContain('${{');
    const env = f.read('infra/env/.env.dev');
    const value = (name: string) => new RegExp(`^${name}=(.*)$`, 'm').exec(env)?.[1];
    expect(manifest.id).toBe(value('TEAMS_APP_ID'));
    expect(manifest.bots?.[0]?.botId).toBe(value('BOT_ID'));
    expect(manifest.webApplicationInfo).toEqual({ id: value('AAD_APP_CLIENT_ID'), resource: `api://${value('TAB_DOMAIN')}/${value('AAD_APP_CLIENT_ID')}` });
    expect(manifest.validDomains).toEqual([value('TAB_DOMAIN')]);
    expect(result.warnings.join('\n')).toMatch(/example ids \(TEAMS_APP_ID, BOT_ID, AAD_APP_CLIENT_ID\)/);
  });

  it('is the app the issue describes: Dutch first, the bot in three scopes, two static tabs, one team tab under /tab/', () => {
    expect(manifest.localizationInfo).toEqual({ defaultLanguageTag: 'nl', defaultLanguageFile: 'nl.json', additionalLanguages: [{ languageTag: 'en', file: 'en.json' }] });
    expect(manifest.bots?.[0]?.scopes).toEqual(['personal', 'team', 'groupChat']);
    const tabs = (manifest.staticTabs ?? []).filter((t) => t.name !== undefined);
    expect(tabs.map((t) => t.name)).toEqual(['Mijn voortgang', 'Actieprogramma']);
    const endpoint = /^TAB_ENDPOINT=(.*)$/m.exec(f.read('infra/env/.env.dev'))?.[1] ?? '';
    for (const t of tabs) expect(t.contentUrl?.startsWith(`${endpoint}/tab/`)).toBe(true);
    expect(manifest.configurableTabs).toHaveLength(1);
    expect(manifest.configurableTabs?.[0]?.configurationUrl.startsWith(`${endpoint}/tab/`)).toBe(true);
    expect(manifest.configurableTabs?.[0]?.scopes).toContain('team');
    const developer = manifest['developer'] as Record<string, string>;
    for (const url of ['websiteUrl', 'privacyUrl', 'termsOfUseUrl']) expect(developer[url]).toMatch(/^https:\/\//);
  });

  it('icons: colour 192×192 and opaque; outline 32×32, white on a transparent background', () => {
    const color = inspectPng(files.get('color.png') as Buffer);
    const outline = inspectPng(files.get('outline.png') as Buffer);
    expect(color).toMatchObject({ width: 192, height: 192, transparent: 0 });
    expect(outline).toMatchObject({ width: 32, height: 32, hasAlpha: true, cornersTransparent: true, nonWhiteVisible: 0 });
    // A real glyph, not an empty or a filled square: some of the area drawn, most of it transparent.
    expect(outline?.visible).toBeGreaterThan(32 * 32 * 0.1);
    expect(outline?.transparent).toBeGreaterThan(32 * 32 * 0.4);
  });

  it('the icons are made from the SVG sources next to them', () => {
    for (const svg of ['manifest/icons/color.svg', 'manifest/icons/outline.svg', 'manifest/icons/render.cjs']) expect(existsSync(join(REPO_ROOT, svg))).toBe(true);
    expect(readFileSync(join(REPO_ROOT, 'manifest/icons/outline.svg'), 'utf8')).not.toMatch(/fill="#(?!FFFFFF|000000)[0-9A-F]{6}"/i);
  });

  it('localisation: every localisable string in nl and en, nl equal to the manifest, en actually translated', () => {
    const strings = localizableStrings(manifest);
    const nl = JSON.parse((files.get('nl.json') as Buffer).toString('utf8')) as Record<string, string>;
    const en = JSON.parse((files.get('en.json') as Buffer).toString('utf8')) as Record<string, string>;
    expect(Object.keys(nl).filter((k) => k !== '$schema').sort()).toEqual([...strings.keys()].sort());
    expect(Object.keys(en).filter((k) => k !== '$schema').sort()).toEqual([...strings.keys()].sort());
    for (const [key, value] of strings) expect({ key, nl: nl[key] }).toEqual({ key, nl: value });
    const translated = [...strings.keys()].filter((k) => k !== 'name.short' && en[k] !== nl[k]);
    expect(translated.length).toBe(strings.size - 1);
  });

  it('every command is in both languages, within Teams\' limits', () => {
    const en = JSON.parse((files.get('en.json') as Buffer).toString('utf8')) as Record<string, string>;
    const lists = manifest.bots?.[0]?.commandLists ?? [];
    expect(lists.map((l) => l.scopes)).toEqual([['personal'], ['team', 'groupChat']]);
    expect(lists[0]?.commands.length).toBeGreaterThanOrEqual(8);
    lists.forEach((list, l) =>
      list.commands.forEach((c, i) => {
        const key = `bots[0].commandLists[${l}].commands[${i}]`;
        for (const text of [c.title, en[`${key}.title`] ?? '']) expect(text.length).toBeGreaterThan(0);
        for (const text of [c.title, en[`${key}.title`] ?? '']) expect(text.length).toBeLessThanOrEqual(COMMAND_LIMITS.title);
        for (const text of [c.description, en[`${key}.description`] ?? '']) expect(text.length).toBeLessThanOrEqual(COMMAND_LIMITS.description);
      }),
    );
  });

  it('stays within the size budget: each file and the package', () => {
    for (const file of result.files) expect(file.bytes).toBeLessThanOrEqual(file.name.endsWith('.png') ? SIZE_LIMITS.icon : SIZE_LIMITS.jsonFile);
    expect(result.zipBytes).toBeLessThanOrEqual(SIZE_LIMITS.package);
    expect(result.zipBytes).toBe(readFileSync(result.zipPath).length);
  });

  it('is reproducible: the same inputs give the same bytes', async () => {
    const first = readFileSync(result.zipPath);
    const again = await buildAppPackage({ rootDir: f.root, env: 'dev' });
    expect(readFileSync(again.zipPath).equals(first)).toBe(true);
  });
});
