import { existsSync } from 'node:fs';
import { PNG } from 'pngjs';
import { buildAppPackage, packageZipPath, SIZE_LIMITS } from '@soestainable/bot/appPackage/buildPackage';
import { isPackageError, type PackageErrorCode } from '@soestainable/bot/appPackage/errors';
import { PackageFixture, solidPng } from './fixture';

/**
 * `npm run package` on bad input, against temp copies of manifest/ and infra/env/: every failure names the
 * problem (the file, the variable, the JSON pointer, the sizes) and leaves no zip for that environment behind.
 */

let fixtures: PackageFixture[] = [];
function fixture(): PackageFixture {
  const f = new PackageFixture();
  fixtures.push(f);
  return f;
}
afterEach(() => {
  for (const f of fixtures) f.remove();
  fixtures = [];
});

async function expectFailure(f: PackageFixture, env: string, code: PackageErrorCode, ...mentions: (string | RegExp)[]): Promise<string> {
  let caught: unknown;
  try {
    await buildAppPackage({ rootDir: f.root, env });
  } catch (err) {
    caught = err;
  }
  if (!isPackageError(caught)) throw new Error(`expected a PackageError ${code}, got ${String(caught)}`);
  expect({ code: caught.code, message: caught.message }).toEqual({ code, message: expect.any(String) });
  for (const m of mentions) expect(caught.message).toMatch(m);
  expect(existsSync(packageZipPath(f.root, env))).toBe(false);
  return caught.message;
}

describe('bad input: a message naming the problem, and no zip', () => {
  it('a missing env file names the file and the environments that exist', async () => {
    const message = await expectFailure(fixture(), 'staging', 'ENV_FILE_MISSING', 'infra/env/.env.staging', /Environments with a file: dev\b/, /env\.template/);
    expect(message).not.toMatch(/template,|, template/);
  });

  it('an environment name that is a path is refused before anything is read', async () => {
    await expectFailure(fixture(), '../dev', 'ARGS_INVALID', '"../dev" is not an environment name');
  });

  it('an unfilled variable is named with the file that uses it; all of them at once', async () => {
    const f = fixture();
    f.setEnv('dev', 'BOT_ID', '');
    f.setEnv('dev', 'PRIVACY_URL', undefined);
    const message = await expectFailure(f, 'dev', 'VARIABLE_UNFILLED', '2 variables have no value in infra/env/.env.dev', 'BOT_ID (used in manifest/manifest.json)', 'PRIVACY_URL (used in manifest/manifest.json)');
    expect(message).not.toMatch(/TEAMS_APP_ID/);
  });

  it('an environment made from the template, before provisioning, names every generated variable', async () => {
    const f = fixture();
    f.write('infra/env/.env.prod', f.read('infra/env/env.template'));
    const message = await expectFailure(f, 'prod', 'VARIABLE_UNFILLED', 'TEAMS_APP_ID', 'BOT_ID', 'TAB_ENDPOINT', 'TAB_DOMAIN', 'AAD_APP_CLIENT_ID', 'PRIVACY_URL', 'TERMS_OF_USE_URL');
    expect(message).not.toMatch(/ORG_WEBSITE_URL/);
  });

  it('a value with quotes cannot break the JSON: it is escaped, and the schema then judges it', async () => {
    const f = fixture();
    f.setEnv('dev', 'PRIVACY_URL', 'not a url", "evil": "x');
    await expectFailure(f, 'dev', 'SCHEMA_INVALID', '/developer/privacyUrl');
  });

  it('a colour icon of the wrong size names the file and both sizes', async () => {
    const f = fixture();
    f.write('manifest/color.png', solidPng(100, 100, [30, 123, 60, 255]));
    await expectFailure(f, 'dev', 'ICON_INVALID', 'manifest/color.png is 100×100 pixels; the color icon must be 192×192');
  });

  it('an outline icon that is not white on transparent', async () => {
    const f = fixture();
    f.write('manifest/outline.png', solidPng(32, 32, [30, 123, 60, 255]));
    await expectFailure(f, 'dev', 'ICON_INVALID', 'manifest/outline.png has no transparent background', /visible pixel\(s\) that are not white/);
  });

  it('an icon that is not a PNG, and an icon that is missing', async () => {
    const f = fixture();
    f.write('manifest/outline.png', '<svg/>');
    await expectFailure(f, 'dev', 'ICON_INVALID', 'manifest/outline.png is not a PNG image');
    const g = fixture();
    g.editJson('manifest/manifest.json', (m) => {
      (m['icons'] as Record<string, string>)['color'] = 'colour.png';
    });
    await expectFailure(g, 'dev', 'FILE_MISSING', 'manifest/colour.png does not exist');
  });

  it('a manifest that breaks the schema: the violations are named by their JSON pointer', async () => {
    const f = fixture();
    f.editJson('manifest/manifest.json', (m) => {
      (m['name'] as Record<string, string>)['short'] = 'Soestainable Challenge van de gemeente';
      delete m['accentColor'];
    });
    await expectFailure(f, 'dev', 'SCHEMA_INVALID', 'schema v1.22', 'manifest/manifest.json/name/short must NOT have more than 30 characters', /must have required property 'accentColor'/);
  });

  it('a manifest that is not JSON', async () => {
    const f = fixture();
    f.write('manifest/manifest.json', f.read('manifest/manifest.json').replace('"version"', 'version'));
    await expectFailure(f, 'dev', 'JSON_INVALID', 'manifest/manifest.json is not valid JSON');
  });

  it('a manifest version whose schema is not bundled is refused, never downloaded', async () => {
    const f = fixture();
    f.editJson('manifest/manifest.json', (m) => {
      m['manifestVersion'] = '1.99';
    });
    await expectFailure(f, 'dev', 'SCHEMA_UNAVAILABLE', 'manifestVersion "1.99"', /never downloads/);
  });

  it('a language file that misses a string, or says something else than the manifest in the default language', async () => {
    const f = fixture();
    f.editJson('manifest/en.json', (en) => {
      delete en['staticTabs[2].name'];
      delete en['bots[0].commandLists[0].commands[3].title'];
    });
    f.editJson('manifest/nl.json', (nl) => {
      nl['name.full'] = 'Iets anders';
    });
    await expectFailure(
      f,
      'dev',
      'LOCALIZATION_INVALID',
      'manifest/en.json (en) lacks "staticTabs[2].name" (the manifest has "Actieprogramma")',
      'manifest/en.json (en) lacks "bots[0].commandLists[0].commands[3].title" (the manifest has "voortgang")',
      /manifest\/nl\.json is the default language's file, but "name\.full" differs/,
    );
  });

  it('a command title over Teams\' 32 characters', async () => {
    const f = fixture();
    f.editJson('manifest/en.json', (en) => {
      en['bots[0].commandLists[0].commands[0].title'] = 'help me with everything you can do';
    });
    await expectFailure(f, 'dev', 'LOCALIZATION_INVALID', /"bots\[0\]\.commandLists\[0\]\.commands\[0\]\.title" has 34 characters; Teams allows 32/);
  });

  it('a tab on a host validDomains does not list, and an SSO resource for another app', async () => {
    const f = fixture();
    f.editJson('manifest/manifest.json', (m) => {
      const tabs = m['staticTabs'] as Record<string, string>[];
      (tabs[1] as Record<string, string>)['contentUrl'] = 'https://elsewhere.example/tab/';
      (m['webApplicationInfo'] as Record<string, string>)['resource'] = 'api://${{TAB_DOMAIN}}/00000000-0000-4000-8000-00000000000f';
    });
    await expectFailure(f, 'dev', 'MANIFEST_RULE', 'staticTabs[1].contentUrl is on elsewhere.example, which validDomains does not list', /not in webApplicationInfo\.id/);
  });

  it('a file over the size budget', async () => {
    const f = fixture();
    // A valid, opaque 192×192 colour icon of random pixels: it does not compress, so it is over the 100 KiB budget.
    const noisy = new PNG({ width: 192, height: 192 });
    for (let i = 0; i < noisy.data.length; i++) noisy.data[i] = i % 4 === 3 ? 255 : Math.floor(Math.random() * 256);
    f.write('manifest/color.png', PNG.sync.write(noisy));
    await expectFailure(f, 'dev', 'SIZE_EXCEEDED', new RegExp(`color\\.png is \\d+ bytes; the budget is ${SIZE_LIMITS.icon}`));
  });

  it('a failed build removes the package an earlier build of that environment left', async () => {
    const f = fixture();
    await buildAppPackage({ rootDir: f.root, env: 'dev' });
    expect(existsSync(packageZipPath(f.root, 'dev'))).toBe(true);
    f.setEnv('dev', 'TAB_DOMAIN', '');
    await expectFailure(f, 'dev', 'VARIABLE_UNFILLED', 'TAB_DOMAIN');
  });
});
