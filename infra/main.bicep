// Summarizer on Azure: a Flex Consumption function app that runs as a user-assigned identity, storage without
// shared keys, Azure OpenAI without API keys, Application Insights with Entra-only ingestion, and an Event Grid topic
// (Entra only) for the app's change notifications.
// `azd up` provisions this, deploys src/Summarizer.Functions, then runs infra/hooks/postdeploy.sh, which subscribes
// the CleanArticle blob trigger to the storage account's Event Grid system topic.
targetScope = 'subscription'

@minLength(1)
@maxLength(64)
@description('Name of the azd environment; a hash of it makes the resource names unique.')
param environmentName string

@minLength(1)
@description('Region of every resource (one where Flex Consumption is offered).')
@metadata({
  azd: {
    type: 'location'
  }
})
param location string

@description('Region of the Azure OpenAI account, where the model and SKU are offered. Empty: the same as location.')
param openAiLocation string = ''

@description('Name of the resource group. Empty: rg-<environmentName>.')
param resourceGroupName string = ''

@description('Object id of the person deploying (azd passes it): gets Storage Blob Data Contributor to upload articles. Empty: none.')
param principalId string = ''

@description('Kind of that principal.')
@allowed(['User', 'ServicePrincipal'])
param principalType string = 'User'

@description('Summary engine (Summarizer__Engine): \'azure-openai\' (the model deployment below) or \'local\' (rules, offline).')
@allowed(['local', 'azure-openai'])
param summarizerEngine string = 'azure-openai'

@description('Largest upload the pipeline cleans, in bytes (Summarizer__MaxUploadBytes).')
@minValue(1)
param maxUploadBytes int = 5242880

@description('Memory of each function app instance, in MB.')
@allowed([512, 2048, 4096])
param instanceMemoryMB int = 2048

@description('Upper bound of the function app\'s instances.')
@minValue(40)
@maxValue(1000)
param maximumInstanceCount int = 100

@description('Chat model of the Azure OpenAI deployment.')
param openAiModelName string = 'gpt-4o-mini'

@description('Version of that model.')
param openAiModelVersion string = '2024-07-18'

@description('SKU of the model deployment.')
param openAiDeploymentSkuName string = 'GlobalStandard'

@description('Capacity of the model deployment, in thousands of tokens per minute.')
@minValue(1)
param openAiCapacity int = 30

@description('Price in USD of a million prompt tokens of that model, for the summaries\' cost estimate.')
param openAiPromptPricePerMillionTokens string = '0.15'

@description('Price in USD of a million completion tokens of that model.')
param openAiCompletionPricePerMillionTokens string = '0.60'

// The names the code shares (src/Summarizer.Core/PipelineNames.cs); tests/Summarizer.Infra.Tests hold them equal.
var articlesContainerName = 'articles'
var cleanedContainerName = 'cleaned'
var summariesContainerName = 'summaries'
var summarizeQueueName = 'summarize'
var summarizePoisonQueueName = 'summarize-poison'
var articlesTableName = 'articles'
// The Event Grid-source blob trigger that the post-deploy hook subscribes (src/Summarizer.Functions/CleanArticle.cs).
var blobTriggerFunctionName = 'CleanArticle'

var resourceToken = toLower(uniqueString(subscription().id, environmentName, location))
var tags = { 'azd-env-name': environmentName }
var functionAppName = 'func-${resourceToken}'
var storageAccountName = 'st${resourceToken}'
var applicationInsightsName = 'appi-${resourceToken}'
var openAiAccountName = 'oai-${resourceToken}'
var summaryEventsTopicName = 'evgt-summaries-${resourceToken}'
var deploymentContainerName = 'app-package-${take(functionAppName, 32)}-${take(resourceToken, 7)}'
var openAiDeploymentName = openAiModelName

resource rg 'Microsoft.Resources/resourceGroups@2025-04-01' = {
  name: !empty(resourceGroupName) ? resourceGroupName : 'rg-${environmentName}'
  location: location
  tags: tags
}

module identity 'core/identity/user-assigned-identity.bicep' = {
  name: 'identity'
  scope: rg
  params: {
    name: 'id-func-${resourceToken}'
    location: location
    tags: tags
  }
}

module storage 'core/storage/storage-account.bicep' = {
  name: 'storage'
  scope: rg
  params: {
    name: storageAccountName
    location: location
    tags: tags
    containerNames: [articlesContainerName, cleanedContainerName, summariesContainerName, deploymentContainerName]
    queueNames: [summarizeQueueName, summarizePoisonQueueName]
    tableNames: [articlesTableName]
  }
}

module monitoring 'core/monitor/monitoring.bicep' = {
  name: 'monitoring'
  scope: rg
  params: {
    logAnalyticsName: 'log-${resourceToken}'
    applicationInsightsName: applicationInsightsName
    location: location
    tags: tags
  }
}

module openAi 'core/ai/openai.bicep' = {
  name: 'openai'
  scope: rg
  params: {
    name: openAiAccountName
    location: !empty(openAiLocation) ? openAiLocation : location
    tags: tags
    deploymentName: openAiDeploymentName
    modelName: openAiModelName
    modelVersion: openAiModelVersion
    deploymentSkuName: openAiDeploymentSkuName
    capacity: openAiCapacity
  }
}

module summaryEvents 'core/events/custom-topic.bicep' = {
  name: 'summary-events'
  scope: rg
  params: {
    name: summaryEventsTopicName
    location: location
    tags: tags
  }
}

module rbac 'app/rbac.bicep' = {
  name: 'rbac'
  scope: rg
  params: {
    identityPrincipalId: identity.outputs.principalId
    userPrincipalId: principalId
    userPrincipalType: principalType
    storageAccountName: storageAccountName
    applicationInsightsName: applicationInsightsName
    openAiAccountName: openAiAccountName
    summaryEventsTopicName: summaryEventsTopicName
  }
  // The scopes are referenced by name (known before deployment), so the order is explicit.
  dependsOn: [storage, monitoring, openAi, summaryEvents]
}

module functionApp 'core/host/functions-flexconsumption.bicep' = {
  name: 'functions'
  scope: rg
  params: {
    name: functionAppName
    planName: 'plan-${resourceToken}'
    location: location
    tags: union(tags, { 'azd-service-name': 'functions' })
    runtimeName: 'dotnet-isolated'
    runtimeVersion: '10.0'
    instanceMemoryMB: instanceMemoryMB
    maximumInstanceCount: maximumInstanceCount
    identityId: identity.outputs.id
    deploymentStorageBlobEndpoint: storage.outputs.blobEndpoint
    deploymentContainerName: deploymentContainerName
    // Identity-based everything: no connection strings, no keys.
    appSettings: {
      // The Functions host's own storage.
      AzureWebJobsStorage__credential: 'managedidentity'
      AzureWebJobsStorage__clientId: identity.outputs.clientId
      AzureWebJobsStorage__blobServiceUri: storage.outputs.blobEndpoint
      AzureWebJobsStorage__queueServiceUri: storage.outputs.queueEndpoint
      AzureWebJobsStorage__tableServiceUri: storage.outputs.tableEndpoint
      // The pipeline's storage: the triggers (connection ArticleStorage) and the worker's clients.
      ArticleStorage__credential: 'managedidentity'
      ArticleStorage__clientId: identity.outputs.clientId
      ArticleStorage__blobServiceUri: storage.outputs.blobEndpoint
      ArticleStorage__queueServiceUri: storage.outputs.queueEndpoint
      ArticleStorage__tableServiceUri: storage.outputs.tableEndpoint
      // The Summarizer options section.
      Summarizer__Engine: summarizerEngine
      Summarizer__MaxUploadBytes: string(maxUploadBytes)
      // GET /api/summaries/{id} from memory: another instance's newer summary is served at most this late (README "Caching").
      Summarizer__SummaryCacheMaxAge: '00:00:01'
      Summarizer__SummaryCacheBytes: '33554432'
      Summarizer__AzureOpenAI__Endpoint: openAi.outputs.endpoint
      Summarizer__AzureOpenAI__Deployment: openAi.outputs.deploymentName
      // No Summarizer__AzureOpenAI__ApiKey: the account has API keys disabled; the app uses its identity.
      Summarizer__AzureOpenAI__ClientId: identity.outputs.clientId
      Summarizer__AzureOpenAI__OpenAICompatible: 'false'
      Summarizer__AzureOpenAI__PromptPricePerMillionTokens: openAiPromptPricePerMillionTokens
      Summarizer__AzureOpenAI__CompletionPricePerMillionTokens: openAiCompletionPricePerMillionTokens
      // Retries and limits: the code's defaults, here so that ops can see and change them in one place.
      Summarizer__AzureOpenAI__MaxAttempts: '4'
      Summarizer__AzureOpenAI__MaxRetryAfter: '00:00:30'
      Summarizer__AzureOpenAI__RetryDelay: '00:00:01'
      Summarizer__AzureOpenAI__RequestTimeout: '00:02:00'
      Summarizer__AzureOpenAI__ChunkTokenBudget: '24000'
      Summarizer__AzureOpenAI__MaxOutputTokens: '4096'
      // Links in change notifications: the app's own https host (the host name Azure gives every app of this name).
      Summarizer__PublicBaseUrl: 'https://${functionAppName}.azurewebsites.net'
      // Change notifications to the Event Grid topic, published with the identity; no webhooks, no secret:
      // downstream apps subscribe to the topic. Retries: the code's defaults.
      Summarizer__Events__TopicEndpoint: summaryEvents.outputs.endpoint
      Summarizer__Events__ClientId: identity.outputs.clientId
      Summarizer__Events__MaxAttempts: '5'
      Summarizer__Events__RetryDelay: '00:00:01'
      Summarizer__Events__RequestTimeout: '00:00:10'
      // Telemetry, sent with the identity's token.
      APPLICATIONINSIGHTS_CONNECTION_STRING: monitoring.outputs.applicationInsightsConnectionString
      APPLICATIONINSIGHTS_AUTHENTICATION_STRING: 'ClientId=${identity.outputs.clientId};Authorization=AAD'
    }
  }
  // The app's first start needs its roles on storage.
  dependsOn: [rbac]
}

module articleEvents 'core/events/storage-system-topic.bicep' = {
  name: 'events'
  scope: rg
  params: {
    name: 'evgt-${resourceToken}'
    location: location
    tags: tags
    storageAccountName: storageAccountName
  }
  dependsOn: [storage]
}

// azd stores these in the environment; the post-deploy hook and the README's commands read them.
output AZURE_LOCATION string = location
output AZURE_TENANT_ID string = tenant().tenantId
output AZURE_RESOURCE_GROUP string = rg.name
output AZURE_FUNCTION_APP_NAME string = functionApp.outputs.name
output SERVICE_FUNCTIONS_URI string = functionApp.outputs.uri
output AZURE_STORAGE_ACCOUNT_NAME string = storage.outputs.name
output AZURE_OPENAI_ENDPOINT string = openAi.outputs.endpoint
output AZURE_OPENAI_DEPLOYMENT string = openAi.outputs.deploymentName
output ARTICLES_CONTAINER_NAME string = articlesContainerName
output SUMMARIES_CONTAINER_NAME string = summariesContainerName
output EVENTGRID_SYSTEM_TOPIC_NAME string = articleEvents.outputs.name
output EVENTGRID_SUMMARY_TOPIC_NAME string = summaryEvents.outputs.name
output EVENTGRID_SUMMARY_TOPIC_ENDPOINT string = summaryEvents.outputs.endpoint
output BLOB_TRIGGER_FUNCTION_NAME string = blobTriggerFunctionName
