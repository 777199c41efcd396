using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Summarizer.Core;
using Summarizer.Core.Documents;
using Summarizer.Core.Engine;
using Summarizer.Pipeline.AzureOpenAI;
using Summarizer.Pipeline.Events;
using Summarizer.Pipeline.Http;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>
/// The second stage: a cleaned article becomes a grounded summary. Identical content summarised by the same engine
/// and model goes to the engine once, under any name and however many workers see it; a message delivered again
/// after its summary was published changes nothing. A summary is published only
/// while its content is the article's current one. A failure the engine says is final is recorded and not retried;
/// any other is recorded and rethrown, so the queue retries and then poisons. Each publication is announced (a change
/// notification) once it is stored and marked; the announcement is delivered in the background and cannot fail the stage.
/// Each summary is also kept as its version's (<c>summaries/versions/{id}/v{N}.json</c>) and carries what changed
/// against the previous version's; a wire version older than the newest summarised one is kept in the history only.
/// </summary>
public sealed class SummarizeStage(
    ArticleRepository repository,
    ArticleStatusStore statuses,
    ArticleVersionStore versions,
    ISummaryEngine engine,
    TimeProvider time,
    LargeArticleGate large,
    SummaryEventDispatcher events,
    SummaryCache served,
    ILogger<SummarizeStage> logger)
{
    /// <param name="attempt">Which delivery of the message this is (its dequeue count): the last one's failure says it was set aside.</param>
    public async Task RunAsync(string queueMessage, long attempt, CancellationToken cancellationToken)
    {
        var message = SummarizeMessage.Parse(queueMessage);
        var status = await statuses.GetAsync(message.Id, cancellationToken);
        if (status?.ContentHash != message.ContentHash || status.Status == ArticleState.Withdrawn)
        {
            logger.SkippedStale(message.Id, message.ContentHash);
            return;
        }
        if (status.Status == ArticleState.Summarized)
        {
            // A message delivered again after its summary was published.
            logger.SkippedIdentical(message.Id, message.ContentHash, ArticleState.Summarized.ToString());
            return;
        }
        try
        {
            await SummarizeAsync(message, cancellationToken);
        }
        catch (SummaryEngineException ex) when (ex.IsPermanent)
        {
            logger.Rejected(message.Id, PipelineStage.Summarize, ex.Message);
            await statuses.MarkFailedAsync(message.Id, message.ContentHash, PipelineStage.Summarize, $"Summarizing failed: {ex.Message}", cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.StageFailedOrInterrupted(ex, message.Id, PipelineStage.Summarize);
            var gaveUp = attempt >= PipelineNames.MaxAttempts;
            var reason = gaveUp ? StageFailure.GaveUp(PipelineStage.Summarize, PipelineNames.MaxAttempts)
                : ex is SummaryEngineException engineFailure ? $"Summarizing failed for now and will be retried automatically {StageFailure.RetryWindow}: {engineFailure.Message}"
                : StageFailure.Transient(PipelineStage.Summarize);
            await statuses.MarkFailedAsync(message.Id, message.ContentHash, PipelineStage.Summarize, reason, cancellationToken, retryable: gaveUp);
            throw;
        }
    }

    private async Task SummarizeAsync(SummarizeMessage message, CancellationToken cancellationToken)
    {
        var (id, contentHash) = (message.Id, message.ContentHash);
        using var turn = await large.EnterAsync(message.Bytes ?? 0, cancellationToken);
        var article = await repository.ReadCleanedAsync(id, cancellationToken);
        if (article?.Source?.ContentHash != contentHash)
        {
            // A newer version's cleaning replaced the document: that version has its own message.
            logger.SkippedStale(id, contentHash);
            return;
        }
        var started = time.GetTimestamp();
        var draft = await repository.GetOrCreateDraftAsync(engine.Name, engine.Model, contentHash, ct => engine.SummarizeAsync(article, ct).AsTask(), cancellationToken);
        var summary = Grounding.Compose(article, draft, engine.Name, time.GetElapsedTime(started), time.GetUtcNow());

        // Which version this is (recorded when it was cleaned; recorded now for content cleaned before versions were
        // kept), and what it changed against the newest earlier version that has a summary.
        var version = await versions.RecordAsync(id, contentHash, article.Source.BlobName, article.Wire?.Version, article.Wire?.PubStatus, cancellationToken);
        var history = await versions.ListAsync(id, cancellationToken);
        // A wire item's previous version is the highest numbered below it; an upload's, the one last summarised (content
        // uploaded again keeps its number, and is compared with what was served before it).
        var fromWire = article.Wire?.Version is > 0;
        var summarized = history.Where(v => v.Status == ArticleState.Summarized && v.Version != version).ToList();
        var previous = fromWire ? summarized.Where(v => v.Version < version).MaxBy(v => v.Version) : summarized.MaxBy(v => v.SummarizedAt);
        var previousSummary = previous is null ? null : await repository.ReadSummaryVersionAsync(id, previous.Version, cancellationToken);
        summary = summary with
        {
            Version = version,
            Changes = previousSummary is null ? null : SummaryChanges.Between(previousSummary, previous!.Version, summary),
        };
        if (!await statuses.AwaitsSummaryAsync(id, contentHash, cancellationToken))
        {
            // Another delivery of this message published it while this one worked (or the story was withdrawn).
            logger.SkippedIdentical(id, contentHash, ArticleState.Summarized.ToString());
            return;
        }
        if (fromWire && summarized.Where(v => v.Version > version).MaxBy(v => v.Version) is { } newer
            && await repository.ReadSummaryVersionAsync(id, newer.Version, cancellationToken) is { } newest)
        {
            // Out of order (a wire version 2 after version 3): kept in the history only; the newest stays served.
            await repository.SaveSummaryVersionAsync(summary, version, cancellationToken);
            await versions.MarkSummarizedAsync(id, version, contentHash, cancellationToken);
            await statuses.MarkSummarizedAsync(newest, contentHash, cancellationToken);
            logger.KeptOlderVersion(id, version, newer.Version);
            return;
        }

        if (!await repository.SaveSummaryAsync(summary, ct => statuses.AwaitsSummaryAsync(id, contentHash, ct), cancellationToken))
        {
            logger.SkippedStale(id, contentHash);
            return;
        }
        served.Stored(id);
        await repository.SaveSummaryVersionAsync(summary, version, cancellationToken);
        await versions.MarkSummarizedAsync(id, version, contentHash, cancellationToken);
        if (!await statuses.MarkSummarizedAsync(summary, contentHash, cancellationToken))
        {
            if (await statuses.GetAsync(id, cancellationToken) is { Status: ArticleState.Withdrawn })
            {
                // Withdrawn while this summary was being stored: it must not be served (WithdrawStage marks the status, then
                // deletes the blob; this write came after that delete, so it is removed here).
                await repository.DeleteNewestSummaryAsync(id, cancellationToken);
                served.Stored(id);
            }
            logger.SkippedStale(id, contentHash);
            return;
        }
        logger.Summarized(summary.Id, engine.Name, summary.Generator.EngineMilliseconds, summary.Actors.Count, summary.Conditions.Count,
            summary.Venues.Count, summary.OpenQuestions.Count, summary.Generator.DroppedUngrounded);
        events.Publish(id, summary.Headline, contentHash);
    }
}
