using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summarizer.Core;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>
/// The first stage: a raw upload becomes a cleaned article, and a summarize message is queued. Input that can never be
/// cleaned (a bad name, too large, not text) is recorded as the article's failure and not retried; any other error is
/// recorded and rethrown, so the trigger retries. An upload older than the article's current one changes nothing.
/// </summary>
public sealed class CleanStage(
    ArticleRepository repository,
    ArticleStatusStore statuses,
    ArticleVersionStore versions,
    WithdrawStage withdrawals,
    ArticleCleaner cleaner,
    IOptions<SummarizerOptions> options,
    LargeArticleGate large,
    ILogger<CleanStage> logger)
{
    /// <param name="attempt">Which try this is, where the host counts them (the local upload watcher); null where it does not.</param>
    public async Task RunAsync(string blobName, int? attempt, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(blobName))
        {
            logger.Rejected("(no name)", PipelineStage.Clean, "a blob without a name");
            return;
        }
        var id = ArticleId.FromBlobName(blobName);
        if (ArticleName.Problem(blobName) is { } badName)
        {
            // No storage call with this name: '..' or '\' in a blob URL can reach another container.
            await RejectAsync(id, UploadVersion.Unread(blobName), badName, cancellationToken);
            return;
        }
        try
        {
            await CleanAsync(id, blobName, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.StageFailedOrInterrupted(ex, id, PipelineStage.Clean);
            if (await repository.ReadRawVersionAsync(blobName, cancellationToken) is { } version)
            {
                var reason = attempt >= PipelineNames.MaxAttempts
                    ? StageFailure.GaveUp(PipelineStage.Clean, PipelineNames.MaxAttempts)
                    : StageFailure.Transient(PipelineStage.Clean);
                await statuses.MarkFailedAsync(id, version, reason, cancellationToken);
            }
            throw;
        }
    }

    private async Task CleanAsync(string id, string blobName, CancellationToken cancellationToken)
    {
        RawArticle? raw;
        try
        {
            raw = await repository.ReadRawAsync(blobName, options.Value.MaxUploadBytes, cancellationToken);
        }
        catch (UploadTooLargeException tooLarge) when (tooLarge.Version is { } large)
        {
            await RejectAsync(id, large, tooLarge.Message, cancellationToken);
            return;
        }
        if (raw is null)
        {
            logger.BlobGone(blobName);
            return;
        }

        var (version, contentHash) = (raw.Version, raw.Version.ContentHash!);
        switch (await statuses.MarkReceivedAsync(id, version, cancellationToken))
        {
            case ReceiveOutcome.Superseded:
                logger.SkippedStale(id, contentHash);
                return;
            case ReceiveOutcome.Withdrawn:
                logger.SkippedIdentical(id, contentHash, ArticleState.Withdrawn.ToString());
                return;
            case ReceiveOutcome.AlreadySummarized:
                logger.SkippedIdentical(id, contentHash, ArticleState.Summarized.ToString());
                return;
            case ReceiveOutcome.AlreadyCleaned:
                // Cleaned, but the summarize message may have been lost with the attempt that cleaned it (storage
                // went away after the status was written): send it again; the summarize stage skips a duplicate.
                logger.SkippedIdentical(id, contentHash, ArticleState.Cleaned.ToString());
                await repository.EnqueueSummarizeAsync(new SummarizeMessage(id, contentHash, raw.Content.Length), cancellationToken);
                return;
        }
        CleanedArticle cleaned;
        try
        {
            using var turn = await large.EnterAsync(raw.Content.Length, cancellationToken);
            cleaned = cleaner.Clean(raw.Content, id, raw.ContentType, blobName) with
            {
                Source = new SourceInfo(blobName, contentHash, raw.ContentType, raw.Content.Length, version.UploadedAt),
            };
        }
        catch (ArticleRejectedException rejected)
        {
            await RejectAsync(id, version, rejected.Message, cancellationToken);
            return;
        }
        if (!await repository.SaveCleanedAsync(cleaned, ct => statuses.IsCurrentAsync(id, contentHash, ct), cancellationToken)
            || !await statuses.MarkCleanedAsync(id, contentHash, cancellationToken))
        {
            logger.SkippedStale(id, contentHash);
            return;
        }
        // A version of the story for good: numbered, and its cleaned document and upload kept beside the newest.
        var number = await versions.RecordAsync(id, contentHash, blobName, cleaned.Wire?.Version, cleaned.Wire?.PubStatus, cancellationToken);
        await repository.SaveCleanedVersionAsync(cleaned, number, raw, cancellationToken);
        if (cleaned.Wire is { IsKill: true } kill)
        {
            // The wire takes the story back: nothing to summarise, the summary already published stops being served.
            logger.Cleaned(id, cleaned.Format, cleaned.Encoding, cleaned.Paragraphs.Count, cleaned.Removed.Count);
            await withdrawals.RunAsync(id, WithdrawStage.WireReason(kill.PubStatus), cancellationToken);
            return;
        }
        await repository.EnqueueSummarizeAsync(new SummarizeMessage(id, contentHash, raw.Content.Length), cancellationToken);
        logger.Cleaned(id, cleaned.Format, cleaned.Encoding, cleaned.Paragraphs.Count, cleaned.Removed.Count);
    }

    /// <summary>Input that will never clean: recorded with its reason, not retried.</summary>
    private async Task RejectAsync(string id, UploadVersion version, string reason, CancellationToken cancellationToken)
    {
        logger.Rejected(id, PipelineStage.Clean, reason);
        await statuses.MarkFailedAsync(id, version, reason, cancellationToken);
    }
}
