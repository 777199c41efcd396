using Azure.Storage.Blobs;
using Microsoft.Azure.Functions.Worker;
using Summarizer.Core;
using Summarizer.Pipeline.Stages;

namespace Summarizer.Functions;

/// <summary>
/// Every upload to <c>articles/</c> is cleaned. Event Grid source: Flex Consumption has no blob polling.
/// The blob is bound as a client, not its content, so the stage can refuse an oversized upload without reading it.
/// </summary>
public sealed class CleanArticle(CleanStage stage)
{
    [Function(nameof(CleanArticle))]
    public Task RunAsync(
        [BlobTrigger(PipelineNames.ArticleBlobPath, Source = BlobTriggerSource.EventGrid, Connection = PipelineNames.StorageConnection)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        stage.RunAsync(name, attempt: null, cancellationToken);
}
