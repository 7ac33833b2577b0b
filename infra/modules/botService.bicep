// The Azure Bot registration and its Teams channel. The bot's identity is the app's user-assigned managed identity
// (MicrosoftAppType=UserAssignedMSI): Bot Framework tokens come from App Service's identity endpoint, so there is no
// client secret to store, rotate or leak.

param name string
@maxLength(42)
param displayName string
param sku string
param tags object
@description('https://<web app>/api/messages')
param messagingEndpoint string
param identityClientId string
param identityTenantId string
param identityResourceId string

resource bot 'Microsoft.BotService/botServices@2022-09-15' = {
  name: name
  location: 'global'
  tags: tags
  kind: 'azurebot'
  sku: {
    name: sku
  }
  properties: {
    displayName: displayName
    endpoint: messagingEndpoint
    msaAppType: 'UserAssignedMSI'
    msaAppId: identityClientId
    msaAppTenantId: identityTenantId
    msaAppMSIResourceId: identityResourceId
  }
}

resource teams 'Microsoft.BotService/botServices/channels@2022-09-15' = {
  parent: bot
  name: 'MsTeamsChannel'
  location: 'global'
  properties: {
    channelName: 'MsTeamsChannel'
    properties: {
      isEnabled: true
    }
  }
}

output name string = bot.name
