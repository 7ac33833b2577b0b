// The storage account with the app's tables, reachable only with Entra ID: shared keys are switched off, and the
// app's managed identity gets the Storage Table Data Contributor role on this account alone.

@minLength(3)
@maxLength(24)
@description('Globally unique: 3–24 lower-case letters and digits.')
param name string
param location string
param tags object
param skuName string
param tableNames array
param tablePrefix string
@description('Principal (object) id of the managed identity that reads and writes the tables.')
param tableDataContributorPrincipalId string

// Built-in role "Storage Table Data Contributor".
var storageTableDataContributorRoleId = '0a9a7e1f-b9d0-4cc4-a60d-0319b160aaa3'

resource account 'Microsoft.Storage/storageAccounts@2023-01-01' = {
  name: name
  location: location
  tags: tags
  kind: 'StorageV2'
  sku: {
    name: skuName
  }
  properties: {
    minimumTlsVersion: 'TLS1_2'
    supportsHttpsTrafficOnly: true
    allowBlobPublicAccess: false
    allowSharedKeyAccess: false
    defaultToOAuthAuthentication: true
  }
}

resource tableService 'Microsoft.Storage/storageAccounts/tableServices@2023-01-01' = {
  parent: account
  name: 'default'
}

resource tables 'Microsoft.Storage/storageAccounts/tableServices/tables@2023-01-01' = [for table in tableNames: {
  parent: tableService
  name: '${tablePrefix}${table}'
}]

resource tableDataContributor 'Microsoft.Authorization/roleAssignments@2022-04-01' = {
  name: guid(account.id, tableDataContributorPrincipalId, storageTableDataContributorRoleId)
  scope: account
  properties: {
    roleDefinitionId: subscriptionResourceId('Microsoft.Authorization/roleDefinitions', storageTableDataContributorRoleId)
    principalId: tableDataContributorPrincipalId
    principalType: 'ServicePrincipal'
  }
}

output name string = account.name
output tableEndpoint string = 'https://${account.name}.table.${environment().suffixes.storage}'
