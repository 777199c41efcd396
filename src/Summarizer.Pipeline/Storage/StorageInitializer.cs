using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Summarizer.Core;

namespace Summarizer.Pipeline.Storage;

/// <summary>
/// Creates the containers, queues and table when they are missing, before the triggers start listening:
/// Azurite starts empty. In Azure the infrastructure has made them and this costs one request each at start.
/// </summary>
public sealed class StorageInitializer(BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var container in (string[])[PipelineNames.ArticlesContainer, PipelineNames.CleanedContainer, PipelineNames.SummariesContainer])
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        foreach (var queue in (string[])[PipelineNames.SummarizeQueue, PipelineNames.SummarizePoisonQueue])
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        await tables.CreateTableIfNotExistsAsync(PipelineNames.ArticlesTable, cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
