using Microsoft.Azure.Functions.Worker;
using Summarizer.Core;
using Summarizer.Pipeline.Stages;

namespace Summarizer.Functions;

/// <summary>Each summarize message becomes a grounded summary; failures retry, then go to <c>summarize-poison</c>.</summary>
public sealed class SummarizeArticle(SummarizeStage stage)
{
    [Function(nameof(SummarizeArticle))]
    public Task RunAsync(
        [QueueTrigger(PipelineNames.SummarizeQueue, Connection = PipelineNames.StorageConnection)] string message,
        long dequeueCount,
        CancellationToken cancellationToken) =>
        stage.RunAsync(message, dequeueCount, cancellationToken);
}
