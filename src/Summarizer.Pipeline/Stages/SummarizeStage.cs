using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>
/// The second stage: a cleaned article becomes a grounded summary. Identical content summarised by the same engine
/// and model is not summarised again, under any name; failures are recorded on the article and rethrown, so the queue retries and then poisons.
/// </summary>
public sealed class SummarizeStage(
    ArticleRepository repository,
    ArticleStatusStore statuses,
    ISummaryEngine engine,
    TimeProvider time,
    ILogger<SummarizeStage> logger)
{
    public async Task RunAsync(string queueMessage, CancellationToken cancellationToken)
    {
        var message = SummarizeMessage.Parse(queueMessage);
        var status = await statuses.GetAsync(message.Id, cancellationToken);
        if (status is null || status.ContentHash != message.ContentHash)
        {
            logger.SkippedStale(message.Id, message.ContentHash);
            return;
        }
        try
        {
            await SummarizeAsync(message, status.BlobName, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.StageFailed(ex, message.Id, PipelineStage.Summarize);
            await statuses.MarkFailedAsync(message.Id, status.BlobName, PipelineStage.Summarize, $"Summarizing failed and will be retried: {ex.Message}", cancellationToken);
            throw;
        }
    }

    private async Task SummarizeAsync(SummarizeMessage message, string blobName, CancellationToken cancellationToken)
    {
        var existing = await repository.ReadSummaryAsync(message.Id, cancellationToken);
        if (existing is not null && existing.Source?.ContentHash == message.ContentHash && existing.Generator.Engine == engine.Name && existing.Generator.Model == engine.Model)
        {
            logger.SkippedIdentical(message.Id, message.ContentHash, ArticleState.Summarized.ToString());
            await statuses.MarkSummarizedAsync(message.Id, blobName, existing.Headline, cancellationToken);
            return;
        }

        var article = await repository.ReadCleanedAsync(message.Id, cancellationToken)
            ?? throw new InvalidOperationException($"The cleaned article {message.Id} is missing; upload the article again.");
        var started = time.GetTimestamp();
        var draft = await repository.ReadDraftAsync(engine.Name, engine.Model, message.ContentHash, cancellationToken);
        if (draft is null)
        {
            draft = await engine.SummarizeAsync(article, cancellationToken);
            await repository.SaveDraftAsync(engine.Name, engine.Model, message.ContentHash, draft, cancellationToken);
        }
        var summary = Grounding.Compose(article, draft, engine.Name, time.GetElapsedTime(started), time.GetUtcNow());

        await repository.SaveSummaryAsync(summary, cancellationToken);
        await statuses.MarkSummarizedAsync(message.Id, blobName, summary.Headline, cancellationToken);
        logger.Summarized(summary.Id, engine.Name, summary.Generator.EngineMilliseconds, summary.Actors.Count, summary.Conditions.Count,
            summary.Venues.Count, summary.OpenQuestions.Count, summary.Generator.DroppedUngrounded);
    }
}
