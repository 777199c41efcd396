using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Summarizer.Core.Cleaning;
using Summarizer.Core.Documents;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Pipeline.Stages;

/// <summary>
/// The first stage: a raw upload becomes a cleaned article, and a summarize message is queued.
/// Bad input is recorded as the article's failure; any other error is recorded and rethrown so the trigger retries.
/// </summary>
public sealed class CleanStage(
    ArticleRepository repository,
    ArticleStatusStore statuses,
    ArticleCleaner cleaner,
    IOptions<SummarizerOptions> options,
    ILogger<CleanStage> logger)
{
    public async Task RunAsync(string blobName, CancellationToken cancellationToken)
    {
        var id = ArticleId.FromBlobName(blobName);
        try
        {
            await CleanAsync(id, blobName, cancellationToken);
        }
        catch (Exception ex) when (ex is ArticleRejectedException or UploadTooLargeException)
        {
            logger.Rejected(id, PipelineStage.Clean, ex.Message);
            await statuses.MarkFailedAsync(id, blobName, PipelineStage.Clean, ex.Message, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.StageFailed(ex, id, PipelineStage.Clean);
            await statuses.MarkFailedAsync(id, blobName, PipelineStage.Clean, $"Cleaning failed unexpectedly and will be retried: {ex.Message}", cancellationToken);
            throw;
        }
    }

    private async Task CleanAsync(string id, string blobName, CancellationToken cancellationToken)
    {
        var raw = await repository.ReadRawAsync(blobName, options.Value.MaxUploadBytes, cancellationToken);
        if (raw is null)
        {
            logger.BlobGone(blobName);
            return;
        }

        var contentHash = ContentHash.Of(raw.Content);
        var status = await statuses.GetAsync(id, cancellationToken);
        if (status is { Status: ArticleState.Cleaned or ArticleState.Summarized } && status.ContentHash == contentHash)
        {
            logger.SkippedIdentical(id, contentHash, status.Status.ToString());
            return;
        }

        await statuses.MarkReceivedAsync(id, blobName, contentHash, cancellationToken);
        var cleaned = cleaner.Clean(raw.Content, id, raw.ContentType, blobName) with
        {
            Source = new SourceInfo(blobName, contentHash, raw.ContentType, raw.Content.Length, raw.UploadedAt),
        };
        await repository.SaveCleanedAsync(cleaned, cancellationToken);
        await statuses.MarkCleanedAsync(id, blobName, contentHash, cancellationToken);
        await repository.EnqueueSummarizeAsync(new SummarizeMessage(id, contentHash), cancellationToken);
        logger.Cleaned(id, cleaned.Format, cleaned.Encoding, cleaned.Paragraphs.Count, cleaned.Removed.Count);
    }
}
