using Microsoft.Azure.WebJobs;
using Summarizer.Core;
using Summarizer.Pipeline.Stages;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// The Functions app's queue trigger on the WebJobs SDK, the listener code the Functions host itself loads.
/// Uploads reach the clean stage through <see cref="UploadWatcher"/> (Azurite emits no Event Grid events).
/// </summary>
public sealed class LocalTriggers(SummarizeStage summarize)
{
    [FunctionName("SummarizeArticle")]
    public Task SummarizeArticleAsync(
        [QueueTrigger(PipelineNames.SummarizeQueue, Connection = PipelineNames.StorageConnection)] string message,
        CancellationToken cancellationToken) =>
        summarize.RunAsync(message, cancellationToken);
}
