// Soestainable on Azure: everything the server needs in one resource group (deploy it in an EU region, e.g.
// West Europe). Deployed by `teamsapp provision` (arm/deploy in teamsapp.yml) or by hand with
// `az deployment group create` (docs/deploy.md). Written for the Bicep CLI v0.9.1 that teamsapp.yml pins:
// no user-defined types, no lambdas, no `.?`/`??` (tests/unit/infra checks this, as no Bicep compiler runs here).
//
//   user-assigned managed identity ──► the bot's identity (Azure Bot, MicrosoftAppType=UserAssignedMSI: no secret)
//                                  └─► Storage Table Data Contributor on the storage account (no account keys)
//   App Service plan (Linux) + web app, Node 24 LTS: /api/messages, /tab/, /healthz
//   storage account with the app's tables · Azure Bot + Teams channel · Application Insights (+ Log Analytics)

@minLength(4)
@maxLength(16)
@description('Base of every resource name: letters, digits and dashes (the parameters file makes it soest<RESOURCE_SUFFIX>).')
param resourceBaseName string

@maxLength(42)
@description('Name of the bot in the Azure portal.')
param botDisplayName string

@allowed([
  'B1'
  'B2'
  'B3'
  'S1'
  'S2'
  'S3'
  'P0v3'
  'P1v3'
  'P2v3'
])
@description('App Service plan SKU. Basic or higher: Always On needs it (Free and Shared have none).')
param webAppSku string

@allowed([
  'Standard_LRS'
  'Standard_ZRS'
  'Standard_GRS'
])
param storageSku string

@allowed([
  'F0'
  'S1'
])
@description('Azure Bot SKU. The Teams channel is a standard channel: free on F0 too.')
param botServiceSku string

@maxLength(20)
@description('Optional prefix for every table name (letters and digits); the same value goes to TABLE_PREFIX.')
param tablePrefix string

@allowed([
  'debug'
  'info'
  'warn'
  'error'
])
param logLevel string

@description('The organisation (ORG_ID, ORG_NAME in bot/src/config.ts).')
param orgId string
param orgName string

@minValue(2)
@maxValue(100)
@description('No team statistic is shown for fewer active participants (MIN_GROUP_SIZE).')
param minGroupSize int

@minValue(1)
@maxValue(100)
@description('Most barriers and ideas one person may file per day, over the bot and the tab (REPORTS_PER_DAY).')
param reportsPerDay int

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps the application logs (ids and codes, never typed texts).')
param logRetentionDays int

// ── Proactive jobs (docs/proactive.md) ───────────────────────────────────────────────────────────────────────
@description('Run the in-process job scheduler (SCHEDULER): every instance ticks each minute; claims keep sends exactly-once.')
param scheduler bool

@minValue(1)
@maxValue(1000)
@description('Proactive sends per second per instance (SEND_RATE): the tenant-wide budget divided by the instance count.')
param sendRate int

@description('Local time (Europe/Amsterdam, HH:MM) after which a late daily nudge is no longer sent (NUDGE_CUTOFF).')
param nudgeCutoff string

@minValue(0)
@maxValue(3650)
@description('Raw check-ins and personal survey answers are purged this many days after a campaign ends (RETENTION_DAYS).')
param retentionDays int

@minValue(30)
@maxValue(3650)
@description('Audit log entries are kept at least this many days, then purged by whole months (AUDIT_RETENTION_DAYS).')
param auditRetentionDays int

@description('Optional Open-Meteo style forecast feed for the weather line on the daily card (WEATHER_URL); empty = off.')
param weatherUrl string

// The one secret of the app: it protects POST /api/jobs/* for an external timer (Logic App, Functions). Empty
// (the default) closes that route: every call answers 401 and the in-process scheduler runs the jobs. To open it,
// deploy with a random value of at least 24 characters, e.g.
//   az deployment group create ... --parameters jobsKey="$(openssl rand -base64 32)"
// and give the timer the same value (better: a Key Vault reference). It is never an output and never logged.
@secure()
@description('JOBS_KEY for POST /api/jobs/*; empty closes the route (401).')
param jobsKey string = ''

@description('The Teams app id (TEAMS_APP_ID, written by teamsApp/create): deep links from cards into the tab.')
param teamsAppId string

@description('The Entra app of the tab\'s single sign-on (AAD_APP_CLIENT_ID and AAD_APP_TENANT_ID, written by aadApp/create).')
param aadAppClientId string
param aadAppTenantId string

var location = resourceGroup().location
var tags = {
  app: 'soestainable'
}
var uniqueSuffix = take(uniqueString(resourceGroup().id, resourceBaseName), 6)
var webAppName = '${resourceBaseName}-${uniqueSuffix}'
var storageAccountName = take(toLower('st${replace(resourceBaseName, '-', '')}${uniqueSuffix}'), 24)
// The web app's default host name, known before the app exists (the app settings cannot refer to the app itself).
var webAppHostName = '${webAppName}.azurewebsites.net'

// Every table of bot/src/storage/tables.ts (TABLE_NAMES); the server also creates missing ones at start.
var tableNames = [
  'OrgTeams'
  'Participants'
  'TeamMembers'
  'NudgeSlots'
  'ConversationRefs'
  'Campaigns'
  'Challenges'
  'CheckIns'
  'Surveys'
  'DailyAggregates'
  'Barriers'
  'Ideas'
  'ReportQuota'
  'Actions'
  'ActionUpdates'
  'SendClaims'
  'SendRuns'
  'AuditLog'
  'ErasureConfirmations'
  'Pledges'
  'FollowUpAnswers'
  'TeamCards'
  'Recognitions'
]

resource identity 'Microsoft.ManagedIdentity/userAssignedIdentities@2023-01-31' = {
  name: '${resourceBaseName}-id'
  location: location
  tags: tags
}

module storage './modules/storage.bicep' = {
  name: 'soestainable-storage'
  params: {
    name: storageAccountName
    location: location
    tags: tags
    skuName: storageSku
    tableNames: tableNames
    tablePrefix: tablePrefix
    tableDataContributorPrincipalId: identity.properties.principalId
  }
}

resource logs 'Microsoft.OperationalInsights/workspaces@2022-10-01' = {
  name: '${resourceBaseName}-logs'
  location: location
  tags: tags
  properties: {
    sku: {
      name: 'PerGB2018'
    }
    retentionInDays: logRetentionDays
  }
}

resource appInsights 'Microsoft.Insights/components@2020-02-02' = {
  name: '${resourceBaseName}-insights'
  location: location
  tags: tags
  kind: 'web'
  properties: {
    Application_Type: 'Node.JS'
    WorkspaceResourceId: logs.id
    // Application Insights keeps no client IP addresses (masked; the default, stated for the privacy officer).
    DisableIpMasking: false
  }
}

resource plan 'Microsoft.Web/serverfarms@2022-09-01' = {
  name: '${resourceBaseName}-plan'
  location: location
  tags: tags
  kind: 'linux'
  sku: {
    name: webAppSku
  }
  properties: {
    reserved: true
  }
}

// Exactly what bot/src/config.ts reads in production, plus the platform's own settings (tests/unit/infra checks
// both lists). No storage key among them; the one secret is JOBS_KEY (a @secure() parameter, empty by default).
var appSettings = [
  {
    name: 'NODE_ENV'
    value: 'production'
  }
  {
    name: 'LOG_LEVEL'
    value: logLevel
  }
  {
    name: 'MicrosoftAppType'
    value: 'UserAssignedMSI'
  }
  {
    name: 'MicrosoftAppId'
    value: identity.properties.clientId
  }
  {
    name: 'MicrosoftAppTenantId'
    value: identity.properties.tenantId
  }
  {
    name: 'STORAGE_ACCOUNT_URL'
    value: storage.outputs.tableEndpoint
  }
  {
    name: 'TABLE_PREFIX'
    value: tablePrefix
  }
  {
    name: 'ORG_ID'
    value: orgId
  }
  {
    name: 'ORG_NAME'
    value: orgName
  }
  {
    name: 'MIN_GROUP_SIZE'
    value: string(minGroupSize)
  }
  {
    name: 'REPORTS_PER_DAY'
    value: string(reportsPerDay)
  }
  {
    name: 'SCHEDULER'
    value: string(scheduler)
  }
  {
    name: 'SEND_RATE'
    value: string(sendRate)
  }
  {
    name: 'NUDGE_CUTOFF'
    value: nudgeCutoff
  }
  {
    name: 'RETENTION_DAYS'
    value: string(retentionDays)
  }
  {
    name: 'AUDIT_RETENTION_DAYS'
    value: string(auditRetentionDays)
  }
  {
    name: 'WEATHER_URL'
    value: weatherUrl
  }
  {
    name: 'JOBS_KEY'
    value: jobsKey
  }
  {
    name: 'TEAMS_APP_ID'
    value: teamsAppId
  }
  {
    // The tab's SSO: tokens are for this Entra app, from its tenant (AAD_ALLOWED_TENANTS defaults to it).
    name: 'AAD_APP_CLIENT_ID'
    value: aadAppClientId
  }
  {
    name: 'AAD_APP_TENANT_ID'
    value: aadAppTenantId
  }
  {
    // The same URI infra/aad.manifest.json exposes and the manifest's webApplicationInfo names (TAB_DOMAIN = this host).
    name: 'AAD_APP_ID_URI'
    value: 'api://${webAppHostName}/${aadAppClientId}'
  }
  {
    // Read by @azure/identity (DefaultAzureCredential): which of the app's identities signs in to Table Storage.
    name: 'AZURE_CLIENT_ID'
    value: identity.properties.clientId
  }
  {
    name: 'APPLICATIONINSIGHTS_CONNECTION_STRING'
    value: appInsights.properties.ConnectionString
  }
  {
    // App Service's Application Insights agent for Node on Linux (requests, dependencies, console logs).
    name: 'ApplicationInsightsAgent_EXTENSION_VERSION'
    value: '~3'
  }
  {
    // The deployed zip is mounted read-only and swapped atomically; the server writes no files in production.
    name: 'WEBSITE_RUN_FROM_PACKAGE'
    value: '1'
  }
]

resource webApp 'Microsoft.Web/sites@2022-09-01' = {
  name: webAppName
  location: location
  tags: tags
  kind: 'app,linux'
  identity: {
    type: 'UserAssigned'
    userAssignedIdentities: {
      '${identity.id}': {}
    }
  }
  properties: {
    serverFarmId: plan.id
    httpsOnly: true
    clientAffinityEnabled: false
    siteConfig: {
      linuxFxVersion: 'NODE|24-lts'
      // `npm start` is the local stack (Azurite, Playground): App Service runs the server alone.
      appCommandLine: 'node bot/dist/src/index.js'
      alwaysOn: true
      healthCheckPath: '/healthz'
      http20Enabled: true
      minTlsVersion: '1.2'
      ftpsState: 'Disabled'
      appSettings: appSettings
    }
  }
}

module bot './modules/botService.bicep' = {
  name: 'soestainable-bot'
  params: {
    name: '${resourceBaseName}-bot'
    displayName: botDisplayName
    sku: botServiceSku
    tags: tags
    messagingEndpoint: 'https://${webApp.properties.defaultHostName}/api/messages'
    identityClientId: identity.properties.clientId
    identityTenantId: identity.properties.tenantId
    identityResourceId: identity.id
  }
}

// Written to infra/env/.env.<env> by `teamsapp provision`; the manifest and teamsapp.yml use them.
output BOT_ID string = identity.properties.clientId
output BOT_TENANT_ID string = identity.properties.tenantId
output BOT_DOMAIN string = webApp.properties.defaultHostName
output BOT_AZURE_APP_SERVICE_RESOURCE_ID string = webApp.id
output BOT_SERVICE_NAME string = bot.outputs.name
output TAB_DOMAIN string = webApp.properties.defaultHostName
output TAB_ENDPOINT string = 'https://${webApp.properties.defaultHostName}'
output AZURE_WEB_APP_NAME string = webApp.name
output STORAGE_ACCOUNT_URL string = storage.outputs.tableEndpoint
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output MANAGED_IDENTITY_CLIENT_ID string = identity.properties.clientId
output APPLICATION_INSIGHTS_NAME string = appInsights.name
