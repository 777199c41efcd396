using System.Threading.Channels;
using Azure;
using Azure.Storage.Blobs;
using Summarizer.Core;
using Summarizer.Pipeline;
using Summarizer.Pipeline.Stages;
using Summarizer.Pipeline.Storage;

namespace Summarizer.Cli.Hosting;

/// <summary>
/// Stands in for the Event Grid BlobCreated events Azurite does not emit. Uploads through the API are handed over as
/// they are written (<see cref="IUploadObserver"/>); blobs dropped into the container by other tools are found by
/// listing it every second. Either way a new or overwritten blob (a new ETag) goes to the clean stage, the way
/// <c>CleanArticle</c> gets it in Azure; a failing blob is tried again after 1, 2, 4, 8 s, then left with its failure
/// on its status. When the container cannot be listed (storage away) it backs off up to 30 s, reports the host
/// degraded, and carries on.
/// </summary>
public sealed partial class UploadWatcher(BlobServiceClient blobs, CleanStage clean, PipelineHealth health, TimeProvider time, ILogger<UploadWatcher> logger)
    : BackgroundService, IUploadObserver
{
    /// <summary>Cleaning is CPU- and memory-bound (a 5 MB page parses into a large DOM): this many at once.</summary>
    public const int Concurrency = 4;

    private const string HealthPart = "storage (uploads)";
    private static readonly TimeSpan SweepInterval = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan MaxBackOff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StorageRetry = TimeSpan.FromSeconds(2);

    private readonly Dictionary<string, Attempts> _seen = new(StringComparer.Ordinal);
    private readonly Channel<(string Name, ETag ETag)> _uploaded = Channel.CreateUnbounded<(string, ETag)>();
    private readonly SemaphoreSlim _cleaning = new(Concurrency);

    public void Uploaded(string blobName, ETag etag) => _uploaded.Writer.TryWrite((blobName, etag));

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(SweepLoopAsync(stoppingToken), CleanUploadedAsync(stoppingToken));

    public override void Dispose()
    {
        _cleaning.Dispose();
        base.Dispose();
    }

    private async Task CleanUploadedAsync(CancellationToken stoppingToken)
    {
        var running = new List<Task>();
        await foreach (var blob in _uploaded.Reader.ReadAllAsync(stoppingToken))
        {
            await _cleaning.WaitAsync(stoppingToken);
            running.RemoveAll(t => t.IsCompleted);
            running.Add(CleanAsync(blob.Name, blob.ETag, stoppingToken));
        }
        await Task.WhenAll(running);
    }

    private async Task SweepLoopAsync(CancellationToken stoppingToken)
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
                wait = TimeSpan.FromSeconds(Math.Min(MaxBackOff.TotalSeconds, Math.Pow(2, failures - 1)));
                health.ReportUnavailable(HealthPart, "New uploads cannot be listed (storage is unreachable or answering with errors); they are picked up when it answers again.");
                LogListingFailed(ex.GetType().Name, container.Name, wait.TotalSeconds);
            }
            await Task.Delay(wait, time, stoppingToken);
        }
    }

    private async Task SweepAsync(BlobContainerClient container, CancellationToken cancellationToken)
    {
        var cleaning = new List<Task>();
        await foreach (var blob in container.GetBlobsAsync(cancellationToken: cancellationToken))
        {
            var etag = blob.Properties.ETag!.Value;
            bool due;
            lock (_seen)
            {
                due = !_seen.TryGetValue(blob.Name, out var attempts) || attempts.ETag != etag || attempts.RetryAt <= time.GetUtcNow();
            }
            if (due)
            {
                await _cleaning.WaitAsync(cancellationToken);
                cleaning.Add(CleanAsync(blob.Name, etag, cancellationToken));
            }
        }
        await Task.WhenAll(cleaning);
    }

    /// <summary>One version of a blob to the clean stage, unless it is being cleaned, was cleaned, or waits for its retry; releases a cleaning slot.</summary>
    private async Task CleanAsync(string name, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            if (Claim(name, etag) is not { } failures)
            {
                return;
            }
            try
            {
                await clean.RunAsync(name, failures + 1, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException && StorageFault.IsUnavailable(ex))
            {
                // Storage away is not the article's fault and spends no attempt: try again until it is back.
                LogCleanInterrupted(name, ex.GetType().Name);
                Reschedule(name, new Attempts(etag, failures, time.GetUtcNow() + StorageRetry));
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // The stage has logged the failure and recorded it on the article's status; back off and try again unless
                // the attempts are spent.
                var spent = failures + 1 >= PipelineNames.MaxAttempts;
                LogCleanFailed(name, failures + 1, spent ? "giving up" : "will retry");
                Reschedule(name, new Attempts(etag, failures + 1, spent ? null : time.GetUtcNow().AddSeconds(1 << failures)));
            }
        }
        finally
        {
            _cleaning.Release();
        }
    }

    private void Reschedule(string name, Attempts attempts)
    {
        lock (_seen)
        {
            _seen[name] = attempts;
        }
    }

    /// <summary>Marks the version as being cleaned and returns its failures so far; null when it is not due (the sweep and an upload may both offer it).</summary>
    private int? Claim(string name, ETag etag)
    {
        lock (_seen)
        {
            var failures = 0;
            if (_seen.TryGetValue(name, out var previous) && previous.ETag == etag)
            {
                if (previous.RetryAt is not { } retryAt || retryAt > time.GetUtcNow())
                {
                    return null;
                }
                failures = previous.Failures;
            }
            _seen[name] = new Attempts(etag, failures, RetryAt: null);
            return failures;
        }
    }

    /// <summary>The last version handed to the stage, its failures so far, and when to try it again (null: never; it is being or was cleaned, or gave up).</summary>
    private sealed record Attempts(ETag ETag, int Failures, DateTimeOffset? RetryAt);

    [LoggerMessage(LogLevel.Warning, "Could not list container {Container} ({Error}); trying again in {Seconds} s")]
    private partial void LogListingFailed(string error, string container, double seconds);

    [LoggerMessage(LogLevel.Warning, "Cleaning {BlobName} was interrupted by storage ({Error}); it will be retried when storage answers")]
    private partial void LogCleanInterrupted(string blobName, string error);

    [LoggerMessage(LogLevel.Warning, "Cleaning {BlobName} failed (attempt {Attempt}), {Next}")]
    private partial void LogCleanFailed(string blobName, int attempt, string next);
}
