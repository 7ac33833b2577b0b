import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseDotenv } from 'dotenv';
import { parse as parseYaml } from 'yaml';
import { loadConfig } from '@soestainable/bot/config';
import type { Env } from '@soestainable/bot/platform/env';
import { TABLE_NAMES } from '@soestainable/bot/storage/tables';
import { placeholdersIn } from '@soestainable/bot/appPackage/placeholders';
import { declarationBlock, nameValuePairs, parseBicep, type BicepFile } from './bicepText';

/**
 * The deployment files agree with each other and with the code (issue 6, "Consistency tests"). No Bicep compiler
 * can run here, so the Bicep is read as text (./bicepText.ts): what a compiler would reject between files —
 * a parameter without a value, an output nobody declares, a module given a parameter it does not have — and the
 * app settings against what bot/src/config.ts actually reads.
 */
const root = join(__dirname, '..', '..', '..');
const read = (path: string) => readFileSync(join(root, path), 'utf8');

const main = parseBicep(read('infra/azure.bicep'));
const parameters = JSON.parse(read('infra/azure.parameters.json')) as { parameters: Record<string, { value: unknown }> };
interface Step {
  uses: string;
  with?: Record<string, unknown>;
  writeToEnvironmentFile?: Record<string, string>;
}
const teamsapp = parseYaml(read('teamsapp.yml')) as { version: string; environmentFolderPath: string; provision: Step[]; deploy: Step[]; publish: Step[] };
const allSteps = [...teamsapp.provision, ...teamsapp.deploy, ...teamsapp.publish];
const envTemplate = parseDotenv(read('infra/env/env.template'));
const envDev = parseDotenv(read('infra/env/.env.dev'));

/** Files whose `${{VARS}}` the Toolkit (or `npm run package`) fills from infra/env/.env.<env>. */
const TEMPLATED_FILES = ['manifest/manifest.json', 'manifest/nl.json', 'manifest/en.json', 'teamsapp.yml', 'infra/aad.manifest.json', 'infra/azure.parameters.json'];
const MANIFEST_FILES = ['manifest/manifest.json', 'manifest/nl.json', 'manifest/en.json'];

/**
 * Variables the Toolkit writes without a `writeToEnvironmentFile` entry: TEAMSFX_ENV is the environment's name;
 * aadApp/update generates AAD_APP_ACCESS_AS_USER_PERMISSION_ID when the Entra manifest uses it and it is empty
 * (its action description in the v1.7 YAML schema says so).
 */
const IMPLICIT = { TEAMSFX_ENV: 'built in', AAD_APP_ACCESS_AS_USER_PERMISSION_ID: 'aadApp/update' } as const;

function moduleFile(from: string, path: string): BicepFile {
  return parseBicep(read(join(from, path)));
}

function writtenBySteps(): Map<string, string> {
  const written = new Map<string, string>();
  for (const step of allSteps) {
    for (const name of Object.values(step.writeToEnvironmentFile ?? {})) written.set(name, step.uses);
    if (step.uses === 'arm/deploy') {
      for (const t of (step.with?.['templates'] ?? []) as { path: string }[]) {
        for (const o of parseBicep(read(t.path)).outputs) written.set(o.name, `arm/deploy output of ${t.path}`);
      }
    }
  }
  for (const [name, by] of Object.entries(IMPLICIT)) written.set(name, by);
  return written;
}

describe('variables: every ${{VAR}} has a source', () => {
  const written = writtenBySteps();
  const used = new Map<string, string[]>();
  for (const file of TEMPLATED_FILES) for (const v of placeholdersIn(read(file))) used.set(v, [...(used.get(v) ?? []), file]);

  it('finds the variables the files use', () => {
    expect([...used.keys()]).toEqual(expect.arrayContaining(['TEAMS_APP_ID', 'BOT_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT', 'AAD_APP_CLIENT_ID', 'AZURE_SUBSCRIPTION_ID']));
  });

  it.each([...used.keys()].map((v) => [v]))('%s is written by a teamsapp.yml step or is an input of the env template', (name) => {
    const source = written.get(name) ?? (name in envTemplate ? 'infra/env/env.template' : undefined);
    if (source === undefined) throw new Error(`${name} (used in ${(used.get(name) ?? []).join(', ')}) is neither written by teamsapp.yml nor listed in infra/env/env.template`);
  });

  it('the env template lists only inputs, never what provisioning writes', () => {
    const overlap = Object.keys(envTemplate).filter((k) => written.has(k) && k !== 'TEAMSFX_ENV');
    expect(overlap).toEqual([]);
  });

  it('the committed dev environment fills every variable the app package needs, and has every input', () => {
    const needed = MANIFEST_FILES.flatMap((f) => placeholdersIn(read(f)));
    expect(needed.filter((v) => (envDev[v] ?? '').trim() === '')).toEqual([]);
    expect(Object.keys(envTemplate).filter((k) => !(k in envDev))).toEqual([]);
  });

  it('every output teamsapp.yml and the manifest rely on is declared by the Bicep', () => {
    const outputs = new Set(main.outputs.map((o) => o.name));
    for (const name of ['BOT_ID', 'BOT_DOMAIN', 'BOT_AZURE_APP_SERVICE_RESOURCE_ID', 'TAB_DOMAIN', 'TAB_ENDPOINT']) expect(outputs).toContain(name);
    const fromArm = [...used.keys()].filter((v) => written.get(v)?.startsWith('arm/deploy'));
    expect(fromArm.filter((v) => !outputs.has(v))).toEqual([]);
  });
});

describe('Bicep parameters and modules', () => {
  it('every parameter of infra/azure.bicep has a value in infra/azure.parameters.json, and nothing else is there', () => {
    const declared = main.params.map((p) => p.name).sort();
    expect(Object.keys(parameters.parameters).sort()).toEqual(declared);
    for (const p of main.params) {
      const value = parameters.parameters[p.name]?.value;
      expect({ name: p.name, type: typeof value }).toEqual({ name: p.name, type: p.type === 'int' ? 'number' : p.type === 'bool' ? 'boolean' : 'string' });
    }
  });

  it('every module exists and is given exactly its required parameters (and only declared ones)', () => {
    expect(main.modules.map((m) => m.path).sort()).toEqual(['./modules/botService.bicep', './modules/storage.bicep']);
    for (const m of main.modules) {
      expect(existsSync(join(root, 'infra', m.path))).toBe(true);
      const mod = moduleFile('infra', m.path);
      const required = mod.params.filter((p) => !p.hasDefault).map((p) => p.name);
      expect({ module: m.path, missing: required.filter((p) => !m.params.includes(p)) }).toEqual({ module: m.path, missing: [] });
      expect({ module: m.path, unknown: m.params.filter((p) => !mod.params.some((d) => d.name === p)) }).toEqual({ module: m.path, unknown: [] });
      for (const used of [...main.code.matchAll(new RegExp(`\\b${m.symbol}\\.outputs\\.(\\w+)`, 'g'))].map((x) => x[1])) {
        expect({ module: m.path, output: used, declared: mod.outputs.some((o) => o.name === used) }).toEqual({ module: m.path, output: used, declared: true });
      }
    }
  });

  it('stays within the Bicep CLI v0.9.1 that teamsapp.yml pins (no newer syntax), and holds no secrets but JOBS_KEY', () => {
    const arm = teamsapp.provision.find((s) => s.uses === 'arm/deploy');
    expect(arm?.with?.['bicepCliVersion']).toBe('v0.9.1');
    /** The one secret: JOBS_KEY opens POST /api/jobs/* to an external timer. @secure(), empty by default = route closed. */
    const SECURE: Record<string, string[]> = { 'infra/azure.bicep': ['jobsKey'] };
    for (const file of ['infra/azure.bicep', 'infra/modules/storage.bicep', 'infra/modules/botService.bicep']) {
      const { code, params } = parseBicep(read(file));
      expect({ file, newer: code.match(/\?\.|\?\?|=>|\.\.\.|^\s*(type|func|import)\s/gm) ?? [] }).toEqual({ file, newer: [] });
      expect({ file, secure: params.filter((p) => p.secure).map((p) => p.name) }).toEqual({ file, secure: SECURE[file] ?? [] });
      expect(code).not.toMatch(/listKeys|AccountKey|connectionString\(/i);
    }
    // The secret is only ever an app setting: no output, no default or committed value, nothing else uses it.
    expect(main.params.find((p) => p.name === 'jobsKey')).toMatchObject({ type: 'string', secure: true, hasDefault: true });
    expect(main.code).toMatch(/^param jobsKey string = ''$/m);
    expect(parameters.parameters['jobsKey']?.value).toBe('');
    expect([...main.code.matchAll(/\bjobsKey\b/g)].length).toBe(2);
    expect(nameValuePairs(declarationBlock(main.code, /var appSettings = \[/)).find((s) => s.value === 'jobsKey')?.name).toBe('JOBS_KEY');
    expect(main.outputs.filter((o) => /jobsKey/.test(o.value))).toEqual([]);
    expect(existsSync(join(root, 'infra/azure.bicepparam'))).toBe(false);
  });
});

describe('resources', () => {
  const storage = moduleFile('infra', './modules/storage.bicep');
  const bot = moduleFile('infra', './modules/botService.bicep');
  const resource = (file: BicepFile, type: string) => {
    const r = file.resources.find((x) => x.type === type);
    if (!r) throw new Error(`no ${type}`);
    return r.body;
  };

  it('creates exactly the tables bot/src/storage/tables.ts names', () => {
    const names = [...declarationBlock(main.code, /var tableNames = \[/).matchAll(/'(\w+)'/g)].map((m) => m[1]);
    expect(names).toEqual([...TABLE_NAMES]);
    expect(resource(storage, 'Microsoft.Storage/storageAccounts/tableServices/tables')).toMatch(/name: '\$\{tablePrefix\}\$\{table\}'/);
  });

  it('storage: Entra ID only, and the managed identity is a Storage Table Data Contributor on this account', () => {
    const account = resource(storage, 'Microsoft.Storage/storageAccounts');
    expect(account).toMatch(/allowSharedKeyAccess: false/);
    expect(account).toMatch(/supportsHttpsTrafficOnly: true/);
    expect(account).toMatch(/minimumTlsVersion: 'TLS1_2'/);
    expect(storage.code).toMatch(/storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'/);
    const role = resource(storage, 'Microsoft.Authorization/roleAssignments');
    expect(role).toMatch(/scope: account/);
    expect(role).toMatch(/principalId: tableDataContributorPrincipalId/);
    expect(main.code).toMatch(/tableDataContributorPrincipalId: identity\.properties\.principalId/);
  });

  it('web app: Linux, Node 24 LTS, always on, HTTPS only, health check on the route the server serves, the server alone', () => {
    const plan = resource(main, 'Microsoft.Web/serverfarms');
    expect(plan).toMatch(/reserved: true/);
    const site = resource(main, 'Microsoft.Web/sites');
    expect(site).toMatch(/linuxFxVersion: 'NODE\|24-lts'/);
    expect(site).toMatch(/alwaysOn: true/);
    expect(site).toMatch(/httpsOnly: true/);
    expect(site).toMatch(/healthCheckPath: '\/healthz'/);
    expect(read('bot/src/server/createServer.ts')).toMatch(/server\.get\('\/healthz'/);
    expect(site).toMatch(/userAssignedIdentities: \{\s*'\$\{identity\.id\}': \{\}/);
    const command = /appCommandLine: '([^']+)'/.exec(site)?.[1];
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    // `npm run serve` is App Service's command behind the Node gate (App Service pins Node 24 LTS itself).
    expect(pkg.scripts['serve']).toBe(`node bot/scripts/checkNode.cjs && ${command ?? '(no appCommandLine)'}`);
    expect(pkg.scripts['stage:webapp']).toBeDefined();
  });

  it('bot: the managed identity as a UserAssignedMSI bot, messages to /api/messages, with the Teams channel', () => {
    const registration = resource(bot, 'Microsoft.BotService/botServices');
    expect(registration).toMatch(/msaAppType: 'UserAssignedMSI'/);
    expect(registration).toMatch(/msaAppId: identityClientId/);
    expect(registration).toMatch(/msaAppMSIResourceId: identityResourceId/);
    expect(resource(bot, 'Microsoft.BotService/botServices/channels')).toMatch(/channelName: 'MsTeamsChannel'/);
    expect(main.code).toMatch(/messagingEndpoint: 'https:\/\/\$\{webApp\.properties\.defaultHostName\}\/api\/messages'/);
    expect(main.code).toMatch(/identityClientId: identity\.properties\.clientId/);
    expect(main.outputs.find((o) => o.name === 'BOT_ID')?.value).toBe('identity.properties.clientId');
  });

  it('Application Insights on a Log Analytics workspace', () => {
    expect(resource(main, 'Microsoft.Insights/components')).toMatch(/WorkspaceResourceId: logs\.id/);
  });
});

describe('app settings = what bot/src/config.ts reads in production', () => {
  /** The variables loadConfig reads, observed by handing it an environment that records every lookup. */
  function variablesConfigReads(): string[] {
    const seen = new Set<string>();
    const record = (key: string | symbol) => {
      if (typeof key === 'string' && /^[A-Za-z_][A-Za-z0-9_]*$/.test(key) && !['then', 'toJSON', 'constructor'].includes(key)) seen.add(key);
    };
    const env = new Proxy({} as Env, {
      get: (_t, key) => {
        record(key);
        return undefined;
      },
      has: (_t, key) => {
        record(key);
        return false;
      },
    });
    loadConfig(env);
    return [...seen].sort();
  }

  /** Read by the config, deliberately not set in Azure — each with the reason. */
  const NOT_SET_IN_PRODUCTION: Record<string, string> = {
    PORT: 'App Service sets it for the container',
    BOT_OPENID_METADATA_URL: "the default is the Bot Framework public cloud's metadata; the variable exists for tests with a local key set",
    HOST: 'the default 0.0.0.0 is what App Service needs',
    MicrosoftAppPassword: 'UserAssignedMSI: the bot has no secret',
    STORAGE_CONNECTION_STRING: 'managed identity (STORAGE_ACCOUNT_URL): no account keys',
    DATA_DIR: 'embedded Azurite, refused in production',
    AZURITE_PORT: 'embedded Azurite, refused in production',
    PLAYGROUND: 'the Agents Playground never starts in production',
    PLAYGROUND_PORT: 'the Agents Playground never starts in production',
    SEED_DEMO: 'demo data is never seeded in production',
    DEV_CLOCK: 'local and test use only: the config refuses it in production',
    DEV_SIGNIN: 'local use only: the config refuses it in production',
    MESSAGE_RATE_LIMIT: 'the default, 30 activities a minute per conversation, is the production value',
    TAB_API_RATE_LIMIT: 'the default, 120 requests a minute per user, is the production value',
    AAD_ALLOWED_TENANTS: 'defaults to AAD_APP_TENANT_ID, the tenant the Entra app lives in; set by hand only to admit more tenants',
    AAD_JWKS_URL: "the default is Entra's published signing keys; the variable exists for tests with a local key set",
  };
  /** Set in Azure, read by the platform or an SDK rather than by config.ts. */
  const PLATFORM_SETTINGS: Record<string, string> = {
    AZURE_CLIENT_ID: "@azure/identity's DefaultAzureCredential: which user-assigned identity to use",
    APPLICATIONINSIGHTS_CONNECTION_STRING: "App Service's Application Insights agent",
    ApplicationInsightsAgent_EXTENSION_VERSION: "App Service's Application Insights agent",
    WEBSITE_RUN_FROM_PACKAGE: 'App Service: run the deployed zip read-only',
  };
  const settings = nameValuePairs(declarationBlock(main.code, /var appSettings = \[/));
  const names = settings.map((s) => s.name);

  it('reads the app settings from the Bicep, each once', () => {
    expect(names.length).toBeGreaterThan(5);
    expect(new Set(names).size).toBe(names.length);
  });

  it('every variable the config reads is set, or is on the not-in-production list with a reason', () => {
    const reads = variablesConfigReads();
    const unaccounted = reads.filter((v) => !names.includes(v) && !(v in NOT_SET_IN_PRODUCTION));
    if (unaccounted.length > 0) {
      throw new Error(
        `bot/src/config.ts reads ${unaccounted.join(', ')}, which infra/azure.bicep does not set: add them to appSettings ` +
          '(with a parameter in infra/azure.parameters.json if needed), or to NOT_SET_IN_PRODUCTION here with the reason.',
      );
    }
    // (An entry the config no longer reads is harmless; one that is set after all contradicts itself.)
    expect(Object.keys(NOT_SET_IN_PRODUCTION).filter((v) => names.includes(v))).toEqual([]);
  });

  it('every app setting is read by the config, or is a platform setting with a reason', () => {
    const reads = variablesConfigReads();
    expect(names.filter((n) => !reads.includes(n) && !(n in PLATFORM_SETTINGS))).toEqual([]);
    expect(Object.keys(PLATFORM_SETTINGS).filter((v) => !names.includes(v) || reads.includes(v))).toEqual([]);
  });

  it('the settings as Azure would fill them pass the server\'s own production check (UserAssignedMSI, managed identity)', () => {
    const sample: Record<string, string> = {
      'identity.properties.clientId': '11111111-2222-4333-8444-555555555555',
      'identity.properties.tenantId': '66666666-7777-4888-8999-000000000000',
      'storage.outputs.tableEndpoint': 'https://stsoestprodabc123.table.core.windows.net',
      'appInsights.properties.ConnectionString': 'InstrumentationKey=00000000-0000-0000-0000-000000000000',
    };
    const env: Record<string, string> = {};
    for (const { name, value } of settings) {
      const literal = /^'(.*)'$/.exec(value);
      const asString = /^string\((\w+)\)$/.exec(value);
      const param = parameters.parameters[asString?.[1] ?? value]?.value;
      // A parameter the Toolkit fills from the environment file (`${{TEAMS_APP_ID}}`) gets a sample of that value.
      const filled = typeof param === 'string' ? param.replace(/\$\{\{(\w+)\}\}/g, (_m, v: string) => envDev[v] ?? `<${v}>`) : param;
      env[name] = literal ? (literal[1] as string) : filled !== undefined ? String(filled) : (sample[value] ?? `<${value}>`);
    }
    expect(Object.values(env).filter((v) => v.startsWith('<'))).toEqual([]);
    const config = loadConfig(env);
    expect(config.isProduction).toBe(true);
    expect(config.bot.appType).toBe('UserAssignedMSI');
    expect(config.bot.appId).toBe(env['AZURE_CLIENT_ID']);
    expect(config.storage.kind).toBe('accountUrl');
    expect(config.minGroupSize).toBe(parameters.parameters['minGroupSize']?.value);
    // The jobs and the tab's SSO, as the parameters file sets them.
    expect(config.jobs).toMatchObject({ key: undefined, scheduler: true, sendRate: 30, nudgeCutoff: '12:00', retentionDays: 90, auditRetentionDays: 730, weatherUrl: undefined });
    expect(config.jobs.teamsAppId).toBe(envDev['TEAMS_APP_ID']);
    expect(config.tabAuth.clientId).toBe(envDev['AAD_APP_CLIENT_ID']);
    expect(config.tabAuth.allowedTenants).toEqual([envDev['AAD_APP_TENANT_ID']]);
    expect(config.tabAuth.appIdUri).toMatch(/^api:\/\/\$\{webAppHostName\}\/\$\{aadAppClientId\}$/);
    // …which is the URI the Entra app exposes (api://TAB_DOMAIN/client id), TAB_DOMAIN being the web app's host.
    expect(read('infra/aad.manifest.json')).toContain('"identifierUris": ["api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}"]');
    expect(main.outputs.find((o) => o.name === 'TAB_DOMAIN')?.value).toBe('webApp.properties.defaultHostName');
    expect(main.code).toMatch(/^var webAppHostName = '\$\{webAppName\}\.azurewebsites\.net'$/m);
    expect(main.code).toMatch(/^var webAppName = '\$\{resourceBaseName\}-\$\{uniqueSuffix\}'$/m);
    expect(parameters.parameters['aadAppClientId']?.value).toBe('${{AAD_APP_CLIENT_ID}}');
  });
});

describe('teamsapp.yml', () => {
  const uses = (steps: Step[]) => steps.map((s) => s.uses);

  it('is a v1.7 project with its environments in infra/env', () => {
    expect(teamsapp.version).toBe('v1.7');
    expect(teamsapp.environmentFolderPath).toBe('./infra/env');
    expect(existsSync(join(root, 'infra/env/.env.dev'))).toBe(true);
  });

  it('provisions, deploys and publishes with the actions the issue lists, in a working order', () => {
    const p = uses(teamsapp.provision);
    expect(p).toEqual([
      'teamsApp/create',
      'aadApp/create',
      'arm/deploy',
      'aadApp/update',
      'teamsApp/validateManifest',
      'teamsApp/zipAppPackage',
      'teamsApp/validateAppPackage',
      'teamsApp/update',
    ]);
    expect(uses(teamsapp.deploy)).toEqual(['cli/runNpmCommand', 'cli/runNpmCommand', 'cli/runNpmCommand', 'cli/runNpmCommand', 'azureAppService/zipDeploy']);
    // The Node gate runs first: a deploy from a machine with an old Node stops with one line, before `npm ci`.
    expect(teamsapp.deploy.map((s) => s.with?.['args'])).toEqual(['run check:node', 'ci', 'run build', 'run stage:webapp', undefined]);
    expect(uses(teamsapp.publish)).toContain('teamsApp/publishAppPackage');
    const create = teamsapp.provision.find((s) => s.uses === 'aadApp/create');
    expect(create?.with?.['generateClientSecret']).toBe(false);
  });

  it('points at files and npm scripts that exist', () => {
    const pkg = JSON.parse(read('package.json')) as { scripts: Record<string, string> };
    for (const step of allSteps) {
      const w = step.with ?? {};
      for (const key of ['manifestPath', 'path', 'parameters']) {
        const path = w[key];
        if (typeof path === 'string' && !path.includes('${{')) expect({ step: step.uses, path, exists: existsSync(join(root, path)) }).toEqual({ step: step.uses, path, exists: true });
      }
      for (const t of (w['templates'] ?? []) as { path: string; parameters: string }[]) {
        expect(existsSync(join(root, t.path))).toBe(true);
        expect(existsSync(join(root, t.parameters))).toBe(true);
      }
      const script = /^run ([\w:-]+)/.exec(String(w['args'] ?? ''))?.[1];
      if (step.uses === 'cli/runNpmCommand' && script !== undefined) expect({ script, defined: script in pkg.scripts }).toEqual({ script, defined: true });
    }
    const zipDeploy = teamsapp.deploy.find((s) => s.uses === 'azureAppService/zipDeploy');
    expect(zipDeploy?.with?.['artifactFolder']).toBe('./dist/webapp');
    expect(zipDeploy?.with?.['resourceId']).toBe('${{BOT_AZURE_APP_SERVICE_RESOURCE_ID}}');
  });

  it('packages to the path npm run package writes', () => {
    for (const step of allSteps.filter((s) => s.uses === 'teamsApp/zipAppPackage')) {
      expect(step.with?.['outputZipPath']).toBe('./manifest/build/appPackage.${{TEAMSFX_ENV}}.zip');
    }
  });
});

describe('tab SSO: the Entra app and the manifest agree', () => {
  const manifest = JSON.parse(read('manifest/manifest.json')) as { webApplicationInfo: { id: string; resource: string }; validDomains: string[] };
  const aad = JSON.parse(read('infra/aad.manifest.json')) as {
    appId: string;
    identifierUris: string[];
    oauth2Permissions: { value: string; id: string }[];
    preAuthorizedApplications: { appId: string; permissionIds: string[] }[];
    accessTokenAcceptedVersion: number;
  };

  it('exposes api://<tab host>/<client id> with the access_as_user scope, pre-authorised for the Teams clients', () => {
    expect(aad.identifierUris).toEqual([manifest.webApplicationInfo.resource]);
    expect(aad.appId).toBe(manifest.webApplicationInfo.id);
    expect(manifest.webApplicationInfo.resource).toBe('api://${{TAB_DOMAIN}}/${{AAD_APP_CLIENT_ID}}');
    expect(manifest.validDomains).toContain('${{TAB_DOMAIN}}');
    const scope = aad.oauth2Permissions.find((p) => p.value === 'access_as_user');
    expect(scope).toBeDefined();
    // Teams desktop/mobile and Teams web (Microsoft Learn, "Enable SSO for tab app").
    const teamsClients = ['1fec8e78-bce4-4aaf-ab1b-5451cc387264', '5e3ce6c0-2b1f-4285-8d4b-75ee78787346'];
    expect(aad.preAuthorizedApplications.map((a) => a.appId).sort()).toEqual(teamsClients.sort());
    for (const a of aad.preAuthorizedApplications) expect(a.permissionIds).toEqual([scope?.id]);
    expect(aad.accessTokenAcceptedVersion).toBe(2);
  });
});
