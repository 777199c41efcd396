@description('Name of the Event Grid system topic.')
param name string
param location string
param tags object

@description('Name of the storage account whose events the topic publishes.')
param storageAccountName string

resource storage 'Microsoft.Storage/storageAccounts@2025-01-01' existing = {
  name: storageAccountName
}

// The event subscription to the app's blobs extension webhook needs the extension's system key, which exists only
// once the app runs: infra/hooks/postdeploy.sh creates it after `azd deploy`.
resource systemTopic 'Microsoft.EventGrid/systemTopics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    source: storage.id
    topicType: 'Microsoft.Storage.StorageAccounts'
  }
}

output name string = systemTopic.name
