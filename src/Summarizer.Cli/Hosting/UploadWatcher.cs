using Azure;
using Azure.Storage.Blobs;
using Summarizer.Core;
using Summarizer.Pipeline;
using Summarizer.Pipeline.Stages;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// Stands in for the Event Grid BlobCreated events Azurite does not emit: lists the upload container a few times a
/// second and hands every new or overwritten blob (a new ETag) to the clean stage, the way <c>CleanArticle</c> gets
/// it in Azure. A failing blob is tried again after 1, 2, 4, 8 s, then left with its failure on its status. When the
/// container cannot be listed (storage away) it backs off up to 30 s, reports the host degraded, and carries on.
/// </summary>
public sealed partial class UploadWatcher(BlobServiceClient blobs, CleanStage clean, PipelineHealth health, TimeProvider time, ILogger<UploadWatcher> logger)
    : BackgroundService
{
    /// <summary>Cleaning is CPU- and memory-bound (a 5 MB page parses into a large DOM): this many at once.</summary>
    public const int Concurrency = 4;

    private const string HealthPart = "storage (uploads)";
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMilliseconds(250);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Attempts> _seen = new(StringComparer.Ordinal);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var container = blobs.GetBlobContainerClient(PipelineNames.ArticlesContainer);
        var failures = 0;
        while (!stoppingToken.IsCancellationRequested)
        {
            var wait = SweepInterval;
            try
            {
                await SweepAsync(container, stoppingToken);
                failures = 0;
                health.ReportWorking(HealthPart);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !stoppingToken.IsCancellationRequested)
            {
                failures++;
                wait = TimeSpan.FromSeconds(Math.Min(MaxBackOff.TotalSeconds, SweepInterval.TotalSeconds * Math.Pow(2, failures)));
                health.ReportUnavailable(HealthPart, "New uploads cannot be listed (storage is unreachable or answering with errors); they are picked up when it answers again.");
                LogListingFailed(ex.GetType().Name, container.Name, wait.TotalSeconds);
            }
            await Task.Delay(wait, time, stoppingToken);
        }
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
        await Parallel.ForEachAsync(due, new ParallelOptions { MaxDegreeOfParallelism = Concurrency, CancellationToken = cancellationToken }, async (blob, ct) =>
        {
            var failures = _seen.TryGetValue(blob.Name, out var previous) && previous.ETag == blob.ETag ? previous.Failures : 0;
            try
            {
                await clean.RunAsync(blob.Name, failures + 1, ct);
                outcomes[blob.Name] = new Attempts(blob.ETag, 0, RetryAt: null);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The stage has recorded the failure on the article's status; back off and try again unless the attempts are spent.
                var spent = failures + 1 >= PipelineNames.MaxAttempts;
                if (StorageFault.IsUnavailable(ex))
                {
                    LogCleanInterrupted(blob.Name, failures + 1, ex.GetType().Name);
                }
                else
                {
                    LogCleanFailed(ex, blob.Name, failures + 1, spent ? "giving up" : "will retry");
                }
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

    [LoggerMessage(LogLevel.Warning, "Could not list container {Container} ({Error}); trying again in {Seconds} s")]
    private partial void LogListingFailed(string error, string container, double seconds);

    [LoggerMessage(LogLevel.Warning, "Cleaning {BlobName} was interrupted by storage (attempt {Attempt}, {Error}); it will be retried")]
    private partial void LogCleanInterrupted(string blobName, int attempt, string error);

    [LoggerMessage(LogLevel.Error, "Cleaning {BlobName} failed (attempt {Attempt}), {Next}")]
    private partial void LogCleanFailed(Exception exception, string blobName, int attempt, string next);
}
