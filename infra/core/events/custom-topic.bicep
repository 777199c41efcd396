@description('Name of the Event Grid custom topic.')
param name string
param location string
param tags object

// The app's change notifications (Summarizer.SummaryPublished) arrive here as CloudEvents 1.0, published with the
// app's identity (EventGrid Data Sender, app/rbac.bicep); access keys and SAS tokens are refused.
// Downstream apps subscribe to it with their own event subscriptions.
resource topic 'Microsoft.EventGrid/topics@2025-02-15' = {
  name: name
  location: location
  tags: tags
  properties: {
    inputSchema: 'CloudEventSchemaV1_0'
    disableLocalAuth: true
    publicNetworkAccess: 'Enabled'
  }
}

output name string = topic.name
output id string = topic.id
output endpoint string = topic.properties.endpoint
