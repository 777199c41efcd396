using Microsoft.Extensions.Logging;

namespace Summarizer.Pipeline;

internal static partial class Log
{
    [LoggerMessage(1, LogLevel.Information, "Cleaned {Id} ({Format}, {Encoding}): {Paragraphs} paragraphs kept, {Removed} blocks removed")]
    public static partial void Cleaned(this ILogger logger, string id, string format, string encoding, int paragraphs, int removed);

    [LoggerMessage(2, LogLevel.Warning, "Rejected {Id} at stage {Stage}: {Reason}")]
    public static partial void Rejected(this ILogger logger, string id, string stage, string reason);

    [LoggerMessage(3, LogLevel.Information, "Skipped {Id}: content {ContentHash} is already {State}")]
    public static partial void SkippedIdentical(this ILogger logger, string id, string contentHash, string state);

    [LoggerMessage(4, LogLevel.Warning, "Blob {BlobName} is gone; nothing to clean")]
    public static partial void BlobGone(this ILogger logger, string blobName);

    [LoggerMessage(5, LogLevel.Information, "Summarized {Id} with {Engine} in {Milliseconds} ms: {Actors} actors, {Conditions} conditions, {Venues} venues, {Questions} open questions, {Dropped} ungrounded dropped")]
    public static partial void Summarized(this ILogger logger, string id, string engine, double milliseconds, int actors, int conditions, int venues, int questions, int dropped);

    [LoggerMessage(6, LogLevel.Information, "Skipped stale message for {Id}: content {ContentHash} was superseded")]
    public static partial void SkippedStale(this ILogger logger, string id, string contentHash);

    [LoggerMessage(7, LogLevel.Error, "Stage {Stage} failed for {Id}; the trigger will retry")]
    public static partial void StageFailed(this ILogger logger, Exception exception, string id, string stage);

    [LoggerMessage(8, LogLevel.Information, "Replayed {Id} (content {ContentHash}) from the poison queue after {DequeueCount} tries")]
    public static partial void Replayed(this ILogger logger, string id, string contentHash, long dequeueCount);

    [LoggerMessage(8, LogLevel.Warning, "Stage {Stage} for {Id} was interrupted by storage ({Error}); the trigger will retry")]
    public static partial void StageInterrupted(this ILogger logger, string id, string stage, string error);

    [LoggerMessage(9, LogLevel.Warning, "Withdrew {Id} (content {ContentHash}): {Reason}")]
    public static partial void Withdrew(this ILogger logger, string id, string contentHash, string reason);

    [LoggerMessage(10, LogLevel.Information, "Kept version {Version} of {Id} in its history only: version {Newest} is newer and stays current")]
    public static partial void KeptOlderVersion(this ILogger logger, string id, int version, int newest);

    /// <summary>Storage away is one line (it happens to every article in flight); anything else is logged with its exception.</summary>
    public static void StageFailedOrInterrupted(this ILogger logger, Exception exception, string id, string stage)
    {
        if (Storage.StorageFault.IsUnavailable(exception))
        {
            logger.StageInterrupted(id, stage, exception.GetType().Name);
        }
        else
        {
            logger.StageFailed(exception, id, stage);
        }
    }
}
