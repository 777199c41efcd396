using Azure;
using Azure.Data.Tables;
using Azure.Storage.Blobs;
using Azure.Storage.Queues;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Summarizer.Core;

namespace Summarizer.Pipeline.Storage;

/// <summary>
/// Creates the containers, queues and table when they are missing, before the triggers start listening:
/// Azurite starts empty. In Azure the infrastructure has made them and this costs one request each at start.
/// Storage away, or refusing the credentials (a role assignment not yet in effect), is waited for with one line per
/// attempt, not a crash: the host starts when storage does.
/// </summary>
public sealed partial class StorageInitializer(
    BlobServiceClient blobs, QueueServiceClient queues, TableServiceClient tables, PipelineHealth health, TimeProvider time, ILogger<StorageInitializer> logger)
    : IHostedService
{
    private const string HealthPart = "storage (start)";
    private static readonly TimeSpan MaxWait = TimeSpan.FromSeconds(30);

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await CreateMissingAsync(cancellationToken);
                health.ReportWorking(HealthPart);
                return;
            }
            catch (Exception ex) when (StorageFault.IsUnavailable(ex) || ex is RequestFailedException { Status: 401 or 403 })
            {
                var reason = ex is RequestFailedException { Status: 401 or 403 }
                    ? $"Storage refused the credentials of {PipelineNames.StorageConnection} (a wrong account key, or an identity without its storage roles yet)."
                    : $"Storage cannot be reached ({PipelineNames.StorageConnection}: {Endpoint()}).";
                var wait = TimeSpan.FromSeconds(Math.Min(MaxWait.TotalSeconds, Math.Pow(2, attempt - 1)));
                health.ReportUnavailable(HealthPart, reason);
                LogWaiting(reason, attempt + 1, wait.TotalSeconds);
                await Task.Delay(wait, time, cancellationToken);
            }
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private async Task CreateMissingAsync(CancellationToken cancellationToken)
    {
        foreach (var container in (string[])[PipelineNames.ArticlesContainer, PipelineNames.CleanedContainer, PipelineNames.SummariesContainer])
        {
            await blobs.GetBlobContainerClient(container).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        foreach (var queue in (string[])[PipelineNames.SummarizeQueue, PipelineNames.SummarizePoisonQueue])
        {
            await queues.GetQueueClient(queue).CreateIfNotExistsAsync(cancellationToken: cancellationToken);
        }
        await tables.CreateTableIfNotExistsAsync(PipelineNames.ArticlesTable, cancellationToken);
    }

    /// <summary>Host and port only: an account key or SAS in the connection must never reach a log.</summary>
    private string Endpoint() => $"{blobs.Uri.Host}:{blobs.Uri.Port}";

    [LoggerMessage(LogLevel.Warning, "{Reason} Waiting {Seconds} s before attempt {Next}.")]
    private partial void LogWaiting(string reason, int next, double seconds);
}
