using Azure;
using Azure.Storage.Blobs;
using Summarizer.Core;
using Summarizer.Pipeline.Stages;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// Stands in for the Event Grid BlobCreated events Azurite does not emit: lists the upload container a few times a
/// second and hands every new or overwritten blob (a new ETag) to the clean stage, the way <c>CleanArticle</c> gets
/// it in Azure. A failing blob is tried again after 1, 2, 4, 8 s, then left with its failure on its status.
/// </summary>
public sealed partial class UploadWatcher(BlobServiceClient blobs, CleanStage clean, TimeProvider time, ILogger<UploadWatcher> logger) : BackgroundService
{
    /// <summary>As many attempts as the Functions host gives a triggering blob or message (host.json maxDequeueCount).</summary>
    public const int MaxAttempts = 5;

    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, Attempts> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var container = blobs.GetBlobContainerClient(PipelineNames.ArticlesContainer);
        using var timer = new PeriodicTimer(SweepInterval);
        do
        {
            try
            {
                await SweepAsync(container, stoppingToken);
            }
            catch (RequestFailedException ex)
            {
                // Storage unreachable for a moment (Azurite restarting): the next sweep lists again.
                LogListingFailed(ex, container.Name);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    private async Task SweepAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        var due = new List<(string Name, ETag ETag)>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = blob.Properties.ETag!.Value;
            if (!_seen.TryGetValue(blob.Name, out var attempts) || attempts.ETag != etag || attempts.RetryAt <= time.GetUtcNow())
            {
                due.Add((blob.Name, etag));
            }
        }

        var outcomes = new System.Collections.Concurrent.ConcurrentDictionary<string, Attempts>(StringComparer.Ordinal);
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            var failures = _seen.TryGetValue(blob.Name, out var previous) && previous.ETag == blob.ETag ? previous.Failures : 0;
            try
            {
                await clean.RunAsync(blob.Name, ct);
                outcomes[blob.Name] = new Attempts(blob.ETag, 0, RetryAt: null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The stage has recorded the failure on the article's status; back off and try again unless the attempts are spent.
                var spent = failures + 1 >= MaxAttempts;
                LogCleanFailed(ex, blob.Name, failures + 1, spent ? "giving up" : "will retry");
                var retryAt = spent ? (DateTimeOffset?)null : time.GetUtcNow().AddSeconds(1 << failures);
                outcomes[blob.Name] = new Attempts(blob.ETag, failures + 1, retryAt);
            }
        });
        foreach (var (name, attempts) in outcomes)
        {
            _seen[name] = attempts;
        }
    }

    /// <summary>The last version handed to the stage, its failures so far, and when to try it again (null: never).</summary>
    private sealed record Attempts(ETag ETag, int Failures, DateTimeOffset? RetryAt);

    [LoggerMessage(LogLevel.Warning, "Could not list container {Container}; the next sweep tries again")]
    private partial void LogListingFailed(Exception exception, string container);

    [LoggerMessage(LogLevel.Error, "Cleaning {BlobName} failed (attempt {Attempt}), {Next}")]
    private partial void LogCleanFailed(Exception exception, string blobName, int attempt, string next);
}
