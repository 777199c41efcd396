using Azure.Storage.Blobs;
using Microsoft.Azure.WebJobs;
using Summarizer.Core;
using Summarizer.Pipeline.Stages;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// The Functions app's two triggers on the WebJobs SDK, the listener code the Functions host itself loads.
/// Locally the blob trigger polls (Azurite emits no Event Grid events).
/// </summary>
public sealed class LocalTriggers(CleanStage clean, SummarizeStage summarize)
{
    [FunctionName("CleanArticle")]
    public Task CleanArticleAsync(
        [BlobTrigger(PipelineNames.ArticleBlobPath, Connection = PipelineNames.StorageConnection)] BlobClient blob,
        string name,
        CancellationToken cancellationToken) =>
        clean.RunAsync(name, cancellationToken);

    [FunctionName("SummarizeArticle")]
    public Task SummarizeArticleAsync(
        [QueueTrigger(PipelineNames.SummarizeQueue, Connection = PipelineNames.StorageConnection)] string message,
        CancellationToken cancellationToken) =>
        summarize.RunAsync(message, cancellationToken);
}
