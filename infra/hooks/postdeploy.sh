#!/bin/sh
# azd post-deploy hook: subscribe the CleanArticle blob trigger (Event Grid source) to BlobCreated events of the
# articles container, through the storage account's Event Grid system topic that main.bicep created.
# The webhook needs the blobs extension's system key, which the app has only once it is deployed and has started,
# so this runs after `azd deploy` rather than in Bicep. Running it again updates the same subscription.
set -eu

for command in az curl; do
  if ! command -v "$command" >/dev/null 2>&1; then
    echo "postdeploy: $command is not installed; see the README's \"Deploy to Azure\" section." >&2
    exit 1
  fi
done

: "${AZURE_FUNCTION_APP_NAME:?postdeploy: run through azd (azd up / azd deploy), which sets the outputs of main.bicep}"
: "${AZURE_RESOURCE_GROUP:?}" "${EVENTGRID_SYSTEM_TOPIC_NAME:?}" "${ARTICLES_CONTAINER_NAME:?}" "${BLOB_TRIGGER_FUNCTION_NAME:?}" "${SERVICE_FUNCTIONS_URI:?}"

# Wake the app so the host registers its extensions (and their system keys).
curl --silent --output /dev/null --max-time 60 "${SERVICE_FUNCTIONS_URI}/api/health" || true

key=""
attempt=1
while [ "$attempt" -le 20 ]; do
  key=$(az functionapp keys list --name "${AZURE_FUNCTION_APP_NAME}" --resource-group "${AZURE_RESOURCE_GROUP}" \
          --query "systemKeys.blobs_extension" --output tsv 2>/dev/null || true)
  if [ -n "$key" ]; then
    break
  fi
  echo "postdeploy: waiting for the blobs extension key of ${AZURE_FUNCTION_APP_NAME} (attempt $attempt of 20)..."
  attempt=$((attempt + 1))
  sleep 15
done
if [ -z "$key" ]; then
  echo "postdeploy: the app has no blobs_extension system key yet; check that it started, then run 'azd deploy' again." >&2
  exit 1
fi

subscription=$(printf '%s' "${BLOB_TRIGGER_FUNCTION_NAME}" | tr '[:upper:]' '[:lower:]')-blob-created
# SERVICE_FUNCTIONS_URI is https:// + the app's default host name (https://<app>.azurewebsites.net).
endpoint="${SERVICE_FUNCTIONS_URI}/runtime/webhooks/blobs?functionName=Host.Functions.${BLOB_TRIGGER_FUNCTION_NAME}&code=$key"

az eventgrid system-topic event-subscription create \
  --name "$subscription" \
  --resource-group "${AZURE_RESOURCE_GROUP}" \
  --system-topic-name "${EVENTGRID_SYSTEM_TOPIC_NAME}" \
  --endpoint-type webhook \
  --endpoint "$endpoint" \
  --included-event-types Microsoft.Storage.BlobCreated \
  --subject-begins-with "/blobServices/default/containers/${ARTICLES_CONTAINER_NAME}/" \
  --max-delivery-attempts 30 \
  --event-ttl 1440 \
  --output none

echo "postdeploy: uploads to ${ARTICLES_CONTAINER_NAME}/ now trigger ${BLOB_TRIGGER_FUNCTION_NAME} (Event Grid subscription $subscription)."
