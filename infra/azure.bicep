// Soestainable on Azure: everything the server needs in one resource group (deploy it in an EU region, e.g.
// West Europe). Deployed by `teamsapp provision` (arm/deploy in teamsapp.yml) or by hand with
// `az deployment group create` (docs/deploy.md). Written for the Bicep CLI v0.9.1 that teamsapp.yml pins:
// no user-defined types, no lambdas, no `.?`/`??` (tests/unit/infra checks this, as no Bicep compiler runs here).
//
//   user-assigned managed identity ──► the bot's identity (Azure Bot, MicrosoftAppType=UserAssignedMSI: no secret)
//                                  └─► Storage Table Data Contributor on the storage account (no account keys)
//   App Service plan (Linux) + web app, Node 20: /api/messages, /tab/, /healthz
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

@minValue(30)
@maxValue(730)
@description('Days Log Analytics keeps the application logs (ids and codes, never typed texts).')
param logRetentionDays int

var location = resourceGroup().location
var tags = {
  app: 'soestainable'
}
var uniqueSuffix = take(uniqueString(resourceGroup().id, resourceBaseName), 6)
var webAppName = '${resourceBaseName}-${uniqueSuffix}'
var storageAccountName = take(toLower('st${replace(resourceBaseName, '-', '')}${uniqueSuffix}'), 24)

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
  'Actions'
  'ActionUpdates'
  'SendClaims'
  'SendRuns'
  'AuditLog'
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
// both lists). No secret and no storage key among them.
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
      linuxFxVersion: 'NODE|20-lts'
      // `npm start` is the local stack (Azurite, Playground): App Service runs the server alone.
      appCommandLine: 'node dist/bot/src/index.js'
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
